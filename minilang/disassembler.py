"""The disassembler: bytecode back to readable text (`minilang --dis FILE`).

It decodes every instruction from the operand kinds of the opcode table,
so it needs no change when an opcode is added.  The format is clox's:

    offset line NAME            operand 'constant'

with `|` in the line column when the line is that of the previous
instruction.  Nested functions follow the code that creates them.
"""

from minilang import opcodes as op
from minilang.code import Code


def disassemble(code):
    """The text of `code` and of every function nested in it."""
    out = []
    disassemble_into(code, out)
    return "".join(out)


def disassemble_into(code, out):
    out.append("== %s ==\n" % (code.name if code.name else "<script>"))
    pc = 0
    while pc < len(code.bytecode):
        text, pc = instruction(code, pc)
        out.append(text + "\n")
    for constant in code.constants:
        if isinstance(constant, Code):
            out.append("\n")
            disassemble_into(constant, out)


def instruction(code, pc):
    """One instruction's text, and the offset of the next one.  After an
    EXTENDED_ARG prefix (its own row), the instruction's row shows the
    whole constant index."""
    first = pc
    start, high = code.decode_start(pc)
    text = ""
    if start != first:
        text = row(code, first) + " " + right(str(code.read_byte(first + 1)),
                                              4) + "\n"
    info = op.OPS[code.read_byte(start)]
    text += row(code, start)
    pc = start + 1
    for kind in info.operands:
        value = code.read_operand(kind, pc)
        pc += op.OPERAND_SIZE[kind]
        if kind in op.PREFIXED_KINDS:
            value = high | value
        if kind == 'k' or kind == 'c':
            text += " %s '%s'" % (right(str(value), 4),
                                  code.constants[value].str())
        elif kind == 'j':
            text += " %s -> %d" % (right(str(start), 4), pc + value)
        elif kind == 'b':
            text += " %s -> %d" % (right(str(start), 4), pc - value)
        else:
            text += " " + right(str(value), 4)
    if info.number == op.CLOSURE:
        for i in range(code.closure_function(first).upvalue_count):
            kind = "local" if code.captures_local(start, i) else "upvalue"
            index = code.capture_index(start, i)
            text += "\n%s    |                     %s %d" % (
                zeros(start + op.capture_offset(i)), kind, index)
    pc = code.next_pc(first)
    return text, pc


def row(code, pc):
    """The start of an instruction's row: offset, line, name."""
    info = op.OPS[code.read_byte(pc)]
    if pc > 0 and code.lines[pc] == code.lines[pc - 1]:
        line = "   |"
    else:
        line = right(str(code.lines[pc]), 4)
    name = left(info.name, 16) if info.operands else info.name
    return "%s %s %s" % (zeros(pc), line, name)


# RPython's % formatting has no widths: pad by hand.

def right(text, width):
    return " " * (width - len(text)) + text


def left(text, width):
    return text + " " * (width - len(text))


def zeros(number):
    text = str(number)
    return "0" * (4 - len(text)) + text
