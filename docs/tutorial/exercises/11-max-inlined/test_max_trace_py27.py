"""Exercise 11: max is inlined into the loop that calls it (Python 2.7,
the JIT harness; make exercise NAME=11)."""

import os

from jitview.harness import Harness

# The program is loop.lox, beside this file: `make trace FILE=...` shows
# its trace.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "loop.lox")) as f:
    PROGRAM = f.read()


def test_max_leaves_no_call_in_the_loop():
    run = Harness().run(PROGRAM)
    assert run.status == 0, "the program failed (status %d): is max " \
        "there?" % run.status
    assert run.output == "6225\n", run.output
    trace = run.the_loop()
    ops = [op for op in trace.ops[trace.body_start():] if not op.dead]
    # At step 11 reading the global `max` is still a dictionary lookup, a
    # residual call of RPython's lookup function at GET_GLOBAL (chapter 12
    # makes such a global a constant): that call is not max's.
    calls = [op.text for op in ops if op.kind == "call" and
             "ll_call_lookup_function" not in op.text]
    assert calls == [], (
        "the loop calls a function every iteration instead of doing the "
        "comparison itself:\n    %s\n\n%s" % ("\n    ".join(calls),
                                               run.render()))
    allocations = [op.text for op in ops if op.kind == "alloc"]
    assert allocations == [], "\n".join(allocations) + "\n\n" + run.render()
