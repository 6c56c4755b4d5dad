"""Keyword arguments built at run time and passed with **."""


def g(a=0, b=0):
    return a + b


def f(n):
    options = {"a": n}
    return g(**options)


ARGS = [1]
