"""The one place that knows which Python runs minilang.

Under Python 2.7 with the `rpython` package importable (translation, and the
JIT tests), every name below is the real thing from `rpython.rlib`.  On
CPython 3, where RPython cannot be imported, the same names are pure-Python
stand-ins with the same behaviour for a running program: the JIT hints do
nothing, and the host-facing helpers (files, output, clock, number
formatting) use the standard library.

Every other module imports these names from here and from nowhere else, so
no other file cares which Python runs it.

The stand-in `JitDriver` is stricter than a no-op: like the real one it
checks that `jit_merge_point` and `can_enter_jit` receive exactly the
declared greens and reds, so a misspelt red fails a fast CPython test
instead of a ten-minute translation.
"""

import errno
import os

# Set by targets/targetminilang.py before it imports the interpreter: the
# code is about to be translated (not run untranslated on the llinterp).
translating = [False]

try:
    from rpython.rlib.jit import (JitDriver, promote, elidable, unroll_safe,
                                  hint, isvirtual)
    from rpython.rlib.debug import make_sure_not_resized
    from rpython.rlib.rfloat import formatd
    from rpython.rlib.rstackovf import StackOverflow, check_stack_overflow
    from rpython.rlib import rtime, rgc, rsignal, rvmprof
    from rpython.rlib.rvmprof import cintf
    from rpython.rlib.jit import dont_look_inside
    from rpython.rtyper.lltypesystem import lltype, rffi
    from rpython.translator.tool.cbuild import ExternalCompilationInfo
    from rpython.rlib.longlong2float import longlong2float, float2longlong
    from rpython.rlib.rarithmetic import r_int64
    from rpython.rlib.unroll import unrolling_iterable
    HAVE_RPYTHON = True
except ImportError:
    HAVE_RPYTHON = False


if HAVE_RPYTHON:

    def format_exponent(x, digits):
        """C's printf("%.*e", digits, x) for a finite x."""
        return formatd(x, 'e', digits)

    def parse_number(s):
        return float(s)

    def processor_time():
        return rtime.clock()

    def read_file(path):
        """The whole file as a byte string; raises OSError if unreadable."""
        fd = os.open(path, os.O_RDONLY, 0o777)
        try:
            chunks = []
            while True:
                data = os.read(fd, 65536)
                if not data:
                    break
                chunks.append(data)
        finally:
            os.close(fd)
        return ''.join(chunks)

    def write_bytes(fd, s):
        while s:
            try:
                n = os.write(fd, s)
            except OSError as e:
                # A Ctrl-C while waiting to write: write again (the
                # interpreter sees the Ctrl-C at its next poll).
                if e.errno == errno.EINTR:
                    continue
                raise
            s = s[n:]

    def read_chunk(fd):
        """Up to 4 KB from fd; None if a Ctrl-C interrupted the wait."""
        while True:
            try:
                return os.read(fd, 4096)
            except OSError as e:
                if e.errno != errno.EINTR:
                    raise
                if interrupt_requested():
                    return None

    # Ctrl-C.  RPython's C signal handler (pypysig_setflag) only records
    # the signal: it sets a flag and a counter to -1.  The interpreter polls
    # the counter where a program can run for long (backward jumps and
    # calls); reading it is one load from a fixed address, which the JIT
    # keeps in a compiled loop as a read and a guard (PyPy does the same).
    # Polling, not exiting in the handler, lets the REPL abandon a line and
    # keep the session, and a run flush its output before it ends.
    def install_signal_handlers():
        rsignal.pypysig_setflag(rsignal.SIGINT)
        # A closed pipe on standard output makes write() fail with EPIPE,
        # which streams.py reports, instead of killing the process.
        rsignal.pypysig_ignore(rsignal.SIGPIPE)

    def interrupt_requested():
        """True once after each Ctrl-C."""
        occurred = rsignal.pypysig_getaddr_occurred()
        if occurred.c_value >= 0:
            return False
        # (The loop is in another function: the JIT would not look inside
        # this one, and make even the check above a call.)
        return _take_interrupt(occurred)

    def _take_interrupt(occurred):
        occurred.c_value = 0
        found = False
        while True:
            signum = rsignal.pypysig_poll()
            if signum < 0:
                return found
            if signum == rsignal.SIGINT:
                found = True

    def request_interrupt():
        rsignal.pypysig_pushback(rsignal.SIGINT)

    # The heap limit.  RPython's GC (incminimark) collects more often as the
    # heap nears its maximum (rgc.set_max_heap_size, or the environment
    # variable PYPY_GC_MAX read when the binary starts), then raises
    # MemoryError once; a second overflow aborts the process.
    _limits_eci = ExternalCompilationInfo(
        post_include_bits=["long minilang_address_space_left(void);",
                           "long minilang_physical_memory(void);"],
        separate_module_sources=["""
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>
long minilang_physical_memory(void) {
    return sysconf(_SC_PHYS_PAGES) * sysconf(_SC_PAGESIZE);
}
long minilang_address_space_left(void) {
    struct rlimit limit;
    long pages = 0, left;
    FILE *statm;
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 0;
    statm = fopen("/proc/self/statm", "r");
    if (statm != NULL) {
        if (fscanf(statm, "%ld", &pages) != 1)
            pages = 0;
        fclose(statm);
    }
    left = (long)limit.rlim_cur - pages * sysconf(_SC_PAGESIZE);
    return left > 0 ? left : 1;
}
"""])
    _address_space_left = rffi.llexternal(
        "minilang_address_space_left", [], lltype.Signed,
        compilation_info=_limits_eci)

    _physical_memory = rffi.llexternal(
        "minilang_physical_memory", [], lltype.Signed,
        compilation_info=_limits_eci)

    def physical_memory():
        return _physical_memory()

    def address_space_left():
        """What `ulimit -v` leaves of the address space, in bytes, or 0 if
        it is unlimited."""
        return _address_space_left()

    def set_heap_limit(nbytes):
        rgc.set_max_heap_size(nbytes)

    GC_READS_PYPY_GC_MAX = True

    def lift_heap_limit():
        pass

    # The exceptions a bug is likely to raise, by name: translated code has
    # no tracebacks and no class names.
    _KNOWN_EXCEPTIONS = unrolling_iterable([
        (ZeroDivisionError, "ZeroDivisionError"),
        (OverflowError, "OverflowError"), (KeyError, "KeyError"),
        (IndexError, "IndexError"), (ValueError, "ValueError"),
        (AssertionError, "AssertionError"),
        (NotImplementedError, "NotImplementedError"),
        (OSError, "OSError"), (IOError, "IOError")])

    def describe_exception(e):
        """Which exception `e` is, for a bug report."""
        for cls, name in _KNOWN_EXCEPTIONS:
            if isinstance(e, cls):
                return name
        return "an RPython exception"

    # --- the sampling profiler (minilang --profile), RPython's rvmprof.
    # rvmprof keeps a stack of the code objects being run; a timer signal
    # copies it into the profile file, JIT-compiled code included (the JIT
    # records which code objects each piece of machine code comes from).
    ProfileError = rvmprof.VMProfError

    def register_code_class(cls, full_name):
        rvmprof.register_code_object_class(cls, full_name)

    def register_code(code, full_name):
        rvmprof.register_code(code, full_name)

    code_unique_id = rvmprof.get_unique_id

    def profiled(get_code):
        """Decorator for the function that runs one code object."""
        # Untranslated (the JIT tests run the interpreter on the llinterp),
        # rvmprof must update its stack through llhelper pointers, or the
        # llinterp and the meta-interpreter would not share it (the trace
        # tests fail with KeyError 'RPY_TLOFS_vmprof_tl_stack').  Translated,
        # the stack is a plain thread-local and the flag must be off.
        return rvmprof.vmprof_execute_code(
            "minilang", get_code,
            _hack_update_stack_untranslated=not translating[0])

    # Sampling runs with `code` (the script's) pushed on vmprof's stack
    # from before the first sample until after the last: a sample taken
    # with an empty stack makes rvmprof's signal handler print a warning.
    # (execute() is the one function rvmprof may decorate: the C code it
    # generates has a fixed name.)
    def start_profile(fd, interval, code):
        token = cintf.enter_code(code._vmprof_unique_id)
        try:
            rvmprof.enable(fd, interval)
        except rvmprof.VMProfError:
            cintf.leave_code(token)
            raise
        return token

    def stop_profile(token):
        try:
            rvmprof.disable()
        finally:
            cintf.leave_code(token)

    # A float's 64 bits as an integer and back (codeloader.py).
    def float_to_bits(x):
        return float2longlong(x)

    def bits_to_float(n):
        return longlong2float(r_int64(n))

else:
    import functools
    import resource
    import select
    import signal
    import threading
    import struct
    import time

    class JitDriver(object):
        """Stand-in for rpython.rlib.jit.JitDriver: checks names, does nothing."""

        def __init__(self, greens, reds, virtualizables=None,
                     get_printable_location=None, is_recursive=False,
                     name='jitdriver', **kwds):
            self.greens = greens
            self.reds = reds
            self._names = set(greens) | set(reds)
            for v in virtualizables or []:
                assert v in reds, "virtualizable %r must be a red" % (v,)
            self.get_printable_location = get_printable_location

        def _check(self, livevars):
            if set(livevars) != self._names:
                raise TypeError("JitDriver expects greens %r and reds %r, got %r"
                                % (self.greens, self.reds, sorted(livevars)))

        def jit_merge_point(self, **livevars):
            self._check(livevars)

        def can_enter_jit(self, **livevars):
            self._check(livevars)

    def promote(x):
        return x

    def hint(x, **kwds):
        return x

    def isvirtual(x):
        return False

    def _identity_decorator(func):
        return func

    elidable = unroll_safe = dont_look_inside = _identity_decorator

    def unrolling_iterable(items):
        """A loop over it is unrolled when translated; here, a tuple."""
        return tuple(items)

    def make_sure_not_resized(lst):
        return lst

    # "except StackOverflow" catches the host's recursion limit; the real
    # one catches RPython's out-of-C-stack error.
    StackOverflow = RecursionError

    def check_stack_overflow():
        pass

    def format_exponent(x, digits):
        return "%.*e" % (digits, x)

    def parse_number(s):
        return float(s)

    def processor_time():
        return time.process_time()

    # Lox source is bytes.  Under RPython a `str` is a byte string; here the
    # bytes are decoded as latin-1 so that every byte is one character and
    # encoding the output as latin-1 gives back exactly the same bytes.
    def read_file(path):
        with open(path, 'rb') as f:
            return f.read().decode('latin-1')

    def write_bytes(fd, s):
        data = s.encode('latin-1')
        while data:
            n = os.write(fd, data)
            data = data[n:]

    def read_chunk(fd):
        # The REPL runs in a thread (see __main__.py), and a signal cannot
        # interrupt a read there, so it waits in short steps and checks
        # for a Ctrl-C in between.
        while True:
            ready = select.select([fd], [], [], 0.05)[0]
            if _interrupt[0]:
                _interrupt[0] = False
                return None
            if ready:
                return os.read(fd, 4096).decode('latin-1')

    def float_to_bits(x):
        return struct.unpack("<q", struct.pack("<d", x))[0]

    def bits_to_float(n):
        return struct.unpack("<d", struct.pack("<q", n))[0]

    # Ctrl-C: Python's handler runs in the main thread and only sets a
    # flag, which the interpreter polls as the binary does.
    _interrupt = [False]

    def _on_sigint(signum, frame):
        _interrupt[0] = True

    def install_signal_handlers():
        """Install the SIGINT handler (if this is the main thread: main()
        runs in another, so __main__.py calls this too).  Returns what to
        give restore_signal_handlers."""
        if threading.current_thread() is not threading.main_thread():
            return None
        _interrupt[0] = False
        # Python already ignores SIGPIPE: a closed pipe is an EPIPE error.
        return signal.signal(signal.SIGINT, _on_sigint)

    def restore_signal_handlers(saved):
        if saved is not None:
            signal.signal(signal.SIGINT, saved)

    def interrupt_requested():
        if _interrupt[0]:
            _interrupt[0] = False
            return True
        return False

    def request_interrupt():
        _interrupt[0] = True

    # The heap limit: a limit on the data segment (RLIMIT_DATA: on Linux,
    # the private writable memory), set to what the process uses now plus
    # the heap allowed; CPython raises MemoryError when an allocation would
    # exceed it.  (Not RLIMIT_AS: malloc reserves address space for a
    # thread's arena long before it uses it.)
    _saved_rlimit = []

    def physical_memory():
        return os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES')

    def address_space_left():
        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
        if soft == resource.RLIM_INFINITY:
            return 0
        with open('/proc/self/statm') as f:
            used = int(f.read().split()[0]) * os.sysconf('SC_PAGE_SIZE')
        return max(soft - used, 1)

    def _data_used():
        with open('/proc/self/statm') as f:
            return int(f.read().split()[5]) * os.sysconf('SC_PAGE_SIZE')

    GC_READS_PYPY_GC_MAX = False

    def set_heap_limit(nbytes):
        lift_heap_limit()
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        limit = _data_used() + nbytes
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        _saved_rlimit.append((soft, hard))
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
        # Memory to give back for reporting the error if another limit
        # (`ulimit -v`) is reached first.
        _reserve.append(bytearray(1 << 20))

    _reserve = []

    def lift_heap_limit():
        """Back to the limit before set_heap_limit (so reporting the error,
        and the tests running in this process, have room again)."""
        del _reserve[:]
        while _saved_rlimit:
            resource.setrlimit(resource.RLIMIT_DATA, _saved_rlimit.pop())

    def describe_exception(e):
        import traceback
        where = traceback.extract_tb(e.__traceback__)
        text = type(e).__name__
        if str(e):
            text += " (%s)" % e
        if where:
            last = where[-1]
            text += " at %s:%d in %s()" % (os.path.basename(last.filename),
                                           last.lineno, last.name)
        return text

    # --- the sampling profiler, in pure Python.  It writes the same file
    # format as rvmprof in the binary (so one reader serves both): a header,
    # one record naming each code object, and one record per sample with
    # the stack of code objects being run, innermost first.  rvmprof samples
    # on a CPU-time timer signal; here a thread wakes up every `interval`
    # seconds of real time and copies the stack (a signal handler could
    # only run in the main thread, and __main__.py runs the program in
    # another one, for its bigger stack).
    import struct
    import threading
    import weakref

    class ProfileError(Exception):
        def __init__(self, msg):
            self.msg = msg

    _CODE_TAG = 1           # rvmprof's VMPROF_CODE_TAG

    class _Profiler(object):
        def __init__(self):
            self.stack = []             # unique ids, outermost first
            self.next_id = 4            # ids are multiples of 4, as in rvmprof
            self.unwritten = []         # (weakref to code, full_name)
            self.fd = -1
            self.records = []
            self.stopping = None
            self.sampler = None

        def word(self, n):
            return struct.pack("l", n)

        def name_record(self, uid, name):
            data = name.encode("latin-1")
            return b"\x02" + self.word(uid) + self.word(len(data)) + data

        def time_record(self, marker):
            now = time.time()
            return (marker + struct.pack("qq", int(now), int(now % 1 * 1e6))
                    + b"\0" * 8)

        def sample_every(self, interval):
            while not self.stopping.wait(interval):
                stack = list(self.stack)
                if stack:
                    self.sample(stack)
                else:
                    # What rvmprof's signal handler does when no Code is
                    # being run (start_profile avoids it); through streams,
                    # which the tests capture.
                    from minilang import streams
                    streams.write_bytes(
                        2, "WARNING: get_stack_trace, frame is NULL\n")

        def sample(self, stack):
            words = []
            for uid in reversed(stack):
                words += [_CODE_TAG, uid]
            self.records.append(b"\x01" + self.word(1) +
                                self.word(len(words)) +
                                b"".join([self.word(w) for w in words]) +
                                self.word(0))

    _profiler = _Profiler()

    def register_code_class(cls, full_name):
        cls._vmprof_unique_id = 0

    def register_code(code, full_name):
        if code._vmprof_unique_id != 0:
            return
        _profiler.next_id += 4
        code._vmprof_unique_id = _profiler.next_id
        if _profiler.fd >= 0:
            _profiler.records.append(
                _profiler.name_record(code._vmprof_unique_id, full_name(code)))
        else:
            _profiler.unwritten.append((weakref.ref(code), full_name))

    def code_unique_id(code):
        return code._vmprof_unique_id

    def profiled(get_code):
        def decorate(func):
            @functools.wraps(func)
            def run_profiled(*args):
                _profiler.stack.append(get_code(*args)._vmprof_unique_id)
                try:
                    return func(*args)
                finally:
                    _profiler.stack.pop()
            return run_profiled
        return decorate

    def start_profile(fd, interval, code):
        p = _profiler
        if p.fd >= 0:
            raise ProfileError("the profiler is already running")
        p.stack.append(code._vmprof_unique_id)
        name = b"minilang"
        # rvmprof's header: 5 words (0, 3, 0, interval in us, 0), then the
        # header marker, version 6 (big-endian short), flags (8: "RPython
        # profile"), the interpreter's name; then the start time.
        p.records = [struct.pack("5l", 0, 3, 0, int(interval * 1e6), 0) +
                     b"\x05\x00\x06\x08" + bytes([len(name)]) + name,
                     p.time_record(b"\x06")]
        for ref, full_name in p.unwritten:
            code = ref()
            if code is not None:
                p.records.append(p.name_record(code._vmprof_unique_id,
                                               full_name(code)))
        p.unwritten = []
        p.fd = fd
        p.stopping = threading.Event()
        p.sampler = threading.Thread(target=p.sample_every, args=(interval,),
                                     daemon=True)
        p.sampler.start()

    def stop_profile(token):
        p = _profiler
        if p.fd < 0:
            raise ProfileError("the profiler is not running")
        p.stopping.set()
        p.sampler.join()
        p.stack.pop()
        p.records.append(p.time_record(b"\x03"))
        data = b"".join(p.records)
        p.records = []
        fd = p.fd
        p.fd = -1
        while data:
            data = data[os.write(fd, data):]

