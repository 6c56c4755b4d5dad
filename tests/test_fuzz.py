"""A fixed-seed run of the mutation fuzzer (fuzz.py): with MINILANG_BIN set
(make test-binary) each mutant runs untranslated and on the binary, which
must agree; without it, the untranslated runs are checked alone.  Long
runs: `make fuzz CASES=N`."""

from fuzz import fuzz
from runner import BINARY

CASES = 300 if BINARY else 100


def test_fixed_seed_mutants(tmp_path):
    failures, counts = fuzz(CASES, 20261130, BINARY, str(tmp_path))
    assert failures == []
    # The mutants reach every outcome: the fuzzer is not testing only
    # the parser.
    assert counts[0] > 0 and counts[65] > 0 and counts[70] > 0, counts


def test_the_checks_catch_what_they_should():
    from fuzz import Outcome, check
    ok = Outcome(0, "1\n", "")
    assert check("print 1;", ok, Outcome(0, "1\n", "")) is None
    assert check("print 1;", ok, Outcome(0, "2\n", "")) is not None
    assert check("print 1;", ok, Outcome(70, "1\n", "")) is not None
    assert check("print 1;", ok, Outcome(-11, "1\n", "")) is not None
    assert check("print 1;", Outcome(70, "", "Traceback (most recent"),
                 None) is not None
    looped = Outcome(None, "", "", looped=True)
    assert check("while (true) {}", looped, looped) is None
    assert check("while (true) {}", looped, ok) is None       # slow only
    assert check("while (true) {}", ok, looped) is not None
