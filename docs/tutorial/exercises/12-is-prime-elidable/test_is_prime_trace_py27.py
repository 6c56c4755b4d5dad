"""Exercise 12: isPrime of a constant costs nothing in a loop (Python
2.7, the JIT harness; make exercise NAME=12)."""

import os

from jitview.harness import Harness

# The program is loop.lox, beside this file: `make trace FILE=...` shows
# its trace.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "loop.lox")) as f:
    PROGRAM = f.read()


def test_is_prime_of_a_constant_is_folded():
    run = Harness().run(PROGRAM)
    assert run.status == 0, "the program failed (status %d): is isPrime " \
        "there?" % run.status
    assert run.output == "100\n", run.output
    trace = run.the_loop("in count")
    ops = [op for op in trace.ops[trace.body_start():] if not op.dead]
    calls = [op.text for op in ops if op.kind == "call"]
    assert calls == [], (
        "`p` is a global never reassigned, so in the trace it is the "
        "constant 7919, and isPrime(7919) is always the same answer; yet "
        "the loop still calls a function every iteration:\n    %s\n\n%s"
        % ("\n    ".join(calls), run.render()))
