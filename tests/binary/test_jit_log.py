"""The trace viewer on a real run of the binary (make test-binary only).

bin/minilang runs a known loop with PYPYLOG=jit-log-opt,jit-summary:FILE;
jitview reads the log and must print the loop grouped as in the README:
the source line's text, then the minilang instructions, then the
operations they became.  This directory is left out of `make
test-cpython` (setup.cfg: norecursedirs); test-binary names this file and
sets MINILANG_BIN, and without it the test fails rather than skips.
"""

import os
import re
import subprocess
import sys

from jitview import log as jitlog
from jitview import render

ROOT = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir)
SOURCE = """\
var total = 0;
{
  var i = 0;
  while (i < 100000) {
    total = total + i;
    i = i + 1;
  }
}
print total;
"""


def run_with_log(tmpdir):
    binary = os.environ.get("MINILANG_BIN")
    assert binary, ("MINILANG_BIN is not set: this test runs bin/minilang, "
                    "through `make test-binary`")
    program = os.path.join(str(tmpdir), "loop.lox")
    logfile = os.path.join(str(tmpdir), "jit.log")
    with open(program, "w") as f:
        f.write(SOURCE)
    env = dict(os.environ, PYPYLOG="jit-log-opt,jit-summary:" + logfile)
    done = subprocess.run([binary, program], env=env, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"4.99995e+09\n"
    return program, logfile


def test_log_of_the_binary_is_grouped_by_line_and_instruction(tmpdir):
    program, logfile = run_with_log(tmpdir)
    with open(logfile, "rb") as f:
        log = jitlog.parse(f.read().decode("latin-1"))
    assert len(log.loops) == 1 and len(log.bridges) == 0
    assert log.summary_value("Total # of loops") == "1"
    text = render.render(log, SOURCE.splitlines())
    body = text[text.index("---- loop body"):]
    # `i = i + 1` (line 6): the source line, the three instructions, and
    # the one operation they became: an unboxed float addition.
    assert re.search(r"\nline 6 \|     i = i \+ 1;\n"
                     r"    GET_LOCAL @\d+, CONSTANT @\d+, ADD @\d+   "
                     r"\(in script\)\n"
                     r" {12}f\d+ = float_add\(f\d+, 1\.0+\)\n", body), body
    # the loop test (line 4): comparison then a marked guard
    assert re.search(r"\nline 4 \|   while \(i < 100000\) \{\n"
                     r"    GET_LOCAL @\d+, CONSTANT @\d+, LESS @\d+   "
                     r"\(in script\)\n"
                     r" {12}i\d+ = float_lt\(f\d+, 100000\.0+\)\n"
                     r"GUARD {7}guard_true\(i\d+\)   <- g\d+\n", body), body
    assert "\nOVERALL: 1 loop, 0 bridges, 0 aborted traces\n" in text
    assert re.search(r"\njit-summary: tracing 1 time in \d+\.\d+ s, "
                     r"backend 1 time in \d+\.\d+ s", text)


def test_jitview_command_reads_the_log(tmpdir):
    program, logfile = run_with_log(tmpdir)
    done = subprocess.run(
        [sys.executable, "-m", "jitview", "--log", logfile, program],
        cwd=ROOT, capture_output=True)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode("latin-1")
    assert out.startswith("=" * 78 + "\nLOOP 1, entered at GET_LOCAL @")
    assert "\nline 5 |     total = total + i;\n" in out
