"""Runtime values: every Lox value is an instance of a `W_Root` subclass.

The `W_` prefix is PyPy's convention for "wrapped" interpreter-level
objects.  Each class knows how it prints (`str`), whether it is truthy and
how it compares for `==`; the interpreter loop asks, it never switches on
types for these.

Numbers and strings are immutable boxes.  Inside a loop the JIT removes
the boxes it can prove do not escape (no `new_with_vtable` in the trace),
which is why `W_Number` has a single immutable float field.
"""

from minilang import opcodes as op
from minilang import techniques
from minilang.numformat import format_number
from minilang.rlib.jit import elidable, promote, unroll_safe, dont_look_inside
from minilang.rlib.unroll import unrolling_iterable


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
    """A class: a name and a table of methods.  INHERIT copies the
    superclass's methods into the subclass's table (as clox does), so a
    lookup looks in one table only.  With maps, `root_map` is the Map of
    its instances before they have any field (see Map) and `storage` says
    how much room a new instance gets (see W_Instance)."""
    _attrs_ = ['name', 'entries', 'version', 'root_map', 'storage',
               'estimate_objects', 'estimate_floats', 'fields_set']
    _immutable_fields_ = ['name', 'version?', 'root_map', 'storage?']

    def __init__(self, name):
        self.name = name
        self.init_versioned()
        if techniques.MAPS:
            self.estimate_objects = 0     # the most fields seen
            self.estimate_floats = 0
            self.fields_set = {}          # names its methods assign
            self.storage = storage_index(0, 0)
            self.root_map = Map(self, None, None, FIELD_OBJECT)

    def str(self):
        return self.name

    def add_method(self, name, method):
        if techniques.METHOD_VERSIONS:
            self.versioned_put(name, method)
        else:
            self.entries[name] = method
        if techniques.MAPS:
            self.guess_size(method.code)

    def find_method(self, name):
        """The method called `name`, or None."""
        if techniques.METHOD_VERSIONS:
            # JIT technique (method-versions): the table is a
            # VersionedLookup, so for a class that is a constant in the
            # trace the lookup folds into its result, and adding a method
            # later invalidates the traces that relied on the old table.
            return self.versioned_get(name)
        else:
            # A dictionary lookup each time: in a trace, a call of the
            # dictionary's lookup function per method call.
            return self.entries.get(name, None)

    def methods(self):
        """(name, method) pairs, for INHERIT."""
        return self.entries.items()

    def instantiate(self):
        """A new instance of this class, without fields."""
        if techniques.MAPS:
            return new_instance(self)
        else:
            return W_Instance(self)

    @dont_look_inside
    def guess_size(self, code):
        """Before any instance has fields, guess which they will have: the
        names that the methods' SET_PROPERTY instructions assign (`this.x
        = ...` in `init` mostly), a number field where the value stored is
        a number constant, an object field where it is another constant,
        room for either where it is not known.  So the first instances of
        a class, often the only ones, get their fields inline too (see
        W_Instance), and usually of the same storage class as the later
        ones (see note_size)."""
        pc = 0
        previous = 0
        while pc < len(code.bytecode):
            opcode = code.read_byte(pc)
            if opcode == op.SET_PROPERTY:
                w_name = code.constants[code.read_byte(pc + 1)]
                assert isinstance(w_name, W_String)
                kind = GUESS_EITHER
                prev_opcode = code.read_byte(previous)
                if prev_opcode == op.CONSTANT:
                    value = code.constants[code.read_byte(previous + 1)]
                    if isinstance(value, W_Number):
                        kind = GUESS_NUMBER
                    else:
                        kind = GUESS_OBJECT
                elif (prev_opcode == op.NIL or prev_opcode == op.TRUE or
                      prev_opcode == op.FALSE):
                    kind = GUESS_OBJECT
                seen = self.fields_set.get(w_name.value, kind)
                if seen != kind:
                    kind = GUESS_EITHER
                self.fields_set[w_name.value] = kind
            previous = pc
            pc = code.next_pc(pc)
        if self.estimate_objects == 0 and self.estimate_floats == 0:
            if techniques.UNBOXED_NUMBERS:
                objects = 0
                floats = 0
                for kind in self.fields_set.values():
                    if kind != GUESS_NUMBER:
                        objects += 1
                    if kind != GUESS_OBJECT:
                        floats += 1
            else:
                objects = len(self.fields_set)     # every field an object
                floats = 0
            self.storage = storage_index(objects, floats)

    def note_size(self, object_count, float_count):
        """An instance of this class got `object_count` object fields and
        `float_count` number fields: new instances get room for as many
        (maps only; see W_Instance).  The storage class changes only if
        the one chosen so far has too little room (so that instances of
        a class are all of one storage class, as a rule: a place that
        sees several is polymorphic for the JIT)."""
        if (object_count <= self.estimate_objects and
                float_count <= self.estimate_floats):
            return
        self.estimate_objects = max(self.estimate_objects, object_count)
        self.estimate_floats = max(self.estimate_floats, float_count)
        objects, floats = storage_sizes(self.storage)
        if self.estimate_objects > objects or self.estimate_floats > floats:
            self.storage = storage_index(max(self.estimate_objects, objects),
                                         max(self.estimate_floats, floats))
            # (a quasi-immutable write: invalidates traces that allocated)


# What guess_size thinks a field assigned in a method holds.
GUESS_OBJECT = 0
GUESS_NUMBER = 1
GUESS_EITHER = 2


if techniques.MAPS:
    # How a field is stored (Map.find gives `index << 1 | kind`).
    FIELD_OBJECT = 0    # object field number `index`, any W_Root
    FIELD_FLOAT = 1     # number field number `index`, an unboxed float

    class Map(object):
        """The layout of an instance (a "hidden class", as PyPy and V8
        call it).

        JIT technique (maps): one promote reaches the layout *and* the
        class.  Every instance has a Map; a Map belongs to one class
        (`klass`, immutable), and says which number each field has among
        the instance's object fields or its number fields.  Instances of a
        class that got the same fields in the same order share one Map,
        and a Map never changes: adding a field moves the instance to the
        next Map (`with_field`, cached, so the maps of a class form a tree
        from its `root_map`).  Its lookups are pure functions of (map,
        name), `@elidable`: in a trace the instance's map is promoted (one
        guard), and then finding a field, its kind and the class (for a
        method call) all fold to constants.

        JIT technique (unboxed-numbers): storage strategies for numbers
        (as PySOM's object layouts and PyPy's mapdict).  A field that got
        a number when it was added is a FIELD_FLOAT field: its number is
        stored unboxed, so writing a number into it allocates no W_Number
        (and reading it makes a box the JIT usually removes).  If a
        FIELD_FLOAT field is later given another kind of value, the
        instance moves to the map where that field is FIELD_OBJECT
        (`generalised`, so traces specialised on the old map fail their
        map guard and take a bridge), and the map where the field was
        added is marked `deprecated` so that new instances store that
        field as an object from then on.
        """
        _immutable_fields_ = ['klass', 'parent', 'added_name',
                              'added_kind', 'names[*]', 'object_count',
                              'float_count']

        def __init__(self, klass, parent, added_name, added_kind):
            self.klass = klass
            self.parent = parent             # None for a class's root map
            self.added_name = added_name     # the field this map added
            self.added_kind = added_kind
            self.slots = {}          # field name -> index << 1 | kind
            self.names = []          # field names in the order added
            self.object_count = 0
            self.float_count = 0
            self.object_transitions = {}    # name -> Map with it added
            self.float_transitions = {}
            self.generalisations = {}       # name -> Map, it FIELD_OBJECT
            self.deprecated = False
            if parent is not None:
                for key, slot in parent.slots.items():
                    self.slots[key] = slot
                self.names = parent.names + [added_name]
                self.object_count = parent.object_count
                self.float_count = parent.float_count
                if added_kind == FIELD_FLOAT:
                    self.slots[added_name] = (self.float_count << 1 |
                                              FIELD_FLOAT)
                    self.float_count += 1
                else:
                    self.slots[added_name] = (self.object_count << 1 |
                                              FIELD_OBJECT)
                    self.object_count += 1
                klass.note_size(self.object_count, self.float_count)

        @elidable
        def find(self, name):
            """`index << 1 | kind` of field `name`, or -1."""
            return self.slots.get(name, -1)

        @elidable
        def with_field(self, name, kind):
            """The Map of an instance that gets field `name` of `kind`
            added.  (Elidable although `deprecated` can change: a stale
            answer is a valid map all the same, only a less general
            one.)"""
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
                    kind = FIELD_OBJECT
                    if key != name:
                        kind = self.slots[key] & 1
                    result = result.with_field(key, kind)
                self.generalisations[name] = result
            return result

    # JIT technique (maps): fields inline in the instance.  An instance is
    # one object holding its first fields itself: W_Instance has a
    # subclass for each pair (object fields, number fields) of sizes in
    # INLINE_SIZES, with fields o0, o1, ... and f0, f1, ... (number fields
    # only with unboxed-numbers).  A class chooses the subclass its new
    # instances get from the most fields its instances were seen to get
    # (W_Class.note_size, a quasi-immutable `storage`), so an instance is
    # one allocation, and a field access in a trace is a plain getfield or
    # setfield of the instance, with no array (and no length check) in
    # between.  The fields past the inline ones go to overflow arrays
    # (`more_objects`, `more_floats`).  Each subclass's inline fields are
    # its own: the optimiser knows that writing `f0` of a Vector (4
    # fields) cannot change `f0` of a Totals (2 fields), so it keeps both
    # in registers where one array type would make it read them again.
    # (PyPy's mapdict does the same with its W_ObjectObjectSize5 classes.)
    INLINE_SIZES = [0, 1, 2, 3, 4, 6, 8]
    if techniques.UNBOXED_NUMBERS:
        FLOAT_SIZES = INLINE_SIZES
    else:
        FLOAT_SIZES = [0]

    def inline_size(count, sizes):
        """The smallest inline size that holds `count` fields."""
        for size in sizes:
            if size >= count:
                return size
        return sizes[-1]

    def storage_sizes(index):
        """(object fields, number fields) inline in STORAGE_CLASSES[index]."""
        return (INLINE_SIZES[index // len(FLOAT_SIZES)],
                FLOAT_SIZES[index % len(FLOAT_SIZES)])

    def storage_index(object_count, float_count):
        """The index in STORAGE_CLASSES of the subclass for an instance
        with this many object and number fields."""
        objects = INLINE_SIZES.index(inline_size(object_count, INLINE_SIZES))
        floats = FLOAT_SIZES.index(inline_size(float_count, FLOAT_SIZES))
        return objects * len(FLOAT_SIZES) + floats

    class W_Instance(W_Root):
        """An instance: its Map, inline fields in the subclass made by
        storage_class, and overflow arrays for the fields past them."""
        _attrs_ = ['map', 'more_objects', 'more_floats']

        def get_class(self):
            return promote(self.map).klass

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
                return W_Number(self.read_float(index))
            return self.read_object(index)

        def set_field(self, name, value):
            layout = promote(self.map)
            slot = layout.find(name)
            if slot < 0:
                # A new field: the instance moves to the next map; the
                # fields it has keep their places.
                kind = FIELD_OBJECT
                if techniques.UNBOXED_NUMBERS:
                    if isinstance(value, W_Number):
                        kind = FIELD_FLOAT
                layout = layout.with_field(name, kind)
                self.reserve(layout)
                self.map = layout
                slot = layout.find(name)
            index = slot >> 1
            if slot & 1 == FIELD_OBJECT:
                self.write_object(index, value)
            elif isinstance(value, W_Number):
                self.write_float(index, value.value)   # no allocation
            else:
                self.generalise(layout, name, value)

        @unroll_safe
        def generalise(self, old, name, value):
            """Give FIELD_FLOAT field `name` a value that is not a number:
            move to the map where it is an object field, where other
            fields may have other places too.  In a trace the maps are
            constants, so the loops unroll."""
            new = old.generalised(name)
            values = [self.get_field_in(old, key) for key in old.names]
            self.map = new
            self.more_objects = None
            self.more_floats = None
            self.reserve(new)
            for i in range(len(old.names)):
                key = old.names[i]
                field = value if key == name else values[i]
                slot = new.find(key)
                if slot & 1 == FIELD_FLOAT:
                    assert isinstance(field, W_Number)
                    self.write_float(slot >> 1, field.value)
                else:
                    self.write_object(slot >> 1, field)

        # Implemented by each storage class.
        def read_object(self, index):
            raise NotImplementedError

        def write_object(self, index, value):
            raise NotImplementedError

        def read_float(self, index):
            raise NotImplementedError

        def write_float(self, index, value):
            raise NotImplementedError

        def reserve(self, layout):
            """Make room for the fields of Map `layout`."""
            raise NotImplementedError

    def grown_objects(old, count):
        """An overflow array of `count` objects, the items of `old`
        first."""
        new = [None] * count
        if old is not None:
            for i in range(len(old)):
                new[i] = old[i]
        return new

    def grown_floats(old, count):
        new = [0.0] * count
        if old is not None:
            for i in range(len(old)):
                new[i] = old[i]
        return new

    def storage_class(object_size, float_size):
        """The W_Instance subclass with `object_size` inline object fields
        and `float_size` inline number fields.  The loops over the fields
        are unrolled (`unrolling_iterable`): with the index a constant in
        a trace, reading field k is one getfield."""
        object_fields = unrolling_iterable(
            [(i, "o%d" % i) for i in range(object_size)])
        float_fields = unrolling_iterable(
            [(i, "f%d" % i) for i in range(float_size)])

        class W_InstanceStorage(W_Instance):
            _attrs_ = (["o%d" % i for i in range(object_size)] +
                       ["f%d" % i for i in range(float_size)])

            def __init__(self, layout):
                self.map = layout
                self.more_objects = None
                self.more_floats = None
                for i, attr in object_fields:
                    setattr(self, attr, None)
                for i, attr in float_fields:
                    setattr(self, attr, 0.0)

            def read_object(self, index):
                for i, attr in object_fields:
                    if i == index:
                        return getattr(self, attr)
                return self.more_objects[index - object_size]

            def write_object(self, index, value):
                for i, attr in object_fields:
                    if i == index:
                        setattr(self, attr, value)
                        return
                self.more_objects[index - object_size] = value

            def read_float(self, index):
                for i, attr in float_fields:
                    if i == index:
                        return getattr(self, attr)
                return self.more_floats[index - float_size]

            def write_float(self, index, value):
                for i, attr in float_fields:
                    if i == index:
                        setattr(self, attr, value)
                        return
                self.more_floats[index - float_size] = value

            def reserve(self, layout):
                extra = layout.object_count - object_size
                if extra > 0:
                    more = self.more_objects
                    if more is None or len(more) < extra:
                        self.more_objects = grown_objects(more, extra)
                extra = layout.float_count - float_size
                if extra > 0:
                    more = self.more_floats
                    if more is None or len(more) < extra:
                        self.more_floats = grown_floats(more, extra)

        W_InstanceStorage.__name__ = "W_Instance_%d_%d" % (object_size,
                                                           float_size)
        return W_InstanceStorage

    # Index storage_index(o, f): the class for o object, f number fields.
    STORAGE_CLASSES = [storage_class(objects, floats)
                       for objects in INLINE_SIZES for floats in FLOAT_SIZES]
    _unrolled_storage_classes = unrolling_iterable(
        list(enumerate(STORAGE_CLASSES)))

    def new_instance(klass):
        """An instance of the storage class `klass` chose.  The class is
        promoted (free where it is already a trace constant, such as a
        global class): its `storage` is then a constant and the unrolled
        loop folds into the one allocation."""
        klass = promote(klass)
        storage = klass.storage
        for index, cls in _unrolled_storage_classes:
            if index == storage:
                return cls(klass.root_map)
        raise AssertionError("bad storage index")
else:
    class W_Instance(W_Root):
        """An instance: its class, and its fields in a dictionary."""
        _attrs_ = ['klass', 'fields']

        def __init__(self, klass):
            self.klass = klass
            self.fields = {}

        def get_class(self):
            return self.klass

        def str(self):
            return "%s instance" % self.klass.name

        def get_field(self, name):
            """The field called `name`, or None."""
            return self.fields.get(name, None)

        def set_field(self, name, value):
            self.fields[name] = value


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
