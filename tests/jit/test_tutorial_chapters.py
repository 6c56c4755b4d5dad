"""The RPython messages the tutorial's chapters quote (docs/tutorial/NN-*.md),
checked as the primer's are (test_tutorial_primer.py, whose helpers this
uses): each `<!-- check: rpython EX.py -->` block names a small file with a
function `f` and its arguments `ARGS`; plain Python runs it, RPython's
`interpret` fails with the exception class of the block's first line and
a message containing the block's other runs of lines.
"""

import glob
import io
import os

import pytest

from rpython.rtyper.test.test_llinterp import interpret

import test_tutorial_primer as primer

CHAPTERS = sorted(glob.glob(os.path.join(primer.ROOT, "docs", "tutorial",
                                         "[0-9][0-9]-*.md")))


def quoted():
    found = []
    for chapter in CHAPTERS:
        with io.open(chapter, encoding="utf-8") as f:
            text = f.read()
        for m in primer.BLOCK.finditer(text):
            found.append((os.path.basename(chapter), str(m.group(1)),
                          m.group(2)))
    return found


def test_the_chapters_quote_their_rpython_examples():
    found = [(c, e) for (c, e, _) in quoted()]
    for expected in [
            ("01-tokens.md", "examples/ch01-tokens/rply_lexer.py"),
            ("08-translating.md",
             "examples/ch08-translating/unboxed_native.py"),
            ("08-translating.md",
             "examples/ch08-translating/shared_helper.py")]:
        assert expected in found


@pytest.mark.parametrize("chapter,example,block", quoted())
def test_message(chapter, example, block, monkeypatch):
    monkeypatch.chdir(primer.ROOT)
    mod = primer.load(os.path.join("docs", "tutorial", example))
    mod.f(*mod.ARGS)                       # plain Python runs it
    lines = block.splitlines()
    with pytest.raises(Exception) as info:
        interpret(mod.f, mod.ARGS, **getattr(mod, "CONFIG", {}))
    assert type(info.value).__name__ == lines[0]
    message = str(info.value).splitlines()
    for run in primer.parts(lines[1:]):
        assert primer.contains_run(message, run), (run, message)
