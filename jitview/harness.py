"""Run programs under RPython's JIT without translating (Python 2.7).

Building the JIT for an interpreter (annotating and rtyping it, then the
codewriter turning it into jitcodes) takes seconds (`make trace`'s first
line says how many); it is done ONCE per process, for a function that takes
the program as a string.  Each program is made into that string by the
interpreter's front end, here on the host (for minilang: compiled to
bytecode, see minilang/codeloader.py), and run by the llinterp with the
JIT attached (the llgraph backend: compiled loops are run by an
interpreter of resops, not as machine code).  This is what PyPy's
micronumpy test_zjit does: `meta_interp(..., graph_and_interp_only=
True)` once, then `reset_jit()` and `eval_graph` per program.

    from jitview.harness import Harness
    jit = Harness()                  # builds (once per process: shared)
    run = jit.run(source)            # a Run: .output .status .log ...
    run.check_simple_loop({...})     # exact counts, or a readable failure
    print(run.render())              # the listing `make trace` prints

Which interpreter: the adapter of this process's language (jitview/
adapter.py: its entry point, front end, locations and polls), Lox's
unless JITVIEW_LANG says otherwise; nothing here knows more of it.
The JIT runs with the test parameters of RPython's own trace tests
(threshold 3: a loop is traced on its 3rd iteration), inlining as the
adapter says (minilang: on, as in the binary, off without the technique
`inlining`; which techniques are on is fixed when minilang is imported,
MINILANG_WITHOUT, techniques.py, so one process builds one set: `python
-m jitview --without NAME` sets the variable before the import).  What the
JIT did is read from its debug log, captured in memory in the same format
`PYPYLOG=jit-log-opt,jit-summary:FILE` writes for a binary, so jitview
shows both the same way (jitview.log).
"""

import os
import sys
import tempfile
import time

from rpython.jit.backend.llgraph import runner
from rpython.jit.codewriter import codewriter
from rpython.jit.codewriter.policy import JitPolicy
from rpython.jit.backend.model import CPUTotalTracker
from rpython.jit.metainterp import pyjitpl
from rpython.jit.metainterp.jitprof import Profiler
from rpython.jit.metainterp.warmspot import ll_meta_interp, reset_jit
from rpython.rlib.jit import JitHookInterface, Counters
from rpython.rtyper import llinterp
from rpython.rtyper.annlowlevel import llstr, hlstr

from jitview import adapter as adapters
from jitview import log as jitlog
from jitview import render


def make_entry(adapter):
    """The RPython function the JIT sees: the adapter's entry point, given
    the program as a low-level string (what eval_graph passes)."""
    run = adapter.entry_point()

    def entry(ll_data):
        return run(hlstr(ll_data))
    return entry


# Every LLInterpreter (the JIT makes one per call it runs on the llinterp)
# formats each operation it runs for its Tracer, which writes nothing
# unless PYPY_TRACE is set: a third of the time of a run, for nothing.
if not llinterp.Tracer.TRACE:
    llinterp.Tracer = lambda: None


def with_polls(counts, polls):
    """`counts` ({opname: count}) plus `polls` times the operations the
    interpreter polls with in every loop (its adapter's POLL: minilang's
    Ctrl-C poll)."""
    total = dict(counts)
    for name, count in adapters.current().POLL.items():
        total[name] = total.get(name, 0) + count * polls
    return total


class Harness(object):
    _shared = None

    def __new__(cls):
        # One build per process: every Harness() is the same one.
        if cls._shared is None:
            cls._shared = object.__new__(cls)
            cls._shared._build()
        return cls._shared

    def _build(self):
        start = time.time()
        self.adapter = adapter = adapters.current()
        old = codewriter.CodeWriter.debug
        codewriter.CodeWriter.debug = True
        saved = sys.stdout, sys.stderr
        sink = _Sink()
        sys.stdout = sys.stderr = sink
        try:
            self.interp, self.graph = ll_meta_interp(
                make_entry(adapter), [llstr("")],
                CPUClass=runner.LLGraphCPU,
                ProfilerClass=Profiler, policy=HarnessPolicy(AbortLogger()),
                listops=True, inline=adapter.INLINE,
                backendopt=False, graph_and_interp_only=True)
        finally:
            sys.stdout, sys.stderr = saved
            codewriter.CodeWriter.debug = old
        # The JIT's logger asks for the name of a (pc, code) position again
        # and again, running get_printable_location on the llinterp each
        # time (slow): run the same function on the host instead (the
        # adapter's host_location), and remember the answers.
        self.locations = {}
        for jd in pyjitpl._warmrunnerdesc.jitdrivers_sd:
            jd.warmstate.get_location_str = _remembered(
                _on_the_host(jd.warmstate.get_location_str,
                             adapter.host_location), self.locations)
        self.build_seconds = time.time() - start

    def compile(self, source):
        """A program's source -> the string the entry point runs, or None
        after the front end printed why not (the adapter's front_end)."""
        return self.adapter.front_end(source)

    def run(self, source, capture_output=True):
        """Run the program `source` with the JIT; returns a Run.  With
        capture_output, what the program prints is collected in
        Run.output instead of going to standard output."""
        data = self.compile(source)
        if data is None:
            return Run(source, self.adapter.FRONT_END_STATUS, "", "", 0.0)
        reset_jit()
        self.locations.clear()
        metainterp_sd = pyjitpl._warmrunnerdesc.metainterp_sd
        metainterp_sd.cpu.tracker = CPUTotalTracker()   # counts per run
        profiler = metainterp_sd.profiler
        start = time.time()
        log = _Sink()
        saved = sys.stdout, sys.stderr
        out = _FdCapture(1) if capture_output else None
        sys.stdout = sys.stderr = log
        try:
            profiler.start()
            status = self.interp.eval_graph(self.graph, [llstr(data)])
            profiler.finish()
        finally:
            sys.stdout, sys.stderr = saved
            output = out.stop() if out is not None else ""
        return Run(source, status, output, log.getvalue(),
                   time.time() - start)


class HarnessPolicy(JitPolicy):
    """The binary's policy (look inside everything not marked otherwise),
    except RPython's float-to-string conversion (rdtoa, behind e.g.
    minilang's numformat.format_number): it computes with raw addresses,
    which the JIT cannot do untranslated (int_sub of two symbolic
    addresses).  minilang's binary does not trace into it either:
    format_number is @dont_look_inside."""

    def look_inside_function(self, func):
        if (func.__module__ or "").startswith("rpython.rlib.rdtoa"):
            return False
        return JitPolicy.look_inside_function(self, func)


def _on_the_host(get_location_str, host_location):
    """get_location_str(greenkey), computed on the host by the adapter's
    host_location (falls back to the llinterp)."""
    def on_the_host(greenkey):
        try:
            return host_location(greenkey)
        except Exception:
            return get_location_str(greenkey)
    return on_the_host


def _remembered(get_location_str, cache):
    """get_location_str(greenkey), remembered per (pc, code) for one run
    (a green object, such as minilang's Code, lives as long as the run:
    its address is a fair key)."""
    def remembered(greenkey):
        key = tuple([_key_of(box) for box in greenkey])
        try:
            return cache[key][0]
        except KeyError:
            text = get_location_str(greenkey)
            cache[key] = (text, greenkey)      # keeps its objects alive
            return text
    return remembered


def _key_of(box):
    if box.type == "r":
        return ("r", id(box.getref_base()._obj))
    return (box.type, box.getint() if box.type == "i" else box.getfloat())


class AbortLogger(JitHookInterface):
    """Writes each aborted trace, with its reason and where tracing
    started, into the log as a jit-abort-tracing section (the binary's
    log only counts aborts, in jit-summary)."""

    def on_abort(self, reason, jitdriver, greenkey, greenkey_repr, logops,
                 operations):
        sys.stderr.write("[0] {jit-abort-tracing\n%s: %s\n[0] jit-abort-tracing}\n" % (
            Counters.counter_names[reason], greenkey_repr))


class Run(object):
    """What one program did under the JIT."""

    def __init__(self, source, status, output, logtext, seconds):
        self.source = source
        self.status = status            # the exit status (0 = success)
        self.output = output            # what it printed (if captured)
        self.logtext = logtext          # the JIT's debug log, PYPYLOG format
        self.seconds = seconds
        self.log = jitlog.parse(logtext)

    def render(self, **kwds):
        """The annotated trace listing, as `make trace` prints it."""
        return render.render(self.log, self.source.splitlines(), **kwds)

    # ---------------------------------------------------------- checking
    #
    # Counts are by operation name, leaving out debug_merge_point, label
    # and enter/leave_portal_frame (they produce no code), as RPython's
    # check_simple_loop does.  Only the body is counted: from the label
    # the closing jump returns to, what runs every iteration (a bridge
    # that closes a loop of its own has one too; otherwise all of it).

    @property
    def loops(self):
        return self.log.loops

    @property
    def bridges(self):
        return self.log.bridges

    def counts(self, trace):
        return trace.counts(trace.body_start())

    def the_loop(self, where=""):
        """The one compiled loop whose entry location contains `where`
        (e.g. "line 3 in script"); fails, showing all traces, unless
        there is exactly one."""
        found = [t for t in self.loops if where in t.name]
        if len(found) != 1:
            raise AssertionError("expected one compiled loop entered at %r, "
                                 "found %d\n\n%s"
                                 % (where, len(found), self.render()))
        return found[0]

    def check_simple_loop(self, expected):
        """Exactly one loop was compiled and its body's operations are
        exactly `expected` ({opname: count})."""
        self.check(self.the_loop(), expected)

    def check_loop(self, where, expected):
        """Like check_simple_loop, for the one loop entered at `where`."""
        self.check(self.the_loop(where), expected)

    def check_bridges(self, count):
        if len(self.bridges) != count:
            raise AssertionError("expected %d bridge(s), got %d\n\n%s"
                                 % (count, len(self.bridges), self.render()))

    def check(self, trace, expected):
        """`trace`'s operation counts are exactly `expected`; otherwise
        fail with the difference, the actual counts (ready to paste into
        the test) and the annotated listing of every trace."""
        actual = self.counts(trace)
        if actual != expected:
            raise AssertionError(self.explain(trace, actual, expected))

    def explain(self, trace, actual, expected):
        what = ("loop entered at %s" % trace.name if trace.kind == "loop"
                else "bridge")
        lines = ["the operations of the %s differ from the expected ones:"
                 % what]
        for name in sorted(set(actual) | set(expected)):
            a, e = actual.get(name, 0), expected.get(name, 0)
            if a != e:
                lines.append("    %-28s expected %d, got %d" % (name, e, a))
        lines.append("actual counts (to paste into the test):")
        lines.append("    " + format_counts(actual))
        lines.append("")
        lines.append(self.render())
        return "\n".join(lines)


def format_counts(counts):
    return "{%s}" % ", ".join("%r: %d" % (k, counts[k])
                              for k in sorted(counts))


class _Sink(object):
    """A stand-in for sys.stdout/sys.stderr collecting text in memory."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    def getvalue(self):
        return "".join(self.parts)


class _FdCapture(object):
    """Collect what is written to file descriptor `fd` (a program's output
    goes to fd 1 through os.write, not through sys.stdout: minilang's
    `print`, Brainfuck's `.`)."""

    def __init__(self, fd):
        self.fd = fd
        self.tmp = tempfile.TemporaryFile()
        self.saved = os.dup(fd)
        os.dup2(self.tmp.fileno(), fd)

    def stop(self):
        os.dup2(self.saved, self.fd)
        os.close(self.saved)
        self.tmp.seek(0)
        data = self.tmp.read()
        self.tmp.close()
        return data
