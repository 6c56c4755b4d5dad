"""The JIT techniques' switches on CPython (minilang/techniques.py).

A technique switched off must leave the language as it was: the whole
corpus passes with every technique off (run once more, in a subprocess,
because the switches are read when minilang is imported).  An unknown name
in MINILANG_WITHOUT is a usage error, not a traceback; --version says
which techniques a minilang is without.  What each technique does to the
traces is tested on Python 2.7 (tests/jit/test_techniques.py).
"""

import os
import subprocess
import sys

from minilang import techniques
from runner import ROOT


def minilang(args, without=None):
    env = dict(os.environ)
    env.pop("MINILANG_WITHOUT", None)
    if without is not None:
        env["MINILANG_WITHOUT"] = without
    proc = subprocess.run([sys.executable, "-m", "minilang"] + args,
                          cwd=ROOT, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=120)
    return (proc.returncode, proc.stdout.decode("latin-1"),
            proc.stderr.decode("latin-1"))


def test_parse_without():
    assert techniques.parse_without("") == []
    assert techniques.parse_without(" maps , inlining,") == ["maps",
                                                            "inlining"]


def flag_of(name):
    """The constant a technique's code tests: maps -> MAPS."""
    return name.upper().replace("-", "_")


def flags(module):
    """The module's flags: its upper-case names bound to a bool."""
    return sorted(k for k, v in vars(module).items()
                  if k.isupper() and isinstance(v, bool))


def cut_off():
    """The techniques a tutorial step's tree has not reached yet (their
    chapter is after the step, STEP's first line): tools/cut-step writes
    their flags `X = False`.  None in the source tree."""
    try:
        with open(os.path.join(ROOT, "STEP")) as f:
            step = int(f.readline())
    except IOError:
        return []
    return [name for (name, chapter, _) in techniques.TECHNIQUES
            if chapter > step]


def test_every_flag_is_a_named_technique():
    assert len(set(techniques.NAMES)) == len(techniques.NAMES)
    assert flags(techniques) == sorted(flag_of(n) for n in techniques.NAMES)


# Run with one technique off: the flags that are False, by name.
FLAGS_OFF = ("from minilang import techniques as t; print(' '.join("
             "sorted(k for k, v in vars(t).items() "
             "if k.isupper() and v is False)))")


def test_each_flag_follows_its_own_name():
    """MINILANG_WITHOUT=NAME switches off NAME's flag and no other (but
    those a step's tree has cut off)."""
    for name in techniques.NAMES:
        env = dict(os.environ, MINILANG_WITHOUT=name)
        proc = subprocess.run([sys.executable, "-c", FLAGS_OFF], cwd=ROOT,
                              env=env, stdout=subprocess.PIPE, timeout=60)
        assert proc.returncode == 0
        assert proc.stdout.decode().split() == sorted(
            set([flag_of(name)] + [flag_of(n) for n in cut_off()])), name


def test_unknown_technique_is_a_usage_error():
    status, out, err = minilang(["--version"], without="maps,inlinig")
    assert status == 64
    assert out == ""
    assert err == ("minilang: MINILANG_WITHOUT: no technique 'inlinig'; the "
                   "techniques are: " + ", ".join(techniques.NAMES) + "\n")
    assert "Traceback" not in err


def test_version_says_which_techniques_are_off():
    status, out, err = minilang(["--version"], without="")
    assert status == 0 and err == ""
    assert "without" not in out
    status, out, err = minilang(["--version"], without="maps, inlining")
    assert status == 0 and err == ""
    assert out.endswith(" (without maps, inlining)\n")
    assert out.startswith("minilang ")
    status, out, err = minilang(["--help"], without="virtualizable")
    assert status == 0
    assert "built without virtualizable" in out


def test_the_corpus_passes_with_every_technique_off():
    env = dict(os.environ)
    env["MINILANG_WITHOUT"] = ",".join(techniques.NAMES)
    env.pop("MINILANG_BIN", None)     # untranslated, in the subprocess
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         os.path.join("tests", "test_programs.py"),
         os.path.join("tests", "test_techniques.py") + "::test_flags_follow_the_environment"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        timeout=600)
    out = proc.stdout.decode("latin-1")
    assert proc.returncode == 0, out[-3000:]
    assert " passed" in out and "failed" not in out


def test_flags_follow_the_environment():
    """With MINILANG_WITHOUT set (as the corpus run above sets it) the
    flags are off; without, on."""
    without = [name for name in
               os.environ.get("MINILANG_WITHOUT", "").split(",") if name]
    assert techniques.WITHOUT == without
    for name in techniques.NAMES:
        assert techniques.enabled(name) == (name not in without)
        assert getattr(techniques, flag_of(name)) == (
            name not in without and name not in cut_off())
    assert techniques.DESCRIPTION == (
        "without " + ", ".join(without) if without else "")


def jitview(args):
    proc = subprocess.run([sys.executable, "-m", "jitview"] + args, cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=120)
    return (proc.returncode, proc.stdout.decode("latin-1"),
            proc.stderr.decode("latin-1"))


def test_trace_viewer_rejects_unknown_techniques():
    """`make trace WITHOUT=...` (jitview --without): checked before the JIT
    is built (which needs Python 2.7), so this runs anywhere."""
    status, out, err = jitview(["--without", "mpas", "examples/fizzbuzz.lox"])
    assert status == 64 and out == ""
    assert err == ("jitview: MINILANG_WITHOUT: no technique 'mpas'; the "
                   "techniques are: " + ", ".join(techniques.NAMES) + "\n")
    status, out, err = jitview(["examples/fizzbuzz.lox", "--without"])
    assert status == 64 and err.startswith("usage: python -m jitview")
