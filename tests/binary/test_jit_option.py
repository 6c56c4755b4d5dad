"""--jit on the binary (make test-binary only; MINILANG_BIN must be set).

`--jit off` hands "off" to RPython's set_user_param, which sets the
thresholds to -1: the program runs as before and the JIT compiles
nothing: the binary's own jit-summary (PYPYLOG) is missing, where
without the option it counts the loop it compiled.  The same program
without the option compiles a loop, so the test can tell the two apart.
"""

import os
import subprocess

from jitview import log as jitlog

SOURCE = """\
var total = 0;
for (var i = 0; i < 100000; i = i + 1) total = total + i;
print total;
"""


def loops_compiled(tmpdir, args):
    binary = os.environ.get("MINILANG_BIN")
    assert binary, ("MINILANG_BIN is not set: this test runs bin/minilang, "
                    "through `make test-binary`")
    program = os.path.join(str(tmpdir), "loop.lox")
    logfile = os.path.join(str(tmpdir), "jit.log")
    with open(program, "w") as f:
        f.write(SOURCE)
    env = dict(os.environ, PYPYLOG="jit-summary:" + logfile)
    done = subprocess.run([binary] + args + [program], env=env,
                          capture_output=True)
    assert (done.returncode, done.stdout, done.stderr) == (
        0, b"4.99995e+09\n", b"")
    with open(logfile, "rb") as f:
        log = jitlog.parse(f.read().decode("latin-1"))
    loops = log.summary_value("Total # of loops")
    # The binary writes no jit-summary at all when its JIT never started a
    # trace (measured: --jit off leaves the log empty).
    return int(loops) if loops is not None else 0


def test_jit_off_compiles_no_loop(tmpdir):
    assert loops_compiled(tmpdir, []) == 1
    assert loops_compiled(tmpdir, ["--jit", "off"]) == 0


def test_jit_threshold_is_passed_on(tmpdir):
    # The loop runs 100,000 times: above this threshold it is never hot.
    assert loops_compiled(tmpdir, ["--jit", "threshold=200000"]) == 0
    assert loops_compiled(tmpdir, ["--jit", "threshold=50"]) == 1
