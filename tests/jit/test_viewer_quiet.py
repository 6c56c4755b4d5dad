"""`make trace` is quiet: what RPython prints while the JIT is imported and
built (gcc's warnings for its C helpers on a first build, [version:WARNING],
its progress) goes to build/trace.log, and the terminal gets only the
viewer's own lines (jitview/__main__.py, QuietBuild)."""

import os
import subprocess
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                    os.pardir)

NOISE = ("[platform", "[version", "warning:", "[rtyper", "[annrpython",
         "[translation", "[jitcodewriter", "Traceback")


def test_make_trace_prints_only_the_viewer():
    fd, program = tempfile.mkstemp(suffix=".lox")
    os.write(fd, b"var i = 0;\nwhile (i < 100) { i = i + 1; }\nprint i;\n")
    os.close(fd)
    try:
        proc = subprocess.Popen(["make", "-s", "--no-print-directory",
                                 "trace", "FILE=" + program], cwd=ROOT,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        out, err = proc.communicate()
    finally:
        os.remove(program)
    out, err = out.decode("latin-1"), err.decode("latin-1")
    assert proc.returncode == 0, (out, err)
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("jitview: built minilang's JIT in "), out
    assert lines[1].startswith("jitview: %s ran in " % program), out
    assert lines[2] == "100"
    assert "\nLOOP 1, entered at " in out
    for word in NOISE:
        assert word not in out, (word, out)
    assert os.path.isfile(os.path.join(ROOT, "build", "trace.log"))
