"""Exercise 15: `%` of whole numbers without a call (Python 2.7, the JIT
harness; make exercise NAME=15)."""

from jitview.harness import Harness

PROGRAM = """
fun checksum(n) {
  var i = 1;
  var sum = 0;
  while (i <= n) { sum = sum + (i * 31 + 7) % 1000; i = i + 1; }
  return sum;
}
print checksum(100);
"""


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
