"""The machine's memory, and a limit on the heap.

`set_heap_limit(n)` limits the heap to about n bytes (on CPython 3: n bytes
more than the process uses now); beyond that an allocation raises
MemoryError.  `lift_heap_limit()` undoes it, so that
reporting the error (and whatever runs next in the process) has room again.
"""

from minilang.rlib import host

if host.HAVE_RPYTHON:
    from rpython.rlib import rgc as _rgc
    from rpython.rlib.jit import dont_look_inside as _dont_look_inside
    from rpython.rtyper.lltypesystem import lltype as _lltype, rffi as _rffi
    from rpython.translator.tool.cbuild import (
        ExternalCompilationInfo as _ExternalCompilationInfo)

    _limits_eci = _ExternalCompilationInfo(
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
    _address_space_left = _rffi.llexternal(
        "minilang_address_space_left", [], _lltype.Signed,
        compilation_info=_limits_eci)

    _physical_memory = _rffi.llexternal(
        "minilang_physical_memory", [], _lltype.Signed,
        compilation_info=_limits_eci)

    def physical_memory():
        """The machine's memory, in bytes."""
        return _physical_memory()

    def address_space_left():
        """What `ulimit -v` leaves of the address space, in bytes, or 0 if
        it is unlimited."""
        return _address_space_left()

    # RPython's GC (incminimark) collects more often as the heap nears its
    # maximum (rgc.set_max_heap_size, or the environment variable
    # PYPY_GC_MAX, read when the binary starts), then raises MemoryError
    # once; a second overflow aborts the process.  A maximum of 0 is no
    # maximum.
    GC_READS_PYPY_GC_MAX = True

    _limited = [False]

    def set_heap_limit(nbytes):
        """The heap may hold nbytes (RPython's GC counts the whole heap)."""
        _rgc.set_max_heap_size(nbytes)
        _limited[0] = True

    # (Out of the JIT's sight: its code writer has no operation for
    # set_max_heap_size, and an interpreter may call this on its error path.)
    @_dont_look_inside
    def lift_heap_limit():
        """No heap limit any more, if set_heap_limit set one (a limit the
        GC read from PYPY_GC_MAX at start, not replaced by set_heap_limit,
        stays)."""
        if _limited[0]:
            _limited[0] = False
            _rgc.set_max_heap_size(0)

else:
    import os as _os
    import resource as _resource

    def physical_memory():
        """The machine's memory, in bytes."""
        return _os.sysconf('SC_PAGE_SIZE') * _os.sysconf('SC_PHYS_PAGES')

    def address_space_left():
        """What `ulimit -v` leaves of the address space, in bytes, or 0 if
        it is unlimited."""
        soft = _resource.getrlimit(_resource.RLIMIT_AS)[0]
        if soft == _resource.RLIM_INFINITY:
            return 0
        with open('/proc/self/statm') as f:
            used = int(f.read().split()[0]) * _os.sysconf('SC_PAGE_SIZE')
        return max(soft - used, 1)

    # The heap limit: a limit on the data segment (RLIMIT_DATA: on Linux,
    # the private writable memory), set to what the process uses now plus
    # the heap allowed; CPython raises MemoryError when an allocation would
    # exceed it.  (Not RLIMIT_AS: malloc reserves address space for a
    # thread's arena long before it uses it.)  CPython does not read
    # PYPY_GC_MAX.
    GC_READS_PYPY_GC_MAX = False

    _saved_rlimit = []
    # Memory to give back for reporting the error if another limit
    # (`ulimit -v`) is reached first.
    _reserve = []

    def _data_used():
        with open('/proc/self/statm') as f:
            return int(f.read().split()[5]) * _os.sysconf('SC_PAGE_SIZE')

    def set_heap_limit(nbytes):
        """The process may use nbytes more than it does now."""
        lift_heap_limit()
        soft, hard = _resource.getrlimit(_resource.RLIMIT_DATA)
        limit = _data_used() + nbytes
        if hard != _resource.RLIM_INFINITY:
            limit = min(limit, hard)
        _saved_rlimit.append((soft, hard))
        _resource.setrlimit(_resource.RLIMIT_DATA, (limit, hard))
        _reserve.append(bytearray(1 << 20))

    def lift_heap_limit():
        """Back to the limit from before set_heap_limit."""
        del _reserve[:]
        while _saved_rlimit:
            _resource.setrlimit(_resource.RLIMIT_DATA, _saved_rlimit.pop())
