"""The versioned lookup: a table that traces read as a constant.

`VersionedLookup` is the JIT idiom shared by the globals (globalscope.py,
chapter 12: constant-globals) and the classes' method tables (classes.py,
chapter 13: method-versions).  Chapter 12 of the tutorial explains it.
"""

from minilang.rlib.jit import elidable, promote


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
