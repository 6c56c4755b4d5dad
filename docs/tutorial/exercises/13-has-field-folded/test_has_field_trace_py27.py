"""Exercise 13: hasField costs nothing in a loop (Python 2.7, the JIT
harness; make exercise NAME=13)."""

from jitview.harness import Harness

PROGRAM = """
class Point { init(x) { this.x = x; } }
fun count(p) {
  var i = 0;
  var n = 0;
  while (i < 100) {
    if (hasField(p, "x")) n = n + 1;
    if (hasField(p, "y")) n = n + 1000;
    i = i + 1;
  }
  return n;
}
print count(Point(1));
"""


def body(run):
    trace = run.the_loop("in count")
    return [op for op in trace.ops[trace.body_start():] if not op.dead]


def test_has_field_in_a_loop():
    run = Harness().run(PROGRAM)
    assert run.status == 0, "the program failed (status %d): is hasField " \
        "there?" % run.status
    assert run.output == "100\n", run.output
    ops = body(run)
    calls = [op.text for op in ops if op.kind == "call"]
    assert calls == [], (
        "the loop calls a function every iteration (the field lookup "
        "was not folded):\n    %s\n\n%s" % ("\n    ".join(calls),
                                             run.render()))
    allocations = [op.text for op in ops if op.kind == "alloc"]
    assert allocations == [], "\n".join(allocations) + "\n\n" + run.render()
    # What is left of both lookups: at most the check of the instance's map
    # (p is a red value, its map could change): no read of its fields.
    fields = [op.text for op in ops
              if "W_Instance.objects" in op.text or
              "W_Instance.floats" in op.text or "arrayitem" in op.name]
    assert fields == [], "\n".join(fields) + "\n\n" + run.render()
