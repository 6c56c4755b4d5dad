"""Helpers for the JIT tests: run a Lox program under RPython's JIT.

`LLJitMixin.meta_interp(f, args)` runs the RPython function `f` with the
JIT generated from minilang's interpreter loop, without translating to C
(a few seconds per test).  `f` compiles and runs the program the same way
the binary does, and returns the number in the program's global `result`.
"""

from minilang.frame import Frame
from minilang.interpreter import run
from minilang.main import new_globals, compile_source
from minilang.objects import W_Closure, W_Number


def program(source):
    """An RPython function running `source`; returns global `result`."""

    def main():
        globals = new_globals()
        code = compile_source(source, globals)
        if code is None:
            return -1.0
        frame = Frame(code, None, 0)
        frame.push(W_Closure(code, []))
        run(frame)
        result = globals.get("result")
        assert isinstance(result, W_Number)
        return result.value
    return main
