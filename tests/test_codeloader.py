"""minilang.codeloader: a compiled program written as a string and read
back (how jitview and the trace tests hand programs to the JIT)."""

import pytest

from minilang.code import Code
#> step 13 maps
from minilang.code import GUESS_OBJECT, GUESS_NUMBER
#< step 13
from minilang.codeloader import dump, load
from minilang.errors import InternalError
from minilang.pipeline import new_globals
from minilang.values import W_Number, W_String

from compiled import compile_code, function_named

SOURCE = """\
var big = 123456789.125;
fun outer(a, b) {
  var s = "caf\xe9 " + "x";
  fun inner() { return a + b + 0.1; }
  return inner;
}
class A { m() { this.x = 1; this.y = nil; return 1; } }
class K < A { m() { return super.m() + 1; } }
"""


def same(a, b):
    assert isinstance(b, Code)
    assert (a.name, a.arity, a.bytecode, a.lines, a.frame_size,
            a.upvalue_count) == (b.name, b.arity, b.bytecode, b.lines,
                                 b.frame_size, b.upvalue_count)
    #> step 13 maps
    assert a.field_guesses == b.field_guesses
    #< step 13
    assert len(a.constants) == len(b.constants)
    for x, y in zip(a.constants, b.constants):
        assert type(x) is type(y)
        if isinstance(x, Code):
            same(x, y)
        else:
            assert x.value == y.value


def test_round_trip_keeps_every_field_and_constant():
    code = compile_code(SOURCE)
    globals = new_globals()
    loaded = load(dump(code), globals)
    same(code, loaded)
    assert loaded.globals is globals
    #> step 13 maps
    assert function_named(loaded, "m").field_guesses == {
        "x": GUESS_NUMBER, "y": GUESS_OBJECT}
    #< step 13
    kinds = set(type(c) for c in code.constants)
    assert {W_Number, W_String, Code} <= kinds


def test_numbers_keep_all_their_bits():
    for value in [0.1, -0.0, 1e308, 5e-324, float("inf")]:
        code = compile_code("print 1;")
        code.constants[0] = W_Number(value)
        loaded = load(dump(code), new_globals())
        assert repr(loaded.constants[0].value) == repr(value)


def test_strings_keep_every_byte():
    code = compile_code('print "a,b;\\n";')
    code.constants[0] = W_String("\x00,\xff5,")
    loaded = load(dump(code), new_globals())
    assert loaded.constants[0].value == "\x00,\xff5,"


def test_truncated_input_is_an_internal_error():
    data = dump(compile_code("print 1 + 2;"))
    for cut in (0, 1, 5, len(data) // 2, len(data) - 1):
        with pytest.raises(InternalError):
            load(data[:cut], new_globals())
