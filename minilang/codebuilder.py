"""Emitting one function's bytecode: the CodeBuilder.

The compiler (compiler.py) walks the syntax tree and calls these methods;
here is everything about the bytes themselves: an instruction's opcode and
operands encoded as the opcode table says (opcodes.py), the line of every
byte, the constant table, forward jumps and their patching, the backward
LOOP, and the operand-stack depth of each instruction (the `effect`
column), so that every Code knows how many slots its frame needs.  `build`
turns what was emitted into an immutable Code (code.py).

clox's limits are checked where clox checks them: constants per function
(every literal and name takes a new one, as in clox), and jumps of at most
65,535 bytes, measured in the bytes clox would emit.  A function may have
65,536 constants (an index above 255 takes an EXTENDED_ARG prefix,
opcodes.py); with `--clox-limits`, clox's 256.
(Skip on a first read: `clox_size`, the byte count of clox's code, and
`emit_hidden` exist only to keep clox's limits; a program runs the same
without them.  minilang/__init__.py lists what a first read can skip.)
"""

from minilang import opcodes as op
from minilang.code import Code
from minilang.lexer import line_of
from minilang.values import W_String
#> step 13 maps
from minilang.values import W_Number
from minilang.code import GUESS_OBJECT, GUESS_NUMBER, GUESS_EITHER
#< step 13

MAX_CONSTANTS = 65536       # an index is 2 bytes at most (with a prefix)
CLOX_MAX_CONSTANTS = 256    # clox's: an index is 1 byte (--clox-limits)
MAX_JUMP = 65535


class Jump(object):
    """A forward jump waiting for its target."""

    def __init__(self, position, clox_position):
        self.position = position              # of the operand, in our code
        self.clox_position = clox_position    # the same place in clox's


class CodeBuilder(object):
    """Emits the code of one function."""

    def __init__(self, enclosing, name, arity, scope, globals, reporter,
                 clox_limits):
        self.enclosing = enclosing
        self.name = name
        self.arity = arity
        self.scope = scope
        self.globals = globals
        self.errors = reporter
        self.clox_limits = clox_limits    # True: clox's 256 constants
        self.code = []            # bytes, as ints
        self.lines = []
        self.constants = []
        self.clox_size = 0        # bytes clox would have emitted so far
        self.depth = 1 + arity    # slot 0, then the parameters
        self.max_depth = self.depth
        #> step 13 maps
        self.last_instruction = 0   # where the last one's opcode is
        self.last_operands = []     # and its operands
        self.field_guesses = {}     # see guess_field
        #< step 13

    def build(self):
        return Code(self.name, self.arity,
                    "".join([chr(b) for b in self.code]),
                    fixed_constants(self.constants), fixed_lines(self.lines),
                    #> step 13
                    self.max_depth, len(self.scope.upvalues), self.globals,
                    self.field_guesses)
                    #< step 13
                    #before step 13: self.max_depth, len(self.scope.upvalues), self.globals)

    # --------------------------------------------------------- emitting

    def emit(self, opcode, line, operands=None):
        """Emit an instruction: its opcode, then its `operands` (a list of
        values, one per operand kind of the opcode table) encoded as the
        table says.  Its stack effect counts the argument count operand."""
        info = op.OPS[opcode]
        if operands is None:
            operands = []
        assert len(operands) == len(info.operands)
        if info.operands and info.operands[0] in op.PREFIXED_KINDS:
            self.emit_prefix(operands[0], line)
        self.code.append(opcode)
        self.lines.append(line)
        #> step 13
        self.last_instruction = len(self.code) - 1
        self.last_operands = operands
        #< step 13
        argc = 0
        for i in range(len(operands)):
            kind = info.operands[i]
            if kind == 'n':
                argc = operands[i]
            for byte in op.encode_operand(kind, operands[i]):
                self.code.append(byte)
                self.lines.append(line)
        self.clox_size += info.clox_size
        self.depth += op.stack_effect(opcode, argc)
        if self.depth > self.max_depth:
            self.max_depth = self.depth

    def emit_prefix(self, index, line):
        """(Skip on a first read.) Before an instruction whose constant
        index does not fit in a byte: EXTENDED_ARG and the high byte
        (opcodes.py).  An index below 256 has none, as in clox."""
        if index > 0xff:
            self.code.append(op.EXTENDED_ARG)
            self.lines.append(line)
            for byte in op.encode_operand('x', index >> 8):
                self.code.append(byte)
                self.lines.append(line)
            self.clox_size += op.OPS[op.EXTENDED_ARG].clox_size

    def emit_arg(self, opcode, arg, line):
        self.emit(opcode, line, [arg])

    def emit_hidden(self, opcode, arg, line):
        """(clox fidelity: skip on a first read.) An instruction clox does not
        have: it takes no room in clox's byte count (MAKE_CELL and the few
        around a captured function)."""
        saved = self.clox_size
        if op.OPS[opcode].operands:
            self.emit_arg(opcode, arg, line)
        else:
            self.emit(opcode, line)
        self.clox_size = saved

    def make_constant(self, value, token):
        limit = CLOX_MAX_CONSTANTS if self.clox_limits else MAX_CONSTANTS
        if len(self.constants) == limit:
            self.errors.error_at(token, "Too many constants in one chunk.")
            return 0
        self.constants.append(value)
        return len(self.constants) - 1

    def name_constant(self, token):
        return self.make_constant(W_String(token.value), token)

    def emit_jump(self, opcode, line):
        """A forward jump, its offset to be patched: see patch_jump."""
        self.emit(opcode, line, [0xffff])
        return Jump(len(self.code) - op.OPERAND_SIZE['j'], self.clox_size)

    def patch_jump(self, jump, token):
        """Point `jump` here.  clox measures from after the operand."""
        offset = len(self.code) - jump.position - op.OPERAND_SIZE['j']
        if self.clox_size - jump.clox_position > MAX_JUMP or offset > MAX_JUMP:
            self.errors.error_at(token, "Too much code to jump over.")
            return
        i = jump.position
        for byte in op.encode_operand('j', offset):
            self.code[i] = byte
            i += 1

    def loop_start(self):
        return Jump(len(self.code), self.clox_size)

    def emit_loop(self, start, token):
        # The offset is measured from the end of the LOOP instruction.
        offset = len(self.code) + op.OPS[op.LOOP].size - start.position
        clox_offset = (self.clox_size + op.OPS[op.LOOP].clox_size -
                       start.clox_position)
        if clox_offset > MAX_JUMP or offset > MAX_JUMP:
            self.errors.error_at(token, "Loop body too large.")
            offset = 0
        self.emit(op.LOOP, line_of(token), [offset])

    #> step 6
    def emit_capture(self, is_local, index, line):
        """One captured variable after a CLOSURE instruction: its operand
        bytes (opcodes.encode_capture), which clox counts as two."""
        for byte in op.encode_capture(is_local, index):
            self.code.append(byte)
            self.lines.append(line)
        self.clox_size += op.CAPTURE_SIZE
    #< step 6

    #> step 13
    def guess_field(self, name):
        """Note that this function assigns field `name` (its next
        instruction is a SET_PROPERTY) and guess what the field holds from
        the instruction that pushed the value: a number constant, another
        constant (a string, nil, true, false), or something else, which may
        be either.  A field assigned several kinds of value is
        GUESS_EITHER.  A class makes its first instances from the guesses
        of its methods' Code (classes.py, W_Class.guess_size)."""
        kind = GUESS_EITHER
        opcode = self.code[self.last_instruction]
        if opcode == op.CONSTANT:
            value = self.constants[self.last_operands[0]]
            if isinstance(value, W_Number):
                kind = GUESS_NUMBER
            else:
                kind = GUESS_OBJECT
        elif opcode == op.NIL or opcode == op.TRUE or opcode == op.FALSE:
            kind = GUESS_OBJECT
        if self.field_guesses.get(name, kind) != kind:
            kind = GUESS_EITHER
        self.field_guesses[name] = kind
    #< step 13


# A Code's lists are immutable (the JIT reads them as constants), so RPython
# wants them made at their final size: these copy the builder's lists.

def fixed_constants(items):
    copy = [None] * len(items)
    for i in range(len(items)):
        copy[i] = items[i]
    return copy


def fixed_lines(items):
    copy = [0] * len(items)
    for i in range(len(items)):
        copy[i] = items[i]
    return copy
