"""Code objects: what the compiler makes of one function (or the script).

A Code is immutable once built, and the interpreter loop's JIT driver
treats the Code being run as a *green* (a constant of the trace): all its
fields are declared immutable, so reading the bytecode, a constant or the
frame size inside a trace costs nothing.

It subclasses W_Root only because, as in clox, a nested function's Code is
one of its parent's constants (CLOSURE's operand); programs never see one.
"""

from minilang import opcodes as op
from minilang.values import W_Root
#> step 15 the profiler
from minilang.profiler import full_name
from minilang.rlib.vmprof import register_code_class, register_code
#< step 15


#> step 13 maps
# What a field assigned by a SET_PROPERTY probably holds, guessed by the
# compiler (compiler.py, guess_field) for a class's first instances
# (classes.py, W_Class.guess_size).
GUESS_OBJECT = 0
GUESS_NUMBER = 1
GUESS_EITHER = 2
#< step 13


class Code(W_Root):
    _immutable_fields_ = ['name', 'arity', 'bytecode', 'constants[*]',
                          'lines[*]', 'frame_size', 'upvalue_count',
                          'globals']
    #> step 13
    _immutable_fields_ += ['field_guesses']
    #< step 13

    #> step 13
    def __init__(self, name, arity, bytecode, constants, lines, frame_size,
                 upvalue_count, globals, field_guesses):
    #< step 13
    #before step 13: def __init__(self, name, arity, bytecode, constants, lines, frame_size,
    #before step 13:              upvalue_count, globals):
        self.name = name                  # "" for the script
        self.arity = arity
        self.bytecode = bytecode          # a byte string, see opcodes.py
        self.constants = constants        # list of W_Root
        self.lines = lines                # source line of every byte
        self.frame_size = frame_size      # slots + deepest operand stack
        self.upvalue_count = upvalue_count
        self.globals = globals
        #> step 13
        # The fields this code's SET_PROPERTY instructions assign: name ->
        # GUESS_OBJECT, GUESS_NUMBER or GUESS_EITHER (never changed).
        self.field_guesses = field_guesses
        # The ClassSite of each CLASS instruction that has run, by its
        # operand's position (classes.class_site).
        self.class_sites = {}
        #< step 13
        #> step 15
        # Give it a unique id for the profiler (profiler.py), which names
        # samples by these ids; costs nothing while not profiling.
        register_code(self, full_name)
        #< step 15

    def str(self):
        return "<code %s>" % self.name

    # Reading operands: one helper per width (opcodes.OPERAND_SIZE), and
    # the position of the next instruction from the opcode table.  All
    # read only immutable fields, so in a trace they fold to constants.
    # `assert pc >= 0` tells RPython that the index is never negative, so
    # the translated interpreter reads the byte without first checking
    # whether to count from the end of the string.

    def read_byte(self, pc):
        assert pc >= 0
        return ord(self.bytecode[pc])

    def read_short(self, pc):
        assert pc >= 0
        return (ord(self.bytecode[pc]) << 8) | ord(self.bytecode[pc + 1])

    def read_operand(self, kind, pc):
        if op.OPERAND_SIZE[kind] == 2:
            return self.read_short(pc)
        return self.read_byte(pc)

    # A constant index above 255 takes a prefix (opcodes.py, EXTENDED_ARG).
    # The loop asks the two questions separately, each answer a plain
    # number: a tuple would be an allocation the tracer records (and the
    # optimiser then removes) at every instruction of every trace.

    def opcode_position(self, pc):
        """Where the opcode of the instruction starting at `pc` is: after
        its EXTENDED_ARG prefix if it has one."""
        if self.read_byte(pc) == op.EXTENDED_ARG:
            return pc + ord(op.SIZES[op.EXTENDED_ARG])
        return pc

    def index_high(self, pc):
        """The high byte of the constant index of the instruction starting
        at `pc`, shifted (0 unless it starts with an EXTENDED_ARG)."""
        if self.read_byte(pc) == op.EXTENDED_ARG:
            return self.read_byte(pc + 1) << 8
        return 0

    def decode_start(self, pc):
        """Both answers at once, for the disassembler and next_pc."""
        return self.opcode_position(pc), self.index_high(pc)

    def next_pc(self, pc):
        """Where the instruction after the one starting at `pc` starts."""
        at, high = self.decode_start(pc)
        opcode = self.read_byte(at)
        if opcode == op.CLOSURE:
            return at + op.capture_offset(
                self.closure_function(pc).upvalue_count)
        return at + ord(op.SIZES[opcode])

    def closure_function(self, pc):
        """The function (a Code) of the CLOSURE instruction starting at
        `pc`."""
        at = self.opcode_position(pc)
        function = self.constants[self.index_high(pc) |
                                  self.read_byte(at + 1)]
        assert isinstance(function, Code)
        return function

    def captures_local(self, pc, i):
        """Whether the CLOSURE at `pc` (its opcode)'s captured variable `i`
        is a local of the function running CLOSURE (else one of its
        closure's cells)."""
        return self.read_byte(pc + op.capture_offset(i)) != 0

    def capture_index(self, pc, i):
        """That local's slot, or that cell's index."""
        return self.read_byte(pc + op.capture_offset(i) + 1)

#> step 15
# Code objects are what the profiler's samples name (profiler.py).
register_code_class(Code, full_name)
#< step 15
