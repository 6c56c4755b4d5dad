"""The tutorial cannot drift from the code: every quoted block in
docs/tutorial/*.md is preceded by a marker saying where it comes from, and
this checks it there.

    <!-- check: source PATH -->     the block is verbatim in PATH
    <!-- check: file PATH -->       the block is the whole of PATH
    <!-- check: output PROG.lox --> the block is what PROG.lox prints (CPython)
    <!-- check: recorded PATH -->   each part of the block (parts are split
                                    by lines `...`) is a run of whole lines
                                    of PATH (a stored `make trace` output)
    <!-- check: log LOG PROG.lox --> the same, in what jitview prints for
                                    the stored binary log LOG
    <!-- check: rpython EX.py -->   an RPython error message: checked on
                                    Python 2.7 by tests/jit/test_tutorial_primer.py

PATHs are relative to the Markdown file.  Every fenced block quoting Python
or Lox, and every block of program output, must carry a marker.
"""

import os
import re
import subprocess

import pytest

from jitview import log as jitlog
from jitview import render
from excerpts import parts
from runner import ROOT, command

TUTORIAL = os.path.join(ROOT, "docs", "tutorial")
BLOCK = re.compile(r"(?:<!-- check: (\w+) ([^>]*?) -->\n)?```(\w*)\n(.*?)^```",
                   re.M | re.S)
KINDS = {"source", "file", "output", "recorded", "log", "rpython"}


def documents():
    return sorted(os.path.join(TUTORIAL, name) for name in os.listdir(TUTORIAL)
                  if name.endswith(".md"))


def read(path):
    with open(path, encoding="latin-1") as f:
        return f.read()


def blocks(path):
    """(kind, args, language, text) of each fenced block of a document."""
    for m in BLOCK.finditer(read(path)):
        yield m.group(1), (m.group(2) or "").split(), m.group(3), m.group(4)


def all_blocks():
    for doc in documents():
        for i, (kind, args, lang, text) in enumerate(blocks(doc)):
            yield pytest.param(doc, kind, args, lang, text,
                               id="%s-%d-%s" % (os.path.basename(doc), i,
                                                kind or lang or "plain"))


def contains_run(haystack, run):
    lines = haystack.splitlines()
    n = len(run)
    return any(lines[i:i + n] == run for i in range(len(lines) - n + 1))


def run_lox(path):
    return subprocess.run(command() + [path], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=120).stdout.decode("latin-1")


def test_the_tutorial_has_its_first_guides():
    names = {os.path.basename(d) for d in documents()}
    assert {"README.md", "reading-a-trace.md", "rpython-primer.md"} <= names


@pytest.mark.parametrize("doc,kind,args,lang,text", list(all_blocks()))
def test_block(doc, kind, args, lang, text):
    here = os.path.dirname(doc)
    if kind is None:
        # Unchecked blocks may only be shell commands (whose tools have
        # their own tests) or prose diagrams.
        assert lang in ("sh", ""), "a %r block without a check marker" % lang
        return
    assert kind in KINDS, kind
    paths = [os.path.normpath(os.path.join(here, a)) for a in args]
    for p in paths:
        assert os.path.isfile(p), p
        assert os.path.commonpath([p, ROOT]) == ROOT, p
    if kind == "source":
        assert text in read(paths[0])
    elif kind == "file":
        assert text == read(paths[0])
    elif kind == "output":
        assert text == run_lox(paths[0])
    elif kind == "recorded":
        haystack = read(paths[0])
        for run in parts(text.splitlines()):
            assert contains_run(haystack, run), run
    elif kind == "log":
        source = read(paths[1]).splitlines()
        haystack = render.render(jitlog.parse(read(paths[0])), source)
        for run in parts(text.splitlines()):
            assert contains_run(haystack, run), run
    elif kind == "rpython":
        # The message itself is checked on Python 2.7; here: the example is
        # a small Python file with the function and its arguments.
        assert paths[0].endswith(".py")
        assert re.search(r"^def f\(", read(paths[0]), re.M)
        assert re.search(r"^ARGS = ", read(paths[0]), re.M)


EXAMPLES = os.path.join(TUTORIAL, "examples")


@pytest.mark.parametrize("name", sorted(
    n[:-4] for n in os.listdir(EXAMPLES) if n.endswith(".lox")))
def test_example_program_prints_its_recorded_output(name):
    with open(os.path.join(EXAMPLES, name + ".out"), encoding="latin-1") as f:
        assert run_lox(os.path.join(EXAMPLES, name + ".lox")) == f.read()


@pytest.mark.parametrize("name", sorted(
    n[:-4] for n in os.listdir(EXAMPLES) if n.endswith(".log")))
def test_stored_logs_render_with_their_loops(name):
    """Each stored binary log still parses: it has compiled loops, each
    ending in a jump or finish, and the run's summary."""
    log = jitlog.parse(read(os.path.join(EXAMPLES, name + ".log")))
    assert log.traces
    for trace in log.traces:
        assert trace.ops[-1].name in ("jump", "finish")
    text = render.render(log, read(os.path.join(EXAMPLES, name + ".lox"))
                         .splitlines())
    assert "OVERALL:" in text and "jit-summary:" in text


def test_marker_parts_are_found_only_where_they_are():
    """The checker itself can fail: a changed line is not found."""
    haystack = "a\nb\nc\n"
    assert contains_run(haystack, ["a", "b"])
    assert not contains_run(haystack, ["a", "c"])
    assert list(parts("a\n...\nb\nc\n".splitlines())) == [["a"], ["b", "c"]]


def test_every_example_is_used_by_a_guide():
    text = "".join(read(doc) for doc in documents())
    for directory, _, files in os.walk(EXAMPLES):
        for name in files:
            rel = os.path.relpath(os.path.join(directory, name), TUTORIAL)
            if name.endswith((".out", ".log", ".pyc")):
                continue    # each goes with its .lox, checked above
            assert rel in text or os.path.basename(rel) in text, rel


def test_primer_quotes_the_stand_in_jitdriver_message():
    """The primer quotes what minilang's CPython JitDriver says when a
    merge point gets a variable it does not list."""
    from minilang.rlib.jit import JitDriver
    driver = JitDriver(greens=[], reds=["i"])
    with pytest.raises(TypeError) as info:
        driver.jit_merge_point(i=0, total=0)
    quoted = "TypeError: %s" % info.value
    primer = " ".join(read(os.path.join(TUTORIAL, "rpython-primer.md")).split())
    assert quoted in primer


# -- Chapters 1-8 (docs/tutorial/0N-*.md).  They quote stored outputs with
# `<!-- check: file ... -->` markers (test_block compares the quote with the
# stored file); here each stored file is compared with a fresh run of what
# made it, for every X.lox in examples/ch01-* to examples/ch08-*:
#     X.tokens  python -m minilang --tokens X.lox
#     X.ast     python -m minilang --ast X.lox
#     X.dis     python -m minilang --dis X.lox
#     X.err     the standard error of python -m minilang X.lox, which exits
#               with the status LANG_ERROR_STATUS gives

LANG_CHAPTERS = ["01-tokens.md", "02-grammar.md", "03-bytecode.md",
                 "04-interpreter-loop.md", "05-variables-and-control-flow.md",
                 "06-functions-and-closures.md", "07-classes.md",
                 "08-translating.md"]
LANG_SHOWN = {".tokens": "--tokens", ".ast": "--ast", ".dis": "--dis"}
LANG_ERROR_STATUS = {
    "ch01-tokens/stray": 65,
    "ch04-interpreter-loop/type_error": 70,
    "ch06-functions/arity": 70,
}


def lang_stored(extensions):
    found = []
    for directory in sorted(os.listdir(EXAMPLES)):
        if re.match(r"ch0[1-8]-", directory):
            for name in sorted(os.listdir(os.path.join(EXAMPLES, directory))):
                if os.path.splitext(name)[1] in extensions:
                    found.append(os.path.join(directory, name))
    return found


def run_minilang(args):
    done = subprocess.run(command() + args, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=120)
    return (done.returncode, done.stdout.decode("latin-1"),
            done.stderr.decode("latin-1"))


@pytest.mark.parametrize("stored", lang_stored(LANG_SHOWN))
def test_lang_chapter_stored_listing_is_what_minilang_shows(stored):
    base, extension = os.path.splitext(stored)
    program = os.path.join(EXAMPLES, base + ".lox")
    status, out, err = run_minilang([LANG_SHOWN[extension], program])
    assert (status, err) == (0, "")
    assert out == read(os.path.join(EXAMPLES, stored))


@pytest.mark.parametrize("stored", lang_stored([".err"]))
def test_lang_chapter_stored_error_is_what_minilang_reports(stored):
    base = os.path.splitext(stored)[0]
    assert base in LANG_ERROR_STATUS, "say the exit status of " + base
    status, out, err = run_minilang([os.path.join(EXAMPLES, base + ".lox")])
    assert status == LANG_ERROR_STATUS[base]
    assert err == read(os.path.join(EXAMPLES, stored))


def test_lang_chapters_store_every_kind_of_output():
    """The two tests above are not vacuous."""
    for extension in list(LANG_SHOWN) + [".err"]:
        assert lang_stored([extension]), extension
    assert sorted(LANG_ERROR_STATUS) == [
        os.path.splitext(p)[0] for p in lang_stored([".err"])]


@pytest.mark.parametrize("number,name", list(enumerate(LANG_CHAPTERS, 1)))
def test_lang_chapter_has_its_parts(number, name):
    """Each chapter names its checkpoint, links the next chapter, ends with
    its exercises, and the tutorial's README lists it."""
    text = read(os.path.join(TUTORIAL, name))
    assert text.startswith("# %d. " % number)
    assert "make step N=%d\n" % number in text
    if number < len(LANG_CHAPTERS):
        assert "](%s)" % LANG_CHAPTERS[number] in text
    assert re.findall(r"^## (.*)$", text, re.M)[-1] == "Exercises"
    assert "(exercises/README.md" in text[text.rindex("\n## Exercises"):]
    assert "](%s)" % name in read(os.path.join(TUTORIAL, "README.md"))
