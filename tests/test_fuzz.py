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
