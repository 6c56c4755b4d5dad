"""The Brainfuck interpreter's traces (brainfuck/), checked with the same
assertions as Lox's (jitview.harness.Run: exact operation counts of a loop
body, the annotated listing on failure).

One process builds the JIT of one language (jitview/adapter.py), and in
`make test-jit` that is Lox's: so the checks below run in a second process,
this file run as a script with JITVIEW_LANG=bf (one build for all of
them), and each test reports its check's result from there.
"""

import json
import os
import subprocess
import sys
import tempfile
import traceback

import pytest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    os.pardir, os.pardir)

# One iteration of a loop reads the cell before each change of it (the
# optimiser remembers array items only at constant indexes), adds, masks
# to a byte, writes it back; `]` reads the cell again and guards that it
# is not 0.  The bracket's partner (jump_target, elidable, of two greens)
# was computed while tracing: no call is left.  arraylen_gc is the length
# of the tape's array, read by the list's bookkeeping and left unused.


def check_clear_loop(jit):
    # [-] : one loop; the cell goes down by one per iteration.
    run = jit.run("++++++++++[-]")
    assert run.status == 0, run.status
    run.check_simple_loop({
        'arraylen_gc': 1, 'getarrayitem_gc_i': 2, 'guard_true': 1,
        'int_and': 1, 'int_is_true': 1, 'int_sub': 1, 'jump': 1,
        'setarrayitem_gc': 1})
    run.check_bridges(0)


def check_move_loop(jit):
    # [->+<] : the pointer comes back where it was, so the tape's
    # growth check of `>` stays in the preamble.
    run = jit.run("+++++++++[->+<]")
    run.check_simple_loop({
        'arraylen_gc': 1, 'getarrayitem_gc_i': 3, 'guard_true': 1,
        'int_add': 1, 'int_and': 2, 'int_is_true': 1, 'int_sub': 1,
        'jump': 1, 'setarrayitem_gc': 2})


def check_nested_loops(jit):
    # The inner loop is compiled; the outer loop's way round (out of the
    # inner loop's exit guard and back into it) is a bridge.
    run = jit.run("+++[>++++++[>+<-]<-]")
    run.check_loop("> @12 (line 1)", {
        'arraylen_gc': 1, 'getarrayitem_gc_i': 3, 'guard_true': 1,
        'int_add': 1, 'int_and': 2, 'int_is_true': 1, 'int_sub': 1,
        'jump': 1, 'setarrayitem_gc': 2})
    run.check_bridges(1)


def check_output_and_listing(jit):
    # 8 * 8 + 1 = 65, "A"; the listing names each instruction under its
    # source line.
    run = jit.run("++++++++\n[>++++++++<-]\n>+.\n")
    assert run.status == 0, run.status
    assert run.output == "A", repr(run.output)
    listing = run.render()
    assert "LOOP" in listing and "entered at > @9 (line 2)" in listing, \
        listing
    assert "line 2 | [>++++++++<-]" in listing, listing
    assert "+ @10   (in program)" in listing, listing


def check_unbalanced_brackets(jit):
    # The front end (on the host) refuses it: nothing runs.
    run = jit.run("+[")
    assert run.status == 65, run.status
    assert not run.log.traces


CHECKS = sorted(name for name in list(globals())
                if name.startswith("check_"))


def run_checks(path):
    """In the second process: every check, its traceback or None."""
    from jitview.harness import Harness
    jit = Harness()
    results = {}
    for name in CHECKS:
        try:
            globals()[name](jit)
            results[name] = None
        except Exception:
            results[name] = traceback.format_exc()
    with open(path, "w") as f:
        json.dump(results, f)


@pytest.fixture(scope="module")
def results():
    fd, path = tempfile.mkstemp(prefix="bf-checks-", suffix=".json")
    os.close(fd)
    try:
        env = dict(os.environ, JITVIEW_LANG="bf")
        child = subprocess.Popen([sys.executable, os.path.abspath(__file__),
                                  path], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT)
        output = child.communicate()[0]
        if child.returncode != 0 or not os.path.getsize(path):
            pytest.fail("the checks' process failed (status %d):\n%s"
                        % (child.returncode, output), pytrace=False)
        with open(path) as f:
            return json.load(f)
    finally:
        os.remove(path)


@pytest.mark.parametrize("name", CHECKS)
def test_brainfuck_trace(results, name):
    if results[name] is not None:
        pytest.fail(results[name], pytrace=False)


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    run_checks(sys.argv[1])
