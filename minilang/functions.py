"""Functions as values: closures, the cells they capture, natives.

`W_Closure` is what a `fun` declaration makes at run time (a Code plus
the cells it captured); the script itself runs as a closure from
chapter 4 on.  A `Cell` boxes a local variable that a closure captures;
a `W_Native` is a function written in RPython (builtins.py).  Chapter 6
of the tutorial explains them.
"""

from minilang import techniques
from minilang.values import W_Root, W_Number


#> step 6 closures
if techniques.UNBOXED_NUMBERS:
    class Cell(W_Root):
        """The box of a local variable that a closure captures (see the
        plain version below for what a cell is).

        JIT technique (unboxed-numbers): a storage strategy for numbers,
        as for instance fields.  A number stored into a cell is kept
        unboxed in `float_value` (with `holds_float` set), so a captured
        counter updated in a loop allocates no W_Number per write; reading
        it makes a box the JIT can usually remove.  Any other value goes to
        `object_value` (a number stored later leaves the old object there
        until the next object write: it is never read while `holds_float`
        is set).
        """
        _attrs_ = ['holds_float', 'float_value', 'object_value']

        def __init__(self, value):
            self.holds_float = False
            self.float_value = 0.0
            self.object_value = None
            self.set(value)

        def get(self):
            if self.holds_float:
                return W_Number(self.float_value)
            return self.object_value

        def set(self, value):
            if isinstance(value, W_Number):
                self.float_value = value.value
                self.holds_float = True
            else:
                self.object_value = value
                self.holds_float = False

        def str(self):
            return "<cell>"
else:
    class Cell(W_Root):
        """The box of a local variable that a closure captures.

        The resolver knows at compile time which locals are captured; such
        a local lives in a Cell in its frame slot (made when it is
        declared) and every closure that captures it holds the same Cell.
        So a captured variable is shared by reference and outlives its
        frame, with no "closing" of upvalues when the scope ends.  Never
        visible to programs.
        """
        _attrs_ = ['value']

        def __init__(self, value):
            self.value = value

        def get(self):
            return self.value

        def set(self, value):
            self.value = value

        def str(self):
            return "<cell>"
#< step 6


class W_Closure(W_Root):
    """A function value: compiled code plus the cells it captured."""
    _attrs_ = ['code', 'cells']
    _immutable_fields_ = ['code', 'cells[*]']

    def __init__(self, code, cells):
        self.code = code
        self.cells = cells

    def str(self):
        return "<fn %s>" % self.code.name


#> step 6 natives
class W_Native(W_Root):
    """A function written in RPython, such as `clock`.  It has no name:
    Lox prints every native as `<native fn>`, and the global it is bound
    to has the name (builtins.py)."""
    _attrs_ = ['arity', 'function']
    _immutable_fields_ = ['arity', 'function']

    def __init__(self, arity, function):
        self.arity = arity
        self.function = function

    def str(self):
        return "<native fn>"
#< step 6
