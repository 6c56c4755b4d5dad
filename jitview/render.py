"""Print a JIT log (jitview.log.Log) for a reader: each loop and bridge
with its operations grouped under the minilang instruction and the Lox
source line they came from, special operations marked, and summaries.

Runs on Python 2.7 and 3.  The marks in the left column:

    GUARD   a guard: a check that leaves the compiled code if it fails
    NEW     an allocation (new, new_with_vtable, new_array...)
    CALL    a residual call: a function the JIT calls instead of tracing
    CALLJ   call_assembler: a call into compiled code (e.g. recursion)

A pure operation whose result nothing uses is shown "(unused: no code)"
and not counted: the backend emits nothing for it.
"""

import re

from jitview.log import kind_of

TAGS = {"guard": "GUARD", "alloc": "NEW", "call": "CALL",
        "call_assembler": "CALLJ"}
KIND_ORDER = [("guard", "guard", "guards"),
              ("alloc", "allocation", "allocations"),
              ("call", "residual call", "residual calls"),
              ("call_assembler", "call_assembler", "call_assemblers"),
              ("memory", "memory access", "memory accesses"),
              ("arith", "arithmetic/other", "arithmetic/other"),
              ("control", "jump/finish", "jump/finish")]

# Descriptors name a field or a type in RPython's terms; shorten them to
# what a reader of minilang's source recognises (both the untranslated
# spelling and the binary's).
_NAME = r"(?:[\w]+\.)*(\w+)"
SIMPLIFY = [
    (re.compile(r"FieldDescr\(<GcStruct " + _NAME +
                r" \{[^}]*\}>, '(?:inst_)?(\w+)'\)"), r"\1.\2"),
    (re.compile(r"<Field\w* " + _NAME + r"\.(?:inst_)?(\w+) [^>]*>"),
     r"\1.\2"),
    (re.compile(r"SizeDescr\(<GcStruct " + _NAME + r" \{[^}]*\}>\)"),
     r"\1"),
    (re.compile(r"<SizeDescr\w* \d+ " + _NAME + r"[^>]*>"), r"\1"),
    (re.compile(r"ArrayDescr\(<GcArray of [^>]*>\)"), "array"),
    (re.compile(r"<Array\w* [^>]*>"), "array"),
    (re.compile(r"<AddressAsInt \* struct " + _NAME +
                r"_vtable \{[^}]*\}>"), r"\1"),
    (re.compile(r"ConstClass\(" + _NAME + r"\)"), r"\1"),
    # A raw C structure, untranslated (the binary has its address as a
    # number): the Ctrl-C flag every loop polls, pypysig_long_struct.
    (re.compile(r"<AddressAsInt \* <C object Struct (\w+) \{[^}]*\} "
                r"at 0x[0-9a-f]+>>"), r"&\1"),
    (re.compile(r"FieldDescr\(<Struct (\w+) \{[^}]*\}>, '(\w+)'\)"),
     r"\1.\2"),
    (re.compile(r", descr=<Guard0x[0-9a-f]+>"), ""),
    (re.compile(r"descr=<Guard0x[0-9a-f]+>"), ""),
    (re.compile(r"\) \[[^\]]*\]$"), ")"),
    (re.compile(r"descr=TargetToken\((\d+)\)"), r"target=\1"),
]
CALL_DESCR = ", descr=<Call"


def simplify(text):
    for pattern, replacement in SIMPLIFY:
        text = pattern.sub(replacement, text)
    # A call's descriptor (its signature) is long and says little here.
    for marker in (", descr=CallDescr(", ", descr=<Call"):
        at = text.find(marker)
        if at >= 0:
            text = text[:at] + ")"
    return text


def plural(n, one, many):
    return "%d %s" % (n, one if n == 1 else many)


def describe_kinds(kinds):
    parts = []
    for kind, one, many in KIND_ORDER:
        if kind in ("guard", "alloc", "call") or kinds.get(kind):
            parts.append(plural(kinds.get(kind, 0), one, many))
    return ", ".join(parts)


# The lines of a listing that summarise it (each trace's counts, then the
# overall ones).  They depend only on what the JIT compiled, not on
# addresses, timings or the numbering of loops and guards: a listing
# recorded earlier is compared with a new run by them.  `summary(log)`
# gives them from a log; `summary_of(text)` picks them out of a printed
# listing, by these prefixes (tests/test_jitview.py checks both agree).
SUMMARY_PREFIXES = ("per iteration: ", "preamble (once): ", "in all: ",
                    "by name: ", "OVERALL: ", "  aborted: ")


class Renderer(object):
    def __init__(self, log, source_lines, raw=False, out=None):
        self.log = log
        self.source = source_lines      # list of the file's lines, or None
        self.raw = raw
        self.out = [] if out is None else out
        self.summary = []               # the summary lines, as written
        self.guard_names = {}           # hex id -> "g1", "g2"...

    def write(self, text=""):
        self.out.append(text)

    def write_summary(self, text):
        assert text.startswith(SUMMARY_PREFIXES), text
        self.summary.append(text)
        self.write(text)

    def guard_name(self, guard_id):
        if guard_id not in self.guard_names:
            self.guard_names[guard_id] = "g%d" % (len(self.guard_names) + 1)
        return self.guard_names[guard_id]

    def source_line(self, number):
        if self.source is not None and 1 <= number <= len(self.source):
            return "line %d | %s" % (number, self.source[number - 1].rstrip())
        return "line %d" % number

    # ------------------------------------------------------------ traces

    def render(self):
        # Name guards in order of appearance, so a bridge can say which
        # guard it leaves from before that guard is printed.
        for trace in self.log.traces:
            for op in trace.ops:
                if op.guard_id:
                    self.guard_name(op.guard_id)
        for index, trace in enumerate(self.log.traces):
            self.trace(trace, index)
        self.overall()
        return "\n".join(self.out) + "\n"

    def title(self, trace, index):
        if trace.kind == "loop":
            kind = ""
            if trace.loop_type and trace.loop_type != "loop":
                kind = " (%s)" % trace.loop_type
            return "LOOP %d%s, entered at %s" % (
                trace.number if trace.number is not None else index, kind,
                trace.name)
        where = ""
        owner = self.log.guard_owner(trace.guard_id)
        if owner is not None:
            parent, at = owner
            guard = parent.ops[at]
            where = " (%s" % guard.name
            location = self.location_before(parent, at)
            if location is not None:
                where += " at %s" % location
            where += ")"
        return "BRIDGE out of guard %s%s" % (
            self.guard_name(trace.guard_id), where)

    def location_before(self, trace, at):
        for op in reversed(trace.ops[:at]):
            if op.location is not None:
                return op.location
        return None

    def trace(self, trace, index):
        body = trace.body_start()
        nops = len([o for o in trace.ops if o.kind != "mark"])
        self.write("=" * 78)
        self.write("%s: %s" % (self.title(trace, index),
                                plural(nops, "operation", "operations")))
        self.write("=" * 78)
        if trace.inputargs:
            self.write("inputs: %s" % trace.inputargs)
        if body > 0:
            self.write("---- preamble: the first iteration, run once on "
                       "entry ----")
        last_line = [None]
        pending = []

        def flush():
            if not pending:
                return
            first = pending[0]
            if first.location.line != last_line[0]:
                last_line[0] = first.location.line
                self.write("  " * first.depth + self.source_line(
                    first.location.line))
            names = ", ".join("%s @%d" % (p.location.opname, p.location.pc)
                              for p in pending)
            where = first.location.function
            self.write("  " * first.depth + "    %s   (in %s)" % (names,
                                                                   where))
            del pending[:]

        depth = 0
        for i, op in enumerate(trace.ops):
            if i == body and body > 0:
                flush()
                last_line[0] = None
                self.write("---- loop body: every iteration runs the "
                           "operations from here ----")
            if op.name == "debug_merge_point" and op.location is not None:
                if pending and (op.location.line != pending[0].location.line
                                or op.depth != pending[0].depth):
                    flush()
                pending.append(op)
                depth = op.depth
                continue
            flush()
            tag = TAGS.get(op.kind, "")
            text = op.text if self.raw else simplify(op.text)
            if op.guard_id:
                text += "   <- %s" % self.guard_name(op.guard_id)
            if op.dead:
                text += "   (unused: no code)"
            self.write("%-6s%s      %s" % (tag, "  " * depth, text))
        flush()
        self.write("-" * 78)
        if body > 0:
            kinds = trace.kinds(body)
            n = sum(kinds.values())
            self.write_summary("per iteration: %s: %s" % (
                plural(n, "operation", "operations"), describe_kinds(kinds)))
            pre = sum(trace.kinds(0).values()) - n
            self.write_summary("preamble (once): %s" % plural(
                pre, "operation", "operations"))
        else:
            kinds = trace.kinds(0)
            self.write_summary("in all: %s: %s" % (
                plural(sum(kinds.values()), "operation", "operations"),
                describe_kinds(kinds)))
        counts = trace.counts(body)
        self.write_summary("by name: " + ", ".join(
            "%s %d" % (k, counts[k]) for k in sorted(counts)))
        self.write("")

    # ----------------------------------------------------------- overall

    def overall(self):
        log = self.log
        self.write("=" * 78)
        aborts = self.abort_count()
        if not log.traces and log.summary:
            # PYPYLOG=jit-summary:FILE alone: the loops are not in the log,
            # only the summary's counts of them.
            self.write_summary(
                "OVERALL: the log has no traces, only a jit-summary (the "
                "loops and bridges are written with "
                "PYPYLOG=jit-log-opt,jit-summary:FILE); it counts %s, %s, "
                "%s" % (
                    counted(log, "Total # of loops", "loop", "loops"),
                    counted(log, "Total # of bridges", "bridge", "bridges"),
                    plural(aborts, "aborted trace", "aborted traces")))
        else:
            self.write_summary("OVERALL: %s, %s, %s" % (
                plural(len(log.loops), "loop", "loops"),
                plural(len(log.bridges), "bridge", "bridges"),
                plural(aborts, "aborted trace", "aborted traces")))
        for reason, where in log.aborts:
            self.write_summary("  aborted: %s at %s" % (reason, where))
        if not log.aborts:
            for key, value in log.summary:
                if key.startswith("abort:") and value != "0":
                    self.write_summary("  aborted: %s (%s times)"
                                       % (key[6:].strip(), value))
        for message in log.invalid:
            self.write("  trace discarded by the optimiser: %s"
                       % simplify(message))
        if log.summary:
            tracing = log.summary_value("Tracing")
            backend = log.summary_value("Backend")
            self.write("jit-summary: tracing %s, backend %s, total %s s" % (
                timing(tracing), timing(backend),
                log.summary_value("TOTAL")))
            self.write("  " + ", ".join(
                "%s %s" % (k, v) for k, v in log.summary
                if k not in ("Tracing", "Backend", "TOTAL")
                and not k.startswith("abort")))

    def abort_count(self):
        if self.log.aborts:
            return len(self.log.aborts)
        n = 0
        for key, value in self.log.summary:
            if key.startswith("abort:"):
                try:
                    n += int(value)
                except ValueError:
                    pass
        return n


def counted(log, key, one, many):
    """A count of the log's jit-summary, as '3 loops' ('? loops' if it is
    missing)."""
    value = (log.summary_value(key) or "").strip()
    return plural(int(value), one, many) if value.isdigit() else "? " + many


def timing(value):
    """'3\t1.25' (count, seconds) -> '3 times in 1.250 s'."""
    if not value:
        return "?"
    parts = value.split()
    if len(parts) == 2:
        return "%s in %.3f s" % (plural(int(parts[0]), "time", "times"),
                                 float(parts[1]))
    return value


def render(log, source_lines=None, raw=False):
    """The whole listing as one string."""
    return Renderer(log, source_lines, raw).render()


def summary(log):
    """The summary lines of the listing of `log` (SUMMARY_PREFIXES)."""
    renderer = Renderer(log, None)
    renderer.render()
    return renderer.summary


def summary_of(listing):
    """The summary lines of a listing printed earlier (a recorded `make
    trace`): for the listing of a log, the same lines as summary(log)."""
    return [line for line in listing.splitlines()
            if line.startswith(SUMMARY_PREFIXES)]
