"""Runaway programs end cleanly, the same way untranslated and on the
binary (issue 11): number printing equals C's %g, out of memory is a
runtime error, Ctrl-C ends a run (exit 130) or abandons a REPL line, a
closed standard output ends the run quietly (exit 141), and an internal
error names the exception.

Everything goes through runner.run / runner.command, so with
MINILANG_BIN set (make test-binary) these run on the binary.
"""

import os
import random
import resource
import select
import signal
import struct
import subprocess
import sys
import time
from decimal import Decimal

import pytest

from minilang.errors import OUT_OF_MEMORY
from runner import BINARY, run, command


def run_source(tmp_path, source, args=()):
    path = tmp_path / "prog.lox"
    path.write_bytes(source.encode("latin-1"))
    return run(list(args) + [str(path)])


# -------------------------------------------------------- number printing

def lox_literal(x):
    """A Lox expression whose value is exactly the double x (Lox number
    literals have no exponent: the exact decimal expansion is used)."""
    if x != x:
        return "(0/0)"
    if x in (float("inf"), float("-inf")):
        return "(1/0)" if x > 0 else "(-1/0)"
    text = format(Decimal(x).copy_abs(), "f")
    return ("-" if str(x).startswith("-") else "") + text


def interesting_doubles(count, seed):
    """Doubles of every magnitude and the awkward cases of %g."""
    rng = random.Random(seed)
    values = [0.0, -0.0, float("inf"), float("-inf"), float("nan"),
              5e-324, -5e-324, 2.2250738585072014e-308,
              1.7976931348623157e308, 1000405.0, 999999.5, 9999995.0,
              0.0001, 0.00009999995, 0.000099999949, 123456.5, 1e6, 1e-5,
              2.0 ** 53, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 2.0 ** 100]
    while len(values) < count:
        kind = rng.randrange(7)
        if kind == 0:       # any bit pattern: every magnitude
            x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        elif kind == 1:     # integers, up to beyond 2^53
            x = float(rng.randrange(-2 ** rng.randrange(1, 80),
                                    2 ** rng.randrange(1, 80)))
        elif kind == 2:     # six-digit ties: d.dddddd5 x 10^k, near and exact
            digits = rng.randrange(10 ** 6, 10 ** 7) // 10 * 10 + 5
            x = float(Decimal(digits).scaleb(rng.randrange(-12, 12)))
        elif kind == 3:     # halves and quarters: exact binary ties
            x = rng.randrange(10 ** 7) + rng.choice([0.5, 0.25, 0.75])
        elif kind == 4:     # where %g switches between %f and %e
            x = rng.choice([1e-4, 1e-5, 1e5, 1e6, 999999.0, 0.0001]) * \
                (1 + rng.uniform(-1e-6, 1e-6))
        elif kind == 5:     # short decimals (what programs print)
            x = round(rng.uniform(-1000, 1000), rng.randrange(0, 7))
        else:               # trailing zeros after rounding: 1000405 kind
            x = float(rng.randrange(1, 10 ** 4) * 10 ** rng.randrange(0, 5)
                      + rng.randrange(0, 10)) * 10.0 ** rng.randrange(-8, 8)
        if x == x:
            values.append(x)
    return values


def c_g(x):
    """C's printf("%g"), as Python's % gives it; Lox prints NaN as nan."""
    return "nan" if x != x else "%g" % x


def test_printed_numbers_are_c_percent_g(tmp_path):
    values = interesting_doubles(5000, seed=20261130)
    # A function per 200 numbers: a chunk holds at most 256 constants.
    source = ""
    for start in range(0, len(values), 200):
        source += "fun p%d() {\n%s}\np%d();\n" % (
            start, "".join("print %s;\n" % lox_literal(x)
                           for x in values[start:start + 200]), start)
    status, out, err = run_source(tmp_path, source)
    assert (status, err) == (0, "")
    lines = out.split("\n")[:-1]
    assert len(lines) == len(values)
    wrong = [(repr(x), got, c_g(x)) for x, got in zip(values, lines)
             if got != c_g(x)]
    assert wrong == []


def test_format_number_matches_percent_g_directly():
    # The same function the binary uses (on formatd), here on Python's %.5e.
    from minilang.numformat import format_number
    values = interesting_doubles(50000, seed=7)
    wrong = [(repr(x), format_number(x)) for x in values
             if format_number(x) != c_g(x)]
    assert wrong == []


def test_the_reported_trailing_zero_case(tmp_path):
    assert run_source(tmp_path, "print 1000405; print 100040.5 * 10;") == \
        (0, "1.0004e+06\n1.0004e+06\n", "")


# ---------------------------------------------------------- out of memory

# A small heap, so that these finish in a second or two.
SMALL_HEAP = ["--max-heap", "4MB"]

DOUBLING_STRING = """print "before";
var s = "x";
while (true) s = s + s;
"""

GROWING_LIST = """class Node { init(next) { this.next = next; } }
fun grow() { var head = nil; while (true) head = Node(head); }
print "start";
grow();
"""
# The error comes where the heap fills up: making the instance, or in its
# initializer, setting its field.
GROWING_LIST_ERRORS = [
    OUT_OF_MEMORY + "\n[line 2] in grow()\n[line 4] in script\n",
    OUT_OF_MEMORY + "\n[line 1] in init()\n[line 2] in grow()\n"
                    "[line 4] in script\n"]


def test_out_of_memory_string_doubling(tmp_path):
    assert run_source(tmp_path, DOUBLING_STRING, SMALL_HEAP) == \
        (70, "before\n", OUT_OF_MEMORY + "\n[line 3] in script\n")


def test_out_of_memory_growing_list_has_the_stack_trace(tmp_path):
    status, out, err = run_source(tmp_path, GROWING_LIST, SMALL_HEAP)
    assert (status, out) == (70, "start\n")
    assert err in GROWING_LIST_ERRORS


def test_heap_limit_from_pypy_gc_max(tmp_path):
    path = tmp_path / "prog.lox"
    path.write_bytes(GROWING_LIST.encode())
    env = dict(os.environ, PYPY_GC_MAX="4MB")
    proc = subprocess.run(command() + [str(path)], env=env, timeout=120,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert (proc.returncode, proc.stdout) == (70, b"start\n")
    assert proc.stderr.decode() in GROWING_LIST_ERRORS


# `ulimit -v` for the test below: untranslated, the interpreter's thread
# reserves 512 MB of stack first.
ULIMIT_V = (300 if BINARY else 700) << 20


@pytest.mark.parametrize("source, errors", [
    (DOUBLING_STRING, [OUT_OF_MEMORY + "\n[line 3] in script\n"]),
    (GROWING_LIST, GROWING_LIST_ERRORS)], ids=["string", "list"])
def test_out_of_memory_under_ulimit_v_by_default(tmp_path, source, errors):
    # Without --max-heap the limit is a third of what `ulimit -v` leaves, so
    # the program stops with the error, not with an abort when malloc fails.
    path = tmp_path / "prog.lox"
    path.write_bytes(source.encode())

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (ULIMIT_V, ULIMIT_V))
    proc = subprocess.run(command() + [str(path)], preexec_fn=limit,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=120)
    assert proc.returncode == 70
    assert proc.stderr.decode() in errors
    assert proc.stdout in (b"before\n", b"start\n")


def test_program_within_the_heap_limit_runs(tmp_path):
    source = """var s = "x"; var n = 0;
    while (n < 16) { s = s + s; n = n + 1; }   // 64 KB
    print n;"""
    assert run_source(tmp_path, source, SMALL_HEAP) == (0, "16\n", "")


@pytest.mark.parametrize("size", ["0", "-1", "12XB", "MB", "1.2.3", ""])
def test_bad_heap_size_is_a_usage_error(tmp_path, size):
    status, out, err = run_source(tmp_path, "print 1;", ["--max-heap", size])
    assert (status, out) == (64, "")
    assert err.startswith("minilang: --max-heap wants a size")


def test_heap_option_without_a_size_is_a_usage_error():
    from minilang.commandline import usage_line
    assert run(["--max-heap"]) == (64, "", usage_line() + "\n")


@pytest.mark.parametrize("text, size", [
    ("4096", 4096), ("64KB", 64 << 10), ("64kb", 64 << 10), ("2M", 2 << 20),
    ("512MB", 512 << 20), ("1.5GB", 3 << 29), ("0.5", 0),
    ("junk", -1), ("5TB", -1)])
def test_parse_size(text, size):
    from minilang.heaplimit import parse_size
    assert parse_size(text) == size


def test_repl_ends_after_out_of_memory():
    proc = subprocess.run(command() + SMALL_HEAP, timeout=120,
                          input=b"print 1;\nvar s = \"x\";\n"
                                b"while (true) s = s + s;\nprint 2;\n",
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert (proc.returncode, proc.stdout, proc.stderr) == \
        (70, b"> 1\n> > ", (OUT_OF_MEMORY + "\n[line 1] in script\n")
         .encode())


# ---------------------------------------------------------------- Ctrl-C

# Prints more than the output buffer holds (so the test sees it start),
# then runs for ever.
FILL = 'for (var i = 0; i < 2000; i = i + 1) print "0123456789";\n'
LOOP_FOREVER = FILL + 'var a = 0; while (true) a = a + 1;\n'
RECURSE_FOREVER = FILL + '''fun f(n) { if (n < 1) return; f(n - 1); f(n - 1); }
f(100);
'''


def interrupt_run(tmp_path, source):
    path = tmp_path / "prog.lox"
    path.write_bytes(source.encode())
    proc = subprocess.Popen(command() + [str(path)], bufsize=0,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    return proc.returncode, first + out, err


@pytest.mark.parametrize("source", [LOOP_FOREVER, RECURSE_FOREVER],
                         ids=["loop", "recursion"])
def test_ctrl_c_ends_the_run_with_130(tmp_path, source):
    status, out, err = interrupt_run(tmp_path, source)
    assert (status, err) == (130, b"")
    assert out == b"0123456789\n" * 2000


def repl_process():
    return subprocess.Popen(command(), bufsize=0, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def read_until(stream, text):
    seen = b""
    while not seen.endswith(text):
        ready = select.select([stream], [], [], 60)[0]
        assert ready, "waited 60 s for %r, got %r" % (text, seen)
        byte = stream.read(1)
        assert byte, seen
        seen += byte
    return seen


def test_ctrl_c_in_the_repl_abandons_the_running_line():
    proc = repl_process()
    proc.stdin.write(b"var a = 0;\nwhile (true) a = a + 1;\n")
    proc.stdin.flush()
    read_until(proc.stdout, b"> > ")
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(b"print a > 0;\n", timeout=60)
    assert (proc.returncode, out, err) == \
        (0, b"> true\n> \n", b"Interrupted.\n")


def test_ctrl_c_at_the_repl_prompt_gives_a_new_prompt():
    proc = repl_process()
    read_until(proc.stdout, b"> ")
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    read_until(proc.stdout, b"\n> ")
    out, err = proc.communicate(b"print 2;\n", timeout=60)
    assert (proc.returncode, out, err) == (0, b"2\n> \n", b"")


# ----------------------------------------------------- closed standard output

MANY_LINES = "for (var i = 0; i < 1000000; i = i + 1) print i;\n"


def test_closed_pipe_ends_the_run_quietly_with_141(tmp_path):
    path = tmp_path / "prog.lox"
    path.write_bytes(MANY_LINES.encode())
    proc = subprocess.Popen(command() + [str(path)], bufsize=0,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout.readline() == b"0\n"      # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read()
    assert (proc.wait(timeout=60), err) == (141, b"")


def test_closed_stdout_ends_the_run_quietly_with_141(tmp_path):
    path = tmp_path / "prog.lox"
    path.write_bytes(b"print 1;\n")
    proc = subprocess.run(command() + [str(path)], stderr=subprocess.PIPE,
                          preexec_fn=lambda: os.close(1), timeout=60)
    assert (proc.returncode, proc.stderr) == (141, b"")
