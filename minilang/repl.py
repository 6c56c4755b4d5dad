"""`minilang` without a file: a REPL.  Each line runs at the top level,
with the global variables of the lines before it.

Ctrl-C while a line is typed or runs abandons it; the session goes on
with a new prompt, as in Python's REPL.  Running out of memory ends it.
"""

from minilang.errors import (Interrupted, EXIT_OK, EXIT_RUNTIME_ERROR)
from minilang.pipeline import (run_source, new_globals, RUN,
                               OutOfMemoryReported)
from minilang.rlib.signals import interrupt_requested
from minilang.rlib.streamio import read_chunk
from minilang.streams import stdout, write_error_line


def repl():
    """Read and run lines until the input ends; returns the exit status."""
    globals = new_globals()
    pending = ""
    while True:
        interrupt_requested()         # forget a Ctrl-C from before
        stdout.write("> ")
        stdout.flush()
        line, pending, at_end = read_line(pending)
        if line is None:
            stdout.write("\n")
            continue
        if at_end and line == "":
            stdout.write("\n")
            return EXIT_OK
        try:
            run_source(line, globals, RUN)
        except Interrupted:
            write_error_line("Interrupted.")
        except OutOfMemoryReported:
            return EXIT_RUNTIME_ERROR
        stdout.flush()
        if at_end:
            stdout.write("\n")
            return EXIT_OK


def read_line(pending):
    """Read one line from standard input.  Returns (line, what was read
    beyond it, whether input ended); line is None after a Ctrl-C."""
    while True:
        newline = pending.find("\n")
        if newline >= 0:
            return pending[:newline + 1], pending[newline + 1:], False
        chunk = read_chunk(0)
        if chunk is None:
            return None, "", False
        if not chunk:
            return pending, "", True
        pending += chunk
