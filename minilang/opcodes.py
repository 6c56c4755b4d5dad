"""The instruction set, declared once.

Each `op(...)` line below declares one opcode: its name, its operands, its
effect on the stack and one line of meaning.  The compiler (emit helpers,
stack depth), the disassembler (rows, operand decoding), the interpreter
(its dispatch compares against these constants) and the JIT
(`get_printable_location` names instructions from `NAMES`) all read this
table; `tests/test_opcodes.py` checks that every opcode is compiled,
disassembled and dispatched.

Bytecode is a byte string.  An instruction is its opcode byte followed by
its operand bytes:

    k   constant index     1 byte  (constants[k])
    s   frame slot         1 byte  (stack[s]: slot 0 is the callee or `this`,
                                    then parameters, then locals)
    u   captured variable  1 byte  (the running closure's cells[u])
    n   argument count     1 byte
    j   jump offset        2 bytes, big-endian, forward from the next
                                    instruction
    b   loop offset        2 bytes, backward from the next instruction
    c   closure            1 byte constant index, then 2 bytes (is_local,
                           index) per captured variable of that function
    x   prefix             1 byte: the high byte of the constant index
                                    (k or c) of the instruction it precedes

A constant index above 255 is written as the prefix EXTENDED_ARG (x: the
index's high byte) followed by the instruction with the low byte, as
CPython's EXTENDED_ARG does: the compiler emits it (CodeBuilder.emit),
`Code.opcode_position` and `index_high` read it (the loop, the
disassembler), and jumps never land between the two.  The bytecode of a function with at most 256
constants has no prefix: it is byte for byte what it was without one.

The layout follows clox's, byte for byte, so that the limits of the spec
(256 constants with `--clox-limits`, 65,535-byte jumps) fall where they
fall in clox.  (Skip
`clox_size` on a first read: it exists only for fidelity to clox.)  Where
minilang needs an instruction clox does not have (cells), or uses one
instruction for two of clox's (`<=` is one LESS_EQUAL, where clox emits
GREATER NOT and gets NaN wrong), `clox_size` records how many bytes clox
would have emitted; jump limits are measured in those bytes.

Stack effect: `effect` is the net change in stack depth; `pops_args`
means that the argument count operand is subtracted from it as well.
`saves_pc=False` marks an instruction before which the loop need not store
its position in the frame (SAVES_PC, at the end).

The operand kinds drive everything that reads or writes operands:
`encode_operand` is how the compiler writes one, `Code.read_operand` how
the disassembler reads one (the loop calls `Code.read_byte` and
`Code.read_short` directly, the two widths there are), `SIZES` is how far
the loop moves to the next instruction, and CLOSURE's variable part is
`encode_capture` / `capture_offset`, used by the compiler, the loop
(`make_closure`), the disassembler and the tests alike.
"""


class OpInfo(object):
    def __init__(self, number, name, operands, effect, pops_args, meaning,
                 clox_size, saves_pc):
        self.number = number
        self.name = name
        self.operands = operands
        self.effect = effect
        self.pops_args = pops_args
        self.meaning = meaning
        self.saves_pc = saves_pc
        size = 1
        for kind in operands:
            size += OPERAND_SIZE[kind]
        self.size = size          # without a CLOSURE's variable part
        self.clox_size = size if clox_size < 0 else clox_size


OPERAND_SIZE = {'k': 1, 's': 1, 'u': 1, 'n': 1, 'j': 2, 'b': 2, 'c': 1,
                'x': 1}

# The operand kinds an EXTENDED_ARG prefix widens: a constant index, always
# an instruction's first operand.
PREFIXED_KINDS = "kc"


def encode_operand(kind, value):
    """The bytes of one operand of `kind`: big-endian, masked to its width
    (a value too large was already reported as a compile error)."""
    if OPERAND_SIZE[kind] == 2:
        return [(value >> 8) & 0xff, value & 0xff]
    return [value & 0xff]


# CLOSURE's variable part: after its fixed operands, per captured variable
# (in the order of the function's cells) one byte "is a local of the
# enclosing function" (1) or "is one of its cells" (0), then that slot or
# cell index.
CAPTURE_SIZE = 2


def encode_capture(is_local, index):
    return [1 if is_local else 0, index & 0xff]


def capture_offset(i):
    """Where captured variable `i` is, from the CLOSURE opcode byte; for
    i = the number of captured variables, the size of the instruction."""
    return ord(SIZES[CLOSURE]) + CAPTURE_SIZE * i


OPS = []


def op(name, operands, effect, meaning, pops_args=False, clox_size=-1,
       saves_pc=True):
    info = OpInfo(len(OPS), name, operands, effect, pops_args, meaning,
                  clox_size, saves_pc)
    OPS.append(info)
    return info.number


#              name             operands effect  meaning
# -- constants and the stack
CONSTANT      = op("CONSTANT",      "k",  +1, "push constants[k]",
                   saves_pc=False)
NIL           = op("NIL",           "",   +1, "push nil", saves_pc=False)
TRUE          = op("TRUE",          "",   +1, "push true", saves_pc=False)
FALSE         = op("FALSE",         "",   +1, "push false",
                   saves_pc=False)
POP           = op("POP",           "",   -1, "discard the top value",
                   saves_pc=False)
# -- variables
GET_LOCAL     = op("GET_LOCAL",     "s",  +1, "push stack[s]",
                   saves_pc=False)
SET_LOCAL     = op("SET_LOCAL",     "s",   0, "stack[s] = top (kept)",
                   saves_pc=False)
MAKE_CELL     = op("MAKE_CELL",     "s",   0,
                   "stack[s] = Cell(stack[s]): the local is captured",
                   clox_size=0)
GET_CELL      = op("GET_CELL",      "s",  +1, "push stack[s].value")
SET_CELL      = op("SET_CELL",      "s",   0, "stack[s].value = top (kept)")
GET_UPVALUE   = op("GET_UPVALUE",   "u",  +1, "push cells[u].value")
SET_UPVALUE   = op("SET_UPVALUE",   "u",   0, "cells[u].value = top (kept)")
GET_GLOBAL    = op("GET_GLOBAL",    "k",  +1, "push the global named k")
DEFINE_GLOBAL = op("DEFINE_GLOBAL", "k",  -1, "global k = pop()")
SET_GLOBAL    = op("SET_GLOBAL",    "k",   0, "global k = top (kept); "
                   "it must exist")
# -- properties
GET_PROPERTY  = op("GET_PROPERTY",  "k",   0, "replace an instance by its "
                   "field or bound method k")
SET_PROPERTY  = op("SET_PROPERTY",  "k",  -1, "instance.k = value; "
                   "leave value")
GET_SUPER     = op("GET_SUPER",     "k",  -1, "pop superclass; replace "
                   "`this` by superclass method k bound to it")
# -- operators
EQUAL         = op("EQUAL",         "",   -1, "a == b", saves_pc=False)
NOT_EQUAL     = op("NOT_EQUAL",     "",   -1, "a != b", clox_size=2,
                   saves_pc=False)
GREATER       = op("GREATER",       "",   -1, "a > b")
GREATER_EQUAL = op("GREATER_EQUAL", "",   -1, "a >= b", clox_size=2)
LESS          = op("LESS",          "",   -1, "a < b")
LESS_EQUAL    = op("LESS_EQUAL",    "",   -1, "a <= b", clox_size=2)
ADD           = op("ADD",           "",   -1, "a + b (numbers or strings)")
SUBTRACT      = op("SUBTRACT",      "",   -1, "a - b")
MULTIPLY      = op("MULTIPLY",      "",   -1, "a * b")
DIVIDE        = op("DIVIDE",        "",   -1, "a / b")
NOT           = op("NOT",           "",    0, "!a", saves_pc=False)
NEGATE        = op("NEGATE",        "",    0, "-a")
PRINT         = op("PRINT",         "",   -1, "print pop()")
# -- control flow
JUMP          = op("JUMP",          "j",   0, "pc += j", saves_pc=False)
JUMP_IF_FALSE = op("JUMP_IF_FALSE", "j",   0, "if top is falsey: pc += j "
                   "(top kept)", saves_pc=False)
LOOP          = op("LOOP",          "b",   0, "pc -= b: the backward jump "
                   "where the JIT may start tracing", saves_pc=False)
# -- functions and classes
CALL          = op("CALL",          "n",   0, "call the value under n "
                   "arguments; replace them all by the result",
                   pops_args=True)
INVOKE        = op("INVOKE",        "kn",  0, "call method k of the value "
                   "under n arguments", pops_args=True)
SUPER_INVOKE  = op("SUPER_INVOKE",  "kn", -1, "pop superclass; call its "
                   "method k on `this` under n arguments", pops_args=True)
CLOSURE       = op("CLOSURE",       "c",  +1, "push a new closure of "
                   "function constants[k]")
RETURN        = op("RETURN",        "",   -1, "return pop() to the caller")
CLASS         = op("CLASS",         "k",  +1, "push a new class named k")
INHERIT       = op("INHERIT",       "",   -1, "copy the methods of the "
                   "superclass under top into the class on top; pop")
METHOD        = op("METHOD",        "k",  -1, "add closure pop() as method "
                   "k of the class now on top")
# -- a prefix (see the top of this module)
EXTENDED_ARG  = op("EXTENDED_ARG",  "x",   0, "the next instruction's "
                   "constant index is x * 256 + its operand", saves_pc=False)

NAMES = [info.name for info in OPS]


# Each opcode's size (without CLOSURE's variable part), for the loop: a
# byte string indexed by opcode, `ord(SIZES[opcode])`.  A string because it
# is immutable, like the bytecode: in a trace, where the opcode is a
# constant, reading its size folds away; untranslated and in the binary's
# interpreter it is a single load.  Every byte value has an entry (1 for a
# byte that is no opcode), so no index is out of bounds.
SIZES = "".join([chr(info.size) for info in OPS] + ["\x01"] * (256 - len(OPS)))


# JIT technique: `frame.pc` is stored only where it can be read.  The loop
# keeps the pc in a local variable; `interpreter.run` reads `frame.pc` only
# to give a runtime error its line, so only instructions that can raise,
# allocate (running out of memory is a runtime error too), call (a callee's
# error passes through this frame) or leave need to store it: the table's
# `saves_pc` column (True unless said otherwise).  The others, the most
# frequent ones, skip the store: in the interpreter and the blackhole that
# is one write less per instruction.  A string indexed by opcode, like
# SIZES: in a trace the opcode is a constant and the test folds away.
SAVES_PC = "".join([chr(int(info.saves_pc)) for info in OPS] +
                   ["\x01"] * (256 - len(OPS)))


def stack_effect(opcode, argc):
    info = OPS[opcode]
    if info.pops_args:
        return info.effect - argc
    return info.effect
