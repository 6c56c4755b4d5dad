"""Constants per function: 65,536 by default, clox's 256 with --clox-limits
(docs/LANGUAGE.md sections 5 and 12; the EXTENDED_ARG prefix of
minilang/opcodes.py).

The book's limit tests (tests/lox/limit/) run with --clox-limits in the
corpus (tests/runner.py); here the ones about constants run without it,
every corpus program compiles to the same bytes either way, and the new
limit has its own error.  tests/lox/wide_constants/ runs every instruction
that takes a constant with an index above 255 (untranslated and on the
binary).
"""

import glob
import os

import pytest

from compiled import compile_errors, compile_code, all_codes, decode
from minilang import opcodes as op
from minilang.disassembler import disassemble
from minilang.errors import EXIT_OK
from minilang.pipeline import run_source, new_globals, COMPILE
from runner import ROOT, check_program, expectations, run, run_program

LOX = os.path.join(ROOT, "tests", "lox")
LIMIT = sorted(glob.glob(os.path.join(LOX, "limit", "*.lox")))
CORPUS = sorted(glob.glob(os.path.join(LOX, "**", "*.lox"), recursive=True))
TOO_MANY = "Too many constants in one chunk."


def about_constants(path):
    """A book limit test whose limit is the constants'."""
    return any(TOO_MANY in line for line in expectations(path).compile_errors)


CONSTANT_TESTS = [p for p in LIMIT if about_constants(p)]
CONSTANT_MAX_TESTS = [p for p in LIMIT if "constants" in os.path.basename(p)
                      and not about_constants(p)]


def test_the_book_tests_of_the_constant_limit_are_there():
    names = [os.path.basename(p) for p in CONSTANT_TESTS]
    assert "too_many_constants.lox" in names
    assert "too_many_constants_in_script.lox" in names
    assert len(names) >= 9
    assert len(CONSTANT_MAX_TESTS) >= 3


@pytest.mark.parametrize("path", CONSTANT_TESTS, ids=os.path.basename)
def test_a_program_past_clox_constant_limit_runs_by_default(path):
    status, out, err = run_program(path, [])
    assert (status, err) == (0, "")
    # and with the option, clox's errors (as the corpus checks them)
    check_program(path, ["--clox-limits"])


@pytest.mark.parametrize("path", CONSTANT_MAX_TESTS, ids=os.path.basename)
def test_a_program_at_clox_constant_limit_runs_the_same_by_default(path):
    check_program(path, [])


def test_the_script_past_the_limit_prints_what_it_would():
    path = os.path.join(LOX, "limit", "too_many_constants_in_script.lox")
    assert run_program(path, []) == (0, "0\n", "")


def codes(source, clox_limits):
    outcome = run_source(source, new_globals(), COMPILE, clox_limits)
    if outcome.code is None:
        return None
    return [(c.name, c.bytecode, [k.str() for k in c.constants], c.lines)
            for c in all_codes(outcome.code)]


def test_programs_within_clox_limits_compile_to_the_same_bytes():
    # Every corpus program that compiles with clox's limits: the same
    # Codes (bytecode, constants, lines) without them.  No prefix at all.
    # (Not the jump-limit programs of tests/lox/limit/, of 90 KB each: they
    # use no constant, tests/tools/gen_limits.py.)
    compared = 0
    for path in CORPUS:
        if os.path.getsize(path) > 50000:
            continue
        with open(path, "rb") as f:
            source = f.read().decode("latin-1")
        clox = codes(source, True)
        if clox is None:
            continue
        assert codes(source, False) == clox, path
        for name, bytecode, constants, lines in clox:
            assert len(constants) <= 256
        compared += 1
    assert compared > 450


# ------------------------------------------------ the new limit: 65,536

def numbers(count):
    return " ".join("%d;" % i for i in range(count))


def test_65536_constants_fit_and_the_65537th_is_an_error_at_its_token():
    # (Two compiles of 65,536 statements: some seconds.)  g's Code is f's
    # 65,536th constant; a literal after it is the 65,537th.
    body = numbers(65535)
    assert compile_errors("fun f() { %s fun g() {} }" % body) == []
    assert compile_errors("fun f() { %s fun g() {}\n1; }" % body) == [
        "[line 2] Error at '1': " + TOO_MANY]


def test_the_option_keeps_clox_limit_with_the_same_message():
    assert compile_errors(numbers(256), clox_limits=True) == []
    assert compile_errors(numbers(256) + "\nx;", clox_limits=True) == [
        "[line 2] Error at 'x': " + TOO_MANY]
    assert compile_errors(numbers(256) + "\nx;") == []


# ------------------------------------------------ the bytes and --dis

def test_an_index_above_255_takes_a_prefix_with_its_high_byte():
    code = compile_code(numbers(300) + ' print "s";')
    instructions = decode(code)
    wide = [i for i in instructions if i.name == "CONSTANT"
            and i.args[0] > 255]
    assert len(wide) == 300 - 256 + 1
    first = wide[0]
    assert first.args == [256]
    # EXTENDED_ARG 1, then CONSTANT with the low byte 0.
    assert code.bytecode[first.pc - 2:first.pc + 2] == "".join(
        chr(b) for b in [op.EXTENDED_ARG, 1, op.CONSTANT, 0])
    assert code.decode_start(first.pc - 2) == (first.pc, 256)
    assert code.next_pc(first.pc - 2) == first.pc + 2
    last = [i for i in instructions if i.name == "CONSTANT"][-1]
    assert code.constants[last.args[0]].str() == "s"
    assert [i for i in instructions if i.name == "EXTENDED_ARG"] == \
        [i for i in instructions if i.name == "EXTENDED_ARG"
         and i.args == [1]]
    assert len([i for i in instructions if i.name == "EXTENDED_ARG"]) == 45


def test_disassembly_of_a_wide_operand():
    text = disassemble(compile_code(numbers(256) + '\nprint "wide";'))
    rows = text.splitlines()
    assert rows[-5:] == [
        "0768    2 EXTENDED_ARG        1",
        "0770    | CONSTANT          256 'wide'",
        "0772    | PRINT",
        "0773    | NIL",
        "0774    | RETURN",
    ]


def test_disassembly_of_a_wide_closure_and_its_captures():
    # 254 literals, 1 and 2: g's Code is f's 257th constant.
    source = ("fun f() { %s var x = 1; var y = 2;\n"
              "fun g() { return x + y; } return g; } print f()();"
              % numbers(254))
    rows = disassemble(compile_code(source)).splitlines()
    at = [i for i, row in enumerate(rows) if "EXTENDED_ARG" in row]
    assert len(at) == 1
    rows = rows[at[0]:at[0] + 4]
    assert rows == [
        "0770    2 EXTENDED_ARG        1",
        "0772    | CLOSURE           256 '<code g>'",
        "0774    |                     local 1",
        "0776    |                     local 2",
    ]
    assert run_source_output(source) == "3\n"


def run_source_output(source):
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".lox", delete=False) as f:
        f.write(source)
    try:
        status, out, err = run([f.name])
    finally:
        os.unlink(f.name)
    assert (status, err) == (0, "")
    return out


def test_the_repl_takes_the_option_too():
    line = (numbers(256) + " print 1;\n").encode()
    assert run([], line) == (0, "> 1\n> \n", "")
    status, out, err = run(["--clox-limits"], line)
    assert status == EXIT_OK
    assert err == "[line 1] Error at '1': " + TOO_MANY + "\n"
