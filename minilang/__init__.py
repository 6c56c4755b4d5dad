"""minilang: a Lox interpreter with a tracing JIT, written in RPython.

Reading order, following a program through the pipeline (this is the one
tour of the modules; tests/test_docs.py checks it names each one):

#> step 4
    pipeline.py       the whole path in one function: source -> tokens ->
                      tree -> resolved tree -> Code -> run
#< step 4
#before step 4:     pipeline.py       the whole path in one function
    lexer.py          source bytes -> tokens
#> step 2
    parser.py         tokens -> syntax tree (ast.py), an rply LALR grammar
    ast.py            the syntax tree's node classes
    resolver.py       where each variable lives (slots, cells, globals)
#< step 2
#> step 3
    opcodes.py        the instruction set, declared once
    compiler.py       syntax tree -> instructions, node by node
    codebuilder.py    the bytes of one function: operands, constants,
                      jumps, stack depth; builds the Code
    code.py           Code objects: bytecode, constants, line table
    disassembler.py   Code -> text (minilang --dis FILE)
#< step 3
#> step 4
    interpreter.py    the loop that runs Code, with its JitDriver
    frame.py          one call's state, the JIT's virtualizable
#< step 4
#> step 9
    techniques.py     the JIT techniques, each one switchable (MINILANG_WITHOUT)
#< step 9
#> step 3
    values.py         Lox values: nil, booleans, numbers, strings
#< step 3
#> step 4
    functions.py      closures, the cells they capture, natives
#< step 4
#> step 5
    versioned.py      the versioned lookup (globals, method tables)
#< step 5
#> step 7
    classes.py        classes and bound methods
    instances.py      instances: maps and storage classes
#< step 7
#> step 5
    globalscope.py    global variables
#< step 5
#> step 6
    builtins.py       native functions (clock, read, utf, printerr, exit)
#< step 6
#> step 3
    numformat.py      how print shows a number (C's %g)
#< step 3
    errors.py         compile errors, runtime errors, exit codes
    streams.py        standard input, output and error, buffered
    commandline.py    the command line, shared by CPython and the binary
    __main__.py       python -m minilang: the command line on CPython
#> step 4
    repl.py           minilang without a file: a line at a time
#< step 4
#> step 7
    heaplimit.py      how big the heap may grow (--max-heap)
#< step 7
#> step 15
    profiler.py       minilang --profile: vmprof samples of Lox functions
#< step 15
#> step 9
    codeloader.py     Code trees to strings and back (jitview, trace tests)
    jitadapter.py     what jitview knows of minilang (jitview/adapter.py)
#< step 9
    rlib/             rpython.rlib, or stand-ins for it on CPython 3: one
                      module per part of it (rlib/__init__.py lists them)

The tutorial's steps are cut from these files by the comments `#> step N`
... `#< step N` and `#before step N:` (docs/tutorial/README.md, "How the
steps are cut").
#> step 2 fidelity to clox

Skip on a first read (they exist only for fidelity to clox; each is
marked "skip on a first read" where it is):

    compile_errors.py every compile error in clox's words and order (a
                      second, hand-written parser that only reports)
#> step 3
    clox_size         opcodes.py's column and codebuilder.py's count of the
                      bytes clox would emit: jump limits fall where clox's do
    increment_after_body  compiler.py: a for loop compiled in clox's
                      layout, then its increment moved after its body
#< step 3
#< step 2
"""

__version__ = "0.1.0"
