"""minilang: a Lox interpreter with a tracing JIT, written in RPython.

Reading order, following a program through the pipeline:

    lexer.py          source bytes -> tokens
    parser.py         tokens -> syntax tree (ast.py), an rply LALR grammar
    syntax_errors.py  clox's messages for a file that does not parse
    resolver.py       where each variable lives (slots, cells, globals)
    opcodes.py        the instruction set, declared once
    compiler.py       syntax tree -> Code objects (code.py)
    disassembler.py   Code -> text (minilang --dis FILE)
    interpreter.py    the loop that runs Code, with its JitDriver
    frame.py          one call's state, the JIT's virtualizable
    objects.py        Lox values (numbers, strings, closures, classes...)
    globalscope.py    global variables
    builtins.py       native functions (clock)
    errors.py         compile errors, runtime errors, exit codes
    main.py           the command line, shared by CPython and the binary
    rlib.py           rpython.rlib, or stand-ins for it on CPython 3
    codeloader.py     Code trees to strings and back (jitview, trace tests)
"""
