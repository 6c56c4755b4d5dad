"""Frames: the state of one running call.

A frame's slots are laid out as a clox frame's: slot 0 holds the called
function (or `this` in a method), then the parameters, then the locals,
then the operand stack of expression evaluation.  But where a clox frame
is a window into one stack shared by all calls, a minilang frame has an
array of its own, `stack`.  Its size is fixed per Code (the compiler
computed it), so the array is never resized.

JIT technique `virtualizable` (techniques.py; chapter 10): the frame is
the JIT's *virtualizable*: inside compiled code its fields (`stack[*]`,
`sp`, `pc`) live in machine registers, not in memory, and are written back
only if something needs to look at the frame (an error's trace).  That is
why the interpreter keeps all per-call state here and why `sp` and `pc` are
plain integer fields.  Without it the frame is an ordinary object: a trace
reads and writes `stack[i]` (getarrayitem_gc/setarrayitem_gc) and `sp` at
every push and pop of the Lox program's loop.
"""

from minilang import techniques
from minilang.rlib.debug import make_sure_not_resized
from minilang.rlib.jit import hint, unroll_safe


class Frame(object):
    if techniques.VIRTUALIZABLE:
        _virtualizable_ = ['stack[*]', 'sp', 'pc']
    _immutable_fields_ = ['code', 'closure', 'depth']

    def __init__(self, code, closure, depth):
        if techniques.VIRTUALIZABLE:
            # A new frame: the JIT need not check where its fields live.
            self = hint(self, access_directly=True, fresh_virtualizable=True)
        self.code = code
        self.closure = closure        # W_Closure, or None for the script
        self.depth = depth            # number of calls below this one
        self.stack = [None] * code.frame_size
        make_sure_not_resized(self.stack)
        self.sp = 0
        self.pc = 0

    def load(self, slot):
        assert slot >= 0
        return self.stack[slot]

    def store(self, slot, value):
        assert slot >= 0
        self.stack[slot] = value

    def push(self, value):
        sp = self.sp
        assert sp >= 0
        self.stack[sp] = value
        self.sp = sp + 1

    def pop(self):
        sp = self.sp - 1
        assert sp >= 0
        value = self.stack[sp]
        self.stack[sp] = None
        self.sp = sp
        return value

    def peek(self, distance):
        """The value `distance` below the top (0 is the top)."""
        index = self.sp - 1 - distance
        assert index >= 0
        return self.stack[index]

    @unroll_safe
    def drop(self, count):
        """Discard the top `count` values."""
        for i in range(count):
            self.pop()
