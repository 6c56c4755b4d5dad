"""The tutorial's stored `make trace` outputs are what `make trace` prints
now, but for what truly varies from run to run.

They are docs/tutorial/examples/chNN-*/NAME.SUFFIX.txt beside NAME.lox for
the JIT chapters 9-14 (NAME.trace.txt with every technique on,
NAME.without-X.txt with technique X off, without-all with every one off)
and docs/tutorial/examples/techniques/X-with.txt and X-without.txt beside
X.lox.  The chapters quote them and tests/test_tutorial_jit.py reads their
first and last lines; this reruns them.

Each set of techniques switched off is one process of `python -m jitview
[--without X] PROG.lox...`, what `make trace [WITHOUT=X] FILE="..."` runs:
it builds the JIT once and runs every program stored with that set (a
process builds one set: techniques.py is read at import).  Up to three run
at once.  What may differ from the stored text, and only that, is
normalized: timings (the build, each run, jit-summary's times), the
tracer's own count of what it executed (jit-summary's `ops`), addresses
(target tokens, C structures), the counter in the names of the helpers
RPython generates (`..._trampoline__v65___...`, cut to a fixed length),
what depends on the programs run before in the same process (the numbers
of loops, the unique ids of Code objects in enter_portal_frame), and what
depends on when the garbage collector ran (the loops and bridges the
jit-summary counts as freed).

One more thing varies between processes: the order in which the optimiser
writes out what it kept pending (the writes to fields and the allocations
it delayed to a loop's end or a guard).  It keeps them in dictionaries
keyed by descriptor objects, whose hashes are their addresses, so the
order changes from one process to the next, and the variables' numbers
with it.  Where the exact text differs, the listing must still have the
same operations under each source line and instruction: the same lines,
variables' names set aside, in any order (`shape`).
"""

import os
import re
import subprocess
import sys

import pytest

from minilang.techniques import NAMES

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__),
                                     os.pardir, os.pardir))
EXAMPLES = os.path.join("docs", "tutorial", "examples")
AT_ONCE = 3


def stored_traces():
    """[(stored listing, its program, the techniques it is without)], paths
    relative to the root, as `make trace` was given them."""
    found = []
    folders = sorted(d for d in os.listdir(os.path.join(ROOT, EXAMPLES))
                     if re.match(r"ch(09|1[0-4])-", d)) + ["techniques"]
    for folder in folders:
        names = sorted(os.listdir(os.path.join(ROOT, EXAMPLES, folder)))
        for name in names:
            m = (re.match(r"^(\w+)\.(trace|without-([\w,-]+))\.txt$", name)
                 if folder != "techniques" else
                 re.match(r"^([\w-]+)-(with|without)\.txt$", name))
            if not m or m.group(1) + ".lox" not in names:
                continue
            if folder == "techniques":
                without = m.group(1) if m.group(2) == "without" else ""
            else:
                without = m.group(3) or ""
            if without == "all":
                without = ",".join(NAMES)
            found.append((os.path.join(EXAMPLES, folder, name),
                          os.path.join(EXAMPLES, folder,
                                       m.group(1) + ".lox"), without))
    return found


STORED = stored_traces()

_listings = {}          # (without, program) -> (status, listing)


def make_trace(without, program):
    """What `make trace [WITHOUT=without] FILE=program` prints now: the
    build line, then the program's part.  The first call runs every set."""
    if not _listings:
        _run_all()
    return _listings[(without, program)]


def _run_all():
    sets = {}
    for _, program, without in STORED:
        programs = sets.setdefault(without, [])
        if program not in programs:
            programs.append(program)
    env = dict(os.environ)
    env.pop("MINILANG_WITHOUT", None)
    env["PYTHONPATH"] = os.pathsep.join([p for p in sys.path if p])
    waiting = sorted(sets.items())
    running = []
    while waiting or running:
        while waiting and len(running) < AT_ONCE:
            without, programs = waiting.pop(0)
            args = [sys.executable, "-m", "jitview"]
            if without:
                args += ["--without", without]
            proc = subprocess.Popen(args + programs, cwd=ROOT, env=env,
                                    stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
            running.append((without, programs, proc))
        without, programs, proc = running.pop(0)
        out, err = proc.communicate()
        out = out.decode("latin-1")
        build, rest = out.split("\n", 1) if "\n" in out else (out, "")
        starts = [m.start() for m in
                  re.finditer(r"(?m)^jitview: \S+ ran in ", rest)]
        parts = [rest[a:b] for a, b in zip(starts, starts[1:] + [None])]
        for program in programs:
            part = [p for p in parts
                    if p.startswith("jitview: %s ran in " % program)]
            listing = build + "\n" + (part[0] if part else
                                      "(no output for it)\n" + err[-3000:])
            _listings[(without, program)] = (proc.returncode, listing)


def normalize(text):
    text = re.sub(r"in \d+\.\d+ s \(\d+\.\d+ s of CPU\)",
                  "in T s (T s of CPU)", text)
    text = re.sub(r"(times?) in \d+\.\d+ s", r"\1 in T s", text)
    text = re.sub(r"total \d+(\.\d+)? s", "total T s", text)
    seen = {}

    def renumber(kind):
        def replace(m):
            key = (kind, m.group(2))
            if key not in seen:
                seen[key] = len([k for k in seen if k[0] == kind]) + 1
            return "%s%s%d" % (m.group(1), kind, seen[key])
        return replace
    text = re.sub(r"(target=)(\d+)", renumber("T"), text)
    text = re.sub(r"(0x)([0-9a-f]+)", renumber("A"), text)
    text = re.sub(r"(^LOOP )(\d+)", renumber("L"), text, flags=re.M)
    text = re.sub(r"(descr=<Loop)(\d+)", renumber("L"), text)
    text = re.sub(r"(enter_portal_frame\(\d+, )(\d+)", renumber("U"), text)
    # The names RPython gives the helpers it generates carry a counter,
    # and are cut to a fixed length: with more digits in the counter, the
    # end of the name is shorter.
    text = re.sub(r"_trampoline__v\d+\w*", "_trampoline__vN", text)
    # Which compiled loops the garbage collector has freed by the end
    # depends on when it ran.
    text = re.sub(r"Freed # of (loops|bridges) \d+", r"Freed # of \1 N", text)
    # The jit-summary's first figure, `ops`, counts every operation the
    # tracer executed, the ones it folded to constants included: the
    # decoding of an instruction (its EXTENDED_ARG check, opcodes.py) adds
    # to it without adding to a trace.  What the traces hold (recorded
    # ops, opt ops, the listings) is compared exactly.
    text = re.sub(r"(?m)^(\s*)ops \d+, recorded", r"\1ops N, recorded", text)
    return text


def test_the_stored_traces_are_found():
    withouts = set(without for _, _, without in STORED)
    assert len(STORED) >= 25
    assert "" in withouts and ",".join(NAMES) in withouts
    for name in NAMES:
        assert name in withouts, name


@pytest.mark.parametrize("stored,program,without", STORED,
                         ids=[s.split(os.sep, 3)[-1] for s, _, _ in STORED])
def test_stored_trace_is_what_make_trace_prints(stored, program, without):
    with open(os.path.join(ROOT, stored)) as f:
        expected = f.read()
    status, listing = make_trace(without, program)
    assert status == 0, listing[-3000:]
    if normalize(listing) != normalize(expected):
        assert shape(listing) == shape(expected), \
            "\n".join(_difference(normalize(expected), normalize(listing)))


# An operation's line: indented 12, or a mark (GUARD, NEW, CALL...) in
# the first columns; an instruction's line is indented 4 (render.py).
OPERATION = re.compile(r"^(?:[A-Z]+ +| {12})\S")


def shape(text):
    """The listing with its variables' and constants' numbers set aside
    and each run of operation lines sorted: what stays when the optimiser
    writes its pending operations in another order."""
    text = normalize(text)
    text = re.sub(r"\b[ipf]\d+\b", "v", text)
    text = re.sub(r"\bptr\d+\b", "ptr", text)
    out, run = [], []
    for line in text.splitlines():
        if OPERATION.match(line):
            run.append(line)
            continue
        out.extend(sorted(run))
        run = []
        out.append(line)
    out.extend(sorted(run))
    return out


def test_normalize_sets_aside_helper_names_and_freed_loops():
    a = ("CALL i2 = call_i(ll_call_lookup_function_trampoline__v7___simple"
         "_call__function_ll, p1)\n  Freed # of loops 0, Freed # of bridges 0")
    b = ("CALL i2 = call_i(ll_call_lookup_function_trampoline__v12___simple"
         "_call__function_l, p1)\n  Freed # of loops 1, Freed # of bridges 0")
    assert normalize(a) == normalize(b)
    assert normalize(a) != normalize(b.replace("call_i", "call_r"))


def test_shape_sets_order_aside_but_not_an_operation():
    a = ("line 3 |   x = 1;\n"
         "            setfield_gc(p1, f2, descr=A.x)\n"
         "NEW         p3 = new_with_vtable(descr=B)\n"
         "    GET_LOCAL @2   (in f)\n")
    b = ("line 3 |   x = 1;\n"
         "NEW         p4 = new_with_vtable(descr=B)\n"
         "            setfield_gc(p1, f5, descr=A.x)\n"
         "    GET_LOCAL @2   (in f)\n")
    assert shape(a) == shape(b)
    c = b.replace("NEW         p4 = new_with_vtable(descr=B)\n", "")
    assert shape(a) != shape(c)
    d = b.replace("    GET_LOCAL @2   (in f)\n", "")
    assert shape(a) != shape(d)


def _difference(expected, actual):
    import difflib
    return list(difflib.unified_diff(expected.splitlines(),
                                     actual.splitlines(), "stored", "now",
                                     lineterm="", n=1))[:80]
