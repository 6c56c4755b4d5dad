"""Lox values: `W_Root`, and nil, the booleans, numbers and strings.

Every Lox value is an instance of a `W_Root` subclass; the `W_` prefix is
PyPy's convention for "wrapped" interpreter-level objects.  Each class
knows how it prints (`str`), whether it is truthy and how it compares for
`==`; the interpreter loop asks, it never switches on types for these.

Numbers and strings are immutable boxes.  Inside a loop the JIT removes
the boxes it can prove do not escape (no `new_with_vtable` in the trace),
which is why `W_Number` has a single immutable float field.

The other values have their own modules: functions.py (closures, cells,
natives), classes.py (classes, bound methods), instances.py (instances).
Chapter 4 of the tutorial explains this file (the compiler of chapter 3
already makes numbers and strings: its constants).
"""

from minilang.numformat import format_number


class W_Root(object):
    _attrs_ = []

    def str(self):
        raise NotImplementedError

    def is_truthy(self):
        return True

    def equals(self, other):
        """`==` for objects: identity (numbers, strings, booleans and nil
        override this)."""
        return self is other


class W_Nil(W_Root):
    _attrs_ = []

    def str(self):
        return "nil"

    def is_truthy(self):
        return False


class W_Bool(W_Root):
    _attrs_ = ['value']
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value

    def str(self):
        return "true" if self.value else "false"

    def is_truthy(self):
        return self.value


w_nil = W_Nil()
w_true = W_Bool(True)
w_false = W_Bool(False)


def w_bool(value):
    return w_true if value else w_false


class W_Number(W_Root):
    _attrs_ = ['value']
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value

    def str(self):
        return format_number(self.value)

    def equals(self, other):
        # IEEE: NaN != NaN and 0 == -0, which is what float == does.
        return isinstance(other, W_Number) and self.value == other.value


class W_String(W_Root):
    _attrs_ = ['value']
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value

    def str(self):
        return self.value

    def equals(self, other):
        if not isinstance(other, W_String):
            return False
        # The lengths first: in a trace `len` is a pure operation (of a
        # literal, a constant), so strings of different lengths compare
        # with no call at all; only equal lengths call RPython's
        # comparison of the characters.
        if len(self.value) != len(other.value):
            return False
        return self.value == other.value
