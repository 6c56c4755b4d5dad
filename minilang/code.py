"""Code objects: what the compiler makes of one function (or the script).

A Code is immutable once built, and the interpreter loop's JIT driver
treats the Code being run as a *green* (a constant of the trace): all its
fields are declared immutable, so reading the bytecode, a constant or the
frame size inside a trace costs nothing.

It subclasses W_Root only because, as in clox, a nested function's Code is
one of its parent's constants (CLOSURE's operand); programs never see one.
"""

from minilang.objects import W_Root
from minilang.profiler import full_name
from minilang.rlib import register_code_class, register_code


class Code(W_Root):
    _immutable_fields_ = ['name', 'arity', 'bytecode', 'constants[*]',
                          'lines[*]', 'frame_size', 'upvalue_count',
                          'globals']

    def __init__(self, name, arity, bytecode, constants, lines, frame_size,
                 upvalue_count, globals):
        self.name = name                  # "" for the script
        self.arity = arity
        self.bytecode = bytecode          # a byte string, see opcodes.py
        self.constants = constants        # list of W_Root
        self.lines = lines                # source line of every byte
        self.frame_size = frame_size      # slots + deepest operand stack
        self.upvalue_count = upvalue_count
        self.globals = globals
        # Give it a unique id for the profiler (profiler.py), which names
        # samples by these ids; costs nothing while not profiling.
        register_code(self, full_name)

    def str(self):
        return "<code %s>" % self.name

    def read_byte(self, pc):
        return ord(self.bytecode[pc])

    def read_short(self, pc):
        return (ord(self.bytecode[pc]) << 8) | ord(self.bytecode[pc + 1])


# Code objects are what the profiler's samples name (profiler.py).
register_code_class(Code, full_name)
