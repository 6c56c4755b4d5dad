"""Both sides of minilang/rlib/ give the same names, with the same
arguments: the real side as Python 2.7 with RPython imports it (here), the
stand-ins as CPython 3 imports them (tests/rlib_sides.py, run by the
project's Python 3).  A stand-in class may lack methods of the real class,
not differ in one it has.
"""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))

import rlib_sides  # noqa: E402
from minilang.rlib import host  # noqa: E402

SCRIPT = os.path.join(ROOT, "tests", "rlib_sides.py")


def python3():
    """The project's Python 3 (make setup-py3), else python3 on the PATH:
    the stand-ins need only the standard library."""
    venv = os.path.join(ROOT, ".env", "py3", "bin", "python")
    return venv if os.path.exists(venv) else "python3"


def stand_in_side():
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    out = subprocess.check_output([python3(), SCRIPT], env=env)
    return json.loads(out.decode("utf-8"))


def test_this_is_the_real_side():
    from rpython.rlib import jit
    from minilang.rlib import jit as minilang_jit
    assert host.HAVE_RPYTHON
    assert minilang_jit.JitDriver is jit.JitDriver


def test_both_sides_give_the_same_names_and_arguments():
    real = rlib_sides.describe_all()
    stand_in = stand_in_side()
    assert sorted(real) == sorted(stand_in) == rlib_sides.module_names()
    found = rlib_sides.differences(real, stand_in)
    assert found == [], "\n".join(found)
    assert "restore_signal_handlers" in real["signals"]


def test_a_difference_is_found():
    real = rlib_sides.describe_all()
    stand_in = stand_in_side()
    del stand_in["memory"]["lift_heap_limit"]
    stand_in["jit"]["JitDriver"]["methods"]["jit_merge_point"] = [
        ["greens"], False, True, 0]
    stand_in["rstackovf"]["StackOverflow"] = {"kind": "value",
                                              "type": "type"}
    assert rlib_sides.differences(real, stand_in) == [
        "jit.JitDriver.jit_merge_point: arguments [[], False, True, 0], "
        "but [['greens'], False, True, 0] in the stand-in",
        "memory.lift_heap_limit: only on the real side",
        "rstackovf.StackOverflow: exception, but a value stand-in"]


def test_lift_heap_limit_undoes_set_heap_limit(monkeypatch):
    """In the binary, the GC's maximum goes back to 0 (none); untranslated
    rgc.set_max_heap_size does nothing, so here its calls are recorded."""
    from minilang.rlib import memory
    calls = []

    class RecordingGC(object):
        def set_max_heap_size(self, nbytes):
            calls.append(nbytes)

    monkeypatch.setattr(memory, "_rgc", RecordingGC())
    monkeypatch.setattr(memory, "_limited", [False])
    memory.lift_heap_limit()
    assert calls == []          # nothing set, nothing to lift
    memory.set_heap_limit(1 << 20)
    memory.lift_heap_limit()
    memory.lift_heap_limit()
    assert calls == [1 << 20, 0]
