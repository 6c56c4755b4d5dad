"""Exercise 14: sqrt in a loop allocates nothing (Python 2.7, the JIT
harness; make exercise NAME=14)."""

from jitview.harness import Harness

PROGRAM = """
{
  var i = 0;
  var total = 0;
  while (i < 100) { total = total + sqrt(i * i); i = i + 1; }
  print total;
}
"""


def body(run):
    trace = run.the_loop()
    return [op for op in trace.ops[trace.body_start():] if not op.dead]


def test_sqrt_in_a_loop_is_unboxed():
    run = Harness().run(PROGRAM)
    assert run.status == 0, "the program failed (status %d): is sqrt " \
        "there?" % run.status
    assert run.output == "4950\n", run.output
    ops = body(run)
    allocations = [op.text for op in ops if op.kind == "alloc"]
    assert allocations == [], (
        "the loop allocates every iteration (a boxed number escapes?):"
        "\n    %s\n\n%s" % ("\n    ".join(allocations), run.render()))
    boxes = [op.text for op in ops if "W_Number" in op.text]
    assert boxes == [], (
        "the loop checks or reads a W_Number box every iteration:\n    %s"
        "\n\n%s" % ("\n    ".join(boxes), run.render()))
    # The square root itself is one operation on a float: the math
    # function, called directly (no call of the interpreter's helpers).
    calls = [op.text for op in ops if op.kind == "call"]
    assert len(calls) <= 1 and all("sqrt" in c for c in calls), (
        "unexpected calls in the loop:\n    %s\n\n%s"
        % ("\n    ".join(calls), run.render()))
