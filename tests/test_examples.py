"""Every example in examples/ prints exactly its X.out."""

import glob
import os

import pytest

from runner import ROOT, run

EXAMPLES = sorted(glob.glob(os.path.join(ROOT, "examples", "*.lox")))


def test_examples_are_there():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("path", EXAMPLES, ids=os.path.basename)
def test_example(path):
    with open(path[:-len(".lox")] + ".out", "rb") as f:
        expected = f.read().decode("latin-1")
    status, out, err = run([path])
    assert err == ""
    assert status == 0
    assert out == expected
