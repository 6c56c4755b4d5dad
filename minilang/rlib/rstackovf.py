"""rpython.rlib.rstackovf: running out of stack.

`except StackOverflow` catches RPython's out-of-C-stack error when
translated, and the host's recursion limit (RecursionError) on CPython 3.
"""

from minilang.rlib import host

if host.HAVE_RPYTHON:
    from rpython.rlib.rstackovf import StackOverflow, check_stack_overflow

else:
    StackOverflow = RecursionError

    def check_stack_overflow():
        pass
