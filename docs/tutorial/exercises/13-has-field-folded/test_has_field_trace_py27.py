"""Exercise 13: hasField costs nothing in a loop (Python 2.7, the JIT
harness; make exercise NAME=13)."""

import os

from jitview.harness import Harness

# The program is loop.lox, beside this file: `make trace FILE=...` shows
# its trace.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "loop.lox")) as f:
    PROGRAM = f.read()


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
    # (p is a red value, its map could change): no read of its fields,
    # neither the inline ones of its storage class (W_Instance_2_0.o0, ...)
    # nor the overflow arrays (more_objects, more_floats) and their items.
    fields = [op.text for op in ops
              if (op.name.startswith("getfield") and "W_Instance" in op.text
                  and "map" not in op.text) or "arrayitem" in op.name]
    assert fields == [], "\n".join(fields) + "\n\n" + run.render()
