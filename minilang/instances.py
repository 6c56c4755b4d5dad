"""Instances: their fields, laid out by maps in storage classes.

Without the maps technique (chapter 7's version) an instance is its class
and a dictionary of fields.  With it (chapter 13), an instance has a
`Map`, shared by the instances that got the same fields in the same
order, and keeps its fields in a storage class: a W_Instance subclass with
room for a number of fields inline.  Chapter 13 of the tutorial explains
maps and storage classes, chapter 14 the number fields (unboxed-numbers).
"""

from minilang import techniques
from minilang.rlib.unroll import unrolling_iterable
from minilang.rlib.jit import elidable, promote, unroll_safe
from minilang.values import W_Root, W_Number


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
            """This map with field `name` stored as an object.

            Elidable although it writes: the JIT may run it while tracing
            and leave it out of the trace, or run it once for several calls
            with the same arguments.  That is safe because only the first
            call for a (map, name) writes anything: it sets `deprecated` on
            the map where the field was added (a flag that is never
            cleared), makes the maps of the result (with_field: new maps,
            which may enlarge the class's storage) and keeps the result in
            `generalisations`.  Every later call returns that same map and
            writes nothing, so whether it runs or not changes neither its
            result nor any state."""
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
