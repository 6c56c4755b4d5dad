"""bench/lox-in-lox/lox.lox, a Lox interpreter written in Lox, runs
programs of the corpus as minilang does.

Each program is given to `minilang lox.lox` on standard input; its output
must be the corpus's expected output, and a runtime error must be the
expected message followed by jlox's `[line N]` (lox.lox reports no stack
trace: bench/lox-in-lox/README.md lists how it differs from minilang).
The programs are those of tests/lox/ that use no native but clock, expect
no compile error and are not about minilang's limits.

Untranslated, an interpreter running an interpreter is slow (a second or
more for the smallest program): only QUICK runs.  With MINILANG_BIN set
(`make test-binary`) every chosen program runs on the binary.
"""

import glob
import os
import re

import pytest

from runner import BINARY, ROOT, expectations, run

LOX_LOX = os.path.join(ROOT, "bench", "lox-in-lox", "lox.lox")
CORPUS = os.path.join(ROOT, "tests", "lox")
NATIVE_CALL = re.compile(r"\b(read|utf|printerr|exit)\s*\(")

# Small programs that between them use every part of lox.lox: scanning,
# each statement, closures, classes with inheritance, super and init,
# and a runtime error.
QUICK = ["closure/closed_closure_in_function.lox",
         "super/call_other_method.lox",
         "for/scope.lox",
         "string/multiline.lox",
         "operator/add_bool_string.lox"]


# Recursion 1,000 calls deep: each Lox call in lox.lox is about seven
# nested calls of minilang (Call.evaluate, callValue, Function.call,
# executeAll, a statement, an expression...), beyond minilang's limit of
# 4,000 frames: lox.lox reports minilang's "Stack overflow." instead.
TOO_DEEP = ["function/deep_calls_1000.lox",
            "function/deep_calls_method_1000.lox",
            "function/deep_calls_repeated.lox"]


def chosen(path):
    expected = expectations(path)
    with open(path, "rb") as f:
        source = f.read().decode("latin-1")
    return not (expected.compile_errors or expected.stderr or
                expected.exit is not None or
                os.path.exists(path[:-len(".lox")] + ".in") or
                NATIVE_CALL.search(source) or
                "/limit/" in path or "/benchmark/" in path or
                os.path.relpath(path, CORPUS) in TOO_DEEP)


PROGRAMS = [os.path.relpath(p, CORPUS) for p in
            sorted(glob.glob(os.path.join(CORPUS, "**", "*.lox"),
                             recursive=True)) if chosen(p)]


def test_the_quick_programs_are_chosen_ones():
    assert set(QUICK) <= set(PROGRAMS)
    assert len(PROGRAMS) > 400


def test_too_deep_recursion_is_minilangs_stack_overflow():
    # What TOO_DEEP says, checked on one of them.
    path = os.path.join(CORPUS, TOO_DEEP[0])
    with open(path, "rb") as f:
        status, out, err = run([LOX_LOX], f.read())
    assert status == 70
    assert err.startswith("Stack overflow.\n[line ")


@pytest.mark.parametrize("name", PROGRAMS if BINARY else QUICK)
def test_program_through_lox_lox(name):
    path = os.path.join(CORPUS, name)
    expected = expectations(path)
    with open(path, "rb") as f:
        status, out, err = run([LOX_LOX], f.read())
    assert out.split("\n")[:-1] == expected.output
    if expected.runtime_error:
        message, line = expected.runtime_error
        assert err.split("\n")[:-1] == [message, "[line %d]" % line]
        assert status == 70
    else:
        assert (status, err) == (0, "")
