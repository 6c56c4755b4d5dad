"""How big the heap may grow: `minilang --max-heap SIZE`, PYPY_GC_MAX, or
a default that stops a runaway program well before it exhausts the machine.

Without --max-heap (and without PYPY_GC_MAX in the environment) the heap
may grow to half the machine's memory, or to a third of what `ulimit -v`
leaves if that is lower: a runaway program then ends with "Out of
memory." long before it exhausts the machine, or before malloc fails
outside the GC's control (which would abort the binary).  A third, not
a half: the GC notices the limit only at a collection, and the JIT's own
memory (machine code, its tables) also comes out of the address space;
measured on the JIT binary under `ulimit -v 300M` the heap could reach
120MB, not 130MB, before mmap failed.
"""

import os

from minilang.rlib.memory import (physical_memory, address_space_left,
                                  set_heap_limit, GC_READS_PYPY_GC_MAX)


def default_heap_limit():
    limit = physical_memory() // 2
    address_space = address_space_left()
    if address_space > 0 and address_space // 3 < limit:
        limit = address_space // 3
    return limit


def limit_heap(option):
    """Set the heap limit: `option` bytes (--max-heap) if it is positive,
    else PYPY_GC_MAX's, else the default."""
    if option > 0:
        set_heap_limit(option)
        return
    from_environment = os.environ.get("PYPY_GC_MAX")
    if from_environment:
        if GC_READS_PYPY_GC_MAX:
            return          # the binary's GC has read it already
        limit = parse_size(from_environment)
        if limit > 0:
            set_heap_limit(limit)
            return
    set_heap_limit(default_heap_limit())


UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20,
         "mb": 1 << 20, "g": 1 << 30, "gb": 1 << 30}


def parse_size(text):
    """Bytes in "64MB", "1.5GB", "4096" (units KB/MB/GB, powers of 1024,
    case and B optional, as PYPY_GC_MAX); -1 if it is not a size."""
    end = 0
    while end < len(text) and (text[end].isdigit() or text[end] == "."):
        end += 1
    number = text[:end]
    unit = text[end:].lower()
    if number == "" or number == "." or number.count(".") > 1 or \
            unit not in UNITS:
        return -1
    value = float(number) * UNITS[unit]
    if value >= 1e18:
        return -1
    return int(value)
