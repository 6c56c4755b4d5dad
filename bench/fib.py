# Port of bench/fib.lox: naive recursive Fibonacci.
from loxprint import show


def fib(n):
    if n < 2:
        return n
    return fib(n - 2) + fib(n - 1)


show(fib(36))
