"""rpython.rlib.unroll: a loop over an `unrolling_iterable` is unrolled
when translated; the stand-in is a tuple."""

from minilang.rlib import host

if host.HAVE_RPYTHON:
    from rpython.rlib.unroll import unrolling_iterable

else:
    def unrolling_iterable(iterable):
        return tuple(iterable)
