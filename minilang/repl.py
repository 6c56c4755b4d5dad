"""`minilang` without a file: a REPL.  Each line runs at the top level,
with the global variables of the lines before it.

Ctrl-C while a line is typed or runs abandons it; the session goes on
with a new prompt, as in Python's REPL.  Running out of memory ends it.
"""

from minilang.errors import (Interrupted, EXIT_OK, EXIT_RUNTIME_ERROR)
from minilang.pipeline import (run_source, new_globals, RUN,
                               OutOfMemoryReported)
from minilang.rlib.signals import interrupt_requested
from minilang.streams import stdin, stdout, write_error_line


def repl(clox_limits):
    """Read and run lines until the input ends; returns the exit status.
    `clox_limits`: as for a file (pipeline.run_source)."""
    globals = new_globals()
    while True:
        interrupt_requested()         # forget a Ctrl-C from before
        stdout.write("> ")
        stdout.flush()
        line, at_end = stdin.read_line()
        if line is None:
            stdout.write("\n")
            continue
        if at_end and line == "":
            stdout.write("\n")
            return EXIT_OK
        try:
            run_source(line, globals, RUN, clox_limits)
        except Interrupted:
            write_error_line("Interrupted.")
        except OutOfMemoryReported:
            return EXIT_RUNTIME_ERROR
        stdout.flush()
        if at_end:
            stdout.write("\n")
            return EXIT_OK

