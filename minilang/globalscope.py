"""Global variables: late-bound by name, shared by all code of a program.

A global lives in a `GlobalCell` that is made the first time its name is
defined and never removed, so a name always maps to the same cell.  Looking
up the cell is therefore a pure function of (name, the set of names),
which is what `@elidable` promises the JIT: with the Globals object a
constant (code objects carry it in an immutable field) and the name a
constant (from the code's constants), the lookup is folded away in a trace
and only reading the cell's value remains.  `version` is quasi-immutable
(`?`): defining a *new* name changes it, which invalidates any trace that
looked up a name while it was still missing.
"""

from minilang.rlib import elidable, promote
from minilang.objects import VersionTag


class GlobalCell(object):
    _attrs_ = ['value']

    def __init__(self):
        self.value = None      # None: declared nowhere yet (undefined)


class Globals(object):
    _immutable_fields_ = ['version?']

    def __init__(self):
        self.cells = {}
        self.version = VersionTag()

    def lookup(self, name):
        """The cell of global `name`, or None if never defined."""
        self = promote(self)
        return self._lookup(name, self.version)

    @elidable
    def _lookup(self, name, version):
        return self.cells.get(name, None)

    def get(self, name):
        """The value of global `name`, or None if it is undefined."""
        cell = self.lookup(name)
        if cell is None:
            return None
        return cell.value

    def define(self, name, value):
        cell = self.lookup(name)
        if cell is None:
            cell = GlobalCell()
            self.cells[name] = cell
            self.version = VersionTag()
        cell.value = value
