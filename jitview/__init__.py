"""jitview: see what RPython's JIT makes of a Lox program.

    harness.py   (Python 2.7 + rpython) build minilang's interpreter for
                 the JIT once per process, run programs under the
                 meta-interpreter untranslated, check their loops (the
                 trace tests use it)
    log.py       read a JIT log: PYPYLOG=jit-log-opt,jit-summary output of
                 bin/minilang, or the same captured by the harness
    render.py    print it: operations grouped under source line and
                 instruction, guards/allocations/calls marked, summaries
    __main__.py  the command line (make trace)

log.py and render.py also run on Python 3.
"""
