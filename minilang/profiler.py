"""`minilang --profile OUT FILE`: a sampling profile of a Lox program.

The profiler is RPython's vmprof (rpython.rlib.rvmprof; a pure-Python
stand-in with the same file format on CPython 3, see rlib/vmprof.py).  Every Code
is registered with it when it is made (code.py), and the interpreter
function that runs one Code is decorated (`profiled`, interpreter.py), so
the profiler always knows the stack of Lox functions being run.  A timer
interrupts the program about every millisecond and appends that stack to
the file; JIT-compiled machine code is covered too: the JIT records, for
each piece of code it emits, which Lox functions (inlined ones included)
it came from, and vmprof looks the interrupted address up there.

vmprof names a code object `kind:name:line:file` (exactly three colons):
here `lox:fib:3:bench/fib.lox`, with the line of the function's first
instruction.  rvmprof records no line *per sample* (its "lines" mode is
CPython-only), so the report is per function.

`tools/profile-report OUT` prints the table of functions by self and total
time.
"""

import os

from minilang.rlib.jit import dont_look_inside
from minilang.rlib.vmprof import ProfileError, start_profile, stop_profile

# One sample every INTERVAL seconds of CPU time.
INTERVAL = 0.001
MAX_NAME = 1023       # rvmprof's limit for a code object's name


class ProfiledSource(object):
    """The file being profiled, for the names of its functions."""

    def __init__(self):
        self.path = ""


source = ProfiledSource()


@dont_look_inside
def full_name(code):
    """vmprof's name for a Code (called by vmprof, never in a trace)."""
    name = code.name if code.name else "<script>"
    line = code.lines[0] if len(code.lines) > 0 else 0
    path = source.path.replace(":", "_")
    text = "lox:%s:%d:%s" % (name, line, path)
    if len(text) > MAX_NAME:
        text = text[:MAX_NAME]
    return text


class Profile(object):
    """The open profile file of a run (`fd` -1 when none is open)."""

    def __init__(self):
        self.fd = -1


profile = Profile()


def open_file(out_path, source_path):
    """Open `out_path` for the profile of the program at `source_path`.
    False if it cannot be written.  Sampling starts later, in
    run_sampled."""
    source.path = source_path
    try:
        profile.fd = os.open(out_path,
                             os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    except OSError:
        return False
    return True


def close_file():
    if profile.fd >= 0:
        os.close(profile.fd)
        profile.fd = -1


class CannotSample(Exception):
    """rvmprof refused to start on the profile file."""


def run_sampled(run, frame):
    """run(frame) (interpreter.run: passed in, as the interpreter imports
    this module through code.py), sampled if a profile file is open."""
    if profile.fd < 0:
        return run(frame)
    try:
        token = start_profile(profile.fd, INTERVAL, frame.code)
    except ProfileError:
        raise CannotSample()
    try:
        return run(frame)
    finally:
        stop_profile(token)
