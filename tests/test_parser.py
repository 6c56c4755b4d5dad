"""minilang.parser.parse: the shape of the tree for docs/LANGUAGE.md section 2.

Trees are compared as S-expressions built by `sexp` below, e.g.
`(+ 1 (* 2 3))`, so precedence and associativity read at a glance.
"""

import os
import subprocess
import sys
import warnings

import pytest

from minilang import ast
from minilang.lexer import tokenize
from minilang.parser import parse, SyntaxErrorsFound


def sexp(node):
    """A compact, unambiguous text for a node."""
    if node is None:
        return "_"
    if isinstance(node, ast.Number):
        value = node.value
        return repr(int(value)) if value == int(value) else repr(value)
    if isinstance(node, ast.String):
        return '"%s"' % node.value
    if isinstance(node, ast.Literal):
        return node.last.value
    if isinstance(node, ast.Variable):
        return node.name.value
    if isinstance(node, ast.This):
        return "this"
    if isinstance(node, ast.Super):
        return "(super %s)" % node.name.value
    if isinstance(node, ast.Assign):
        return "(= %s %s)" % (node.name.value, sexp(node.value))
    if isinstance(node, ast.Unary):
        return "(%s %s)" % (node.op.value, sexp(node.operand))
    if isinstance(node, ast.Binary) or isinstance(node, ast.Logical):
        return "(%s %s %s)" % (node.op.value, sexp(node.left),
                               sexp(node.right))
    if isinstance(node, ast.Grouping):
        return "(group %s)" % sexp(node.expr)
    if isinstance(node, ast.Call):
        return "(call %s)" % " ".join([sexp(node.callee)] +
                                      [sexp(a) for a in node.args])
    if isinstance(node, ast.Get):
        return "(. %s %s)" % (sexp(node.obj), node.name.value)
    if isinstance(node, ast.Set):
        return "(.= %s %s %s)" % (sexp(node.obj), node.name.value,
                                  sexp(node.value))
    if isinstance(node, ast.ExprStmt):
        return "(expr %s)" % sexp(node.expr)
    if isinstance(node, ast.Print):
        return "(print %s)" % sexp(node.expr)
    if isinstance(node, ast.Var):
        return "(var %s %s)" % (node.name.value, sexp(node.init))
    if isinstance(node, ast.Block):
        return "(block%s)" % "".join(" " + sexp(s) for s in node.body)
    if isinstance(node, ast.If):
        return "(if %s %s %s)" % (sexp(node.cond), sexp(node.then),
                                  sexp(node.otherwise))
    if isinstance(node, ast.While):
        return "(while %s %s)" % (sexp(node.cond), sexp(node.body))
    if isinstance(node, ast.For):
        return "(for %s %s %s %s)" % (sexp(node.init), sexp(node.cond),
                                      sexp(node.incr), sexp(node.body))
    if isinstance(node, ast.Return):
        return "(return %s)" % sexp(node.value)
    if isinstance(node, ast.Function):
        return "(fun %s (%s)%s)" % (
            node.name.value, " ".join(p.value for p in node.params),
            "".join(" " + sexp(s) for s in node.body))
    if isinstance(node, ast.Class):
        return "(class %s %s%s)" % (
            node.name.value, sexp(node.superclass),
            "".join(" " + sexp(m) for m in node.methods))
    raise AssertionError("unknown node %r" % (node,))


def program(source):
    return parse(tokenize(source))


def tree(source):
    return [sexp(s) for s in program(source).body]


def expr(source):
    """The tree of one expression (parsed as an expression statement)."""
    body = program(source + ";").body
    assert len(body) == 1
    assert isinstance(body[0], ast.ExprStmt)
    return sexp(body[0].expr)


def fails(source):
    with pytest.raises(SyntaxErrorsFound):
        program(source)
    return True


# ------------------------------------------------------------- the grammar

def test_grammar_has_no_conflicts():
    from minilang import parser
    table = parser._parser.lr_table
    assert table.sr_conflicts == []
    assert table.rr_conflicts == []


def test_grammar_builds_without_warnings_in_a_fresh_interpreter():
    env = dict(os.environ)
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import minilang.parser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"Warning" not in proc.stderr


def test_program_keeps_eof_token():
    p = program("print 1;\n")
    assert p.eof.name == "EOF"
    assert p.eof.getsourcepos().lineno == 2


def test_empty_program():
    assert tree("") == []
    assert tree("// only a comment") == []


# ------------------------------------------------------------- primaries

@pytest.mark.parametrize("source,expected", [
    ("1", "1"), ("1.5", "1.5"), ('"str"', '"str"'), ('""', '""'),
    ("true", "true"), ("false", "false"), ("nil", "nil"), ("x", "x"),
    ("(1)", "(group 1)"), ("((x))", "(group (group x))"),
])
def test_primary(source, expected):
    assert expr(source) == expected


def test_number_values():
    body = program("0; 12; 1.5; 123.456;").body
    assert [s.expr.value for s in body] == [0.0, 12.0, 1.5, 123.456]


def test_string_value_drops_the_quotes_and_keeps_newlines():
    node = program('"a\nb";').body[0].expr
    assert isinstance(node, ast.String)
    assert node.value == "a\nb"
    assert node.last.value == '"a\nb"'


def test_this_and_super_in_a_method():
    (klass,) = program("class A < B { m() { this; super.m; } }").body
    body = klass.methods[0].body
    assert isinstance(body[0].expr, ast.This)
    assert isinstance(body[1].expr, ast.Super)
    assert body[1].expr.name.value == "m"


# ------------------------------------------------- precedence, associativity

@pytest.mark.parametrize("op", ["*", "/"])
def test_factor_is_left_associative(op):
    assert expr("a %s b %s c" % (op, op)) == "(%s (%s a b) c)" % (op, op)


@pytest.mark.parametrize("op", ["+", "-"])
def test_term_is_left_associative(op):
    assert expr("a %s b %s c" % (op, op)) == "(%s (%s a b) c)" % (op, op)


@pytest.mark.parametrize("op", [">", ">=", "<", "<="])
def test_comparison_is_left_associative(op):
    assert expr("a %s b %s c" % (op, op)) == "(%s (%s a b) c)" % (op, op)


@pytest.mark.parametrize("op", ["==", "!="])
def test_equality_is_left_associative(op):
    assert expr("a %s b %s c" % (op, op)) == "(%s (%s a b) c)" % (op, op)


@pytest.mark.parametrize("op", ["and", "or"])
def test_logical_is_left_associative(op):
    assert expr("a %s b %s c" % (op, op)) == "(%s (%s a b) c)" % (op, op)


def test_mixed_operators_of_one_level_are_left_associative():
    assert expr("a - b + c") == "(+ (- a b) c)"
    assert expr("a / b * c") == "(* (/ a b) c)"
    assert expr("a < b >= c") == "(>= (< a b) c)"
    assert expr("a == b != c") == "(!= (== a b) c)"


# Each level binds tighter than the one before it.
LEVELS = [["or"], ["and"], ["==", "!="], [">", ">=", "<", "<="], ["+", "-"],
          ["*", "/"]]


@pytest.mark.parametrize("low,high", [
    (lo, hi) for i, lower in enumerate(LEVELS) for lo in lower
    for higher in LEVELS[i + 1:] for hi in higher])
def test_precedence_between_levels(low, high):
    assert expr("a %s b %s c" % (low, high)) == \
        "(%s a (%s b c))" % (low, high)
    assert expr("a %s b %s c" % (high, low)) == \
        "(%s (%s a b) c)" % (low, high)


def test_unary_operators():
    assert expr("-a") == "(- a)"
    assert expr("!a") == "(! a)"
    assert expr("!!a") == "(! (! a))"
    assert expr("- -a") == "(- (- a))"
    assert expr("!-a") == "(! (- a))"


def test_unary_binds_tighter_than_binary():
    assert expr("-a * b") == "(* (- a) b)"
    assert expr("!a == b") == "(== (! a) b)"
    assert expr("a - -b") == "(- a (- b))"


def test_call_binds_tighter_than_unary():
    assert expr("-f()") == "(- (call f))"
    assert expr("!a.b") == "(! (. a b))"


def test_grouping_overrides_precedence():
    assert expr("(a + b) * c") == "(* (group (+ a b)) c)"
    assert expr("a * (b + c)") == "(* a (group (+ b c)))"
    assert expr("a - (b - c)") == "(- a (group (- b c)))"


def test_full_precedence_ladder():
    assert expr("a = b or c and d == e < f + g * -h") == \
        "(= a (or b (and c (== d (< e (+ f (* g (- h))))))))"


# --------------------------------------------------------------- assignment

def test_assignment_is_right_associative():
    assert expr("a = b = c") == "(= a (= b c))"
    assert expr("a = b = c = 1") == "(= a (= b (= c 1)))"


def test_assignment_value_is_a_full_expression():
    assert expr("a = b or c") == "(= a (or b c))"


def test_property_assignment():
    assert expr("a.b = 1") == "(.= a b 1)"
    assert expr("a.b.c = d") == "(.= (. a b) c d)"
    assert expr("f().x = 1") == "(.= (call f) x 1)"
    assert expr("a.b = c.d = e") == "(.= a b (.= c d e))"
    assert expr("a = b.c = d") == "(= a (.= b c d))"


def test_this_property_assignment():
    (klass,) = program("class A { m() { this.x = 1; } }").body
    assert sexp(klass.methods[0].body[0]) == "(expr (.= this x 1))"


@pytest.mark.parametrize("source", [
    "a + b = c;", "(a) = 1;", "1 = 2;", "-a = 1;", "a.b() = 1;",
    "a or b = c;", "!a = b;", '"s" = 1;', "this = 1;",
])
def test_invalid_assignment_target(source):
    assert fails(source)


# ------------------------------------------------------ calls and properties

def test_calls():
    assert expr("f()") == "(call f)"
    assert expr("f(1)") == "(call f 1)"
    assert expr("f(1, a + b, g())") == "(call f 1 (+ a b) (call g))"
    assert expr("f()()") == "(call (call f))"
    assert expr("f(a = 1)") == "(call f (= a 1))"


def test_property_chain():
    assert expr("a.b.c") == "(. (. a b) c)"
    assert expr("a.b().c(1).d") == "(. (call (. (call (. a b)) c) 1) d)"
    assert expr("f().x") == "(. (call f) x)"
    assert expr("(a).b") == "(. (group a) b)"


def test_call_on_keyword_values():
    assert expr('"s".len()') == '(call (. "s" len))'
    assert expr("nil()") == "(call nil)"


def test_call_keeps_closing_paren_as_last_token():
    call = program("f(\n1\n);").body[0].expr
    assert call.last.value == ")"
    assert call.line() == 3


def test_super_method():
    (klass,) = program(
        "class A < B { m() { super.m(1, 2); return super.n; } }").body
    first, second = klass.methods[0].body
    assert sexp(first) == "(expr (call (super m) 1 2))"
    assert sexp(second) == "(return (super n))"


@pytest.mark.parametrize("source", [
    "f(;", "f(1,);", "f(,1);", "a.;", "a.1;", "a..b;", "super;", "super.;",
    "super();", "f(1 2);",
])
def test_bad_call_or_property(source):
    assert fails(source)


# --------------------------------------------------------------- statements

def test_simple_statements():
    assert tree("print 1; x; var a; var b = 2; return; return 1;") == [
        "(print 1)", "(expr x)", "(var a _)", "(var b 2)", "(return _)",
        "(return 1)"]


def test_block():
    assert tree("{ var a = 1; { print a; } }") == [
        "(block (var a 1) (block (print a)))"]
    assert tree("{}") == ["(block)"]


def test_if_else():
    assert tree("if (a) print 1; else print 2;") == [
        "(if a (print 1) (print 2))"]
    assert tree("if (a) print 1;") == ["(if a (print 1) _)"]


def test_dangling_else_binds_to_nearest_if():
    assert tree("if (a) if (b) print 1; else print 2;") == [
        "(if a (if b (print 1) (print 2)) _)"]


def test_else_after_nested_ifs_in_blocks():
    assert tree("if (a) { if (b) print 1; } else print 2;") == [
        "(if a (block (if b (print 1) _)) (print 2))"]
    assert tree("if (a) if (b) print 1; else print 2; else print 3;") == [
        "(if a (if b (print 1) (print 2)) (print 3))"]


def test_else_if_chain():
    assert tree("if (a) x; else if (b) y; else z;") == [
        "(if a (expr x) (if b (expr y) (expr z)))"]


def test_while():
    assert tree("while (a < 10) a = a + 1;") == [
        "(while (< a 10) (expr (= a (+ a 1))))"]


@pytest.mark.parametrize("source,expected", [
    ("for (;;) x;", "(for _ _ _ (expr x))"),
    ("for (var i = 0;;) x;", "(for (var i 0) _ _ (expr x))"),
    ("for (i = 0;;) x;", "(for (expr (= i 0)) _ _ (expr x))"),
    ("for (; i < 3;) x;", "(for _ (< i 3) _ (expr x))"),
    ("for (;; i = i + 1) x;", "(for _ _ (= i (+ i 1)) (expr x))"),
    ("for (var i = 0; i < 3; i = i + 1) print i;",
     "(for (var i 0) (< i 3) (= i (+ i 1)) (print i))"),
    ("for (var i; i; i) {}", "(for (var i _) i i (block))"),
    ("for (i; ; i) {}", "(for (expr i) _ i (block))"),
])
def test_for_parts_are_optional(source, expected):
    assert tree(source) == [expected]


def test_loop_bodies_are_statements():
    assert tree("while (a) { var b; }") == ["(while a (block (var b _)))"]


@pytest.mark.parametrize("source", [
    "if (x) var a;", "if (x) fun f() {}", "if (x) class A {}",
    "while (x) var a;", "for (;;) var a;", "if (x) x; else var a;",
])
def test_loop_and_branch_bodies_cannot_be_declarations(source):
    assert fails(source)


# ------------------------------------------------------ functions and classes

def test_function_declarations():
    assert tree("fun f() {}") == ["(fun f ())"]
    assert tree("fun f(a) { return a; }") == ["(fun f (a) (return a))"]
    assert tree("fun f(a, b, c) { print a; print b; }") == [
        "(fun f (a b c) (print a) (print b))"]


def test_nested_functions():
    assert tree("fun f() { fun g() { return 1; } return g; }") == [
        "(fun f () (fun g () (return 1)) (return g))"]


def test_function_keeps_its_closing_brace():
    (f,) = program("fun f() {\n}\n").body
    assert f.last.value == "}"
    assert f.last.getsourcepos().lineno == 2


def test_class():
    assert tree("class A {}") == ["(class A _)"]
    assert tree("class A { m() {} init(x) { this.x = x; } }") == [
        "(class A _ (fun m ()) (fun init (x) (expr (.= this x x))))"]


def test_class_with_superclass():
    (klass,) = program("class B < A { m() { return 1; } }").body
    assert sexp(klass) == "(class B A (fun m () (return 1)))"
    assert isinstance(klass.superclass, ast.Variable)
    assert klass.superclass.name.value == "A"


def test_declarations_in_sequence():
    assert tree("var a = 1; fun f() {} class C {} print a;") == [
        "(var a 1)", "(fun f ())", "(class C _)", "(print a)"]


# ------------------------------------------------------------ invalid input

@pytest.mark.parametrize("source", [
    "print", "print 1", "1 +;", "var;", "var 1 = 2;", "var a = ;",
    "{", "}", "{ print 1 }", "(1;", ")", "if a) x;", "if (a x;",
    "while a) x;", "for (;;;) x;", "for (var i = 0; i < 1) x;", "for x;",
    "fun;", "fun f;", "fun f( {}", "fun f(a,) {}", "fun f(1) {}",
    "fun f() x;", "class {}", "class A;", "class A < {}", "class A { var x; }",
    "class A { 1 }", "class A < B", "return", "else x;", "a b;", ";",
    "print 1;;", "var x = 1 var y = 2;", "fun () {}", "class A { m }",
    "1.;", ".5;", "@;", '"unterminated;',
])
def test_syntax_errors_raise(source):
    assert fails(source)


def test_lexical_error_raises_even_in_valid_code():
    assert fails("print 1; // fine\nprint 2; \xe9")
    assert fails('print "open')


def test_semantic_errors_are_not_the_parsers_business():
    # These parse; the resolver reports them.
    for source in ["return 1;", "this;", "super.x;", "class A < A {}",
                   "{ var a; var a; }", "{ var a = a; }"]:
        assert isinstance(program(source), ast.Program)


def test_parse_errors_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fails("print (1;")
