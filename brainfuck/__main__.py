"""`python -m brainfuck PROG.b` (untranslated, CPython 3 or 2.7), and the
binary's entry point (targets/targetbrainfuck.py translates `main`)."""

import sys

from minilang.rlib.streamio import read_file, write_bytes

from brainfuck.interpreter import run

EXIT_USAGE = 64
EXIT_IO = 74


def main(argv):
    if len(argv) != 2 or argv[1].startswith("-"):
        write_bytes(2, "usage: brainfuck PROG.b\n")
        return EXIT_USAGE
    try:
        text = read_file(argv[1])
    except OSError:
        write_bytes(2, "brainfuck: cannot read %s\n" % argv[1])
        return EXIT_IO
    return run(text)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
