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


def test_every_flag_is_a_named_technique():
    flags = [techniques.VIRTUALIZABLE, techniques.INLINING,
             techniques.CONSTANT_GLOBALS, techniques.METHOD_VERSIONS,
             techniques.MAPS, techniques.UNBOXED_NUMBERS]
    assert len(flags) == len(techniques.NAMES) == 6
    assert len(set(techniques.NAMES)) == 6


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
    assert techniques.DESCRIPTION == (
        "without " + ", ".join(without) if without else "")
