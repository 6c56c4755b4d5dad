"""`make trace`'s printout of an untranslated run (jitview.harness): the
operations of a known loop grouped under its source line and minilang
instructions, marks and summaries as in the README."""

import re

from jitview.harness import Harness

SOURCE = """\
var total = 0;
{
  var i = 0;
  while (i < 100) {
    total = total + i;
    i = i + 1;
  }
}
print total;
"""


def test_trace_is_grouped_by_line_and_instruction():
    run = Harness().run(SOURCE)
    assert run.status == 0 and run.output == "4950\n"
    text = run.render()
    assert text.startswith("=" * 78 + "\nLOOP ")
    body = text[text.index("---- loop body"):]
    assert re.search(r"\nline 6 \|     i = i \+ 1;\n"
                     r"    GET_LOCAL @\d+, CONSTANT @\d+, ADD @\d+   "
                     r"\(in script\)\n"
                     r" {12}f\d+ = float_add\(f\d+, 1\.0\)\n", body), body
    assert re.search(r"\nline 4 \|   while \(i < 100\) \{\n"
                     r"    GET_LOCAL @\d+, CONSTANT @\d+, LESS @\d+   "
                     r"\(in script\)\n"
                     r" {12}i\d+ = float_lt\(f\d+, 100\.0\)\n"
                     r"GUARD {7}guard_true\(i\d+\)   <- g\d+\n", body), body
    assert re.search(r"\nper iteration: \d+ operations: \d+ guards, "
                     r"\d+ allocations?, 0 residual calls", text)
    # The first trace aborts: `total` is a global, a quasi-immutable
    # constant until it has changed a few times (globalscope.GlobalCell),
    # and writing a quasi-immutable field while tracing aborts the trace.
    # The next attempt finds the cell mutable and compiles the loop.
    assert ("\nOVERALL: 1 loop, 0 bridges, 1 aborted trace\n"
            "  aborted: ABORT_FORCE_QUASIIMMUT at GET_LOCAL @6 (line 4 in "
            "script)\n") in text
    assert re.search(r"\njit-summary: tracing 2 times in \d+\.\d+ s", text)


def test_compile_error_is_reported_not_run():
    run = Harness().run("print 1 +;")
    assert run.status == 65
    assert run.log.traces == []
