"""A sampling profiler: RPython's rvmprof, or a pure-Python one that writes
the same file format.

A program registers the class of its code objects and each code object (a
unique id and a name), and decorates the function that runs one code object
with `profiled`: the profiler keeps a stack of the code objects being run.
Between `start_profile` and `stop_profile`, samples of that stack go to a
file: a header, one record naming each code object, and one record per
sample with the stack of code objects, innermost first.

In the binary a timer signal copies the stack, JIT-compiled code included
(the JIT records which code objects each piece of machine code comes from).
On CPython 3 a thread wakes up every `interval` seconds of real time and
copies the stack (a signal handler could only run in the main thread, and
the program may run in another one).
"""

import os as _os

from minilang.rlib import host

if host.HAVE_RPYTHON:
    from rpython.rlib import rvmprof as _rvmprof
    from rpython.rlib.rvmprof import cintf as _cintf

    ProfileError = _rvmprof.VMProfError

    def register_code_class(cls, full_name):
        """Instances of cls are code objects; full_name(code) names one."""
        _rvmprof.register_code_object_class(cls, full_name)

    def register_code(code, full_name):
        """Give `code` its unique id (once)."""
        _rvmprof.register_code(code, full_name)

    def code_unique_id(code):
        return _rvmprof.get_unique_id(code)

    def profiled(name, get_code):
        """Decorator for the function that runs one code object,
        get_code(*args); `name` is unique among such functions."""
        # Untranslated (the JIT tests run the interpreter on the llinterp),
        # rvmprof must update its stack through llhelper pointers, or the
        # llinterp and the meta-interpreter would not share it (the trace
        # tests fail with KeyError 'RPY_TLOFS_vmprof_tl_stack').  Translated,
        # the stack is a plain thread-local and the flag must be off.
        return _rvmprof.vmprof_execute_code(
            name, get_code,
            _hack_update_stack_untranslated=not host.translating[0])

    # Sampling runs with `code` (the script's) pushed on vmprof's stack
    # from before the first sample until after the last: a sample taken
    # with an empty stack makes rvmprof's signal handler print a warning.
    # (The function `profiled` decorates is the one rvmprof may decorate:
    # the C code it generates has a fixed name.)
    def start_profile(fd, interval, code):
        """Sample every `interval` seconds into fd; returns what to give
        stop_profile."""
        token = _cintf.enter_code(code._vmprof_unique_id)
        try:
            _rvmprof.enable(fd, interval)
        except _rvmprof.VMProfError:
            _cintf.leave_code(token)
            raise
        return token

    def stop_profile(token):
        """Stop sampling and finish the file."""
        try:
            _rvmprof.disable()
        finally:
            _cintf.leave_code(token)

else:
    import functools as _functools
    import struct as _struct
    import threading as _threading
    import time as _time
    import weakref as _weakref

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
            return _struct.pack("l", n)

        def name_record(self, uid, name):
            data = name.encode("latin-1")
            return b"\x02" + self.word(uid) + self.word(len(data)) + data

        def time_record(self, marker):
            now = _time.time()
            return (marker + _struct.pack("qq", int(now), int(now % 1 * 1e6))
                    + b"\0" * 8)

        def sample_every(self, interval):
            while not self.stopping.wait(interval):
                stack = list(self.stack)
                if stack:
                    self.sample(stack)
                else:
                    # What rvmprof's signal handler writes when no code
                    # object is being run (start_profile avoids it).
                    _os.write(2, b"WARNING: get_stack_trace, frame is NULL\n")

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
        """Instances of cls are code objects; full_name(code) names one."""
        cls._vmprof_unique_id = 0

    def register_code(code, full_name):
        """Give `code` its unique id (once)."""
        if code._vmprof_unique_id != 0:
            return
        _profiler.next_id += 4
        code._vmprof_unique_id = _profiler.next_id
        if _profiler.fd >= 0:
            _profiler.records.append(
                _profiler.name_record(code._vmprof_unique_id, full_name(code)))
        else:
            _profiler.unwritten.append((_weakref.ref(code), full_name))

    def code_unique_id(code):
        return code._vmprof_unique_id

    def profiled(name, get_code):
        """Decorator for the function that runs one code object,
        get_code(*args); `name` is unique among such functions."""
        def decorate(func):
            @_functools.wraps(func)
            def run_profiled(*args):
                _profiler.stack.append(get_code(*args)._vmprof_unique_id)
                try:
                    return func(*args)
                finally:
                    _profiler.stack.pop()
            return run_profiled
        return decorate

    def start_profile(fd, interval, code):
        """Sample every `interval` seconds into fd; returns what to give
        stop_profile."""
        p = _profiler
        if p.fd >= 0:
            raise ProfileError("the profiler is already running")
        p.stack.append(code._vmprof_unique_id)
        # rvmprof's header: 5 words (0, 3, 0, interval in us, 0), then the
        # header marker, version 6 (big-endian short), flags (8: "RPython
        # profile"), the interpreter's name (rvmprof writes "pypy"); then
        # the start time.
        p.records = [_struct.pack("5l", 0, 3, 0, int(interval * 1e6), 0) +
                     b"\x05\x00\x06\x08\x04pypy",
                     p.time_record(b"\x06")]
        for ref, full_name in p.unwritten:
            code = ref()
            if code is not None:
                p.records.append(p.name_record(code._vmprof_unique_id,
                                               full_name(code)))
        p.unwritten = []
        p.fd = fd
        p.stopping = _threading.Event()
        p.sampler = _threading.Thread(target=p.sample_every, args=(interval,),
                                      daemon=True)
        p.sampler.start()
        return None

    def stop_profile(token):
        """Stop sampling and finish the file."""
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
            data = data[_os.write(fd, data):]
