"""Read a JIT log: the text RPython's JIT writes with
`PYPYLOG=jit-log-opt,jit-summary:FILE`, from a binary (bin/minilang) or the
untranslated JIT of jitview.harness (which captures the same debug output).

Runs on Python 2.7 and 3.  The log is a sequence of sections:

    [3f2a1c] {jit-log-opt-loop
    # Loop 0 (LOOP @21 (line 1 in script)) : loop with 54 ops
    [p0, p1]
    +110: label(p0, p1, descr=TargetToken(140))
    debug_merge_point(0, 0, 'GET_LOCAL @4 (line 1 in script)')
    ...
    [3f2b00] jit-log-opt-loop}

Sections may nest (untranslated, the whole tracing is one section); only
these are read, everything else is skipped:

    jit-log-opt-loop, jit-log-opt-bridge   the compiled loops and bridges
    jit-summary                            counts and times of one run
    jit-abort                              a trace the optimiser rejected
                                           as invalid (its message)
    jit-abort-tracing                      written by jitview.harness only:
                                           "reason: location" of an abort
"""

import re

ANSI = re.compile(r"\x1b\[[0-9;]*m")
START = re.compile(r"^\[[0-9a-f]+\] \{([\w-]+)$")
STOP = re.compile(r"^\[[0-9a-f]+\] ([\w-]+)\}$")
LOOP_HEADER = re.compile(r"^# Loop (\d+) \((.*)\) : (.+?) with (\d+) ops$")
BRIDGE_HEADER = re.compile(r"^# bridge out of Guard (0x[0-9a-f]+) "
                           r"with (\d+) ops$")
OFFSET = re.compile(r"^\+\d+: ")
OP = re.compile(r"^(?:([\w]+) = )?([a-z_0-9]+)\((.*)$")
MERGE_POINT = re.compile(r"^debug_merge_point\((\d+), (\d+), '(.*)'\)$")
GUARD_DESCR = re.compile(r"descr=<Guard(0x[0-9a-f]+)>")
TARGET = re.compile(r"descr=TargetToken\((\d+)\)")

ALLOCATIONS = ("new", "new_with_vtable", "new_array", "new_array_clear",
               "newstr", "newunicode")
MARKS = ("debug_merge_point", "enter_portal_frame", "leave_portal_frame")
CONTROL = ("label", "jump", "finish")
# Operations without side effects: if nothing uses the result, the backend
# emits no code for them (llsupport/regalloc.py: compute_vars_longevity).
PURE_PREFIXES = ("int_", "uint_", "float_", "cast_", "ptr_eq", "ptr_ne",
                 "instance_ptr_", "same_as", "convert_")
NAME_TOKEN = re.compile(r"\b[ipf]\d+\b")


def kind_of(opname):
    """How jitview classifies an operation: 'guard', 'alloc', 'call'
    (a residual call: the JIT calls the function, it did not trace
    into it), 'call_assembler' (a call into another compiled loop),
    'memory' (reads and writes of fields and arrays), 'mark' (no code),
    'control' (label, jump, finish) or 'arith' (all else: arithmetic,
    comparisons, conversions)."""
    if opname.startswith("guard_"):
        return "guard"
    if opname in ALLOCATIONS:
        return "alloc"
    if opname.startswith("call_assembler"):
        return "call_assembler"
    if opname.startswith("call") or opname.startswith("cond_call"):
        return "call"
    if opname in MARKS:
        return "mark"
    if opname in CONTROL:
        return "control"
    if (opname.startswith("get") or opname.startswith("set")
            or opname.startswith("arraylen") or opname.startswith("strlen")
            or opname.startswith("strgetitem")
            or opname.startswith("strsetitem")
            or opname.startswith("copystr") or opname.startswith("gc_")
            or opname.startswith("raw_") or opname.startswith("zero_")
            or opname.startswith("vec_load")
            or opname.startswith("vec_store")):
        return "memory"
    return "arith"


class Op(object):
    def __init__(self, text):
        self.text = text
        match = OP.match(text)
        self.result = match.group(1) if match else None
        self.name = match.group(2) if match else text.split("(")[0]
        self.kind = kind_of(self.name)
        guard = GUARD_DESCR.search(text)
        self.guard_id = guard.group(1) if guard else None
        target = TARGET.search(text)
        self.target = target.group(1) if target else None
        self.location = None          # for a debug_merge_point: a Location
        self.depth = 0
        self.dead = False             # no code: a pure op, result unused
        if self.name == "debug_merge_point":
            m = MERGE_POINT.match(text)
            if m:
                self.depth = int(m.group(2))
                self.location = Location(m.group(3))

    def __repr__(self):
        return "Op(%r)" % self.text


class Location(object):
    """A debug_merge_point's text, as the interpreter's
    get_printable_location writes it, taken apart by its adapter's
    parse_location (minilang's: interpreter.parse_printable_location)."""

    def __init__(self, text):
        # Imported here, not at the top: what reads only a listing's
        # summary (jitview.render.summary_of in tools/step-check, which may
        # run on a Python without minilang's rply) needs no interpreter.
        from jitview.adapter import current
        self.text = text
        parts = current().parse_location(text)
        if parts is not None:
            self.opname, self.pc, self.line, self.function = parts
        else:
            self.opname, self.pc, self.line, self.function = text, -1, 0, ""

    def __str__(self):
        return self.text


class Trace(object):
    """One compiled loop or bridge."""

    def __init__(self, kind):
        self.kind = kind               # "loop" or "bridge"
        self.header = ""
        self.number = None             # a loop's number in the log
        self.name = ""                 # a loop's entry location
        self.loop_type = ""            # "loop", "entry bridge"...
        self.guard_id = None           # a bridge's guard, as its hex id
        self.inputargs = ""
        self.ops = []

    def set_header(self, header):
        self.header = header
        m = LOOP_HEADER.match(header)
        if m:
            self.number = int(m.group(1))
            self.name = m.group(2)
            self.loop_type = m.group(3)
        m = BRIDGE_HEADER.match(header)
        if m:
            self.guard_id = m.group(1)

    def body_start(self):
        """Index of the label the final jump goes back to: the ops from
        there on run once per iteration (before it, the preamble: the
        first iteration, peeled off by the optimiser).  0 for a trace
        that ends otherwise (a bridge to another loop, a finish)."""
        if not self.ops or self.ops[-1].name != "jump":
            return 0
        target = self.ops[-1].target
        for i, op in enumerate(self.ops):
            if op.name == "label" and op.target == target:
                return i
        return 0

    def find_dead(self):
        """Mark the pure operations whose result nothing uses (directly or
        through other dead ones): the backend emits no code for them, so
        they are shown but not counted.  The optimiser leaves some behind,
        depending on the order it happens to visit things in."""
        used = set()
        for op in reversed(self.ops):
            pure = (op.result is not None and not op.name.endswith("_ovf")
                    and op.name.startswith(PURE_PREFIXES))
            if pure and op.result not in used:
                op.dead = True
                continue
            args = op.text.split("(", 1)[1] if "(" in op.text else ""
            used.update(NAME_TOKEN.findall(args))

    def counts(self, start=0):
        """{opname: count} of ops[start:], leaving out marks, labels (as
        RPython's check_simple_loop does) and dead operations."""
        counts = {}
        for op in self.ops[start:]:
            if op.kind == "mark" or op.name == "label" or op.dead:
                continue
            counts[op.name] = counts.get(op.name, 0) + 1
        return counts

    def kinds(self, start=0):
        kinds = {}
        for op in self.ops[start:]:
            if op.kind == "mark" or op.name == "label" or op.dead:
                continue
            kinds[op.kind] = kinds.get(op.kind, 0) + 1
        return kinds


class Log(object):
    def __init__(self):
        self.traces = []
        self.summary = []          # [(name, text)] of the last jit-summary
        self.aborts = []           # [(reason, location)] (harness only)
        self.invalid = []          # messages of traces found invalid

    @property
    def loops(self):
        return [t for t in self.traces if t.kind == "loop"]

    @property
    def bridges(self):
        return [t for t in self.traces if t.kind == "bridge"]

    def summary_value(self, name):
        for key, value in self.summary:
            if key == name:
                return value
        return None

    def guard_owner(self, guard_id):
        """(trace, index of the guard op) for a guard's hex id, or None."""
        for trace in self.traces:
            for i, op in enumerate(trace.ops):
                if op.guard_id == guard_id:
                    return trace, i
        return None


def parse(text):
    """Parse a log's text into a Log."""
    log = Log()
    stack = []                  # names of the open sections
    trace = None
    summary = None
    for raw in text.splitlines():
        line = ANSI.sub("", raw).rstrip("\n")
        m = START.match(line)
        if m:
            name = m.group(1)
            stack.append(name)
            if name in ("jit-log-opt-loop", "jit-log-opt-bridge"):
                trace = Trace("loop" if name.endswith("loop") else "bridge")
            elif name == "jit-summary":
                summary = []
            continue
        m = STOP.match(line)
        if m and stack and stack[-1] == m.group(1):
            name = stack.pop()
            if name in ("jit-log-opt-loop", "jit-log-opt-bridge") and trace:
                trace.find_dead()
                log.traces.append(trace)
                trace = None
            elif name == "jit-summary" and summary is not None:
                log.summary = summary
                summary = None
            continue
        if not stack:
            continue
        section = stack[-1]
        if trace is not None and section in ("jit-log-opt-loop",
                                             "jit-log-opt-bridge"):
            if line.startswith("#"):
                if not trace.header:
                    trace.set_header(line)
            elif line.startswith("[") and not trace.ops:
                trace.inputargs = line
            elif line.strip():
                text = OFFSET.sub("", line)
                if not text.startswith("--end of the loop--"):
                    trace.ops.append(Op(text))
        elif section == "jit-summary" and summary is not None:
            if ":" in line:
                key, value = line.split(":", 1)
                summary.append((key.strip(), value.strip()))
        elif section == "jit-abort-tracing":
            reason, _, where = line.partition(": ")
            log.aborts.append((reason, where))
        elif section == "jit-abort" and line.strip():
            log.invalid.append(line.strip())
    return log
