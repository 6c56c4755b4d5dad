"""Exercise 12: isPrime of a constant costs nothing in a loop (Python
2.7, the JIT harness; make exercise NAME=12)."""

from jitview.harness import Harness

PROGRAM = """
var p = 7919;
fun count() {
  var i = 0;
  var n = 0;
  while (i < 100) {
    if (isPrime(p)) n = n + 1;
    i = i + 1;
  }
  return n;
}
print count();
"""


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
