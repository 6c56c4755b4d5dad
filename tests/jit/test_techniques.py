"""Each JIT technique switched off changes the loop's operations as its
chapter says (minilang/techniques.py; docs/tutorial/techniques.md).

The examples are docs/tutorial/examples/techniques/NAME.lox, one per
technique measured here, with what `make trace` printed for each, with the
technique (NAME-with.txt) and without it (NAME-without.txt, `make trace
WITHOUT=NAME`).  The tests rerun them and compare what does not depend on
the run (the summaries: counts per iteration and by name), then check in
those counts what the technique is for.

Which techniques are on is fixed when minilang is imported, and the JIT is
built once per process (jitview.harness): the "with" runs use this
process's harness (every technique on, as the other trace tests need); each
technique switched off is one subprocess, `python -m jitview --without
NAME`, which builds its own JIT: the one test_stored_traces.py runs for
every stored listing without that technique (it also compares each
recorded listing here with a new one, whole).
"""

import os
import re

import pytest

from jitview.render import summary, summary_of
from minilang import techniques
from test_stored_traces import make_trace

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__),
                                     os.pardir, os.pardir))
EXAMPLES = os.path.join("docs", "tutorial", "examples", "techniques")
MEASURED = ["virtualizable", "inlining", "constant-globals"]

LOOP = re.compile(r"^LOOP \d+(?: \(entry bridge\))?, entered at .*"
                  r"\(line \d+ in (\w+)\)", re.M)
BY_NAME = re.compile(r"^by name: (.*)$", re.M)


def read(path):
    with open(os.path.join(ROOT, path)) as f:
        return f.read()


def example(name):
    return os.path.join(EXAMPLES, name + ".lox")


def recorded(name, which):
    return read(os.path.join(EXAMPLES, "%s-%s.txt" % (name, which)))


def loop_counts(listing, function="script"):
    """{opname: count} of the body of the one loop of `listing` entered in
    `function`, from its `by name:` line."""
    found = []
    for m in LOOP.finditer(listing):
        if m.group(1) == function:
            counts = BY_NAME.search(listing, m.end()).group(1)
            found.append(dict((k, int(v)) for k, v in
                              [part.rsplit(" ", 1)
                               for part in counts.split(", ")]))
    assert len(found) == 1, "%d loops entered in %s" % (len(found), function)
    return found[0]


def run_without(name):
    """What `make trace WITHOUT=name FILE=name.lox` prints now (run by
    test_stored_traces, with the other programs stored without `name`)."""
    status, listing = make_trace(name, example(name))
    assert status == 0, listing[-3000:]
    return listing


def run_with(name):
    """The summary of what `make trace FILE=name.lox` shows now (the
    viewer's data, jitview.render.summary)."""
    from jitview.harness import Harness
    assert techniques.WITHOUT == [], \
        "run the JIT tests with every technique on (MINILANG_WITHOUT unset)"
    run = Harness().run(read(example(name)))
    assert run.status == 0
    return summary(run.log)


def test_the_examples_are_recorded_with_and_without():
    for name in MEASURED:
        assert name in techniques.NAMES
        for which in ("with", "without"):
            first = recorded(name, which).splitlines()[0]
            assert first.startswith("jitview: built minilang's JIT")
            assert first.endswith(", without " + name) == (which == "without")


@pytest.mark.parametrize("name", MEASURED)
def test_recorded_with_is_what_make_trace_prints(name):
    expected = summary_of(recorded(name, "with"))
    assert len(expected) >= 4
    assert run_with(name) == expected


@pytest.mark.parametrize("name", MEASURED)
def test_recorded_without_is_what_make_trace_without_prints(name):
    out = run_without(name)
    assert out.splitlines()[0].endswith(", without %s" % name)
    expected = summary_of(recorded(name, "without"))
    assert len(expected) >= 4
    assert summary_of(out) == expected


# -- what each technique is for, in the recorded counts (checked above to
# be what the JIT does now).

def test_virtualizable_keeps_the_frame_out_of_the_loop():
    with_ = loop_counts(recorded("virtualizable", "with"))
    without = loop_counts(recorded("virtualizable", "without"))
    # With it: the locals are registers; no access to the frame at all.
    for op in ("getarrayitem_gc_r", "setarrayitem_gc", "setfield_gc",
               "new_with_vtable"):
        assert op not in with_, op
    # Without: every push and pop reads or writes the frame's stack array
    # and its `sp`, and the numbers stored there are real W_Number boxes.
    assert without["getarrayitem_gc_r"] >= 4
    assert without["setarrayitem_gc"] >= 4
    assert without["setfield_gc"] >= 1
    assert without["new_with_vtable"] >= 1
    assert sum(without.values()) > 3 * sum(with_.values())


def test_inlining_puts_the_callee_into_the_loop():
    with_ = loop_counts(recorded("inlining", "with"))
    without_listing = recorded("inlining", "without")
    without = loop_counts(without_listing)
    calls = [op for op in without if op.startswith("call")]
    # With it: square's x * x is in the loop, no call and no frame.
    assert with_["float_mul"] == 1
    assert not [op for op in with_ if op.startswith("call")]
    assert "new_with_vtable" not in with_
    # Without: one call per iteration (of the interpreter's entry, which
    # runs square's own compiled code), and square's frame built for it.
    assert calls == ["call_may_force_r"] and without[calls[0]] == 1
    assert "float_mul" not in without
    assert without["new_with_vtable"] >= 1
    assert without["new_array_clear"] == 1
    assert "float_mul" in loop_counts(without_listing, "square")


def test_constant_globals_fold_global_reads():
    with_ = loop_counts(recorded("constant-globals", "with"))
    without = loop_counts(recorded("constant-globals", "without"))
    # With it: `scale` and `square` are constants; one guard that no
    # global was reassigned stands for both.
    assert with_["guard_not_invalidated"] == 1
    assert not [op for op in with_ if op.startswith("call")]
    assert "guard_nonnull_class" not in with_
    # Without: a dictionary lookup per global read (a call), the cell's
    # value read and its class guarded, the function's code guarded.
    assert without["call_i"] == 2
    assert without["getinteriorfield_gc_r"] == 2
    assert without["guard_nonnull_class"] >= 2
    assert without["guard_value"] >= 1
