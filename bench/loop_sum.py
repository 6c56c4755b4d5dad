# Port of loop_sum.lox: a tight numeric loop, the sum of j*j modulo
# a prime with j = i mod 1000, both reductions by compare-and-subtract.
from loxprint import show


def sumSquares(n):
    m = 999983
    acc = 0
    j = 0
    for i in range(n):
        acc = acc + j * j
        if acc >= m:
            acc = acc - m
        j = j + 1
        if j == 1000:
            j = 0
    return acc


show(sumSquares(30000000))
