"""Chapters 9-15 of the tutorial (the JIT): their example programs, the
stored `make trace` outputs they quote, and the parts every chapter has.

The quoted blocks themselves are checked by tests/test_tutorial.py (every
`<!-- check: ... -->` marker); this checks what those markers cannot: that
a stored trace has the form of `make trace`'s output for the program beside
it (its header, the program's output, the closing summary: the trace itself
is rerun and compared, whole, by tests/jit/test_stored_traces.py on Python
2.7), and that each chapter ends at its checkpoint and its exercises.
"""

import os
import re

import pytest

from runner import ROOT
from test_tutorial import TUTORIAL, read, run_lox

EXAMPLES = os.path.join(TUTORIAL, "examples")

CHAPTERS = {
    9: "09-jitdriver.md",
    10: "10-virtualizable.md",
    11: "11-calls-and-inlining.md",
    12: "12-constant-globals.md",
    13: "13-maps-and-methods.md",
    14: "14-unboxed-numbers.md",
    15: "15-where-the-time-goes.md",
}

SH_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.M | re.S)


def chapter_dirs():
    return sorted(d for d in os.listdir(EXAMPLES)
                  if re.match(r"ch(09|1[0-5])-", d))


def programs():
    for d in chapter_dirs():
        for name in sorted(os.listdir(os.path.join(EXAMPLES, d))):
            if name.endswith(".lox"):
                yield os.path.join(d, name)


def stored_traces():
    """(trace file, its program): `NAME.SUFFIX.txt` is the output of
    `make trace` (maybe with WITHOUT=...) for NAME.lox beside it."""
    for d in chapter_dirs():
        folder = os.path.join(EXAMPLES, d)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".txt") and name.split(".")[0] + ".lox" in \
                    os.listdir(folder):
                yield (os.path.join(d, name),
                       os.path.join(d, name.split(".")[0] + ".lox"))


def test_the_jit_chapters_are_there():
    for name in CHAPTERS.values():
        assert os.path.isfile(os.path.join(TUTORIAL, name)), name
    assert len(list(programs())) >= 5


@pytest.mark.parametrize("program", list(programs()))
def test_chapter_program_prints_its_recorded_output(program):
    path = os.path.join(EXAMPLES, program)
    with open(path[:-4] + ".out", encoding="latin-1") as f:
        assert run_lox(path) == f.read()


@pytest.mark.parametrize("trace,program", list(stored_traces()))
def test_stored_trace_has_the_form_of_make_trace_of_its_program(trace,
                                                                  program):
    """The stored output starts as `make trace FILE=program` does (the JIT
    built, the program run with exit status 0), shows the program's own
    output, and ends with the run's summary.  (That the trace is what the
    JIT makes of the program now: tests/jit/test_stored_traces.py.)"""
    text = read(os.path.join(EXAMPLES, trace))
    lines = text.splitlines()
    assert lines[0].startswith("jitview: built minilang's JIT in "), lines[0]
    header = "jitview: docs/tutorial/examples/%s ran in " % program
    assert lines[1].startswith(header), lines[1]
    assert lines[1].endswith("exit status 0; its output:"), lines[1]
    expected = read(os.path.join(EXAMPLES, program[:-4] + ".out"))
    assert text.split("its output:\n", 1)[1].startswith(expected)
    assert re.search(r"^OVERALL: \d+ loops?, ", text, re.M)
    assert re.search(r"^jit-summary: ", text, re.M)


def test_a_stored_trace_without_a_technique_names_it():
    """A trace stored as NAME.without-TECHNIQUE.txt (or without-all) was
    made with that technique (every technique) off: the viewer says so on
    its first line, and a trace without a suffix has every one on."""
    from minilang.techniques import NAMES
    seen = 0
    for trace, _ in stored_traces():
        first = read(os.path.join(EXAMPLES, trace)).splitlines()[0]
        m = re.search(r"\.without-([\w,-]+)\.txt$", trace)
        if not m:
            assert "without" not in first, (trace, first)
            continue
        seen += 1
        names = NAMES if m.group(1) == "all" else m.group(1).split(",")
        assert first.endswith(", without " + ", ".join(names)), (trace, first)
    assert seen


@pytest.mark.parametrize("number", sorted(CHAPTERS))
def test_chapter_ends_at_its_checkpoint_and_exercises(number):
    text = read(os.path.join(TUTORIAL, CHAPTERS[number]))
    commands = "".join(SH_BLOCK.findall(text))
    assert "make step N=%d\n" % number in commands
    exercises = text.split("\n## Exercises\n")
    assert len(exercises) == 2, "one section ## Exercises"
    assert "(exercises/README.md" in exercises[1]
    assert "\n## " not in exercises[1], "## Exercises is the last section"


@pytest.mark.parametrize("number", [10, 11, 12, 13, 14])
def test_technique_chapter_names_its_technique_and_links_its_figures(number):
    from minilang.techniques import TECHNIQUES
    text = read(os.path.join(TUTORIAL, CHAPTERS[number]))
    names = [name for (name, chapter, _) in TECHNIQUES if chapter == number]
    assert names
    for name in names:
        assert "`%s`" % name in text, name
        assert "WITHOUT=%s" % name in text, name
    assert "(techniques.md" in text


def test_every_chapter_is_listed_in_the_tutorial_readme():
    readme = read(os.path.join(TUTORIAL, "README.md"))
    for name in CHAPTERS.values():
        assert "(%s)" % name in readme, name
