"""float() of a string inside an RPython function: "inf" is no number."""

INFINITY = float("inf")     # at import: plain Python computes it


def f(n):
    limit = float("inf")    # in the function: RPython's float(str)
    return n < limit


def fixed(n):
    return n < INFINITY     # a prebuilt constant of the translated program


ARGS = [1]
