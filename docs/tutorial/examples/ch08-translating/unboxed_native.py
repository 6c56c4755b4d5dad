"""A native function that returns a float where minilang expects a Lox
value (a W_Root): plain Python runs it, RPython does not (chapter 8)."""
from minilang.functions import W_Native
from minilang.values import W_Number


def clock(args):
    return 1.5                     # should be W_Number(1.5)


def answer(args):
    return W_Number(42.0)


NATIVES = [W_Native(0, clock), W_Native(0, answer)]


def f(n):
    native = NATIVES[n]
    result = native.function([])
    return native.arity


ARGS = [0]
