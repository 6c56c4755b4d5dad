"""The Brainfuck interpreter (brainfuck/), untranslated on CPython 3: its
programs, its errors, its location names, and that it uses nothing of the
Lox implementation.  (Its traces: tests/jit/test_brainfuck_traces.py.)"""

import os
import subprocess
import sys

import pytest

from brainfuck.interpreter import (parse, BfError, get_printable_location,
                                   parse_printable_location)
from runner import ROOT

EXAMPLES = os.path.join(ROOT, "examples", "bf")


def brainfuck(args, stdin=b""):
    proc = subprocess.run([sys.executable, "-m", "brainfuck"] + args,
                          input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def write(tmp_path, text):
    path = tmp_path / "prog.b"
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize("name", sorted(
    n[:-2] for n in os.listdir(EXAMPLES) if n.endswith(".b")))
def test_example(name):
    # Each example program prints what its .out file holds.
    with open(os.path.join(EXAMPLES, name + ".out"), "rb") as f:
        expected = f.read()
    status, out, err = brainfuck([os.path.join(EXAMPLES, name + ".b")])
    assert (status, err) == (0, b"")
    assert out == expected


def test_input_echo_and_end_of_input(tmp_path):
    # `,` reads a byte; at the end of the input the cell keeps its value
    # (here the last byte read): "ab" echoed, then "b" again.
    status, out, _ = brainfuck([write(tmp_path, ",.,.,.")], b"ab")
    assert (status, out) == (0, b"abb")


def test_cells_wrap_around_a_byte(tmp_path):
    status, out, _ = brainfuck([write(tmp_path, "-.+.")])
    assert (status, out) == (0, b"\xff\x00")


@pytest.mark.parametrize("text, message", [
    ("+\n+[", b"brainfuck: line 2: '[' without a ']'\n"),
    ("]", b"brainfuck: line 1: ']' without a '['\n"),
])
def test_unbalanced_brackets(tmp_path, text, message):
    assert brainfuck([write(tmp_path, text)]) == (65, b"", message)


def test_pointer_off_the_left_end(tmp_path):
    status, out, err = brainfuck([write(tmp_path, "+.\n<")])
    assert (status, out, err) == (
        70, b"\x01", b"brainfuck: line 2: '<' left of the first cell\n")


def test_usage_and_unreadable_file(tmp_path):
    assert brainfuck([]) == (64, b"", b"usage: brainfuck PROG.b\n")
    status, _, err = brainfuck([str(tmp_path / "missing.b")])
    assert status == 74 and err.startswith(b"brainfuck: cannot read ")


def test_parse_keeps_instructions_lines_and_partners():
    program = parse("a+[\n-> x]<")
    assert program.code == "+[->]<"
    assert program.lines == [1, 1, 2, 2, 2, 2]
    assert program.targets == [-1, 4, -1, -1, 1, -1]
    with pytest.raises(BfError):
        parse("[[]")


def test_location_names_read_back():
    program = parse("+\n[-]")
    for pc in range(len(program.code)):
        text = get_printable_location(pc, program)
        assert parse_printable_location(text) == (
            program.code[pc], pc, program.lines[pc], "program")
    assert get_printable_location(2, program) == "- @2 (line 2)"
    # Lox's location names are not Brainfuck's.
    assert parse_printable_location("GET_LOCAL @4 (line 1 in script)") is None


def test_it_imports_nothing_of_lox():
    # Only the rpython.rlib stand-ins (minilang/rlib/, independent of
    # Lox) are shared: running a program loads no other minilang module.
    code = ("import sys; sys.argv = ['brainfuck', %r]; "
            "from brainfuck.__main__ import main; main(sys.argv); "
            "print(sorted(m for m in sys.modules if m.startswith('minilang')"
            " and not m.startswith('minilang.rlib')))"
            % os.path.join(EXAMPLES, "hello.b"))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                         stdout=subprocess.PIPE, check=True).stdout
    assert out.endswith(b"['minilang']\n"), out


def test_jitview_reads_its_locations(monkeypatch):
    # With JITVIEW_LANG=bf, jitview's log reader takes Brainfuck's
    # location names apart (the adapter's parse_location).
    from jitview import adapter, log
    monkeypatch.setenv(adapter.ENV, "bf")
    monkeypatch.setattr(adapter, "_current", [])
    op = log.Op("debug_merge_point(0, 0, '[ @12 (line 3)')")
    assert (op.location.opname, op.location.pc, op.location.line,
            op.location.function) == ("[", 12, 3, "program")
