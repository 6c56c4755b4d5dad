"""Runtime values: every Lox value is an instance of a `W_Root` subclass.

The `W_` prefix is PyPy's convention for "wrapped" interpreter-level
objects.  Each class knows how it prints (`str`), whether it is truthy and
how it compares for `==`; the interpreter loop asks, it never switches on
types for these.

Numbers and strings are immutable boxes.  Inside a loop the JIT removes
the boxes it can prove do not escape (no `new_with_vtable` in the trace),
which is why `W_Number` has a single immutable float field.
"""

from minilang.rlib import format_number, elidable, promote


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
        return isinstance(other, W_String) and self.value == other.value


class Cell(W_Root):
    """The box of a local variable that a closure captures.

    The resolver knows at compile time which locals are captured; such a
    local lives in a Cell in its frame slot (made when it is declared) and
    every closure that captures it holds the same Cell.  So a captured
    variable is shared by reference and outlives its frame, with no
    "closing" of upvalues when the scope ends.  Never visible to programs.
    """
    _attrs_ = ['value']

    def __init__(self, value):
        self.value = value

    def str(self):
        return "<cell>"


class W_Closure(W_Root):
    """A function value: compiled code plus the cells it captured."""
    _attrs_ = ['code', 'cells']
    _immutable_fields_ = ['code', 'cells[*]']

    def __init__(self, code, cells):
        self.code = code
        self.cells = cells

    def str(self):
        return "<fn %s>" % self.code.name


class W_Native(W_Root):
    """A function written in RPython, such as `clock`."""
    _attrs_ = ['name', 'arity', 'function']
    _immutable_fields_ = ['name', 'arity', 'function']

    def __init__(self, name, arity, function):
        self.name = name
        self.arity = arity
        self.function = function

    def str(self):
        return "<native fn>"


class VersionTag(object):
    """A fresh object each time a class's methods change (see W_Class)."""


class W_Class(W_Root):
    """A class.  Methods are looked up through `find_method`, which the
    JIT may treat as a constant for a given (class, name, version): the
    version is a quasi-immutable field (the `?`), so a trace that used a
    lookup is invalidated if methods are ever added afterwards."""
    _attrs_ = ['name', 'methods', 'version']
    _immutable_fields_ = ['name', 'version?']

    def __init__(self, name):
        self.name = name
        self.methods = {}
        self.version = VersionTag()

    def str(self):
        return self.name

    def add_method(self, name, method):
        self.methods[name] = method
        self.version = VersionTag()

    def find_method(self, name):
        """The method called `name`, or None."""
        self = promote(self)
        return self._find_method(name, self.version)

    @elidable
    def _find_method(self, name, version):
        return self.methods.get(name, None)


class Map(object):
    """The layout of an instance: which field is at which index of its
    `storage` list (a "hidden class", as PyPy and V8 call it).

    Instances that got the same fields in the same order share one Map, and
    a Map never changes: adding a field moves the instance to the next Map
    (`with_field`, cached, so the maps form a tree from EMPTY_MAP).  Both
    lookups are therefore pure functions of (map, name), `@elidable`: in a
    trace where the instance's map is a constant (promoted, one guard),
    finding a field's index costs nothing and a field access is one read
    of the storage list.
    """

    def __init__(self):
        self.indexes = {}         # field name -> index in storage
        self.transitions = {}     # field name -> the Map with it added

    @elidable
    def find(self, name):
        """The index of field `name`, or -1."""
        return self.indexes.get(name, -1)

    @elidable
    def with_field(self, name):
        """The Map of an instance that gets field `name` added."""
        next_map = self.transitions.get(name, None)
        if next_map is None:
            next_map = Map()
            for key, index in self.indexes.items():
                next_map.indexes[key] = index
            next_map.indexes[name] = len(self.indexes)
            self.transitions[name] = next_map
        return next_map


EMPTY_MAP = Map()


class W_Instance(W_Root):
    _attrs_ = ['klass', 'map', 'storage']
    _immutable_fields_ = ['klass']

    def __init__(self, klass):
        self.klass = klass
        self.map = EMPTY_MAP
        self.storage = []

    def str(self):
        return "%s instance" % self.klass.name

    def get_field(self, name):
        """The field called `name`, or None."""
        index = promote(self.map).find(name)
        if index < 0:
            return None
        return self.storage[index]

    def set_field(self, name, value):
        layout = promote(self.map)
        index = layout.find(name)
        if index >= 0:
            self.storage[index] = value
        else:
            self.map = layout.with_field(name)
            self.storage.append(value)


class W_BoundMethod(W_Root):
    """`obj.method` taken as a value: the method with `this` fixed."""
    _attrs_ = ['receiver', 'method']
    _immutable_fields_ = ['receiver', 'method']

    def __init__(self, receiver, method):
        self.receiver = receiver
        self.method = method

    def str(self):
        return self.method.str()

