"""The one place that knows which Python runs minilang.

Under Python 2.7 with the `rpython` package importable (translation, and the
JIT tests), every name below is the real thing from `rpython.rlib`.  On
CPython 3, where RPython cannot be imported, the same names are pure-Python
stand-ins with the same behaviour for a running program: the JIT hints do
nothing, and the host-facing helpers (files, output, clock, number
formatting) use the standard library.

Every other module imports these names from here and from nowhere else, so
no other file cares which Python runs it.

The stand-in `JitDriver` is stricter than a no-op: like the real one it
checks that `jit_merge_point` and `can_enter_jit` receive exactly the
declared greens and reds, so a misspelt red fails a fast CPython test
instead of a ten-minute translation.
"""

import os

try:
    from rpython.rlib.jit import (JitDriver, promote, elidable, unroll_safe,
                                  hint)
    from rpython.rlib.objectmodel import we_are_translated
    from rpython.rlib.debug import make_sure_not_resized
    from rpython.rlib.rfloat import formatd
    from rpython.rlib.rstackovf import StackOverflow, check_stack_overflow
    from rpython.rlib import rtime
    from rpython.rlib.longlong2float import longlong2float, float2longlong
    from rpython.rlib.rarithmetic import r_int64
    HAVE_RPYTHON = True
except ImportError:
    HAVE_RPYTHON = False


if HAVE_RPYTHON:

    def format_number(x):
        """C's printf("%g", x): what Lox's `print` shows for a number."""
        return formatd(x, 'g', 6)

    def parse_number(s):
        return float(s)

    def processor_time():
        return rtime.clock()

    def read_file(path):
        """The whole file as a byte string; raises OSError if unreadable."""
        fd = os.open(path, os.O_RDONLY, 0o777)
        try:
            chunks = []
            while True:
                data = os.read(fd, 65536)
                if not data:
                    break
                chunks.append(data)
        finally:
            os.close(fd)
        return ''.join(chunks)

    def write_bytes(fd, s):
        while s:
            n = os.write(fd, s)
            s = s[n:]

    def read_chunk(fd):
        return os.read(fd, 4096)

    # A float's 64 bits as an integer and back (codeloader.py).
    def float_to_bits(x):
        return float2longlong(x)

    def bits_to_float(n):
        return longlong2float(r_int64(n))

else:
    import struct
    import time

    class JitDriver(object):
        """Stand-in for rpython.rlib.jit.JitDriver: checks names, does nothing."""

        def __init__(self, greens, reds, virtualizables=None,
                     get_printable_location=None, is_recursive=False,
                     name='jitdriver', **kwds):
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

    def _identity_decorator(func):
        return func

    elidable = unroll_safe = _identity_decorator

    def make_sure_not_resized(lst):
        return lst

    def we_are_translated():
        return False

    # "except StackOverflow" catches the host's recursion limit; the real
    # one catches RPython's out-of-C-stack error.
    StackOverflow = RecursionError

    def check_stack_overflow():
        pass

    def format_number(x):
        return "%g" % x

    def parse_number(s):
        return float(s)

    def processor_time():
        return time.process_time()

    # Lox source is bytes.  Under RPython a `str` is a byte string; here the
    # bytes are decoded as latin-1 so that every byte is one character and
    # encoding the output as latin-1 gives back exactly the same bytes.
    def read_file(path):
        with open(path, 'rb') as f:
            return f.read().decode('latin-1')

    def write_bytes(fd, s):
        data = s.encode('latin-1')
        while data:
            n = os.write(fd, data)
            data = data[n:]

    def read_chunk(fd):
        return os.read(fd, 4096).decode('latin-1')

    def float_to_bits(x):
        return struct.unpack("<q", struct.pack("<d", x))[0]

    def bits_to_float(n):
        return struct.unpack("<d", struct.pack("<q", n))[0]
