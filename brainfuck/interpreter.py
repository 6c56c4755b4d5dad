"""Brainfuck: eight instructions on a tape of byte cells and a pointer.

    >  <    move the pointer right, left
    +  -    add 1 to, subtract 1 from the cell (modulo 256)
    .  ,    write the cell as a byte; read a byte into it (at the end of
            the input the cell keeps its value)
    [  ]    if the cell is 0, jump past the matching ]; if it is not 0,
            jump back to just after the matching [

Every other character is a comment.  The tape starts as one cell and grows
to the right as the pointer moves there (every new cell is 0); moving left
of the first cell is an error.  Exit status: 0, 65 for unbalanced
brackets, 70 for the pointer moved off the left end of the tape.
"""

from minilang.rlib.jit import JitDriver, elidable
from minilang.rlib.streamio import write_bytes, read_chunk

INSTRUCTIONS = "<>+-.,[]"
EXIT_OK = 0
EXIT_SYNTAX = 65
EXIT_RUNTIME = 70


class BfError(Exception):
    def __init__(self, message, status):
        self.message = message
        self.status = status


class Program(object):
    """A parsed program: its instructions without the comments, the source
    line of each, and for each bracket the index of its partner."""
    _immutable_fields_ = ["code", "lines[*]", "targets[*]"]

    def __init__(self, code, lines, targets):
        self.code = code
        self.lines = lines
        self.targets = targets


def parse(text):
    """Source text -> a Program; raises BfError for unbalanced brackets."""
    chars = []
    line_of = []
    line = 1
    for c in text:
        if c == "\n":
            line += 1
        elif c in INSTRUCTIONS:
            chars.append(c)
            line_of.append(line)
    # Fixed-size lists (RPython makes them arrays): never resized.
    lines = [0] * len(chars)
    targets = [-1] * len(chars)
    for pc in range(len(chars)):
        lines[pc] = line_of[pc]
    opened = []
    for pc in range(len(chars)):
        if chars[pc] == "[":
            opened.append(pc)
        elif chars[pc] == "]":
            if not opened:
                raise BfError("line %d: ']' without a '['" % lines[pc],
                              EXIT_SYNTAX)
            start = opened.pop()
            targets[start] = pc
            targets[pc] = start
    if opened:
        raise BfError("line %d: '[' without a ']'" % lines[opened[-1]],
                      EXIT_SYNTAX)
    return Program("".join(chars), lines, targets)


@elidable
def jump_target(program, pc):
    """The partner of the bracket at pc.  The same answer for the same
    arguments: in a trace, where both are constants (greens), the JIT
    computes it while tracing and keeps only the result."""
    return program.targets[pc]


def get_printable_location(pc, program):
    """How a position is named in traces: '[ @12 (line 3)'
    (parse_printable_location reads it back)."""
    return "%s @%d (line %d)" % (program.code[pc], pc, program.lines[pc])


def parse_printable_location(text):
    """(instruction, pc, line, "program") from a text get_printable_location
    wrote, or None for any other text (for jitview; not RPython)."""
    instruction, at, rest = text.partition(" @")
    pc, in_line, rest = rest.partition(" (line ")
    if not (len(instruction) == 1 and at and in_line and pc.isdigit()
            and rest.endswith(")") and rest[:-1].isdigit()):
        return None
    return instruction, int(pc), int(rest[:-1]), "program"


jitdriver = JitDriver(
    # pc and program: the position in the program; everything derived
    # from them (the instruction, a bracket's partner) is a constant in a
    # trace.
    greens=["pc", "program"],
    # The pointer and the tape change as the program runs (and the input
    # is read).
    reds=["pointer", "tape", "stdin"],
    get_printable_location=get_printable_location,
    name="brainfuck")


class Tape(object):
    def __init__(self):
        self.cells = [0]


class Input(object):
    """Standard input, read in chunks."""

    def __init__(self):
        self.buffer = ""
        self.at = 0

    def read_byte(self):
        """The next byte of standard input, or -1 at its end."""
        if self.at >= len(self.buffer):
            chunk = read_chunk(0)
            if not chunk:
                return -1
            self.buffer = chunk
            self.at = 0
        c = self.buffer[self.at]
        self.at += 1
        return ord(c)


def execute(program, stdin):
    """Run `program`; raises BfError if the pointer leaves the tape."""
    pc = 0
    pointer = 0
    tape = Tape()
    while pc < len(program.code):
        jitdriver.jit_merge_point(pc=pc, program=program, pointer=pointer,
                                  tape=tape, stdin=stdin)
        c = program.code[pc]
        if c == ">":
            pointer += 1
            if pointer == len(tape.cells):
                tape.cells.append(0)
        elif c == "<":
            pointer -= 1
            if pointer < 0:
                raise BfError("line %d: '<' left of the first cell"
                              % program.lines[pc], EXIT_RUNTIME)
        elif c == "+":
            tape.cells[pointer] = (tape.cells[pointer] + 1) & 0xff
        elif c == "-":
            tape.cells[pointer] = (tape.cells[pointer] - 1) & 0xff
        elif c == ".":
            write_bytes(1, chr(tape.cells[pointer]))
        elif c == ",":
            byte = stdin.read_byte()
            if byte >= 0:
                tape.cells[pointer] = byte
        elif c == "[":
            if tape.cells[pointer] == 0:
                pc = jump_target(program, pc)
        elif c == "]":
            if tape.cells[pointer] != 0:
                # Back to the loop's start: where a loop can be traced.
                pc = jump_target(program, pc) + 1
                jitdriver.can_enter_jit(pc=pc, program=program,
                                        pointer=pointer, tape=tape, stdin=stdin)
                continue
        pc += 1


def run(text):
    """Parse and run a program's source text; returns the exit status
    (writing any error to standard error)."""
    try:
        execute(parse(text), Input())
    except BfError as e:
        write_bytes(2, "brainfuck: %s\n" % e.message)
        return e.status
    return EXIT_OK
