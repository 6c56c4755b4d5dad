"""Exercise 15: `%` of whole numbers without a call (Python 2.7, the JIT
harness; make exercise NAME=15)."""

import os

from jitview.harness import Harness

# The program is loop.lox, beside this file: `make trace FILE=...` shows
# its trace.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "loop.lox")) as f:
    PROGRAM = f.read()


def test_modulo_of_whole_numbers_calls_nothing():
    run = Harness().run(PROGRAM)
    assert run.status == 0, "the program failed (status %d): is %% there?" \
        % run.status
    assert run.output == "49250\n", run.output
    trace = run.the_loop("in checksum")
    ops = [op for op in trace.ops[trace.body_start():] if not op.dead]
    calls = [op.text for op in ops if op.kind == "call"]
    assert calls == [], (
        "every iteration still calls a function (and reads errno after "
        "it) for `%%`:\n    %s\n\n%s" % ("\n    ".join(calls), run.render()))
