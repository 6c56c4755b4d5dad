"""A JitDriver given a variable at its merge point that it does not list."""
from rpython.rlib.jit import JitDriver

driver = JitDriver(greens=[], reds=['i'])


def f(n):
    i = 0
    total = 0
    while i < n:
        driver.jit_merge_point(i=i, total=total)
        total += i
        i += 1
    return total


ARGS = [10]
