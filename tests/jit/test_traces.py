"""What the JIT makes of minilang's loops: one test per technique.

Each test runs a small Lox program through the JIT and asserts the
operations of the optimised loop (`check_simple_loop`: counts of each
resop in the loop body, after the first iteration was peeled off).
"""

from rpython.jit.metainterp.test.support import LLJitMixin

from support import program


class TestTraces(LLJitMixin):

    def test_counting_loop_is_unboxed(self):
        # Locals live in the virtualizable frame and W_Number boxes do not
        # escape, so the loop is float arithmetic and one guard: no
        # allocation (new_with_vtable), no frame access.
        main = program("""
            var result;
            { var i = 0; while (i < 1000) i = i + 1; result = i; }
        """)
        assert self.meta_interp(main, [], listops=True) == 1000
        self.check_simple_loop({'float_add': 1, 'float_lt': 1,
                                'guard_true': 1, 'jump': 1})

    def test_call_is_inlined(self):
        # A call inside the loop is traced through (inline=True is the
        # binary's default): the callee's Code is promoted to a constant, so
        # its frame is virtual, never allocated, and no call remains; what
        # is left of `inc` is its float_add (between enter_portal_frame and
        # leave_portal_frame marks, which the check leaves out).
        main = program("""
            fun inc(x) { return x + 1; }
            var result;
            { var i = 0; while (i < 1000) i = inc(i); result = i; }
        """)
        assert self.meta_interp(main, [], listops=True, inline=True) == 1000
        self.check_simple_loop({'float_lt': 1, 'guard_true': 1,
                                'guard_not_invalidated': 1, 'float_add': 1,
                                'jump': 1})

    def test_global_lookup_is_folded(self):
        # Globals: the name -> cell lookup is @elidable on a quasi-immutable
        # version, so in the loop only the cell's value is read and written.
        # What remains is storing the new number into the cell: no call (no
        # dictionary lookup), no read of the Globals object.  The global
        # keeps changing, so its cell turned mutable and keeps the float
        # unboxed (GlobalCell): no W_Number is allocated, and the value
        # read is the one written in the previous iteration.
        main = program("""
            var result = 0;
            while (result < 1000) result = result + 1;
        """)
        assert self.meta_interp(main, [], listops=True) == 1000
        self.check_simple_loop({'guard_not_invalidated': 1,
                                'float_lt': 1, 'guard_true': 1,
                                'float_add': 1, 'setfield_gc': 1,
                                'jump': 1})

    def test_field_access_uses_the_map(self):
        # Instances keep fields in a list laid out by their Map (a hidden
        # class).  The map is promoted and its lookups are @elidable, so in
        # the loop a field access is a read or write of the list: no call,
        # no dictionary, not even a guard on the map (it was checked once,
        # before the loop).  The field has only held numbers, so its float
        # is stored unboxed in the instance's `floats` array: no allocation
        # (test_object_model.py pins this).  The `arraylen_gc` is the
        # optimiser re-deriving the array's length for the next iteration;
        # its result is unused (the x86 backend emits no code for it).
        main = program("""
            class P {}
            var result;
            { var p = P(); p.y = 0; p.x = 0;
              var i = 0;
              while (i < 1000) { p.x = p.x + 1; i = i + 1; }
              result = p.x; }
        """)
        assert self.meta_interp(main, [], listops=True) == 1000
        self.check_simple_loop({'float_lt': 1, 'guard_true': 1,
                                'float_add': 2, 'arraylen_gc': 1,
                                'setarrayitem_gc': 1, 'jump': 1})
