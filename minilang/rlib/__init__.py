"""The parts of RPython's library (`rpython.rlib`) the interpreter uses, and
pure-Python stand-ins for them.

Under Python 2.7 with RPython installed (translation, and the JIT tests)
each module gives the real thing; on CPython 3, where RPython cannot be
imported, the same names are stand-ins with the same behaviour for a
running program: the JIT hints do nothing, and the host-facing parts use
the standard library.  No other code cares which Python runs it: it
imports these names from these modules, by module
(`from minilang.rlib.jit import promote`), and from nowhere else.

    host.py            which Python runs the code (the one place deciding)
    jit.py             JitDriver and the JIT hints (promote, elidable, ...)
    unroll.py          unrolling_iterable
    debug.py           make_sure_not_resized; naming an unexpected exception
    rstackovf.py       StackOverflow, running out of stack
    rfloat.py          number literals, and C's %e formatting
    longlong2float.py  a float's 64 bits
    rtime.py           processor time
    streamio.py        reading files, writing to file descriptors
    signals.py         Ctrl-C: a handler that records it, and a poll
    memory.py          the machine's memory, and a heap limit
    vmprof.py          the sampling profiler

Each module decides its side on its own from host.HAVE_RPYTHON, and uses
nothing of minilang outside this package (tests/jit/test_rlib.py checks
that both sides give the same names with the same arguments).
"""
