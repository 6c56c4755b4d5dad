"""What the JIT makes of the object model: one test per technique of
issue 10 (globals, instances, cells).

Like test_traces.py, each test runs a small Lox program through the JIT
and asserts the exact operations of the optimised loop
(`check_simple_loop`, the loop body after the first iteration was peeled
off).  Each test's comment says what the loop would contain without the
technique, which is how the test fails if the technique is lost.
"""

from rpython.jit.metainterp.test.support import LLJitMixin
from rpython.jit.metainterp.warmspot import get_stats

from support import program


def global_cell_reads():
    """How many operations of all traces read a field of a GlobalCell."""
    count = 0
    for loop in get_stats().get_all_loops():
        for operation in loop.operations:
            if (operation.getopname().startswith('getfield') and
                    'GlobalCell' in repr(operation.getdescr())):
                count += 1
    return count


class TestObjectModel(LLJitMixin):

    def test_global_function_is_a_constant(self):
        # GlobalCell: a global that is never reassigned is a quasi-immutable
        # constant, so no trace reads a global cell at all: calling the
        # global function `inc` costs no read and no guard on the closure.
        # (In the loop body proper, a plain field read would be hoisted
        # too; it shows in the preamble, in bridges, in function traces,
        # and after residual calls, so this test looks at every operation
        # of every trace.)  Without the technique the preamble reads the
        # cell's fields (getfield on GlobalCell) and guards the closure.
        main = program("""
            fun inc(x) { return x + 1; }
            var result;
            { var i = 0;
              while (i < 1000) i = inc(i);
              result = i; }
        """)
        assert self.meta_interp(main, [], listops=True, inline=True) == 1000
        assert global_cell_reads() == 0
        self.check_simple_loop({'float_lt': 1, 'guard_true': 1,
                                'guard_not_invalidated': 1, 'float_add': 1,
                                'jump': 1})

    def test_reassigned_global_turns_mutable_and_unboxed(self):
        # A global written in the loop stops being a constant after a few
        # changes (GlobalCell.MAX_CHANGES) instead of invalidating the loop
        # at every write, and, having only held numbers, stores its float
        # unboxed: a setfield of a float per global, no W_Number allocated
        # (without it: a new_with_vtable and a setfield of its value per
        # global).  `result` is read again after `other` was written (the
        # optimiser does not assume that two cells are different objects):
        # the getfield_gc_f.
        main = program("""
            var result = 0;
            var other = 0;
            while (result < 1000) { result = result + 1; other = result; }
        """)
        assert self.meta_interp(main, [], listops=True) == 1000
        self.check_simple_loop({'guard_not_invalidated': 1,
                                'float_lt': 1, 'guard_true': 1,
                                'getfield_gc_f': 1, 'float_add': 1,
                                'setfield_gc': 2, 'jump': 1})

    def test_number_field_is_unboxed(self):
        # Map storage strategy: a field that has only held numbers keeps
        # its float unboxed in the instance's `floats` array, which has the
        # fixed size its map gives.  A field update is a float read and a
        # float write: no W_Number allocated (new_with_vtable) and no
        # length check of a resizable list (arraylen_gc), no guard.
        main = program("""
            class P {}
            var result;
            { var p = P(); p.y = 0; p.x = 0;
              var i = 0;
              while (i < 1000) { p.x = p.x + 1; p.y = p.y + 2; i = i + 1; }
              result = p.x + p.y; }
        """)
        assert self.meta_interp(main, [], listops=True) == 3000
        # (The values read are carried from the previous iteration, so no
        # getarrayitem remains; `arraylen_gc` is the optimiser re-deriving
        # the array's length for the next iteration, unused, no code.)
        self.check_simple_loop({'float_lt': 1, 'guard_true': 1,
                                'float_add': 3, 'setarrayitem_gc': 2,
                                'arraylen_gc': 1, 'jump': 1})

    def test_field_kind_change_deoptimises(self):
        # A FIELD_FLOAT field that is given a non-number moves the instance
        # to a map where it is an object field (Map.generalised): the loop
        # compiled for the float layout fails its map guard and the
        # program goes on with the right values, then a loop for the new
        # layout takes over.
        main = program("""
            class P {}
            var result;
            { var p = P(); p.x = 0; p.y = 0;
              var i = 0;
              while (i < 1000) {
                if (i == 500) { var old = p.x; p.x = nil; p.x = old * 2; }
                p.x = p.x + 1; p.y = p.y + 1; i = i + 1;
              }
              result = p.x + p.y; }
        """)
        assert self.meta_interp(main, [], listops=True) == 1500 + 1000

    def test_one_guard_reaches_fields_and_class(self):
        # The Map holds the class: one promote (guard_value on the map)
        # gives the field layout and the method.  The receiver changes
        # every iteration (read from a field), so the loop checks that it
        # is an instance (guard_nonnull, guard_class) and its map (one
        # guard_value), then reads `v` from `floats` and `next` from
        # `objects` (getfield_gc_r: the map, the two arrays).  With the
        # class in a field of its own, the method lookup needed a second
        # guard_value, on the class.
        main = program("""
            class Node { value() { return this.v; } }
            var result;
            { var a = Node(); var b = Node();
              a.v = 1; a.next = b; b.v = 2; b.next = a;
              var n = a; var total = 0; var i = 0;
              while (i < 1000) { total = total + n.value(); n = n.next;
                                 i = i + 1; }
              result = total; }
        """)
        assert self.meta_interp(main, [], listops=True, inline=True) == 1500
        self.check_simple_loop({'float_lt': 1, 'guard_true': 1,
                                'guard_not_invalidated': 1,
                                'guard_nonnull': 1, 'guard_class': 1,
                                'getfield_gc_r': 3, 'guard_value': 1,
                                'getarrayitem_gc_f': 1,
                                'getarrayitem_gc_r': 1, 'float_add': 2,
                                'jump': 1})

    def test_instance_is_one_object_and_its_arrays(self):
        # Storage sized by the map: building an instance with two object
        # fields that escapes allocates the instance and one array of
        # exactly two items (new_array_clear), not a resizable list (a
        # `new_with_vtable` for the list object plus its array); no
        # `floats` array is made for a map without number fields.
        main = program("""
            class Node { init(l, r) { this.l = l; this.r = r; } }
            var result;
            { var keep = Node(nil, nil); var i = 0;
              while (i < 1000) { keep.l = Node(keep, nil); i = i + 1; }
              result = i; }
        """)
        # (function_threshold: no separate trace for `init` entered from
        # the interpreter, so that the loop is the only trace.)
        assert self.meta_interp(main, [], listops=True, inline=True,
                                function_threshold=10**6) == 1000
        self.check_simple_loop(new_with_vtable=1, new_array_clear=1,
                               new_array=0, new=0)

    def test_captured_counter_is_unboxed(self):
        # Cell storage strategy: a captured variable that holds a number
        # keeps the float unboxed, so a closure counting in a captured
        # variable writes a float into its cell and allocates nothing
        # (without it: a W_Number per write, new_with_vtable).
        main = program("""
            fun make() {
              var count = 0;
              fun next() { count = count + 1; return count; }
              return next;
            }
            var result;
            { var counter = make(); var i = 0;
              while (i < 1000) { counter(); i = i + 1; }
              result = counter() - 1; }
        """)
        # (function_threshold: no separate trace for `next` entered from
        # the interpreter, so that the loop is the only trace.)
        assert self.meta_interp(main, [], listops=True, inline=True,
                                function_threshold=10**6) == 1000
        self.check_simple_loop({'float_lt': 1, 'guard_true': 1,
                                'float_add': 2, 'setfield_gc': 1,
                                'arraylen_gc': 1, 'jump': 1})
