"""Brainfuck's adapter for jitview (jitview/adapter.py says what each
name is for).  The program is the source text itself: the front end on
the host only checks its brackets, and the entry point parses it again."""

from brainfuck.interpreter import (parse, run, BfError, EXIT_SYNTAX,
                                   get_printable_location,
                                   parse_printable_location)

NAME = "brainfuck"
FRONT_END_STATUS = EXIT_SYNTAX
INLINE = False          # Brainfuck has no calls
POLL = {}               # nothing polled in its loops
parse_location = parse_printable_location


def entry_point():
    """The RPython function that runs a program's text: interpreter.run."""
    return run


def front_end(source):
    """The source, or None after writing its bracket error."""
    import sys
    try:
        parse(source)
    except BfError as e:
        sys.stderr.write("brainfuck: %s\n" % e.message)
        return None
    return source


class _ProgramView(object):
    """The fields get_printable_location reads, from a low-level Program."""

    def __init__(self, struct):
        from rpython.rtyper.annlowlevel import hlstr
        self.code = hlstr(struct.inst_code)
        self.lines = struct.inst_lines


def host_location(greenkey):
    """get_printable_location of the greens (pc, program), on the host."""
    pc = greenkey[0].getint()
    struct = greenkey[1].getref_base()._obj.container
    return get_printable_location(pc, _ProgramView(struct))


def description():
    return ""


def error():
    return None
