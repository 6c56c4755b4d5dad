"""minilang.compiler: what bytecode a program compiles to.

The instruction lists come from decoding Code.bytecode with the opcode
table (tests/compiled.py), not from the disassembler's text.
"""

import glob
import os

import pytest

from minilang import opcodes as op
from minilang.code import Code
#> step 13 maps
from minilang.code import GUESS_OBJECT, GUESS_NUMBER, GUESS_EITHER
#< step 13
from minilang.pipeline import run_source, new_globals, COMPILE
from minilang.values import W_Number, W_String

from runner import ROOT, run

from compiled import (compile_code, compile_errors, decode, names,
                      all_codes, function_named, max_stack_depth)


def ops_of(code, name):
    return [i for i in decode(code) if i.name == name]


# ------------------------------------------------------------ the script

def test_the_pipeline_stopped_at_compile_gives_the_script_code():
    code = run_source("print 1;", new_globals(), COMPILE).code
    assert isinstance(code, Code)
    assert code.name == ""
    assert code.arity == 0
    assert code.upvalue_count == 0
    assert names(code) == ["CONSTANT", "PRINT", "NIL", "RETURN"]


def test_lines_cover_every_byte():
    code = compile_code("var a = 1;\n\nprint a\n+\n2;\n")
    assert len(code.lines) == len(code.bytecode)
    by_name = dict((i.name, code.lines[i.pc]) for i in decode(code))
    assert by_name["DEFINE_GLOBAL"] == 1
    # A binary operator is on the line of the last token of its right
    # operand; print on the line of its ';'.
    assert by_name["ADD"] == 5
    assert by_name["PRINT"] == 5
    # The final NIL RETURN are on the line of EOF.
    assert code.lines[-1] == 6


def test_empty_program():
    assert names(compile_code("")) == ["NIL", "RETURN"]


def test_expression_statement_pops():
    assert names(compile_code("1;")) == ["CONSTANT", "POP", "NIL", "RETURN"]


def test_literals():
    assert names(compile_code("true; false; nil;"))[:6] == [
        "TRUE", "POP", "FALSE", "POP", "NIL", "POP"]


# ------------------------------------------------------------- variables

def test_globals_use_names():
    code = compile_code("var g = 1; g = 2; print g;")
    ins = decode(code)
    assert [i.name for i in ins[:-2]] == [
        "CONSTANT", "DEFINE_GLOBAL", "CONSTANT", "SET_GLOBAL", "POP",
        "GET_GLOBAL", "PRINT"]
    for i in ins:
        if i.name in ("DEFINE_GLOBAL", "SET_GLOBAL", "GET_GLOBAL"):
            assert code.constants[i.args[0]].value == "g"


def test_global_var_without_initializer_is_nil():
    assert names(compile_code("var g;"))[:2] == ["NIL", "DEFINE_GLOBAL"]


def test_locals_are_slots():
    code = compile_code("{ var a = 1; var b = 2; print a; print b; b = a; }")
    ins = decode(code)
    assert [(i.name, i.args) for i in ins
            if i.name in ("GET_LOCAL", "SET_LOCAL")] == [
        ("GET_LOCAL", [1]), ("GET_LOCAL", [2]), ("GET_LOCAL", [1]),
        ("SET_LOCAL", [2])]
    assert not ops_of(code, "GET_GLOBAL")
    assert not ops_of(code, "DEFINE_GLOBAL")
    # The block's two locals are popped at its end.
    assert names(code)[-4:] == ["POP", "POP", "NIL", "RETURN"]


def test_function_parameters_are_slots_after_slot_zero():
    code = compile_code("fun f(a, b, c) { print c; print a; }")
    f = function_named(code, "f")
    assert f.arity == 3
    assert [i.args[0] for i in ops_of(f, "GET_LOCAL")] == [3, 1]


def test_shadowing_gets_a_new_slot():
    code = compile_code("{ var a = 1; { var a = 2; print a; } print a; }")
    assert [i.args[0] for i in ops_of(code, "GET_LOCAL")] == [2, 1]


def test_slots_are_reused_after_a_scope_ends():
    code = compile_code("{ { var a; print a; } { var b; print b; } }")
    assert [i.args[0] for i in ops_of(code, "GET_LOCAL")] == [1, 1]


def test_captured_local_lives_in_a_cell():
    code = compile_code(
        "fun f() { var x = 1; var y = 2; fun g() { return x; } "
        "print x; print y; x = 3; return g; }")
    f = function_named(code, "f")
    ins = decode(f)
    # x (slot 1) is captured: made a cell after its initializer, read and
    # written through the cell; y (slot 2) stays a plain slot.
    assert [(i.name, i.args) for i in ins if i.name == "MAKE_CELL"] == [
        ("MAKE_CELL", [1])]
    assert [i.args for i in ops_of(f, "GET_CELL")] == [[1]]
    assert [i.args for i in ops_of(f, "SET_CELL")] == [[1]]
    assert [i.args for i in ops_of(f, "GET_LOCAL")] == [[2], [3]]
    make_cell = [i.pc for i in ins if i.name == "MAKE_CELL"][0]
    first_constant = [i.pc for i in ins if i.name == "CONSTANT"][0]
    assert first_constant < make_cell
    closure = ops_of(f, "CLOSURE")[0]
    assert closure.upvalues == [(1, 1)]          # local slot 1


def test_captured_parameter_is_made_a_cell_on_entry():
    code = compile_code("fun f(a, b) { fun g() { return b; } return g; }")
    f = function_named(code, "f")
    first = decode(f)[0]
    assert (first.name, first.args) == ("MAKE_CELL", [2])


def test_upvalues():
    code = compile_code(
        "fun f() { var x; var y; fun g() { print y; y = 1; print x; } }")
    g = function_named(code, "g")
    assert g.upvalue_count == 2
    assert [(i.name, i.args) for i in decode(g)
            if "UPVALUE" in i.name] == [
        ("GET_UPVALUE", [0]), ("SET_UPVALUE", [0]), ("GET_UPVALUE", [1])]
    closure = ops_of(function_named(code, "f"), "CLOSURE")[0]
    assert closure.upvalues == [(1, 2), (1, 1)]


def test_upvalue_of_upvalue():
    code = compile_code(
        "fun f() { var x; fun g() { fun h() { return x; } return h; } }")
    g = function_named(code, "g")
    h = function_named(code, "h")
    assert ops_of(h, "GET_UPVALUE")[0].args == [0]
    # g captures x from f's slot 1; h captures g's upvalue 0.
    assert ops_of(function_named(code, "f"), "CLOSURE")[0].upvalues == \
        [(1, 1)]
    assert ops_of(g, "CLOSURE")[0].upvalues == [(0, 0)]
    assert g.upvalue_count == 1
    assert h.upvalue_count == 1


def test_same_variable_captured_once():
    code = compile_code("fun f() { var x; fun g() { x; x = x; x; } }")
    g = function_named(code, "g")
    assert g.upvalue_count == 1
    assert set(i.args[0] for i in decode(g) if "UPVALUE" in i.name) == {0}


def test_globals_are_not_captured():
    code = compile_code("var x; fun f() { return x; }")
    f = function_named(code, "f")
    assert f.upvalue_count == 0
    assert ops_of(f, "GET_GLOBAL")
    assert not ops_of(f, "GET_UPVALUE")


def test_recursive_local_function_captures_itself():
    code = compile_code("{ fun f(n) { if (n > 0) f(n - 1); } f(3); }")
    f = function_named(code, "f")
    assert ops_of(f, "GET_UPVALUE")
    script = names(code)
    assert "MAKE_CELL" in script
    assert script.index("MAKE_CELL") < script.index("CLOSURE")


def test_this_in_closure_is_captured():
    code = compile_code("class A { m() { fun g() { return this; } } }")
    m = function_named(code, "m")
    g = function_named(code, "g")
    assert decode(m)[0].name == "MAKE_CELL"
    assert decode(m)[0].args == [0]
    assert ops_of(g, "GET_UPVALUE")


def test_for_loop_variable_is_a_local():
    code = compile_code("for (var i = 0; i < 3; i = i + 1) print i;")
    assert ops_of(code, "GET_LOCAL")
    assert ops_of(code, "SET_LOCAL")
    assert not ops_of(code, "GET_GLOBAL")


# ------------------------------------------------------------- constants

def test_each_literal_is_a_new_constant():
    code = compile_code('print 1; print 1; print "a"; print "a";')
    consts = code.constants
    assert len(consts) == 4
    assert [type(c) for c in consts] == [W_Number, W_Number, W_String,
                                         W_String]
    assert consts[0] is not consts[1]
    assert [i.args[0] for i in ops_of(code, "CONSTANT")] == [0, 1, 2, 3]


def test_each_global_name_use_is_a_new_constant():
    code = compile_code("var g; g; g = g;")
    assert [c.value for c in code.constants] == ["g"] * 4


def test_property_and_method_names_are_new_constants():
    code = compile_code("var o; o.x; o.x; o.m(); o.m();")
    names_ = [c.value for c in code.constants]
    assert names_.count("x") == 2
    assert names_.count("m") == 2


def test_string_constant_value_has_no_quotes():
    code = compile_code('print "hi\nthere";')
    assert code.constants[0].value == "hi\nthere"


def test_number_constant_values():
    code = compile_code("1.5; 0; 123.25;")
    assert [c.value for c in code.constants] == [1.5, 0.0, 123.25]


def test_function_code_is_a_constant_of_its_parent():
    code = compile_code("fun f(a, b) { return a; }")
    closure = ops_of(code, "CLOSURE")[0]
    f = code.constants[closure.args[0]]
    assert isinstance(f, Code)
    assert f.name == "f"
    assert f.arity == 2
    assert f.globals is code.globals


# ------------------------------------------------------------- operators

@pytest.mark.parametrize("source,ops", [
    ("a + b", ["ADD"]), ("a - b", ["SUBTRACT"]), ("a * b", ["MULTIPLY"]),
    ("a / b", ["DIVIDE"]), ("a == b", ["EQUAL"]), ("a != b", ["NOT_EQUAL"]),
    ("a > b", ["GREATER"]), ("a >= b", ["GREATER_EQUAL"]),
    ("a < b", ["LESS"]), ("a <= b", ["LESS_EQUAL"]), ("-a", ["NEGATE"]),
    ("!a", ["NOT"]),
])
def test_operator_is_one_instruction(source, ops):
    code = compile_code("{ var a; var b; %s; }" % source)
    middle = [n for n in names(code) if n not in
              ("NIL", "GET_LOCAL", "POP", "RETURN")]
    assert middle == ops


def test_less_equal_is_one_instruction_not_greater_not():
    code = compile_code("{ var a; var b; a <= b; }")
    assert "NOT" not in names(code)
    assert "GREATER" not in names(code)
    assert len(ops_of(code, "LESS_EQUAL")) == 1


def test_operands_left_to_right():
    code = compile_code("{ var a; var b; a - b; }")
    gets = ops_of(code, "GET_LOCAL")
    assert [g.args[0] for g in gets] == [1, 2]
    sub = ops_of(code, "SUBTRACT")[0]
    assert gets[1].pc < sub.pc


def test_and_short_circuits_with_one_jump():
    code = compile_code("{ var a; var b; a and b; }")
    ins = decode(code)
    seq = [i.name for i in ins]
    j = seq.index("JUMP_IF_FALSE")
    assert seq[j:j + 3] == ["JUMP_IF_FALSE", "POP", "GET_LOCAL"]
    # The jump skips the POP and the right operand.
    target = ins[j + 1].pc + ins[j].args[0]
    assert target == ins[j + 3].pc


def test_or_short_circuits():
    code = compile_code("{ var a; var b; a or b; }")
    seq = names(code)
    j = seq.index("JUMP_IF_FALSE")
    assert seq[j:j + 4] == ["JUMP_IF_FALSE", "JUMP", "POP", "GET_LOCAL"]


# ---------------------------------------------------------- control flow

def test_if_else_jumps():
    code = compile_code("if (true) print 1; else print 2;")
    ins = decode(code)
    seq = [i.name for i in ins]
    assert seq[:9] == ["TRUE", "JUMP_IF_FALSE", "POP", "CONSTANT", "PRINT",
                       "JUMP", "POP", "CONSTANT", "PRINT"]
    jif, jump = ins[1], ins[5]
    # JUMP_IF_FALSE lands on the else branch's POP, JUMP after it.
    assert ins[2].pc + jif.args[0] == ins[6].pc
    assert ins[6].pc + jump.args[0] == ins[9].pc


def test_while_loops_back_to_the_condition():
    code = compile_code("while (false) print 1;")
    ins = decode(code)
    loop = ops_of(code, "LOOP")[0]
    after = [i for i in ins if i.pc > loop.pc][0]
    assert after.pc - loop.args[0] == 0         # back to FALSE at pc 0
    jif = ops_of(code, "JUMP_IF_FALSE")[0]
    target = jif.pc + 3 + jif.args[0]
    assert [i.name for i in ins if i.pc == target] == ["POP"]
    assert target == after.pc


def test_for_puts_the_increment_after_the_body():
    # One backward jump per iteration: condition, exit jump, body,
    # increment, LOOP back to the condition (clox's layout has two).
    code = compile_code("for (var i = 0; i < 3; i = i + 1) print i;")
    ins = decode(code)
    names = [i.name for i in ins]
    assert names[names.index("JUMP_IF_FALSE"):] == [
        "JUMP_IF_FALSE", "POP",
        "GET_LOCAL", "PRINT",                               # body
        "GET_LOCAL", "CONSTANT", "ADD", "SET_LOCAL", "POP",  # increment
        "LOOP", "POP", "POP", "NIL", "RETURN"]
    loop = ops_of(code, "LOOP")[0]
    condition = [i for i in ins if i.name == "GET_LOCAL"][0]
    assert loop.pc + 3 - loop.args[0] == condition.pc
    jif = ops_of(code, "JUMP_IF_FALSE")[0]
    assert jif.pc + 3 + jif.args[0] == loop.pc + 3


def test_for_keeps_clox_layout_when_its_loop_would_not_fit(tmp_path):
    # clox's exit jump covers POP, its JUMP over the increment (3 bytes),
    # the increment and its POP (4), its LOOP (3), the body and the body's
    # LOOP (3): 65,535 bytes, clox's limit, with a body of 65,521.  One
    # LOOP back to the condition (4 bytes) would cover 65,536: too far,
    # so the code keeps clox's layout, and runs.
    body = "a = a;\n" * 13103 + "a;\n" * 2            # 5 and 3 bytes each
    source = ("for (var a = true; a == true; a = false) {\n%s}\n"
              "print \"once\";\n" % body)
    code = compile_code(source)
    assert len(ops_of(code, "LOOP")) == 2
    assert len(ops_of(code, "JUMP")) == 1
    path = tmp_path / "long_for.lox"
    path.write_text(source)
    assert run([str(path)]) == (0, "once\n", "")
    # Two bytes more and clox reports it.
    path.write_text(source.replace("a;\n", "a = a;\n", 1))
    status, out, err = run([str(path)])
    assert (status, err.split(": ")[-1]) == (
        65, "Too much code to jump over.\n")


def test_for_without_condition_has_no_exit_jump():
    code = compile_code("for (;;) print 1;")
    assert not ops_of(code, "JUMP_IF_FALSE")
    assert len(ops_of(code, "LOOP")) == 1


# ----------------------------------------------------- calls and classes

def test_call():
    code = compile_code("var f; f(1, 2, 3);")
    call = ops_of(code, "CALL")[0]
    assert call.args == [3]


def test_method_call_compiles_to_invoke():
    code = compile_code("var o; o.m(1, 2);")
    assert not ops_of(code, "GET_PROPERTY")
    assert not ops_of(code, "CALL")
    invoke = ops_of(code, "INVOKE")[0]
    assert code.constants[invoke.args[0]].value == "m"
    assert invoke.args[1] == 2


def test_property_get_then_call_of_a_grouping_is_not_invoke():
    code = compile_code("var o; (o.m)(1);")
    assert ops_of(code, "GET_PROPERTY")
    assert ops_of(code, "CALL")
    assert not ops_of(code, "INVOKE")


def test_property_set():
    code = compile_code("var o; o.x = 1;")
    setp = ops_of(code, "SET_PROPERTY")[0]
    assert code.constants[setp.args[0]].value == "x"


def test_super_call_compiles_to_super_invoke():
    code = compile_code(
        "class A { m(x) {} } class B < A { m(x) { super.m(x); } }")
    ms = [c for c in all_codes(code) if c.name == "m"]
    sub = ms[1]
    assert not ops_of(sub, "GET_SUPER")
    inv = ops_of(sub, "SUPER_INVOKE")[0]
    assert sub.constants[inv.args[0]].value == "m"
    assert inv.args[1] == 1
    # this, the argument, then the superclass (captured `super`).
    seq = names(sub)
    i = seq.index("SUPER_INVOKE")
    assert seq[i - 3:i] == ["GET_LOCAL", "GET_LOCAL", "GET_UPVALUE"]


def test_super_access_compiles_to_get_super():
    code = compile_code("class A { m() {} } class B < A { n() { super.m; } }")
    n = function_named(code, "n")
    assert ops_of(n, "GET_SUPER")
    assert not ops_of(n, "SUPER_INVOKE")


def test_class_declaration():
    code = compile_code("class A { m() {} n() {} }")
    seq = names(code)
    assert seq[:2] == ["CLASS", "DEFINE_GLOBAL"]
    assert seq.count("METHOD") == 2
    assert "INHERIT" not in seq


#> step 13 maps
def test_field_guesses_come_from_the_instruction_that_pushes_the_value():
    # What W_Class.guess_size sizes a class's first instances from: per
    # field a method assigns, the kind of value the compiler saw pushed.
    code = compile_code("""
        class P {
          init(a, other) {
            this.n = 1; this.g = (2); this.s = "s"; this.b = true;
            this.z = nil; this.x = a; this.y = -1; this.m = 1; this.m = nil;
            other.o = 3;
            fun f() { this.inner = 4; }
          }
        }""")
    assert function_named(code, "init").field_guesses == {
        "n": GUESS_NUMBER, "g": GUESS_NUMBER, "s": GUESS_OBJECT,
        "b": GUESS_OBJECT, "z": GUESS_OBJECT, "x": GUESS_EITHER,
        "y": GUESS_EITHER, "m": GUESS_EITHER, "o": GUESS_NUMBER}
    assert function_named(code, "f").field_guesses == {"inner": GUESS_NUMBER}
    assert code.field_guesses == {}
#< step 13


def test_subclass_declaration_inherits():
    code = compile_code("class A {} class B < A {}")
    seq = names(code)
    assert seq.count("INHERIT") == 1
    # the hidden `super` local is popped with the class at the end
    i = seq.index("INHERIT")
    assert seq[i + 1:i + 4] == ["GET_GLOBAL", "POP", "POP"]


def test_initializer_returns_this():
    code = compile_code("class A { init() { return; } }")
    init = function_named(code, "init")
    seq = names(init)
    assert seq == ["GET_LOCAL", "RETURN", "GET_LOCAL", "RETURN"]
    assert [i.args for i in ops_of(init, "GET_LOCAL")] == [[0], [0]]


def test_function_without_return_returns_nil():
    code = compile_code("fun f() {}")
    assert names(function_named(code, "f")) == ["NIL", "RETURN"]


# -------------------------------------------------------------- frame size

FRAME_PROGRAMS = [
    "print 1 + (2 + (3 + (4 + (5 + 6))));",
    "fun f(a, b, c) { return f(a, f(b, c, a), f(c, a, f(a, b, c))); }",
    "{ var a; var b; var c; { var d; var e; print a + b * (c - d / e); } }",
    "var o; o.m(1, o.n(2, 3), 4);",
    "class A { init(x) { this.x = x; } } class B < A { init(x) { "
    "super.init(x); this.y = this.x + x; } }",
    "for (var i = 0; i < 10; i = i + 1) { var j = i; while (j > 0) "
    "{ j = j - 1; if (j == 3) print j; else print -j; } }",
    "fun f() { var x = 1; fun g(a) { fun h(b) { return x + a + b; } "
    "return h; } return g; }",
    "print 1 and 2 or 3 and (4 or 5);",
    "{ fun f(n) { if (n < 2) return n; return f(n - 1) + f(n - 2); } }",
]


@pytest.mark.parametrize("source", FRAME_PROGRAMS)
def test_frame_size_covers_the_deepest_stack(source):
    for code in all_codes(compile_code(source)):
        assert code.frame_size >= max_stack_depth(code), code.name


def test_frame_size_of_nested_expression():
    code = compile_code("print 1 + (2 + (3 + (4 + (5 + 6))));")
    # slot 0 plus six operands on the stack at once
    assert code.frame_size >= 7


def test_frame_size_counts_locals_and_arguments():
    code = compile_code("fun f(a, b) { var c; var d; return g(a, b, c, d); }")
    f = function_named(code, "f")
    # slot 0, 2 params, 2 locals, then callee + 4 arguments
    assert f.frame_size >= 10


def test_deep_expression_runs():
    source = "print " + "(1 + " * 200 + "1" + ")" * 200 + ";"
    code = compile_code(source)
    assert code.frame_size >= 201
    from runner import run  # in-process or binary, whichever is set up
    import os
    import tempfile
    fd, path = tempfile.mkstemp(suffix=".lox")
    with os.fdopen(fd, "w") as f:
        f.write(source)
    try:
        status, out, err = run([path])
    finally:
        os.unlink(path)
    assert (status, out, err) == (0, "201\n", "")


# ------------------------------------------------------------------ limits

def numbers(count):
    return " ".join("%d;" % i for i in range(count))


def clox_errors(source):
    """The compile errors with clox's limits (--clox-limits); without, a
    function may have 65,536 constants (tests/test_limits.py)."""
    return compile_errors(source, clox_limits=True)


def test_256_constants_fit():
    assert clox_errors(numbers(256)) == []


def test_257th_constant_is_an_error_at_its_token():
    assert clox_errors(numbers(256) + "\n9999;") == [
        "[line 2] Error at '9999': Too many constants in one chunk."]


def test_global_name_uses_count_as_constants():
    # `var g;` is one constant, each use another.
    assert clox_errors("var g;" + " g;" * 255) == []
    assert clox_errors("var g;" + " g;" * 255 + "\ng;") == [
        "[line 2] Error at 'g': Too many constants in one chunk."]


def test_constants_are_counted_per_function():
    body = numbers(256)
    assert clox_errors("fun f() { %s } fun g() { %s } %s" %
                          (body, body, numbers(250))) == []
    assert clox_errors("fun f() { %s 1; }" % body) == [
        "[line 1] Error at '1': Too many constants in one chunk."]


def test_function_code_takes_a_constant():
    # 255 literals + the nested function's Code = 256: fits.
    assert clox_errors("fun f() { %s fun g() {} }" % numbers(255)) == []
    # One more literal: the function's Code is the 257th constant; the
    # error is at the token that needs it (g's closing brace).
    # Resynchronizing then skips f's `}`, so f's block is unclosed.
    assert clox_errors("fun f() { %s fun g() {\n} }" % numbers(256)) == [
        "[line 2] Error at '}': Too many constants in one chunk.",
        "[line 2] Error at end: Expect '}' after block."]


def local_decls(count, prefix="v"):
    return " ".join("var %s%d;" % (prefix, i) for i in range(count))


def test_255_locals_fit():
    assert compile_errors("fun f() { %s }" % local_decls(255)) == []
    code = compile_code("fun f() { %s print v254; }" % local_decls(255))
    f = function_named(code, "f")
    assert ops_of(f, "GET_LOCAL")[0].args == [255]


def test_256th_local_is_an_error_at_its_name():
    assert compile_errors("fun f() { %s\nvar last; }" % local_decls(255)) \
        == ["[line 2] Error at 'last': Too many local variables in function."]


def test_parameters_count_as_locals():
    params = ", ".join("p%d" % i for i in range(100))
    assert compile_errors("fun f(%s) { %s }" % (params, local_decls(155))) \
        == []
    assert compile_errors("fun f(%s) { %s var z; }" %
                          (params, local_decls(155))) == [
        "[line 1] Error at 'z': Too many local variables in function."]


def test_top_level_block_locals_limit():
    assert compile_errors("{ %s }" % local_decls(255)) == []
    assert compile_errors("{ %s var z; }" % local_decls(255)) == [
        "[line 1] Error at 'z': Too many local variables in function."]


def test_closure_variables_limit():
    # f has 200 locals, g 60 more; h captures 256 of them, then a 257th.
    outer = local_decls(200, "v")
    middle = local_decls(60, "w")
    uses = " ".join("v%d;" % i for i in range(200)) + " " + \
        " ".join("w%d;" % i for i in range(56))
    ok = "fun f() { %s fun g() { %s fun h() { %s } } }" % (outer, middle,
                                                           uses)
    assert compile_errors(ok) == []
    bad = "fun f() { %s fun g() { %s fun h() { %s\nw56; } } }" % (
        outer, middle, uses)
    assert compile_errors(bad) == [
        "[line 2] Error at 'w56': Too many closure variables in function."]


def test_255_arguments_and_parameters_fit():
    args = ", ".join(["nil"] * 255)
    params = ", ".join("p%d" % i for i in range(255))
    assert compile_errors("fun f(%s) {} f(%s);" % (params, args)) == []


def test_256_arguments_is_an_error_at_the_last_token_of_the_last():
    args = ", ".join(["nil"] * 255) + ", (nil\n)"
    assert compile_errors("var f; f(%s);" % args) == [
        "[line 2] Error at ')': Can't have more than 255 arguments."]


def test_256_parameters_is_an_error():
    params = ", ".join("p%d" % i for i in range(256))
    assert compile_errors("fun f(%s) {}" % params) == [
        "[line 1] Error at 'p255': Can't have more than 255 parameters."]


# Jumps are limited to 65,535 bytes of *clox* bytecode.  Filler statements
# in a block with one local `a` (slot 1), sized in clox bytes:
#   `a != a != ... != a;` with n operands: 2n (GET_LOCAL) + 2(n-1)
#   (NOT_EQUAL is two clox bytes, BANG_EQUAL NOT) + 1 (POP) = 4n - 1,
#   but only 3n minilang bytes;  `nil;` = 2;  `a;` = 3.
CHAIN = 11
CHAIN_SIZE = 4 * CHAIN - 1


def filler(size):
    chains, rest = divmod(size, CHAIN_SIZE)
    if rest == 1:
        chains -= 1
        rest += CHAIN_SIZE
    twos, threes = (rest // 2, 0) if rest % 2 == 0 else ((rest - 3) // 2, 1)
    chain = " != ".join(["a"] * CHAIN) + ";\n"
    return chain * chains + "nil;\n" * twos + "a;\n" * threes


def clox_and_own_size(statements):
    """(clox bytes, minilang bytes) of the filler, compiled on its own."""
    code = compile_code("{ var a;\n" + statements + "}")
    own = len(code.bytecode) - 4          # NIL for a, POP, NIL, RETURN
    clox = own + sum(op.OPS[i.info.number].clox_size - i.info.size
                     for i in decode(code))
    return clox, own


def test_filler_sizes():
    for size in (2, 3, 44, 45, 100, 1001):
        clox, own = clox_and_own_size(filler(size))
        assert clox == size


def if_program(size):
    return "{ var a;\nif (a) {\n" + filler(size) + "}\n}\n"


def test_if_jump_at_the_limit_compiles():
    # JUMP_IF_FALSE skips POP (1) + the body + JUMP (3).
    code = compile_code(if_program(65535 - 4))
    # minilang's own bytecode is far shorter than clox's: the limit is
    # not measured in it.
    assert len(code.bytecode) < 52000
    jif = ops_of(code, "JUMP_IF_FALSE")[0]
    assert jif.args[0] < 52000


def test_if_jump_over_the_limit_is_counted_in_clox_bytes():
    errors = compile_errors(if_program(65535 - 3))
    assert errors[0] == "[line %d] Error at '}': Too much code to jump " \
        "over." % (2 + filler(65535 - 3).count("\n") + 1)


def test_loop_body_too_large():
    # LOOP jumps back over the condition (GET_LOCAL, 2), JUMP_IF_FALSE (3),
    # POP (1), the body and itself (3): body + 9.
    source = "{ var a;\nwhile (a) {\n" + filler(65535 - 9 + 1) + "}\n}\n"
    errors = compile_errors(source)
    assert errors[0].endswith("Error at '}': Loop body too large.")


def test_operand_bytes_stay_bytes():
    # Slot and constant operands above 127 are stored as single bytes.
    code = compile_code("{ %s print v200; }" % local_decls(255))
    get = ops_of(code, "GET_LOCAL")[0]
    assert get.args == [201]
    assert all(0 <= ord(c) < 256 for c in code.bytecode)


EXAMPLES = sorted(glob.glob(os.path.join(ROOT, "examples", "*.lox")))


@pytest.mark.parametrize("path", EXAMPLES, ids=os.path.basename)
def test_frame_size_of_the_examples(path):
    with open(path, "rb") as f:
        source = f.read().decode("latin-1")
    for code in all_codes(compile_code(source)):
        assert code.frame_size >= max_stack_depth(code), code.name


# ------------------------------------------------------ compile-time growth

def compile_calls(source):
    """How many Python function calls compiling `source` makes (a measure
    of work that does not depend on the machine's speed).  Runs in a
    thread with room for deep recursion, as the command line does."""
    import sys
    import threading
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 200000))
    counts = []

    def work():
        calls = [0]

        def profile(frame, event, arg):
            if event == "call":
                calls[0] += 1
        sys.setprofile(profile)
        try:
            code = run_source(source, new_globals(), COMPILE).code
        finally:
            sys.setprofile(None)
        assert code is not None
        counts.append(calls[0])
    previous = threading.stack_size(256 * 1024 * 1024)
    try:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(previous)
    assert len(counts) == 1
    return counts[0]


NESTINGS = {
    "if": lambda n: "{ var a; " + "if (a) " * n + "a; }",
    "if_else": lambda n: "{ var a; " + "if (a) a; else " * n + "a; }",
    "while": lambda n: "{ var a; " + "while (a) " * n + "a; }",
    "for": lambda n: "{ var a; " + "for (; a; a) " * n + "a; }",
    # Controls, linear today: they show that the measure is fair.
    "block": lambda n: "{ var a; " + "{ " * n + "a;" + " }" * n + " }",
    "grouping": lambda n: "{ var a; " + "(" * n + "a" + ")" * n + "; }",
    "unary": lambda n: "{ var a; " + "!-" * n + "a; }",
    "sequence": lambda n: "{ var a; " + "if (a) a; while (a) a; " * n + "}",
}


@pytest.mark.parametrize("kind", sorted(NESTINGS))
def test_nesting_compiles_in_linear_time(kind):
    # Four times the nesting is four times the work for a linear compiler
    # (about 11 times for one that walks the nested statements again at
    # each level: 10,000 nested `if`s then take minutes).
    make = NESTINGS[kind]
    small = compile_calls(make(100))
    large = compile_calls(make(400))
    assert large < 5 * small, (kind, small, large, large / float(small))
