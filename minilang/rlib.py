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

import os

# Set by targets/targetminilang.py before it imports the interpreter: the
# code is about to be translated (not run untranslated on the llinterp).
translating = [False]

try:
    from rpython.rlib.jit import (JitDriver, promote, elidable, unroll_safe,
                                  hint)
    from rpython.rlib.objectmodel import we_are_translated
    from rpython.rlib.debug import make_sure_not_resized
    from rpython.rlib.rfloat import formatd
    from rpython.rlib.rstackovf import StackOverflow, check_stack_overflow
    from rpython.rlib import rtime
    from rpython.rlib.jit import dont_look_inside
    from rpython.rlib import rvmprof
    HAVE_RPYTHON = True
except ImportError:
    HAVE_RPYTHON = False


if HAVE_RPYTHON:

    # Never hot (print_value in interpreter.py calls it, out of the JIT's
    # reach already): the JIT should not even look at formatd's code.
    @dont_look_inside
    def format_number(x):
        """C's printf("%g", x): what Lox's `print` shows for a number."""
        return formatd(x, 'g', 6)

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
            n = os.write(fd, s)
            s = s[n:]

    def read_chunk(fd):
        return os.read(fd, 4096)

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

    def start_profile(fd, interval):
        rvmprof.enable(fd, interval)

    def stop_profile():
        rvmprof.disable()

else:
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

    def _identity_decorator(func):
        return func

    elidable = unroll_safe = dont_look_inside = _identity_decorator

    def make_sure_not_resized(lst):
        return lst

    def we_are_translated():
        return False

    # "except StackOverflow" catches the host's recursion limit; the real
    # one catches RPython's out-of-C-stack error.
    StackOverflow = RecursionError

    def check_stack_overflow():
        pass

    def format_number(x):
        return "%g" % x

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
        return os.read(fd, 4096).decode('latin-1')

    # --- the sampling profiler, in pure Python.  It writes the same file
    # format as rvmprof in the binary (so one reader serves both): a header,
    # one record naming each code object, and one record per sample with
    # the stack of code objects being run, innermost first.  rvmprof samples
    # on a CPU-time timer signal; here a thread wakes up every `interval`
    # seconds of real time and copies the stack (a signal handler could
    # only run in the main thread, and __main__.py runs the program in
    # another one, for its bigger stack).
    import functools
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

    def start_profile(fd, interval):
        p = _profiler
        if p.fd >= 0:
            raise ProfileError("the profiler is already running")
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

    def stop_profile():
        p = _profiler
        if p.fd < 0:
            raise ProfileError("the profiler is not running")
        p.stopping.set()
        p.sampler.join()
        p.records.append(p.time_record(b"\x03"))
        data = b"".join(p.records)
        p.records = []
        fd = p.fd
        p.fd = -1
        while data:
            data = data[os.write(fd, data):]
