"""Native functions: Lox-callable functions written in RPython.

Each native takes the list of its arguments (already checked against its
arity by the interpreter) and returns a Lox value.  `define_builtins`
puts them into a program's globals before it runs.
"""

from minilang.functions import W_Native
from minilang.values import W_Number
from minilang.rlib.rtime import processor_time


def clock(args):
    """clock(): processor time used so far, in seconds."""
    return W_Number(processor_time())


BUILTINS = [("clock", 0, clock)]


def define_builtins(globals):
    for name, arity, function in BUILTINS:
        globals.define(name, W_Native(arity, function))
