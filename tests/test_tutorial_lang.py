"""Chapters 1-8 of the tutorial (docs/tutorial/0N-*.md): what they quote is
what the code prints today, and each has the parts every chapter has.

The chapters quote stored outputs with `<!-- check: file ... -->` markers
(tests/test_tutorial.py checks the quote against the stored file); here
each stored file is checked against a fresh run of what made it:

    X.tokens   examples/ch01-tokens/show_tokens.py X.lox
    X.tree     examples/ch02-grammar/show_tree.py X.lox
    X.dis      python -m minilang --dis X.lox
    X.err      the standard error of python -m minilang X.lox, whose exit
               status is the one in ERROR_STATUS

for every X.lox in docs/tutorial/examples/chNN-*/ (NN 01 to 08).
"""

import glob
import os
import re
import subprocess
import sys

import pytest

from runner import ROOT

TUTORIAL = os.path.join(ROOT, "docs", "tutorial")
EXAMPLES = os.path.join(TUTORIAL, "examples")
SHOW_TOKENS = os.path.join(EXAMPLES, "ch01-tokens", "show_tokens.py")
SHOW_TREE = os.path.join(EXAMPLES, "ch02-grammar", "show_tree.py")

CHAPTERS = ["01-tokens.md", "02-grammar.md", "03-bytecode.md",
            "04-interpreter-loop.md", "05-variables-and-control-flow.md",
            "06-functions-and-closures.md", "07-classes.md",
            "08-translating.md"]

# The exit status of each program whose standard error a chapter quotes.
ERROR_STATUS = {
    "ch01-tokens/stray": 65,
    "ch04-interpreter-loop/type_error": 70,
    "ch06-functions/arity": 70,
}


def read(path):
    with open(path, encoding="latin-1") as f:
        return f.read()


def run(args):
    result = subprocess.run([sys.executable] + args, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            timeout=120)
    return (result.returncode, result.stdout.decode("latin-1"),
            result.stderr.decode("latin-1"))


def stored(extension):
    paths = []
    for directory in sorted(glob.glob(os.path.join(EXAMPLES, "ch0[1-8]-*"))):
        paths += sorted(glob.glob(os.path.join(directory, "*" + extension)))
    return [pytest.param(p, id=os.path.relpath(p, EXAMPLES)) for p in paths]


def program(path):
    lox = os.path.splitext(path)[0] + ".lox"
    assert os.path.isfile(lox), lox
    return lox


@pytest.mark.parametrize("path", stored(".tokens"))
def test_stored_tokens_are_what_the_lexer_makes(path):
    status, out, err = run([SHOW_TOKENS, program(path)])
    assert (status, err) == (0, "")
    assert out == read(path)


@pytest.mark.parametrize("path", stored(".tree"))
def test_stored_trees_are_what_the_parser_builds(path):
    status, out, err = run([SHOW_TREE, program(path)])
    assert (status, err) == (0, "")
    assert out == read(path)


@pytest.mark.parametrize("path", stored(".dis"))
def test_stored_disassembly_is_what_dis_prints(path):
    status, out, err = run(["-m", "minilang", "--dis", program(path)])
    assert (status, err) == (0, "")
    assert out == read(path)


@pytest.mark.parametrize("path", stored(".err"))
def test_stored_errors_are_what_minilang_reports(path):
    name = os.path.splitext(os.path.relpath(path, EXAMPLES))[0]
    assert name in ERROR_STATUS, "say the exit status of %s" % name
    status, out, err = run(["-m", "minilang", program(path)])
    assert status == ERROR_STATUS[name]
    assert err == read(path)


def test_each_stored_output_kind_is_there():
    """The tests above are not vacuous: the chapters do store these."""
    for extension in (".tokens", ".tree", ".dis", ".err"):
        assert stored(extension), extension
    assert sorted(ERROR_STATUS) == sorted(
        os.path.splitext(os.path.relpath(p.values[0], EXAMPLES))[0]
        for p in stored(".err"))


def test_the_tree_printer_fails_on_a_file_that_does_not_parse(tmp_path):
    bad = tmp_path / "bad.lox"
    bad.write_text("print ;\n")
    status, out, err = run([SHOW_TREE, str(bad)])
    assert status == 1 and out == ""
    assert "not a Lox program" in err


@pytest.mark.parametrize("number,name", list(enumerate(CHAPTERS, 1)))
def test_chapter_has_its_parts(number, name):
    """Each chapter names its checkpoint, ends with its exercises, and the
    tutorial's README lists it."""
    text = read(os.path.join(TUTORIAL, name))
    assert text.startswith("# %d. " % number)
    assert "make step N=%d\n" % number in text
    sections = re.findall(r"^## (.*)$", text, re.M)
    assert sections[-1] == "Exercises"
    last = text[text.rindex("\n## Exercises"):]
    assert "(exercises/README.md" in last
    assert "](%s)" % name in read(os.path.join(TUTORIAL, "README.md"))


@pytest.mark.parametrize("number,name", list(enumerate(CHAPTERS[:-1], 1)))
def test_chapter_links_the_next(number, name):
    text = read(os.path.join(TUTORIAL, name))
    assert "](%s)" % CHAPTERS[number] in text
