"""The object model's techniques, each measured by switching it off.

For each technique of the object model (techniques.py: `maps`,
`method-versions`, `unboxed-numbers`) a small Lox program runs with the
JIT twice: with every technique on (this process's build) and in a
separate Python 2.7 process whose environment has MINILANG_WITHOUT=<the
technique> (techniques.py reads it when minilang is imported, so the
interpreter that process builds for the JIT lacks it).  Each test asserts
the operations of the compiled loop's body in both builds: what the
technique removes from the trace.
"""

import json
import os
import subprocess
import sys

from jitview.harness import Harness, with_polls

# Each program's loop is the one loop compiled for it ("in script").
PROGRAMS = {
    # Two instances whose number fields are read and written.
    "fields": """
        class V { init() { this.a = 1; this.b = 2; this.c = 3; } }
        class T { init() { this.sum = 0; } }
        { var v = V(); var t = T(); var i = 0;
          while (i < 100) { var x = v.a; v.a = v.b; v.b = v.c; v.c = x;
                            t.sum = t.sum + v.a; i = i + 1; }
          print t.sum; }
    """,
    # A method call on an instance whose class never changes.
    "method": """
        class C { one() { return 1; } }
        { var c = C(); var s = 0; var i = 0;
          while (i < 100) { s = s + c.one(); i = i + 1; }
          print s; }
    """,
    # A captured counter, updated through its cell.
    "cell": """
        fun make() {
          var count = 0;
          fun next() { count = count + 1; return count; }
          return next;
        }
        { var counter = make(); var i = 0;
          while (i < 100) { counter(); i = i + 1; }
          print counter() - 1; }
    """,
}

OUTPUTS = {"fields": "200\n", "method": "100\n", "cell": "100\n"}

# Run in the other process: the programs on stdin, their loops' counts out.
SCRIPT = """
import json, sys
from jitview.harness import Harness
programs = json.loads(sys.stdin.read())
jit = Harness()
result = {}
for name in sorted(programs):
    run = jit.run(str(programs[name]))
    result[name] = {"output": run.output,
                    "counts": run.counts(run.the_loop("in script"))}
sys.stdout.write("RESULT " + json.dumps(result) + "\\n")
"""

_results = {}


def loop_counts(without, name):
    """(output, operation counts of the loop body) of program `name`,
    built without the techniques `without` ("" for none)."""
    if not without:
        run = Harness().run(PROGRAMS[name])
        return run.output, run.counts(run.the_loop("in script"))
    if without not in _results:
        env = dict(os.environ)
        env["MINILANG_WITHOUT"] = without
        env["PYTHONPATH"] = os.pathsep.join(sys.path)
        proc = subprocess.Popen([sys.executable, "-c", SCRIPT], env=env,
                                stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        out, err = proc.communicate(json.dumps(PROGRAMS).encode())
        assert proc.returncode == 0, err[-3000:]
        line = [l for l in out.decode().splitlines()
                if l.startswith("RESULT ")]
        assert len(line) == 1, out[-3000:]
        _results[without] = json.loads(line[0][len("RESULT "):])
    found = _results[without][name]
    counts = dict((str(key), value)
                  for key, value in found["counts"].items())
    return found["output"], counts


def calls(counts):
    return sum(count for name, count in counts.items()
               if name.startswith("call"))


def test_maps():
    # With maps, a field is a place in the instance that the promoted map
    # gives: the loop's field reads are gone (kept in registers) and its
    # writes are 4 setfield_gc.  Without, every field access looks the
    # name up in the instance's dictionary: residual calls of RPython's
    # dictionary functions (lookups and stores, each with its
    # guard_no_exception), and the boxes of the numbers stored.
    output, counts = loop_counts("", "fields")
    assert output == OUTPUTS["fields"]
    assert counts == with_polls({
        'float_add': 2, 'float_lt': 1, 'guard_true': 1, 'jump': 1,
        'setfield_gc': 4}, 1)
    output, counts = loop_counts("maps", "fields")
    assert output == OUTPUTS["fields"]
    assert counts == with_polls({
        'call_i': 9, 'call_n': 4, 'float_add': 2, 'float_lt': 1,
        'getfield_gc_f': 2, 'getfield_gc_r': 4, 'getinteriorfield_gc_r': 5,
        'guard_false': 5, 'guard_no_exception': 13, 'guard_nonnull': 3,
        'guard_nonnull_class': 2, 'guard_true': 1, 'int_lt': 5,
        'jump': 1, 'new_with_vtable': 1, 'setfield_gc': 1}, 1)
    assert calls(counts) == 13


def test_method_versions():
    # With method versions, `c.one()` looks the method up at trace time
    # (an @elidable lookup keyed by the class's version): nothing of the
    # lookup is left but a guard_not_invalidated.  Without, the loop calls
    # the dictionary lookup of the class's methods (call_i), reads the
    # entry it found (getinteriorfield_gc_r) and guards the method
    # (guard_value) on every iteration.
    output, counts = loop_counts("", "method")
    assert output == OUTPUTS["method"]
    assert counts == with_polls({
        'float_add': 2, 'float_lt': 1, 'guard_not_invalidated': 1,
        'guard_true': 1, 'jump': 1}, 1)
    output, counts = loop_counts("method-versions", "method")
    assert output == OUTPUTS["method"]
    assert counts == with_polls({
        'call_i': 1, 'float_add': 2, 'float_lt': 1, 'getfield_gc_r': 1,
        'getinteriorfield_gc_r': 1, 'guard_false': 1,
        'guard_no_exception': 1, 'guard_nonnull': 1, 'guard_true': 1,
        'guard_value': 1, 'int_lt': 1, 'jump': 1}, 1)


def test_unboxed_numbers():
    # With unboxed numbers, a number stored into a field or a captured
    # variable's cell is a float written in place.  Without, the field or
    # cell holds a W_Number: each iteration allocates one
    # (new_with_vtable, and a setfield_gc of its value), reads the float
    # out of boxes, and guards the class of a box read back.
    output, counts = loop_counts("", "fields")
    assert output == OUTPUTS["fields"]
    assert counts == with_polls({
        'float_add': 2, 'float_lt': 1, 'guard_true': 1, 'jump': 1,
        'setfield_gc': 4}, 1)
    output, counts = loop_counts("unboxed-numbers", "fields")
    assert output == OUTPUTS["fields"]
    assert counts == with_polls({
        'float_add': 2, 'float_lt': 1, 'getfield_gc_f': 2,
        'guard_class': 1, 'guard_true': 1, 'jump': 1,
        'new_with_vtable': 1, 'setfield_gc': 5}, 1)

    output, counts = loop_counts("", "cell")
    assert output == OUTPUTS["cell"]
    assert counts == with_polls({
        'arraylen_gc': 1, 'float_add': 2, 'float_lt': 1, 'guard_true': 1,
        'jump': 1, 'setfield_gc': 1}, 1)
    output, counts = loop_counts("unboxed-numbers", "cell")
    assert output == OUTPUTS["cell"]
    assert counts == with_polls({
        'arraylen_gc': 1, 'float_add': 2, 'float_lt': 1,
        'getfield_gc_f': 1, 'guard_true': 1, 'jump': 1,
        'new_with_vtable': 1, 'setfield_gc': 2}, 1)
