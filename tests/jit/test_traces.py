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
