"""The trace viewer as one self-contained HTML page (`make trace ...
HTML=page.html`): the Lox source on the left, each line marked by what the
JIT did with it; the loops and bridges on the right, sorted by how often
they ran, each bridge under the guard it leaves from; click a line for its
instructions and operations, a guard for its bridge.  With two builds (the
default one and one without a technique) each line shows both counts and
their difference.

Runs on Python 2.7 and 3, on what jitview.log reads.  The page is
page.html beside this file with the data put in as JSON: inside a
<script type="application/json"> element, with <, > and & written as
\\u003c, \\u003e, \\u0026 so that nothing in a program or a log can end the
element; its script shows every string with textContent, never as markup,
and it loads nothing (a Content-Security-Policy forbids any fetch).

Run counts come from the log's jit-backend-counts section (the binary
writes it with PYPYLOG=jit-log-opt,jit-backend,jit-summary:LOG; see
docs/tutorial/reading-a-trace.md) or, untranslated, from
jitview.counting, which counts the same events on the llgraph backend:

    entry N:COUNT              loop N was entered (its preamble ran)
    TargetToken(ID):COUNT      the label ID was passed (a loop's body: once
                               per iteration)
    bridge ID:COUNT            the bridge out of the guard with that id
                               (decimal) ran
"""

import json
import os
import re

from jitview.log import START, STOP
from jitview.render import simplify

COUNT_LINE = re.compile(r"^(entry \d+|TargetToken\(\d+\)|bridge -?\d+):(\d+)$")
TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        "page.html")
TRACE_SECTIONS = ("jit-log-opt-loop", "jit-log-opt-bridge")


class LogError(Exception):
    """A log the page cannot be made from (its message says why)."""


def read_counts(text):
    """{key: count} of the jit-backend-counts sections of a log's text
    (several sections are added up), or None if it has none."""
    counts = None
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        m = START.match(line)
        if m:
            inside = m.group(1) == "jit-backend-counts"
            if inside and counts is None:
                counts = {}
            continue
        if STOP.match(line):
            inside = False
            continue
        if inside:
            m = COUNT_LINE.match(line)
            if m:
                counts[m.group(1)] = counts.get(m.group(1), 0) + \
                    int(m.group(2))
    return counts


def check(text, log):
    """Warnings about a log that was read (a list of str); raises LogError
    if it holds nothing the page could show."""
    if not log.traces and not log.summary and read_counts(text) is None:
        if not text.strip():
            raise LogError("the log is empty")
        raise LogError(
            "no compiled loops, bridges or jit-summary in it: not a JIT log "
            "written with PYPYLOG=jit-log-opt,jit-backend,jit-summary:LOG")
    warnings = []
    stack = []
    for raw in text.splitlines():
        line = raw.strip()
        m = START.match(line)
        if m:
            stack.append(m.group(1))
            continue
        m = STOP.match(line)
        if m and stack and stack[-1] == m.group(1):
            stack.pop()
    if stack:
        warnings.append(
            "the log is cut short: it ends inside a %s section%s" % (
                stack[-1], " (that trace is left out)"
                if stack[-1] in TRACE_SECTIONS else ""))
    if not log.summary:
        warnings.append("the log has no jit-summary (was the program "
                        "stopped before it ended?)")
    return warnings


def display(text):
    """A str of the log or the program as text for the page: bytes read
    as one character each (jitview reads files as latin-1) shown as the
    UTF-8 they usually are."""
    if not isinstance(text, bytes):
        try:
            text = text.encode("latin-1")
        except UnicodeError:
            return text
    return text.decode("utf-8", "replace")


def build_data(log, name, origin, counts=None, counts_note="",
               warnings=()):
    """What the page shows of one build (a JSON-able dict)."""
    guard_names = {}
    for trace in log.traces:
        for op in trace.ops:
            if op.guard_id and op.guard_id not in guard_names:
                guard_names[op.guard_id] = "g%d" % (len(guard_names) + 1)
    owner = {}                                   # guard id -> (trace, op)
    for t, trace in enumerate(log.traces):
        for i, op in enumerate(trace.ops):
            if op.guard_id:
                owner[op.guard_id] = (t, i)
    bridge_of = {}                               # guard id -> trace index
    for t, trace in enumerate(log.traces):
        if trace.kind == "bridge" and trace.guard_id:
            bridge_of[trace.guard_id] = t

    traces = []
    for t, trace in enumerate(log.traces):
        traces.append(trace_data(log, t, trace, guard_names, owner,
                                 bridge_of, counts))
    for entry in traces:                         # a bridge's share
        parent = entry["parent"]
        if (entry["kind"] == "bridge" and parent >= 0
                and entry["runs"] is not None
                and traces[parent]["runs"]):
            entry["share"] = 100.0 * entry["runs"] / traces[parent]["runs"]

    nlines = 0
    for entry in traces:
        for op in entry["ops"]:
            nlines = max(nlines, op[2])
    lines = {}
    for entry in traces:
        for op in entry["ops"]:
            if op[2] <= 0:
                continue
            stat = lines.setdefault(op[2], [0, 0, 0, 0])
            slot = 0 if entry["kind"] == "loop" else 1
            stat[slot] = 1                       # the line is in a loop/bridge
            if op[1] not in ("mark", "label") and not op[6]:
                stat[2 + slot] += 1              # operations there
    aborts = [[display(r), display(w)] for r, w in log.aborts]
    abort_counts = []
    for key, value in log.summary:
        if key.startswith("abort:") and value.strip() not in ("", "0"):
            abort_counts.append([key[6:].strip(), value.strip()])
    return {
        "name": name,
        "origin": origin,
        "counted": counts is not None,
        "countsNote": counts_note,
        "warnings": list(warnings),
        "summary": [[display(k), display(v)] for k, v in log.summary],
        "aborts": aborts,
        "abortCounts": abort_counts,
        "invalid": [display(simplify(m)) for m in log.invalid],
        "traces": traces,
        "lines": dict((str(k), v) for k, v in lines.items()),
    }


def trace_data(log, index, trace, guard_names, owner, bridge_of, counts):
    body = trace.body_start()
    ops = []
    line = 0
    depth = 0
    for i, op in enumerate(trace.ops):
        if op.location is not None:
            line = op.location.line
            depth = op.depth
            text = op.location.text
        else:
            text = simplify(op.text)
        ops.append([display(text), op.kind if op.name != "label" else "label",
                    line, depth, guard_names.get(op.guard_id, ""),
                    bridge_of.get(op.guard_id, -1), 1 if op.dead else 0])
    runs = entries = None
    parent, parent_op = -1, -1
    if trace.kind == "loop":
        if counts is not None:
            if trace.number is not None:
                entries = counts.get("entry %d" % trace.number)
            if body > 0:
                runs = counts.get("TargetToken(%s)" % trace.ops[body].target)
            if runs is None:
                runs = entries
        title = "Loop %s" % (trace.number if trace.number is not None
                             else index)
        if trace.loop_type and trace.loop_type != "loop":
            title += " (%s)" % trace.loop_type
        where = trace.name
    else:
        if counts is not None and trace.guard_id:
            runs = counts.get("bridge %d" % int(trace.guard_id, 16))
        title = "Bridge from %s" % guard_names.get(trace.guard_id, "?")
        where = ""
        if trace.guard_id in owner:
            parent, parent_op = owner[trace.guard_id]
            guard = log.traces[parent].ops[parent_op]
            where = guard.name
            for op in reversed(log.traces[parent].ops[:parent_op]):
                if op.location is not None:
                    where += " at " + op.location.text
                    break
    kinds = trace.kinds(body)
    return {
        "kind": trace.kind,
        "title": display(title),
        "where": display(where),
        "guard": guard_names.get(trace.guard_id, ""),
        "parent": parent,
        "parentOp": parent_op,
        "runs": runs,
        "entries": entries,
        "share": None,
        "body": body,
        "perIteration": sum(kinds.values()),
        "inputs": display(trace.inputargs),
        "ops": ops,
    }


def to_json(data):
    """JSON that can stand inside a <script> element: no <, > or &
    (written as \\u003c...), nor the line separators JavaScript once
    treated as ends of lines."""
    text = json.dumps(data, separators=(",", ":"), sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"),
                         ("&", "\\u0026"), (u"\u2028", "\\u2028"),
                         (u"\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def page(title, path, source, builds):
    """The whole page (a str): `source` the Lox program's text (or None),
    `builds` one or two build_data() dicts (two: side by side)."""
    data = {
        "title": display(title),
        "file": display(path or ""),
        "source": display(source).splitlines() if source is not None
        else None,
        "builds": builds,
    }
    with open(TEMPLATE, "rb") as f:
        template = f.read().decode("utf-8")
    head, _, tail = template.partition("@DATA@")
    result = head + to_json(data) + tail
    return result.replace("@TITLE@", html_escape(display(title)), 1)


def html_escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def from_log_text(text, name, origin, counts_note=""):
    """build_data of a log's text; raises LogError for a log that is not
    one."""
    from jitview import log as jitlog
    log = jitlog.parse(text)
    warnings = check(text, log)
    counts = read_counts(text)
    if counts is not None and not counts and log.traces:
        counts = None
        counts_note = counts_note or (
            "the log's jit-backend-counts section is empty: the binary "
            "counts only when PYPYLOG names the jit-backend category "
            "(PYPYLOG=jit-log-opt,jit-backend,jit-summary:LOG)")
    if counts is None and not counts_note:
        counts_note = ("run counts not known: the log has no "
                       "jit-backend-counts section (PYPYLOG=jit-log-opt,"
                       "jit-backend,jit-summary:LOG writes one)")
    return build_data(log, name, origin, counts, counts_note, warnings)


def write(path, text):
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))


# ------------------------------------------------------- the command line
# (jitview/__main__.py calls these for --html and --save-log)

def log_page(page_path, log_path, text, path, source):
    """--html PAGE --log LOG [PROG.lox]: the page of a binary's log."""
    import sys
    try:
        build = from_log_text(text, "bin/minilang", "the log " + log_path)
    except LogError as e:
        sys.stderr.write("jitview: %s: %s\n" % (log_path, e))
        return 65
    for warning in build["warnings"]:
        sys.stderr.write("jitview: %s: %s\n" % (log_path, warning))
    write(page_path, page("jitview: " + (path or log_path), path, source,
                          [build]))
    sys.stdout.write("jitview: wrote %s (%s)\n" % (page_path,
                                                   describe(build)))
    return 0


def describe(build):
    from jitview.render import plural
    loops = len([t for t in build["traces"] if t["kind"] == "loop"])
    return "%s, %s%s" % (
        plural(loops, "loop", "loops"),
        plural(len(build["traces"]) - loops, "bridge", "bridges"),
        "" if build["counted"] else "; " + build["countsNote"])


def run_program(source):
    """Run a program on the untranslated JIT with run counts (Python 2.7):
    (its Run, its log's text with a jit-backend-counts section)."""
    from jitview import counting
    counting.install()               # before the build: it binds methods
    from jitview.harness import Harness
    run = Harness().run(source)
    return run, run.logtext + counting.take()


def save_run_log(log_path, source):
    """--save-log LOG PROG.lox: run it, write its log (for harness_page's
    second process, the default build)."""
    run, text = run_program(source)
    with open(log_path, "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode("latin-1"))
    return run.status


def harness_page(page_path, path, source, without):
    """--html PAGE [--without NAMES] PROG.lox, untranslated; with
    --without, the default build is run at the same time by a second
    process (a process builds one set of techniques)."""
    import subprocess
    import sys
    import tempfile
    import time
    child = tmp = None
    if without:
        fd, tmp = tempfile.mkstemp(prefix="jitview-", suffix=".log")
        os.close(fd)
        env = dict(os.environ)
        env.pop("MINILANG_WITHOUT", None)
        devnull = open(os.devnull, "wb")
        child = subprocess.Popen([sys.executable, "-m", "jitview",
                                  "--save-log", tmp, path],
                                 env=env, stdout=devnull)
        devnull.close()
    try:
        start = time.time()
        run, text = run_program(source)
        sys.stdout.write("jitview: %s ran (with building the JIT) in %.1f s,"
                         " exit status %d; its output:\n"
                         % (path, time.time() - start, run.status))
        sys.stdout.write(run.output)
        origin = "untranslated, llgraph backend"
        builds = [from_log_text(text, "without " + without if without
                                else "default build", origin)]
        if child is not None:
            if child.wait() != 0 and not os.path.getsize(tmp):
                sys.stderr.write("jitview: the default build's run failed "
                                 "(status %d)\n" % child.returncode)
                return 70
            with open(tmp, "rb") as f:
                other = f.read()
            if str is not bytes:
                other = other.decode("latin-1")
            builds.insert(0, from_log_text(other, "default build", origin))
    except LogError as e:
        sys.stderr.write("jitview: %s: %s\n" % (path, e))
        return 65
    finally:
        if child is not None and child.poll() is None:
            child.kill()
            child.wait()
        if tmp is not None:
            os.remove(tmp)
    title = "jitview: " + path
    if without:
        title += " (default build vs. without " + without + ")"
    write(page_path, page(title, path, source, builds))
    sys.stdout.write("jitview: wrote %s (%s)\n" % (
        page_path, "; ".join(b["name"] + ": " + describe(b)
                             for b in builds)))
    return run.status
