"""Exercise 10: a loop using `%` keeps the frame in registers (Python 2.7,
the JIT harness; make exercise NAME=10)."""

import os

from jitview.harness import Harness

# The program the README shows with `make trace`.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "loop.lox")) as f:
    PROGRAM = f.read()


def body(run):
    """The operations every iteration of the one compiled loop runs."""
    trace = run.the_loop()
    return [op for op in trace.ops[trace.body_start():] if not op.dead]


def test_modulo_loop_runs_and_is_compiled():
    run = Harness().run(PROGRAM)
    assert run.status == 0, "the program failed (status %d): is %% there?" \
        % run.status
    assert run.output == "295\n", run.output
    body(run)      # exactly one loop was compiled


def test_the_frame_stays_virtual():
    run = Harness().run(PROGRAM)
    ops = body(run)
    frame_traffic = [op.text for op in ops
                     if "Frame." in op.text or "arrayitem" in op.name]
    assert frame_traffic == [], (
        "the loop reads or writes the frame (its fields or its stack "
        "array) every iteration:\n    %s\n\n%s"
        % ("\n    ".join(frame_traffic), run.render()))
    allocations = [op.text for op in ops if op.kind == "alloc"]
    assert allocations == [], (
        "the loop allocates every iteration:\n    %s\n\n%s"
        % ("\n    ".join(allocations), run.render()))
