"""Runtime values: every Lox value is an instance of a `W_Root` subclass.

The `W_` prefix is PyPy's convention for "wrapped" interpreter-level
objects.  Each class knows how it prints (`str`), whether it is truthy and
how it compares for `==`; the interpreter loop asks, it never switches on
types for these.

Numbers and strings are immutable boxes.  Inside a loop the JIT removes
the boxes it can prove do not escape (no `new_with_vtable` in the trace),
which is why `W_Number` has a single immutable float field.
"""

from minilang.numformat import format_number
from minilang.rlib import elidable, promote, unroll_safe


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


#> step 6 closures
class Cell(W_Root):
    """The box of a local variable that a closure captures.

    The resolver knows at compile time which locals are captured; such a
    local lives in a Cell in its frame slot (made when it is declared) and
    every closure that captures it holds the same Cell.  So a captured
    variable is shared by reference and outlives its frame, with no
    "closing" of upvalues when the scope ends.  Never visible to programs.

    JIT technique: a storage strategy for numbers, as for instance
    fields.  A number stored into a cell is kept unboxed in `float_value`
    (with `holds_float` set), so a captured counter updated in a loop
    allocates no W_Number per write; reading it makes a box the JIT can
    usually remove.  Any other value goes to `object_value` (a number
    stored later leaves the old object there until the next object
    write: it is never read while `holds_float` is set).
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
    """A function written in RPython, such as `clock`."""
    _attrs_ = ['name', 'arity', 'function']
    _immutable_fields_ = ['name', 'arity', 'function']

    def __init__(self, name, arity, function):
        self.name = name
        self.arity = arity
        self.function = function

    def str(self):
        return "<native fn>"
#< step 6


#> step 5 globals (and, at step 7, methods)
class VersionTag(object):
    """A fresh object each time a VersionedLookup's table changes."""


class VersionedLookup(object):
    """JIT idiom: promote, then an elidable lookup keyed by a version.

    A table that is read far more often than it changes (a class's
    methods, the program's global names) keeps its entries in a dict and a
    `version`, a quasi-immutable field (`?`) that gets a fresh VersionTag
    on every change.  `versioned_get` promotes the table (free where it is
    already a trace constant, one guard otherwise), then calls an
    `@elidable` lookup whose arguments are all constants: (table, key,
    version).  The JIT folds the call into its result, and the only thing
    left in the trace is a `guard_not_invalidated`: changing the table
    (`versioned_put`) writes `version`, which invalidates every trace that
    relied on an old lookup.

    A mixin (`_mixin_`): RPython copies these methods into each class that
    uses it, so each table can hold its own type of entry.  The class must
    declare `_immutable_fields_ = ['version?']` itself.
    """
    _mixin_ = True

    def init_versioned(self):
        self.entries = {}
        self.version = VersionTag()

    def versioned_get(self, key):
        """The entry for `key`, or None."""
        self = promote(self)
        return self._versioned_get(key, self.version)

    @elidable
    def _versioned_get(self, key, version):
        return self.entries.get(key, None)

    def versioned_put(self, key, value):
        self.entries[key] = value
        self.version = VersionTag()
#< step 5


#> step 7 classes
class W_Class(W_Root, VersionedLookup):
    """A class.  Methods are looked up through `find_method`, a
    VersionedLookup: constant-folded in a trace for a constant class, and
    invalidated if methods are ever added afterwards.  `root_map` is the
    Map of its instances before they have any field (see Map)."""
    _attrs_ = ['name', 'entries', 'version', 'root_map']
    _immutable_fields_ = ['name', 'version?', 'root_map']

    def __init__(self, name):
        self.name = name
        self.init_versioned()
        self.root_map = Map(self, None, None, FIELD_OBJECT)

    def str(self):
        return self.name

    def add_method(self, name, method):
        self.versioned_put(name, method)

    def find_method(self, name):
        """The method called `name`, or None."""
        return self.versioned_get(name)

    def methods(self):
        """(name, method) pairs, for INHERIT."""
        return self.entries.items()


# How a field is stored (Map.find gives `index << 1 | kind`).
FIELD_OBJECT = 0    # in the instance's `objects` array, any W_Root
FIELD_FLOAT = 1     # in its `floats` array, an unboxed number


class Map(object):
    """The layout of an instance (a "hidden class", as PyPy and V8 call it).

    JIT technique: one promote reaches the layout *and* the class.  Every
    instance has a Map; a Map belongs to one class (`klass`, immutable),
    and says at which index of which storage array each field lives.
    Instances of a class that got the same fields in the same order share
    one Map, and a Map never changes: adding a field moves the instance to
    the next Map (`with_field`, cached, so the maps of a class form a tree
    from its `root_map`).  Its lookups are pure functions of (map, name),
    `@elidable`: in a trace the instance's map is promoted (one guard), and
    then finding a field, its kind, the arrays' sizes and the class (for
    a method call) all fold to constants.

    JIT technique: storage sized by the map, and storage strategies for
    numbers (as PySOM's object layouts and PyPy's mapdict).  An instance
    has two fixed-size arrays, `objects` and `floats`, of exactly the
    lengths its map gives (None when zero), never a resizable list: a
    field write is one `setarrayitem`, with no length check.  A field that
    got a number when it was added is a FIELD_FLOAT field: its number is
    stored unboxed in `floats`, so writing a number into it allocates no
    W_Number (and reading it makes a box the JIT usually removes).  If a
    FIELD_FLOAT field is later given another kind of value, the instance
    moves to the map where that field is FIELD_OBJECT (`generalised`, so
    traces specialised on the old map fail their map guard and take a
    bridge), and the map where the field was added is marked `deprecated`
    so that new instances store that field as an object from then on.
    """
    _immutable_fields_ = ['klass', 'parent', 'added_name', 'added_kind',
                          'names[*]', 'object_count', 'float_count']

    def __init__(self, klass, parent, added_name, added_kind):
        self.klass = klass
        self.parent = parent             # None for a class's root map
        self.added_name = added_name     # the field this map added
        self.added_kind = added_kind
        self.slots = {}          # field name -> index << 1 | kind
        self.names = []          # field names in the order they were added
        self.object_count = 0
        self.float_count = 0
        self.object_transitions = {}    # name -> Map with it added
        self.float_transitions = {}
        self.generalisations = {}       # name -> Map with it FIELD_OBJECT
        self.deprecated = False
        if parent is not None:
            for key, slot in parent.slots.items():
                self.slots[key] = slot
            self.names = parent.names + [added_name]
            self.object_count = parent.object_count
            self.float_count = parent.float_count
            if added_kind == FIELD_FLOAT:
                self.slots[added_name] = self.float_count << 1 | FIELD_FLOAT
                self.float_count += 1
            else:
                self.slots[added_name] = self.object_count << 1 | FIELD_OBJECT
                self.object_count += 1

    @elidable
    def find(self, name):
        """`index << 1 | kind` of field `name`, or -1."""
        return self.slots.get(name, -1)

    @elidable
    def with_field(self, name, kind):
        """The Map of an instance that gets field `name` of `kind` added.
        (Elidable although `deprecated` can change: a stale answer is a
        valid map all the same, only a less general one.)"""
        if kind == FIELD_FLOAT:
            next_map = self.float_transitions.get(name, None)
            if next_map is None or not next_map.deprecated:
                if next_map is None:
                    next_map = Map(self.klass, self, name, FIELD_FLOAT)
                    self.float_transitions[name] = next_map
                return next_map
        next_map = self.object_transitions.get(name, None)
        if next_map is None:
            next_map = Map(self.klass, self, name, FIELD_OBJECT)
            self.object_transitions[name] = next_map
        return next_map

    @elidable
    def generalised(self, name):
        """This map with field `name` stored as an object."""
        result = self.generalisations.get(name, None)
        if result is None:
            # Mark where the field became a float field: new instances
            # will take the object path there (see with_field).
            origin = self
            while origin is not None and origin.added_name != name:
                origin = origin.parent
            assert origin is not None
            origin.deprecated = True
            result = self.klass.root_map
            for key in self.names:
                kind = (self.slots[key] & 1) if key != name else FIELD_OBJECT
                result = result.with_field(key, kind)
            self.generalisations[name] = result
        return result


def new_objects(count):
    if count == 0:
        return None
    return [None] * count


def new_floats(count):
    if count == 0:
        return None
    return [0.0] * count


class W_Instance(W_Root):
    _attrs_ = ['map', 'objects', 'floats']

    def __init__(self, klass):
        self.map = klass.root_map
        self.objects = None       # see Map: sized by the map
        self.floats = None

    def get_class(self):
        return self.map.klass

    def str(self):
        return "%s instance" % self.map.klass.name

    def get_field(self, name):
        """The field called `name`, or None."""
        return self.get_field_in(promote(self.map), name)

    def get_field_in(self, layout, name):
        """get_field, for a caller that already promoted the map."""
        slot = layout.find(name)
        if slot < 0:
            return None
        index = slot >> 1
        if slot & 1 == FIELD_FLOAT:
            return W_Number(self.floats[index])
        return self.objects[index]

    def set_field(self, name, value):
        layout = promote(self.map)
        slot = layout.find(name)
        if slot >= 0:
            index = slot >> 1
            if slot & 1 == FIELD_OBJECT:
                self.objects[index] = value
            elif isinstance(value, W_Number):
                self.floats[index] = value.value    # unboxed: no allocation
            else:
                self.relayout(layout, layout.generalised(name), name, value)
        elif isinstance(value, W_Number):
            self.relayout(layout, layout.with_field(name, FIELD_FLOAT),
                          name, value)
        else:
            self.relayout(layout, layout.with_field(name, FIELD_OBJECT),
                          name, value)

    @unroll_safe
    def relayout(self, old, new, name, value):
        """Move to Map `new` (fields of `old`, maybe one more, maybe one
        kind changed) and set field `name` to `value`.  In a trace both
        maps are constants, so the loops unroll; an instance being built
        is virtual and its intermediate arrays are never allocated."""
        objects = new_objects(new.object_count)
        floats = new_floats(new.float_count)
        for key in old.names:
            if key == name:
                continue
            old_slot = old.find(key)
            new_slot = new.find(key)
            if new_slot & 1 == FIELD_FLOAT:
                floats[new_slot >> 1] = self.floats[old_slot >> 1]
            elif old_slot & 1 == FIELD_FLOAT:
                objects[new_slot >> 1] = W_Number(self.floats[old_slot >> 1])
            else:
                objects[new_slot >> 1] = self.objects[old_slot >> 1]
        new_slot = new.find(name)
        if new_slot & 1 == FIELD_FLOAT:
            assert isinstance(value, W_Number)
            floats[new_slot >> 1] = value.value
        else:
            objects[new_slot >> 1] = value
        self.map = new
        self.objects = objects
        self.floats = floats


class W_BoundMethod(W_Root):
    """`obj.method` taken as a value: the method with `this` fixed."""
    _attrs_ = ['receiver', 'method']
    _immutable_fields_ = ['receiver', 'method']

    def __init__(self, receiver, method):
        self.receiver = receiver
        self.method = method

    def str(self):
        return self.method.str()
#< step 7
