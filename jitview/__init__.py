"""jitview: see what RPython's JIT makes of a Lox program (or of any
interpreter's, through its adapter).

    adapter.py   the seam: what jitview knows of an interpreter (minilang's
                 is minilang/jitadapter.py, Brainfuck's brainfuck/jitadapter.py)
    harness.py   (Python 2.7 + rpython) build the interpreter for
                 the JIT once per process, run programs under the
                 meta-interpreter untranslated, check their loops (the
                 trace tests use it)
    log.py       read a JIT log: PYPYLOG=jit-log-opt,jit-summary output of
                 bin/minilang, or the same captured by the harness
    render.py    print it: operations grouped under source line and
                 instruction, guards/allocations/calls marked, summaries
    html.py      the same as one self-contained page for a browser (its
                 script and style: page.html), one build or two side by side
    counting.py  (Python 2.7) run counts of loops and bridges on the
                 llgraph backend, as the binary writes them
    __main__.py  the command line (make trace)

log.py, render.py and html.py also run on Python 3.
"""
