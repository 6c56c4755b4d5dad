"""The tutorial's checks that need Python 2.7 and rpython.

The RPython primer (docs/tutorial/rpython-primer.md) shows real messages:
rerun each example through RPython's `interpret` and check that it fails
with the class and the lines the primer quotes, and that the same function
runs on plain Python (the point of the primer: CPython does not notice).

A quoted block is `<!-- check: rpython EX.py -->` then a fenced block: its
first line is the exception's class name, the other lines runs of lines of
the message (runs split by lines `...`; a line starting with `...` matches
the end of a message line).  Takes a few seconds per example.
"""

import imp
import io
import os
import re
import sys

import pytest

from rpython.rtyper.test.test_llinterp import interpret

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__),
                                     os.pardir, os.pardir))
PRIMER = os.path.join(ROOT, "docs", "tutorial", "rpython-primer.md")
sys.path.insert(0, os.path.join(ROOT, "tests"))
from excerpts import parts  # noqa: E402
BLOCK = re.compile(r"<!-- check: rpython (\S+) -->\n```\w*\n(.*?)^```",
                   re.M | re.S)


def quoted():
    with io.open(PRIMER, encoding="utf-8") as f:
        text = f.read()
    return [(str(m.group(1)), m.group(2)) for m in BLOCK.finditer(text)]


def line_matches(actual, expected):
    if expected.startswith("...") and expected.strip() != "...":
        return actual.endswith(expected[3:])
    return actual.rstrip() == expected.rstrip()


def contains_run(lines, run):
    n = len(run)
    for i in range(len(lines) - n + 1):
        if all(line_matches(a, e) for a, e in zip(lines[i:i + n], run)):
            return True
    return False


def load(relpath):
    # Loaded by a path relative to the repository, as the primer shows it
    # in "Happened at file ...".
    name = os.path.basename(relpath)[:-3]
    return imp.load_source(name, relpath)


def test_the_primer_quotes_its_examples():
    assert len(quoted()) >= 6


@pytest.mark.parametrize("example,block", quoted())
def test_message(example, block, monkeypatch):
    monkeypatch.chdir(ROOT)
    relpath = os.path.join("docs", "tutorial", example)
    mod = load(relpath)
    # Plain Python runs it, but for the two exceptions the primer names.
    if example.endswith("missing_isinstance.py"):
        with pytest.raises(AttributeError):
            mod.f(*mod.ARGS)
    elif example.endswith("unlisted_red.py"):
        with pytest.raises(AssertionError):    # rpython's own check
            mod.f(*mod.ARGS)
    else:
        mod.f(*mod.ARGS)
    lines = block.splitlines()
    with pytest.raises(Exception) as info:
        interpret(mod.f, mod.ARGS, **getattr(mod, "CONFIG", {}))
    assert type(info.value).__name__ == lines[0]
    message = str(info.value).splitlines()
    for run in parts(lines[1:]):
        assert contains_run(message, run), (run, message)


def test_the_resize_check_needs_its_option(monkeypatch):
    """As the primer says: without list_comprehension_operations the
    resized list goes unnoticed."""
    monkeypatch.chdir(ROOT)
    mod = load(os.path.join("docs", "tutorial", "examples", "rpython",
                            "resized_list.py"))
    assert interpret(mod.f, mod.ARGS) == 4


# -- docs/tutorial/reading-a-trace.md quotes examples/make-trace.txt, what
# `make trace` printed for branch.lox: rerun it and compare what does not
# depend on the run (addresses and the numbering of loops and guards do):
# the viewer's summary lines (jitview.render.summary).

def test_recorded_make_trace_of_branch_is_what_make_trace_prints():
    from jitview.harness import Harness
    examples = os.path.join(ROOT, "docs", "tutorial", "examples")
    with io.open(os.path.join(examples, "make-trace.txt"),
                 encoding="latin-1") as f:
        recorded = f.read()
    start = recorded.index("jitview: docs/tutorial/examples/branch.lox ran")
    end = recorded.index("jitview: docs/tutorial/examples/objects.lox ran")
    with open(os.path.join(examples, "branch.lox")) as f:
        run = Harness().run(f.read())
    assert run.status == 0 and run.output == "4500\n"
    from jitview.render import summary, summary_of
    expected = summary_of(recorded[start:end])
    assert len(expected) >= 6
    assert summary(run.log) == expected


def test_infinity_computed_at_import_translates(monkeypatch):
    """The primer's fix for float("inf") in a function: the constant
    computed at import is a prebuilt float of the translated program."""
    monkeypatch.chdir(ROOT)
    mod = load(os.path.join("docs", "tutorial", "examples", "rpython",
                            "float_inf.py"))
    assert interpret(mod.fixed, [1]) is True
    assert interpret(mod.fixed, [mod.INFINITY]) is False
