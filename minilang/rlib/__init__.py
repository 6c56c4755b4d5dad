"""The parts of RPython's library (`rpython.rlib`) the interpreter uses, and
pure-Python stand-ins for them.
#before step 8: 
#before step 8: Until chapter 8 (translating) each module holds only its stand-ins,
#before step 8: which run on CPython 3 and use its standard library.  All other code
#before step 8: imports these names from these modules, by module
#before step 8: (`from minilang.rlib.debug import describe_exception`), and from
#before step 8: nowhere else.
#> step 8

Under Python 2.7 with RPython installed (translation, and the JIT tests)
each module gives the real thing; on CPython 3, where RPython cannot be
imported, the same names are stand-ins with the same behaviour for a
running program: the JIT hints do nothing, and the host-facing parts use
the standard library.  No other code cares which Python runs it: it
imports these names from these modules, by module
(`from minilang.rlib.jit import promote`), and from nowhere else.
#< step 8

#> step 8
    host.py            which Python runs the code (the one place deciding)
#< step 8
#> step 3
    jit.py             JitDriver and the JIT hints (promote, elidable, ...)
    unroll.py          unrolling_iterable
#< step 3
#> step 4
    debug.py           make_sure_not_resized; naming an unexpected exception
#< step 4
#before step 4:     debug.py           naming an unexpected exception
#> step 2
    rstackovf.py       StackOverflow, running out of stack
    rfloat.py          number literals, and C's %e formatting
#< step 2
#> step 9
    longlong2float.py  a float's 64 bits
#< step 9
#> step 6
    rtime.py           processor time
#< step 6
    streamio.py        reading files, writing to file descriptors
#> step 4
    signals.py         Ctrl-C: a handler that records it, and a poll
#< step 4
#> step 7
    memory.py          the machine's memory, and a heap limit
#< step 7
#> step 15
    vmprof.py          the sampling profiler
#< step 15
#> step 8

Each module decides its side on its own from host.HAVE_RPYTHON, and uses
nothing of minilang outside this package (tests/jit/test_rlib.py checks
that both sides give the same names with the same arguments).
#< step 8
"""
