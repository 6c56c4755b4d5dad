"""JIT hints: rpython.rlib.jit, or stand-ins that do nothing.

The stand-in `JitDriver` is stricter than a no-op: like the real one it
checks that `jit_merge_point` and `can_enter_jit` receive exactly the
declared greens and reds, so a misspelt red fails a fast CPython test
instead of a ten-minute translation.
"""

from minilang.rlib import host

if host.HAVE_RPYTHON:
    from rpython.rlib.jit import (JitDriver, promote, elidable, unroll_safe,
                                  dont_look_inside, hint, isvirtual)
    from rpython.rlib.jit import set_user_param, TraceLimitTooHigh

else:
    class JitDriver(object):
        """Stand-in for rpython.rlib.jit.JitDriver: checks names, does nothing."""

        def __init__(self, greens=None, reds=None, virtualizables=None,
                     get_jitcell_at=None, set_jitcell_at=None,
                     get_printable_location=None, confirm_enter_jit=None,
                     can_never_inline=None, should_unroll_one_iteration=None,
                     name='jitdriver', check_untranslated=True,
                     vectorize=False, get_unique_id=None, is_recursive=False,
                     get_location=None):
            self.greens = greens
            self.reds = reds
            self._names = set(greens) | set(reds)
            for v in virtualizables or []:
                assert v in reds, "virtualizable %r must be a red" % (v,)
            self.get_printable_location = get_printable_location

        def _check(self, livevars):
            if set(livevars) != self._names:
                raise TypeError("JitDriver expects greens %r and reds %r, got %r"
                                % (self.greens, self.reds, sorted(livevars)))

        def jit_merge_point(self, **livevars):
            self._check(livevars)

        def can_enter_jit(self, **livevars):
            self._check(livevars)

    def promote(x):
        return x

    def hint(x, **kwds):
        return x

    def isvirtual(value):
        return False

    def elidable(func):
        return func

    def unroll_safe(func):
        return func

    def dont_look_inside(func):
        return func

    class TraceLimitTooHigh(Exception):
        """Stand-in: raised by set_user_param for a trace_limit above 2**14."""

    def set_user_param(driver, text):
        """Stand-in for rpython.rlib.jit.set_user_param: untranslated there
        is no JIT to tune, so this only checks `text` as the real one does
        ('off', 'default' or 'name=integer,...' with a name of its
        PARAMETERS; ValueError otherwise, TraceLimitTooHigh for a
        trace_limit above 2**14)."""
        names = ['threshold', 'function_threshold', 'trace_eagerness',
                 'decay', 'trace_limit', 'inlining', 'loop_longevity',
                 'retrace_limit', 'max_retrace_guards', 'max_unroll_loops',
                 'disable_unrolling', 'enable_opts', 'max_unroll_recursion',
                 'vec', 'vec_cost', 'vec_all']
        if text == 'off' or text == 'default':
            return
        for part in text.split(','):
            pieces = part.strip(' ').split('=')
            if len(pieces) != 2 or pieces[0] not in names:
                raise ValueError
            name, value = pieces
            if name != 'enable_opts':
                if '_' in value:            # Python 3's int() takes 1_0
                    raise ValueError
                number = int(value)         # ValueError if not a number
                if name == 'trace_limit' and number > 2 ** 14:
                    raise TraceLimitTooHigh
