"""Classes: `W_Class` (a name and a table of methods) and bound methods.

A class's method table is a VersionedLookup (versioned.py) when the
method-versions technique is on (chapter 13); the instances a class makes
are in instances.py.  Chapter 7 of the tutorial explains classes; chapter
13 the versioned methods and the storage a class chooses for its
instances.
"""

from minilang import techniques
from minilang.values import W_Root
from minilang.versioned import VersionedLookup
from minilang.instances import W_Instance
#> step 13 maps
from minilang.rlib.jit import dont_look_inside, elidable
#< step 13
if techniques.MAPS:
    from minilang.code import GUESS_OBJECT, GUESS_NUMBER, GUESS_EITHER
    from minilang.instances import (Map, FIELD_OBJECT, new_instance,
                                    storage_index, storage_sizes)


class W_Class(W_Root, VersionedLookup):
    """A class: a name and a table of methods.  INHERIT copies the
    superclass's methods into the subclass's table (as clox does), so a
    lookup looks in one table only.  With maps, `root_map` is the Map of
    its instances before they have any field (see Map) and `storage` says
    how much room a new instance gets (see W_Instance)."""
    _attrs_ = ['name', 'entries', 'version', 'root_map', 'storage',
               'estimate_objects', 'estimate_floats', 'fields_set', 'site']
    _immutable_fields_ = ['name', 'version?', 'root_map', 'storage?']

    #> step 13 maps
    def __init__(self, name, site=None):
    #< step 13
    #before step 13: def __init__(self, name):
        self.name = name
        self.init_versioned()
        if techniques.MAPS:
            self.site = site              # the CLASS that made it, or None
            self.estimate_objects = 0     # the most fields seen
            self.estimate_floats = 0
            if site is not None:
                # Start from the sizes the earlier classes made at the same
                # place reached (see ClassSite).
                self.estimate_objects = site.estimate_objects
                self.estimate_floats = site.estimate_floats
            self.fields_set = {}          # names its methods assign
            self.storage = storage_index(self.estimate_objects,
                                         self.estimate_floats)
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

    #> step 13 maps
    @dont_look_inside
    def guess_size(self, code):
        """Before any instance has fields, guess which they will have: the
        fields that the methods assign (`this.x = ...` in `init` mostly),
        as the compiler guessed them (`code.field_guesses`: a number field
        where the value stored is a number constant, an object field where
        it is another constant, room for either where it is not known).
        So the first instances of a class, often the only ones, get their
        fields inline too (see W_Instance), and usually of the same storage
        class as the later ones (see note_size)."""
        for name, kind in code.field_guesses.items():
            seen = self.fields_set.get(name, kind)
            if seen != kind:
                kind = GUESS_EITHER
            self.fields_set[name] = kind
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
        site = self.site
        if site is not None:
            site.estimate_objects = max(site.estimate_objects, object_count)
            site.estimate_floats = max(site.estimate_floats, float_count)
        objects, floats = storage_sizes(self.storage)
        if self.estimate_objects > objects or self.estimate_floats > floats:
            self.storage = storage_index(max(self.estimate_objects, objects),
                                         max(self.estimate_floats, floats))
            # (a quasi-immutable write: invalidates traces that allocated)
    #< step 13


#> step 13 maps
class ClassSite(object):
    """The sizes reached by the classes that one CLASS instruction made.

    A class declared inside a function is a new class at every call (a
    factory), and often gets its fields from outside (`node.value = v`,
    no `init` to guess them from).  Its first instance's fields would
    enlarge its `storage`, a quasi-immutable write, right after a trace
    read it to allocate that instance: the trace (in practice a bridge) is
    then thrown away when it is optimised ("quasi immutable field changed
    during tracing"), and the next call makes a new class and the same
    trace is started and thrown away again.  Remembering the sizes at the
    CLASS instruction lets the next class made there start with the
    storage the last one ended with, so its `storage` is not written."""
    _attrs_ = ['estimate_objects', 'estimate_floats']

    def __init__(self):
        self.estimate_objects = 0
        self.estimate_floats = 0


@elidable
def class_site(code, position):
    """The ClassSite of the CLASS instruction of `code` whose operand is at
    `position`, made the first time.  Elidable although it may write (as
    Map.generalised): only the first call for a (code, position) adds the
    site, every later call returns that same object and writes nothing."""
    site = code.class_sites.get(position, None)
    if site is None:
        site = ClassSite()
        code.class_sites[position] = site
    return site
#< step 13


class W_BoundMethod(W_Root):
    """`obj.method` taken as a value: the method with `this` fixed."""
    _attrs_ = ['receiver', 'method']
    _immutable_fields_ = ['receiver', 'method']

    def __init__(self, receiver, method):
        self.receiver = receiver
        self.method = method

    def str(self):
        return self.method.str()
