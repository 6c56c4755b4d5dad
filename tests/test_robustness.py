"""Inputs that must never crash minilang: whatever the bytes, the result is
a Lox outcome (exit 0, 65 or 70 with the spec's messages), never a Python
traceback or an internal error.

Runs through runner.run, so it also works with MINILANG_BIN set.
"""

import os
import random
import re

import pytest

from runner import ROOT, run

ERROR_LINE = re.compile(r"^\[line \d+\] Error( at '.*'| at end)?: .+$",
                        re.S)
TRACE_LINE = re.compile(r"^\[line \d+\] in (script|[A-Za-z_][A-Za-z_0-9]*"
                        r"\(\))$")


# A program that calls the native exit(n) ends with status n, one that
# calls printerr(v) writes on standard error (docs/LANGUAGE.md, section 12).
NATIVE_EXIT_OR_STDERR = re.compile(r"\b(exit|printerr)\s*\(")


def check_sane(status, out, err, source=""):
    """The checks every input must pass."""
    assert "Traceback" not in err, (source[:200], err[-2000:])
    assert "internal error" not in err, (source[:200], err)
    if NATIVE_EXIT_OR_STDERR.search(source):
        assert 0 <= status <= 255, (source[:200], status, err[:500])
        return
    assert status in (0, 65, 70), (source[:200], status, err[:500])
    if status == 0:
        assert err == ""
    elif status == 65:
        # Every line is a compile error; error lines may contain newlines
        # only inside a quoted multi-line string lexeme.
        assert out == ""
        assert err.endswith("\n")
        for entry in re.split(r"\n(?=\[line \d+\] Error)", err[:-1]):
            assert ERROR_LINE.match(entry), (source[:200], entry)
    else:
        lines = err.split("\n")
        assert lines[-1] == ""
        assert len(lines) >= 3
        assert not lines[0].startswith("[line")
        for line in lines[1:-1]:
            assert TRACE_LINE.match(line), (source[:200], line)


def run_bytes(tmp_path, data, name="input.lox"):
    path = tmp_path / name
    path.write_bytes(data)
    status, out, err = run([str(path)])
    check_sane(status, out, err, data.decode("latin-1"))
    return status, out, err


# --------------------------------------------------- truncated examples

EXAMPLES = ["classes.lox", "closures.lox", "fizzbuzz.lox", "hello.lox",
            "interpreter.lox"]


def offsets(size, count):
    """About `count` cut points spread over the file, plus both ends."""
    step = max(1, size // count)
    cuts = set(range(0, size, step))
    cuts.update([0, 1, size - 1, size])
    return sorted(c for c in cuts if 0 <= c <= size)


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_truncation_of_an_example(tmp_path, example):
    with open(os.path.join(ROOT, "examples", example), "rb") as f:
        data = f.read()
    outcomes = set()
    for cut in offsets(len(data), 80):
        status, out, err = run_bytes(tmp_path, data[:cut])
        outcomes.add(status)
    # Most prefixes end mid-statement; the whole file runs.
    assert 65 in outcomes
    assert 0 in outcomes


def test_truncations_inside_a_string_and_a_comment(tmp_path):
    data = b'print "one\ntwo"; // a comment\nprint 2;\n'
    for cut in range(len(data) + 1):
        status, out, err = run_bytes(tmp_path, data[:cut])
        if 7 <= cut < 15:
            assert err == "[line %d] Error: Unterminated string.\n" % (
                data[:cut].count(b"\n") + 1)


# ----------------------------------------------------------- random input

def test_random_bytes(tmp_path):
    rng = random.Random(20240611)
    for i in range(300):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
        run_bytes(tmp_path, data)


TOKENS = ["(", ")", "{", "}", ",", ".", "-", "+", ";", "/", "*", "!", "!=",
          "=", "==", ">", ">=", "<", "<=", "x", "y", "f", "init", "1", "2.5",
          '"s"', "and", "class", "else", "false", "for", "fun", "if", "nil",
          "or", "print", "return", "super", "this", "true", "var", "while",
          "\n", "//c\n", "@"]


def test_random_token_soup(tmp_path):
    rng = random.Random(1234)
    for i in range(200):
        words = [rng.choice(TOKENS) for _ in range(rng.randrange(1, 30))]
        run_bytes(tmp_path, " ".join(words).encode())


PIECES = ["var x = 1;", "print x;", "fun f(a) { return a + 1; }",
          "print f(x);", "class A { init() { this.v = 1; } m() { return "
          "this.v; } }", "class B < A { m() { return super.m() * 2; } }",
          "print B().m();", "{ var y = x; print y; }", "x = x + 1;",
          "if (x > 1) print x; else print -x;",
          "for (var i = 0; i < 3; i = i + 1) print i;",
          "while (x < 5) x = x + 1;", "print nil + 1;", "print A().q;",
          "print x();", "return 1;", "print this;", "{ var z = z; }"]


def test_random_programs_of_valid_pieces(tmp_path):
    # Mostly-valid programs reach the resolver, compiler and interpreter;
    # a runtime or compile error is fine, a crash is not.
    rng = random.Random(99)
    seen = set()
    for i in range(150):
        parts = [rng.choice(PIECES) for _ in range(rng.randrange(1, 8))]
        status, out, err = run_bytes(tmp_path, "\n".join(parts).encode())
        seen.add(status)
    assert seen == {0, 65, 70}


# ----------------------------------------------------------- deep nesting

N = 10000


def check_deep(status, out, err, expected_output):
    """Deep nesting is a correct Lox program: it compiles and runs, with
    the output clox gives (refusing it, e.g. as "Program too deeply
    nested.", would fail)."""
    assert (status, err[:500]) == (0, "")
    assert out == expected_output


def test_nested_parentheses(tmp_path):
    source = "print " + "(" * N + "1" + ")" * N + ";\n"
    check_deep(*run_bytes(tmp_path, source.encode()), expected_output="1\n")


def test_nested_blocks(tmp_path):
    source = "{" * N + "print 1;" + "}" * N + "\n"
    check_deep(*run_bytes(tmp_path, source.encode()), expected_output="1\n")


def test_nested_unary_minus(tmp_path):
    source = "print " + "-" * N + "1;\nprint " + "-" * (N + 1) + "1;\n"
    check_deep(*run_bytes(tmp_path, source.encode()),
               expected_output="1\n-1\n")


def test_nested_not(tmp_path):
    source = "print " + "!" * N + "nil;\n"
    check_deep(*run_bytes(tmp_path, source.encode()),
               expected_output="false\n")


def test_nested_functions(tmp_path):
    source = "fun f() {" * 2000 + "print 1;" + "}" * 2000 + "\n"
    check_deep(*run_bytes(tmp_path, source.encode()), expected_output="")


def test_nesting_deeper_than_the_stack_is_a_compile_error(tmp_path):
    # Past what the stack holds (the binary's, or Python's recursion
    # limit), the program is refused as clox refuses what it cannot
    # compile: a compile error, exit 65, not an internal error.
    source = "print " + "(" * 200000 + "1" + ")" * 200000 + ";\n"
    assert run_bytes(tmp_path, source.encode()) == (
        65, "", "[line 1] Error: Program too deeply nested.\n")


def test_unclosed_deep_parentheses(tmp_path):
    source = "print " + "(" * N + "1;\n"
    status, out, err = run_bytes(tmp_path, source.encode())
    assert status == 65
    assert (out, err) == ("", "[line 1] Error at ';': Expect ')' after "
                          "expression.\n")


def test_unclosed_deep_blocks(tmp_path):
    status, out, err = run_bytes(tmp_path, b"{" * N)
    assert status == 65
    # Each unclosed block is reported once (clox resynchronizes at the end
    # of every enclosing block).
    assert out == ""
    assert err == "[line 1] Error at end: Expect '}' after block.\n" * N


# ------------------------------------------------------------- big inputs

def test_one_megabyte_string_literal(tmp_path):
    text = "".join(chr(ord("a") + i % 26) for i in range(1 << 20))
    source = 'var s = "%s";\nprint s;\nprint s + "!";\n' % text
    status, out, err = run_bytes(tmp_path, source.encode())
    assert (status, err) == (0, "")
    assert out == text + "\n" + text + "!\n"


def test_hundred_thousand_statements(tmp_path):
    source = "print nil;\n" * 100000
    status, out, err = run_bytes(tmp_path, source.encode())
    assert (status, err) == (0, "")
    assert out == "nil\n" * 100000


def test_long_line_of_operators(tmp_path):
    # A left-deep tree 10,000 operators long (no constants: all locals).
    source = "{ var a = 1; print a" + " + a" * N + "; }\n"
    check_deep(*run_bytes(tmp_path, source.encode()),
               expected_output="%d\n" % (N + 1))


def test_long_else_if_chain(tmp_path):
    # A right-deep tree: 500 else-ifs (long ones take a constant each).
    parts = ["{ var a = nil; var b = true;"]
    parts.append(" else ".join(["if (a) print a;"] * 500))
    parts.append(" else print b; }\n")
    status, out, err = run_bytes(tmp_path, "".join(parts).encode())
    assert (status, out, err) == (0, "true\n", "")
