"""The RPython translation target: `rpython --opt=jit targets/targetminilang.py`.

RPython imports this file under Python 2.7, calls `target()` to learn the
entry point, analyses every function reachable from it and writes a C
program (and, with --opt=jit, a tracing JIT generated from the interpreter
loop in minilang/interpreter.py).  The same entry point, `main`, serves
`python -m minilang` on CPython 3.
"""

import os
import sys

# minilang/ is the directory above this one.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                os.pardir))

# Tell minilang/rlib/ that this is a translation, before the interpreter
# is imported (its profiler decorator is made differently untranslated).
from minilang.rlib import host  # noqa: E402
host.translating[0] = True

#> step 9
from minilang import techniques  # noqa: E402
from minilang.interpreter import jitdriver  # noqa: E402
#< step 9
from minilang.commandline import main  # noqa: E402

from rpython.rlib import jit  # noqa: E402

from rpython.rlib import rstack  # noqa: E402
from rpython.rtyper.lltypesystem import lltype, rffi  # noqa: E402
from rpython.translator.tool.cbuild import ExternalCompilationInfo  # noqa

# RPython stops a recursion with a StackOverflow error at 2.8 MB of C stack
# (MAX_STACK_SIZE), far less than Linux gives a process (8 MB by default).
# Deep Lox recursion and deeply nested programs need more, so the binary
# asks the OS for its stack limit (getrlimit, a few lines of C) and lets
# RPython use three quarters of it.
#
# The GC's nursery (where new objects are allocated, outside the heap
# limit of --max-heap) is by default half of what /proc/cpuinfo calls the
# cache size: on virtual machines that report a huge cache, hundreds of MB,
# which one minor collection may copy into the heap at once (overshooting
# the heap limit and `ulimit -v`), and which is slower than a small one.
# Unless PYPY_GC_NURSERY is set, a constructor (run before RPython's GC is
# set up) sets it to NURSERY.
NURSERY = "4MB"
_stack_eci = ExternalCompilationInfo(
    post_include_bits=["long minilang_stack_limit(void);"],
    separate_module_sources=["""
#include <stdlib.h>
#include <sys/resource.h>
__attribute__((constructor)) static void minilang_default_nursery(void) {
    setenv("PYPY_GC_NURSERY", "%s", 0);
}
long minilang_stack_limit(void) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_STACK, &limit) != 0)
        return 0;
    if (limit.rlim_cur == RLIM_INFINITY)
        return 64L << 20;
    return (long)limit.rlim_cur;
}
""" % NURSERY])
stack_limit = rffi.llexternal("minilang_stack_limit", [], lltype.Signed,
                              compilation_info=_stack_eci)
RPYTHON_STACK_SIZE = 11 << 18


def entry_point(argv):
    limit = stack_limit()
    if limit > 0:
        rstack._stack_set_length_fraction(limit * 0.75 / RPYTHON_STACK_SIZE)
    #> step 9
    if not techniques.INLINING:
        # Without the technique `inlining` (see call_closure in
        # interpreter.py) the tracer does not follow calls into callees.
        jit.set_param(jitdriver, "inlining", 0)
    #< step 9
    return main(argv)


def target(driver, args):
    #> step 9
    if techniques.ERROR:
        # MINILANG_WITHOUT names no technique: stop before translating.
        raise SystemExit("targetminilang: " + techniques.ERROR)
    #< step 9
    if driver.config.translation.jit:
        driver.exe_name = 'minilang-jit'
    else:
        driver.exe_name = 'minilang-nojit'
    return entry_point, None


def jitpolicy(driver):
    from rpython.jit.codewriter.policy import JitPolicy
    return JitPolicy()
