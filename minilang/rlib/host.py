"""Which host runs the code: the one place that decides.

`HAVE_RPYTHON` is True where the `rpython` package can be imported (Python
2.7 with RPython installed: translation and the JIT tests) and False where
it cannot (CPython 3).  Each module of this package reads it and defines
either the real `rpython.rlib` names or their pure-Python stand-ins.  Only
a missing `rpython` package selects the stand-ins: when RPython is there,
a module's failing import of some part of it is an error, not a reason to
fall back.
"""

try:
    import rpython
except ImportError:
    HAVE_RPYTHON = False
else:
    HAVE_RPYTHON = True

# Set by a translation target before it imports the interpreter: the code
# is about to be translated (not run untranslated on the llinterp).
translating = [False]
