"""`minilang --profile OUT FILE` and tools/profile-report.

These run untranslated (the pure-Python profiler of minilang/rlib/vmprof.py)
and, in `make test-binary`, on the binary (RPython's rvmprof, JIT included):
the same program, the same reader, the same expectations, except where
the JIT makes a difference, which is asserted both ways.
"""

import importlib.machinery
import importlib.util
import os
import subprocess
import sys

from runner import run, BINARY, ROOT

REPORT = os.path.join(ROOT, "tools", "profile-report")


def load_report_tool():
    loader = importlib.machinery.SourceFileLoader("profile_report", REPORT)
    spec = importlib.util.spec_from_loader("profile_report", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


report_tool = load_report_tool()

# `hot` runs ten times as many iterations as `cold`; the script's own
# loop does almost nothing.  The binary's JIT is so much faster than
# CPython that it needs more iterations for enough samples.
N = 50000000 if BINARY else 5000
PROGRAM = """\
fun cold(n) {
  var s = 0;
  for (var i = 0; i < n; i = i + 1) { s = s + i; }
  return s;
}
fun hot(n) {
  var s = 0;
  for (var i = 0; i < n; i = i + 1) { s = s + i * 2; }
  return s;
}
var t = 0;
for (var j = 0; j < 10; j = j + 1) { t = t + hot(%d) + cold(%d); }
print t > 0;
""" % (N, N // 10)


def profile(tmp_path, source):
    lox = tmp_path / "prog.lox"
    lox.write_bytes(source.encode("latin-1"))
    out = tmp_path / "prog.prof"
    status, stdout, stderr = run(["--profile", str(out), str(lox)])
    return status, stdout, stderr, out


def test_hot_function_comes_first(tmp_path):
    status, stdout, stderr, out = profile(tmp_path, PROGRAM)
    assert (status, stdout, stderr) == (0, "true\n", "")
    prof = report_tool.read_profile(out.read_bytes())
    rows, n = report_tool.table(prof)
    assert n >= 20, "too few samples to say anything"
    names = [name for (name, line, path), _, _, _ in rows]
    assert names[0] == "hot"
    (name, line, path), hot_self, hot_total, hot_jit = rows[0]
    assert (line, path) == (7, str(tmp_path / "prog.lox"))
    # The script is under every sample.
    script = [row for row in rows if row[0][0] == "<script>"][0]
    assert script[2] == n


def test_report_command_prints_the_table(tmp_path):
    status, _, _, out = profile(tmp_path, PROGRAM)
    assert status == 0
    proc = subprocess.run([sys.executable, REPORT, str(out)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=60)
    assert proc.returncode == 0
    lines = proc.stdout.decode().splitlines()
    assert lines[0].startswith(str(tmp_path / "prog.lox") + ": ")
    assert lines[2].split() == ["self", "total", "jit", "function", "(line)"]
    assert lines[3].split()[3:] == ["hot", "(7)"]


def test_recursion_counts_once_in_total(tmp_path):
    source = """\
fun fib(n) { if (n < 2) return n; return fib(n - 2) + fib(n - 1); }
print fib(%d) > 0;
""" % (35 if BINARY else 17)
    status, stdout, stderr, out = profile(tmp_path, source)
    assert (status, stdout, stderr) == (0, "true\n", "")
    prof = report_tool.read_profile(out.read_bytes())
    rows, n = report_tool.table(prof)
    (name, line, path), fib_self, fib_total, fib_jit = rows[0]
    assert name == "fib"
    assert fib_total <= n
    if BINARY:
        # Samples taken inside JIT-compiled code are named by the JIT's
        # code map (rvmprof finds the place through the return address of
        # the machine code's last call: fib's recursive calls here).
        assert fib_jit > fib_self // 2
    else:
        assert fib_jit == 0
    # Deep stacks: some sample has fib many times over.
    depths = [sum(1 for uid, _ in report_tool.lox_frames(s)) for s in
              prof.samples]
    assert max(depths) > 5


def test_sampling_covers_the_run_only(tmp_path):
    # A long program to compile that runs in no time: sampling starts once
    # the script runs and stops before it returns.  A sample while no Lox
    # code runs would make rvmprof print a warning on standard error.
    source = "{ var a = true; a = !a == a; }\n" * (40000 if BINARY else 3000)
    source += "print 8;\n"
    status, stdout, stderr, out = profile(tmp_path, source)
    assert (status, stdout, stderr) == (0, "8\n", "")
    prof = report_tool.read_profile(out.read_bytes())
    rows, n = report_tool.table(prof)
    assert all(row[0][0] == "<script>" for row in rows)


def test_runtime_error_still_writes_the_profile(tmp_path):
    source = PROGRAM.replace("print t > 0;", "print t > 0;\nprint -nil;")
    status, stdout, stderr, out = profile(tmp_path, source)
    assert status == 70
    assert stderr == "Operand must be a number.\n[line 14] in script\n"
    rows, n = report_tool.table(report_tool.read_profile(out.read_bytes()))
    assert rows[0][0][0] == "hot"


def test_unwritable_profile_is_an_io_error(tmp_path):
    lox = tmp_path / "prog.lox"
    lox.write_bytes(b"print 1;\n")
    bad = tmp_path / "no-such-dir" / "out.prof"
    assert run(["--profile", str(bad), str(lox)]) == (
        74, "", 'Could not write profile "%s".\n' % bad)


def test_profile_option_needs_an_output_and_a_file(tmp_path):
    lox = tmp_path / "prog.lox"
    lox.write_bytes(b"print 1;\n")
    for args in (["--profile"], ["--profile", str(lox)],
                 ["--profile", "a", "b", "c"]):
        status, stdout, stderr = run(args)
        assert (status, stdout) == (64, "")
        assert stderr.startswith("Usage: minilang")


def test_report_rejects_what_is_not_a_profile(tmp_path):
    bogus = tmp_path / "bogus.prof"
    bogus.write_bytes(b"print 1;\n" * 10)
    proc = subprocess.run([sys.executable, REPORT, str(bogus)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=60)
    assert proc.returncode == 1
    assert b"not a vmprof profile" in proc.stderr
