"""Naming an unexpected exception for a bug report.
#> step 4
And a debugging aid of rpython.rlib.debug, make_sure_not_resized.
#< step 4
"""

from minilang.rlib import host

if host.HAVE_RPYTHON:
    #> step 4
    from rpython.rlib.debug import make_sure_not_resized
    #< step 4
    from rpython.rlib.unroll import unrolling_iterable as _unrolling_iterable

    # The exceptions a bug is likely to raise, by name: translated code has
    # no tracebacks and no class names.
    _KNOWN_EXCEPTIONS = _unrolling_iterable([
        (ZeroDivisionError, "ZeroDivisionError"),
        (OverflowError, "OverflowError"), (KeyError, "KeyError"),
        (IndexError, "IndexError"), (ValueError, "ValueError"),
        (AssertionError, "AssertionError"),
        (NotImplementedError, "NotImplementedError"),
        (OSError, "OSError"), (IOError, "IOError")])

    def describe_exception(e):
        """Which exception `e` is, for a bug report."""
        for cls, name in _KNOWN_EXCEPTIONS:
            if isinstance(e, cls):
                return name
        return "an RPython exception"

else:
    import os as _os
    import traceback as _traceback

    #> step 4
    def make_sure_not_resized(arg):
        return arg
    #< step 4

    def describe_exception(e):
        """Its class, message and where it was raised."""
        where = _traceback.extract_tb(e.__traceback__)
        text = type(e).__name__
        if str(e):
            text += " (%s)" % e
        if where:
            last = where[-1]
            text += " at %s:%d in %s()" % (_os.path.basename(last.filename),
                                           last.lineno, last.name)
        return text
