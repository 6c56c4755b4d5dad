"""minilang's adapter for jitview (jitview/adapter.py says what each name
is for): the only place jitview learns anything about Lox.

The harness runs a program as `minilang FILE` does, split in two: the
front end (source -> tokens -> tree -> Code) runs on the host, and the
Code, written out as a string by codeloader.dump, is what the JIT-built
`entry` loads and runs.  Python 2.7 with rpython for entry_point and
front_end; parse_location runs anywhere minilang.interpreter imports.
"""

from minilang import techniques
from minilang.errors import EXIT_COMPILE_ERROR
from minilang.interpreter import (get_printable_location,
                                  parse_printable_location)

NAME = "minilang"
FRONT_END_STATUS = EXIT_COMPILE_ERROR
INLINE = techniques.INLINING
parse_location = parse_printable_location

# Every compiled loop polls for Ctrl-C (interpreter.check_interrupt) at its
# backward jump, and a function's start polls unless the call is inlined:
# a read of RPython's signal flag, a comparison and a guard, as in PyPy's.  A test
# counts them with with_polls(counts, polls) rather than spelling them out.
POLL = {'getfield_raw_i': 1, 'int_ge': 1, 'guard_true': 1}


def entry_point():
    """The RPython function `entry(data)`: run a compiled program with the
    last stage of the pipeline (pipeline.run_code, as `minilang FILE`
    does) and return the exit status.  The pipeline is imported here, not
    at the top: reading a log (parse_location) needs none of it."""
    from minilang.codeloader import load
    from minilang.pipeline import new_globals, run_code
    from minilang.streams import stdout

    def entry(data):
        code = load(data, new_globals())
        status = run_code(code)
        stdout.flush()
        return status
    return entry


def front_end(source):
    """Lox source -> the string `entry` runs, or None after printing the
    compile errors (to standard error, as minilang does): the pipeline
    run on the host as far as the Code."""
    from minilang.codeloader import dump
    from minilang.pipeline import run_source, new_globals, COMPILE
    code = run_source(source, new_globals(), COMPILE).code
    if code is None:
        return None
    return dump(code)


class _CodeView(object):
    """The fields get_printable_location reads, from a low-level Code."""

    def __init__(self, struct):
        from rpython.rtyper.annlowlevel import hlstr
        self.name = hlstr(struct.inst_name)
        self.bytecode = hlstr(struct.inst_bytecode)
        self.lines = struct.inst_lines


def host_location(greenkey):
    """get_printable_location of the greens (pc, code), on the host."""
    pc = greenkey[0].getint()
    struct = greenkey[1].getref_base()._obj.container
    return get_printable_location(pc, _CodeView(struct))


def description():
    return techniques.DESCRIPTION


def error():
    return techniques.ERROR
