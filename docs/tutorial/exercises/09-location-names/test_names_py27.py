"""Exercise 09: trace locations name what an instruction reads
(Python 2.7, the JIT harness; make exercise NAME=09)."""

import os
import sys

from jitview.harness import Harness

PROGRAM = """
class Counter { init() { this.n = 0; } }
var step = 1;
fun work(c) {
  var i = 0;
  while (i < 50) { c.n = c.n + step; i = i + 1; }
  return c.n;
}
print work(Counter());
"""


def locations(run):
    """Every debug_merge_point location of every compiled loop."""
    found = []
    for trace in run.loops:
        for op in trace.ops:
            if op.location is not None:
                found.append(op.location)
    return found


def test_locations_name_globals_and_properties():
    run = Harness().run(PROGRAM)
    assert run.output == "50\n", run.output
    texts = [location.text for location in locations(run)]
    assert texts, "no loop was compiled:\n" + run.render()
    for opname, name in [("GET_GLOBAL", "step"), ("GET_PROPERTY", "n"),
                         ("SET_PROPERTY", "n")]:
        wanted = "%s %s @" % (opname, name)
        assert [t for t in texts if t.startswith(wanted)], (
            "no location of the loop reads %r; they are:\n    %s"
            % (wanted + "PC (line N in work)", "\n    ".join(texts)))
    # Other instructions keep the plain form.
    assert [t for t in texts if t.startswith("GET_LOCAL @")], texts


def test_jitview_still_parses_every_location():
    run = Harness().run(PROGRAM)
    for location in locations(run):
        # jitview.log.Location reads the opcode, pc, line and function
        # out of the text (the listing and the loop names use them).
        assert location.pc >= 0, "jitview cannot parse %r" % location.text
        assert location.function == "work", location.text
        assert location.opname in ("GET_GLOBAL", "GET_PROPERTY",
                                   "SET_PROPERTY", "GET_LOCAL", "SET_LOCAL",
                                   "CONSTANT", "ADD", "LESS", "POP", "LOOP",
                                   "JUMP_IF_FALSE"), location.text
