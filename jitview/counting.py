"""Run counts of the compiled loops and bridges, untranslated (Python 2.7).

The binary counts how often each loop and bridge ran when PYPYLOG names
jit-backend (the backend puts a counter at each loop's entry, each label
and each bridge's start, and writes them in a jit-backend-counts section
when the program ends).  The llgraph backend of jitview.harness has no
counters; install() wraps three of its methods to count the same events,
under the same names, so that jitview.html reads both the same way:

    entry N            the loop numbered N was entered from the interpreter
    TargetToken(ID)    the label ID was passed (falling into it or jumping
                       to it): a loop body's label counts its iterations
    bridge ID          the guard ID failed into its bridge (ID in decimal,
                       as the log's <Guard0x...> in hexadecimal)

ID is what the JIT's logger prints for the descriptor (compute_unique_id).
"""

from rpython.jit.backend.llgraph import runner
from rpython.rlib.objectmodel import compute_unique_id
from rpython.rlib.rarithmetic import r_uint

COUNTS = {}
_installed = []


def _count(key):
    COUNTS[key] = COUNTS.get(key, 0) + 1


def install():
    """Wrap the llgraph backend's methods (once per process)."""
    if _installed:
        return
    _installed.append(True)
    frame = runner.LLFrame
    cpu = runner.LLGraphCPU
    execute_label, execute_jump = frame.execute_label, frame.execute_jump
    fail_guard, execute_token = frame.fail_guard, cpu._execute_token

    def counting_label(self, descr, *args):
        _count("TargetToken(%d)" % compute_unique_id(descr))
        return execute_label(self, descr, *args)

    def counting_jump(self, descr, *args):
        _count("TargetToken(%d)" % compute_unique_id(descr))
        return execute_jump(self, descr, *args)

    def counting_fail_guard(self, descr, *args, **kwds):
        if hasattr(descr, "_llgraph_bridge"):
            _count("bridge %d" % r_uint(compute_unique_id(descr)))
        return fail_guard(self, descr, *args, **kwds)

    def counting_token(self, loop_token, *args):
        _count("entry %d" % loop_token.number)
        return execute_token(self, loop_token, *args)

    frame.execute_label = counting_label
    frame.execute_jump = counting_jump
    frame.fail_guard = counting_fail_guard
    cpu._execute_token = counting_token


def take():
    """The counts since the last take(), as a jit-backend-counts section
    of a log (the binary's format), and start again from zero."""
    lines = ["[0] {jit-backend-counts"]
    for key in sorted(COUNTS):
        lines.append("%s:%d" % (key, COUNTS[key]))
    lines.append("[0] jit-backend-counts}")
    COUNTS.clear()
    return "\n".join(lines) + "\n"
