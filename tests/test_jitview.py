"""jitview's log reader and printer (Python 3), on logs bin/minilang wrote.

tests/jitlog/X.log is what `PYPYLOG=jit-log-opt,jit-summary:X.log
bin/minilang tests/jitlog/X.lox` wrote (a binary of the interpreter at the
time); the reader must take them apart and the printer group them.  The
same on a fresh log of the current binary: tests/binary/test_jit_log.py.
"""

import os
import re
import subprocess
import sys

from jitview import log as jitlog
from jitview import render
from jitview.log import kind_of

HERE = os.path.join(os.path.dirname(__file__), "jitlog")
ROOT = os.path.join(os.path.dirname(__file__), os.pardir)


def read(name):
    with open(os.path.join(HERE, name), "rb") as f:
        return f.read().decode("latin-1")


def test_reads_loops_and_the_summary():
    log = jitlog.parse(read("loop.log"))
    assert [t.kind for t in log.traces] == ["loop"]
    loop = log.traces[0]
    assert loop.number == 1
    assert loop.name == "GET_LOCAL @6 (line 4 in script)"
    assert loop.ops[0].text.startswith("i1 = getfield_gc_i(p0, ")  # no +203:
    assert loop.ops[-1].name == "jump"
    body = loop.body_start()
    assert loop.ops[body].name == "label"
    assert loop.counts(body) == {
        'float_add': 2, 'float_lt': 1, 'getfield_gc_f': 1,
        'guard_not_invalidated': 1, 'guard_true': 1, 'jump': 1,
        'new_with_vtable': 1, 'setfield_gc': 2}
    assert log.summary_value("Total # of loops") == "1"
    assert log.summary_value("Tracing").split()[0] == "1"


def test_merge_points_name_instruction_and_line():
    log = jitlog.parse(read("loop.log"))
    points = [op.location for op in log.traces[0].ops
              if op.name == "debug_merge_point"]
    first = points[0]
    assert (first.opname, first.pc, first.line, first.function) == \
        ("GET_LOCAL", 6, 4, "script")


def test_bridges_name_their_guard():
    log = jitlog.parse(read("bridge.log"))
    assert [t.kind for t in log.traces] == ["loop", "loop", "bridge",
                                             "bridge"]
    assert log.traces[1].loop_type == "entry bridge"
    for bridge in log.bridges:
        owner = log.guard_owner(bridge.guard_id)
        assert owner is not None
        trace, at = owner
        assert trace.ops[at].name == "guard_true"
    text = render.render(log, read("bridge.lox").splitlines())
    assert re.search(r"\nBRIDGE out of guard g\d+ \(guard_true at LESS @37 "
                     r"\(line 4 in script\)\): \d+ operations\n", text)
    assert "OVERALL: 2 loops, 2 bridges, 0 aborted traces" in text


def test_printout_groups_operations_under_line_and_instruction():
    source = read("loop.lox").splitlines()
    text = render.render(jitlog.parse(read("loop.log")), source)
    body = text[text.index("---- loop body"):]
    assert re.search(r"\nline 5 \|     total = total \+ i;\n"
                     r"    GET_GLOBAL @15   \(in script\)\n"
                     r"GUARD       guard_not_invalidated\(\)   <- g\d+\n"
                     r"    GET_LOCAL @17, ADD @19   \(in script\)\n"
                     r" {12}f28 = getfield_gc_f\(p24, descr=W_Number.value\)\n"
                     r" {12}f29 = float_add\(f28, f23\)\n", body), body
    assert re.search(r"\nNEW {9}p32 = new_with_vtable\(", body)
    assert ("per iteration: 10 operations: 2 guards, 1 allocation, "
            "0 residual calls, 3 memory accesses, 3 arithmetic/other, "
            "1 jump/finish\n") in text


def test_raw_keeps_the_descriptors():
    text = render.render(jitlog.parse(read("loop.log")), None, raw=True)
    assert "descr=<FieldF minilang.objects.W_Number.inst_value 8 pure>" \
        in text
    assert "\nline 5\n" in text           # no source: the number only


def test_operation_kinds():
    assert kind_of("guard_value") == "guard"
    assert kind_of("new_with_vtable") == "alloc"
    assert kind_of("newstr") == "alloc"
    assert kind_of("call_r") == "call"
    assert kind_of("call_may_force_i") == "call"
    assert kind_of("call_assembler_r") == "call_assembler"
    assert kind_of("getfield_gc_f") == "memory"
    assert kind_of("float_add") == "arith"
    assert kind_of("debug_merge_point") == "mark"


def test_command_line_on_a_log():
    done = subprocess.run(
        [sys.executable, "-m", "jitview", "--log",
         os.path.join(HERE, "loop.log"), os.path.join(HERE, "loop.lox")],
        cwd=ROOT, capture_output=True)
    assert done.returncode == 0
    assert b"\nline 6 |     i = i + 1;\n" in done.stdout


def test_command_line_usage_and_unreadable_file():
    usage = subprocess.run([sys.executable, "-m", "jitview"], cwd=ROOT,
                           capture_output=True)
    assert usage.returncode == 64
    assert usage.stderr.startswith(b"usage: python -m jitview")
    missing = subprocess.run([sys.executable, "-m", "jitview", "--log",
                              os.path.join(HERE, "no-such.log")],
                             cwd=ROOT, capture_output=True)
    assert missing.returncode == 74
    assert b"cannot read" in missing.stderr


def test_summary_lines_from_the_log_and_from_the_listing_agree():
    # The summary is what recorded listings are compared by: read from a
    # printed listing it must be exactly what the renderer wrote.
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".log"):
            log = jitlog.parse(read(name))
            lines = render.summary(log)
            assert lines[-1].startswith("OVERALL: "), name
            assert [l for l in lines if l.startswith("by name: ")], name
            assert render.summary_of(render.render(log)) == lines, name


def test_running_a_program_on_python3_says_it_needs_python27():
    # The JIT harness needs RPython, which runs on Python 2.7 only: a usage
    # error that says how to run it, not a traceback.
    done = subprocess.run(
        [sys.executable, "-m", "jitview", os.path.join(HERE, "loop.lox")],
        cwd=ROOT, capture_output=True)
    assert done.returncode == 64
    assert done.stdout == b""
    assert b"needs Python 2.7" in done.stderr
    assert b"make trace FILE=prog.lox" in done.stderr
    assert b"Traceback" not in done.stderr


DEAD = """\
[0] {jit-log-opt-loop
# Loop 0 (LOOP @9 (line 1 in script)) : loop with 7 ops
[p0, i1]
label(p0, i1, descr=TargetToken(7))
debug_merge_point(0, 0, 'LOOP @9 (line 1 in script)')
i2 = int_add(i1, 1)
i3 = int_add(i2, 1)
i4 = int_lt(i1, 10)
guard_true(i4, descr=<Guard0x10>) [p0, i1]
i5 = int_add(i1, 2)
jump(p0, i5, descr=TargetToken(7))
[0] jit-log-opt-loop}
"""


def test_unused_pure_operations_are_shown_but_not_counted():
    # i3 is unused, so i2 (used only by i3) is too: no code for either.
    loop = jitlog.parse(DEAD).loops[0]
    assert [op.result for op in loop.ops if op.dead] == ["i2", "i3"]
    assert loop.counts(loop.body_start()) == {
        'int_add': 1, 'int_lt': 1, 'guard_true': 1, 'jump': 1}
    text = render.render(jitlog.parse(DEAD))
    assert "i3 = int_add(i2, 1)   (unused: no code)" in text


QUIET = """\
import os, sys
from jitview.__main__ import QuietBuild, BuildFailed
try:
    with QuietBuild(sys.argv[1]):
        print("chatter on stdout")
        os.write(2, b"[platform:WARNING] rvmprof.c: warning\\n")
        raise ValueError("no C compiler")
except BuildFailed as e:
    sys.stderr.write("jitview: %s\\n" % e)
print("after the build")
"""


def test_quiet_build_logs_the_noise_and_names_the_log_on_failure(tmp_path):
    # What `make trace` does with RPython's output (JITVIEW_BUILD_LOG):
    # to the log, not the terminal; a failure names the log.
    log_path = str(tmp_path / "build" / "trace.log")
    proc = subprocess.run([sys.executable, "-c", QUIET, log_path], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    assert proc.stdout == "after the build\n"
    assert proc.stderr == (
        "jitview: building the JIT failed: ValueError: no C compiler (what "
        "RPython printed is in %s)\n" % log_path)
    with open(log_path) as f:
        logged = f.read()
    assert logged.startswith("chatter on stdout\n[platform:WARNING] rvmprof.c:"
                             " warning\nTraceback (most recent call last):")
    assert logged.endswith("ValueError: no C compiler\n")


def test_a_summary_only_log_says_it_has_no_traces_and_gives_the_counts():
    # PYPYLOG=jit-summary:FILE alone: no loop in the log, but the summary
    # counts them; the listing must not say "0 loops" above "26 loops".
    text = read("loop.log")
    summary_only = text[text.rindex("\n[", 0, text.index("{jit-summary")) + 1:]
    summary_only = summary_only.replace("Total # of loops:\t1",
                                        "Total # of loops:\t26")
    summary_only = summary_only.replace("Total # of bridges:\t0",
                                        "Total # of bridges:\t418")
    log = jitlog.parse(summary_only)
    assert log.traces == [] and log.summary
    assert render.summary(log) == [
        "OVERALL: the log has no traces, only a jit-summary (the loops and "
        "bridges are written with PYPYLOG=jit-log-opt,jit-summary:FILE); it "
        "counts 26 loops, 418 bridges, 0 aborted traces"]
    assert "Total # of loops 26, Total # of bridges 418" in \
        render.render(log)


def test_the_ctrl_c_poll_of_an_untranslated_run_is_short():
    op = ("i37 = getfield_raw_i(<AddressAsInt * <C object Struct "
          "pypysig_long_struct { c_value } at 0x7f9422db3050>>, "
          "descr=FieldDescr(<Struct pypysig_long_struct { c_value }>, "
          "'c_value'))")
    assert render.simplify(op) == (
        "i37 = getfield_raw_i(&pypysig_long_struct, "
        "descr=pypysig_long_struct.c_value)")
