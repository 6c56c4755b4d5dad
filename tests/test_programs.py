"""The program corpus (tests/lox/): every program, its output and errors.

The same test runs untranslated (in this process) and, with MINILANG_BIN
set, on the translated binary.  See runner.py for the expectation format.
"""

import glob
import os

import pytest

from runner import ROOT, check_program

PROGRAMS = sorted(glob.glob(os.path.join(ROOT, "tests", "lox", "**", "*.lox"),
                            recursive=True))


def test_corpus_is_there():
    assert len(PROGRAMS) > 0


@pytest.mark.parametrize("path", PROGRAMS,
                         ids=[os.path.relpath(p, os.path.join(ROOT, "tests",
                                                              "lox"))
                              for p in PROGRAMS])
def test_program(path):
    check_program(path)
