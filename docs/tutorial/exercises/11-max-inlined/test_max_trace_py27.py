"""Exercise 11: max is inlined into the loop that calls it (Python 2.7,
the JIT harness; make exercise NAME=11)."""

from jitview.harness import Harness

PROGRAM = """
{
  var i = 0;
  var total = 0;
  while (i < 100) { total = total + max(i, 50); i = i + 1; }
  print total;
}
"""


def test_max_leaves_no_call_in_the_loop():
    run = Harness().run(PROGRAM)
    assert run.status == 0, "the program failed (status %d): is max " \
        "there?" % run.status
    assert run.output == "6225\n", run.output
    trace = run.the_loop()
    ops = [op for op in trace.ops[trace.body_start():] if not op.dead]
    calls = [op.text for op in ops if op.kind == "call"]
    assert calls == [], (
        "the loop calls a function every iteration instead of doing the "
        "comparison itself:\n    %s\n\n%s" % ("\n    ".join(calls),
                                               run.render()))
    allocations = [op.text for op in ops if op.kind == "alloc"]
    assert allocations == [], "\n".join(allocations) + "\n\n" + run.render()
