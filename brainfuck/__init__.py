"""brainfuck: a Brainfuck interpreter in RPython with a tracing JIT, the
second language of jitview (chapter 0 of the tutorial: docs/your-own-language.md).

    interpreter.py   the program's parse (instructions, lines, the jump
                     of each bracket) and the loop that runs it, with its
                     JitDriver
    jitadapter.py    what jitview needs to know of it (jitview/adapter.py)
    __main__.py      `python -m brainfuck PROG.b` (CPython 3, untranslated)
                     and the binary's entry point (targets/targetbrainfuck.py)

It imports nothing of minilang's Lox: only the stand-ins of rpython.rlib in
minilang/rlib/ (JitDriver and the hints on CPython 3, reading files and
writing bytes), a package that uses nothing of the Lox implementation.
"""
