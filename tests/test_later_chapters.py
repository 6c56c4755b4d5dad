"""A construct of a later chapter, in a step before it: a compile error
that names the chapter (errors.LATER_CHAPTERS, pipeline.py), not an
internal error.  From the construct's own chapter on it compiles.

The step is the tree's (its file STEP; the source tree is the last step),
so this file checks each step it is cut into."""

import os

import pytest

from runner import ROOT, run


def this_step():
    try:
        with open(os.path.join(ROOT, "STEP")) as f:
            return int(f.readline())
    except IOError:
        return 15           # the source tree: the last step


# (program, the line and token the error is at, what, its chapter)
CONSTRUCTS = [
    ("print 1;\nvar a = 1;\n", 2, "var", "variables", 5),
    ("print 1 +\n  a;\n", 2, "a", "variables", 5),
    ("{ print 1; }\n", 1, "{", "blocks", 5),
    ("if (true) print 1;\n", 1, "if", "if statements", 5),
    ("while (false) print 1;\n", 1, "while", "loops", 5),
    ("print true and false;\n", 1, "and", "logical operators", 5),
    ("fun f() {}\n", 1, "fun", "functions", 6),
    ('print "a"();\n', 1, "(", "calls", 6),
    ("class A {}\n", 1, "class", "classes", 7),
    ('print "a".b;\n', 1, ".", "properties", 7),
]


@pytest.mark.parametrize("source, line, token, what, chapter", CONSTRUCTS)
def test_a_later_chapter_is_named_or_it_compiles(tmp_path, source, line,
                                                  token, what, chapter):
    path = tmp_path / "later.lox"
    path.write_text(source)
    status, out, err = run(["--dis", str(path)])
    if this_step() < chapter:
        assert (status, out, err) == (
            65, "", "[line %d] Error at '%s': %s arrive in chapter %d.\n"
            % (line, token, what, chapter))
    else:
        assert status == 0 and err == "" and "== <script> ==" in out
