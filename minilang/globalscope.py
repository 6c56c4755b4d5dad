"""Global variables: late-bound by name, shared by all code of a program.

A global lives in a `GlobalCell` that is made the first time its name is
defined and never removed, so a name always maps to the same cell.  Looking
up the cell is a `VersionedLookup` (see versioned.py): with the Globals
object a constant (code objects carry it in an immutable field) and the
name a constant (from the code's constants), the lookup is folded away in a
trace.  Defining a *new* name changes the version, which invalidates any
trace that looked up a name while it was still missing.

What is left is reading the cell's value, and that is folded away too
while the global is not reassigned (see GlobalCell).
"""

from minilang import techniques
from minilang.values import W_Number
from minilang.versioned import VersionedLookup

# A cell's value is a trace constant until it has been reassigned this many
# times; then the cell turns mutable for good (see GlobalCell).
MAX_CHANGES = 4

# GlobalCell.state
CONSTANT = 0        # value in `constant`: a trace reads it as a constant
MUTABLE_FLOAT = 1   # a number, unboxed in `float_value`
MUTABLE_OBJECT = 2  # any value, in `object_value`


class GlobalCell(object):
    #before step 12: """A global variable's value."""
    #> step 12 the technique
    """JIT technique `constant-globals` (techniques.py; chapter 12):
    quasi-immutable global values, with a mutable fallback (the idea of
    PyPy's module dictionaries, celldict.py).

    Most globals are functions and classes that are defined once and then
    only read.  While in state CONSTANT, the value lives in the
    quasi-immutable field `constant` (`?`): a trace reads it as a constant
    (only a `guard_not_invalidated` remains), so calling a global function
    costs no read and no class guard.  Writing the field invalidates every
    trace that relied on it, which is correct but costly if it happens
    often, so after MAX_CHANGES reassignments the cell becomes mutable for
    good: its value is then read from a plain field on every access.
    `state` is quasi-immutable as well: a trace knows which field to read.

    Without the technique a cell is mutable from the start: each read in a
    trace is a getfield of `object_value` and, where the value is used, a
    guard_class on it (and a call of a global function a guard on which
    function it is).

    JIT technique `unboxed-numbers` (chapter 14), for globals: a mutable
    cell that has only held numbers keeps the float unboxed (MUTABLE_FLOAT),
    so a global counter incremented in a loop allocates no W_Number; the
    first non-number stored moves it to MUTABLE_OBJECT.
    """
    #< step 12
    _attrs_ = ['state', 'constant', 'float_value', 'object_value',
               'changes']
    _immutable_fields_ = ['state?', 'constant?']

    def __init__(self, value):
        self.constant = None
        self.float_value = 0.0
        self.object_value = None
        self.changes = 0
        if techniques.CONSTANT_GLOBALS:
            self.state = CONSTANT
            self.constant = value
        else:
            self.become_mutable(value)

    def get(self):
        state = self.state
        if techniques.CONSTANT_GLOBALS and state == CONSTANT:
            return self.constant
        elif techniques.UNBOXED_NUMBERS and state == MUTABLE_FLOAT:
            return W_Number(self.float_value)
        else:
            return self.object_value

    def set(self, value):
        state = self.state
        if techniques.UNBOXED_NUMBERS and state == MUTABLE_FLOAT:
            if isinstance(value, W_Number):
                self.float_value = value.value
                return
            self.state = MUTABLE_OBJECT
            self.object_value = value
        elif state == MUTABLE_OBJECT:
            self.object_value = value
        elif self.changes < MAX_CHANGES:
            self.changes += 1
            self.constant = value          # invalidates traces reading it
        else:
            # Too many changes: turn mutable (invalidates traces once more).
            self.constant = None
            self.become_mutable(value)

    def become_mutable(self, value):
        if techniques.UNBOXED_NUMBERS and isinstance(value, W_Number):
            self.float_value = value.value
            self.state = MUTABLE_FLOAT
        else:
            self.object_value = value
            self.state = MUTABLE_OBJECT


class Globals(VersionedLookup):
    _immutable_fields_ = ['version?']

    def __init__(self):
        self.init_versioned()

    def lookup(self, name):
        """The cell of global `name`, or None if never defined."""
        if techniques.CONSTANT_GLOBALS:
            # The lookup folds away in a trace (see the top of this file).
            return self.versioned_get(name)
        else:
            # A plain dictionary lookup, in every trace, at every access.
            return self.entries.get(name, None)

    def get(self, name):
        """The value of global `name`, or None if it is undefined."""
        cell = self.lookup(name)
        if cell is None:
            return None
        return cell.get()

    def define(self, name, value):
        cell = self.lookup(name)
        if cell is None:
            self.versioned_put(name, GlobalCell(value))
        else:
            cell.set(value)
