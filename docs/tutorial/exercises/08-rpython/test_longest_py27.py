"""Exercise 08: longest.py is RPython (Python 2.7; make exercise NAME=08).

`interpret(f, args)` runs f through RPython's front end (flow graphs,
annotation, rtyping) and interprets the low-level result: the same checks
a translation makes, in seconds.  An RPython error fails it with the
annotator's message (rpython-primer.md says how to read one)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rpython.rtyper.test.test_llinterp import interpret

import longest

EXPECTED = {0: -1, 1: -1, 2: 1, 3: 2, 5: 4, 12: 4}


def test_plain_python_still_gives_the_same_answers():
    for n, length in sorted(EXPECTED.items()):
        assert longest.entry(n) == length, (n, longest.entry(n), length)


def test_entry_is_rpython_and_agrees_with_python():
    for n, length in sorted(EXPECTED.items()):
        got = interpret(longest.entry, [n])
        assert got == length, "interpret(entry, [%d]) gave %r, expected %r" % (
            n, got, length)
