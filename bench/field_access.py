# Port of bench/field_access.lox: rotate the four fields of a Vector and
# accumulate a checksum in the fields of a second object.
from loxprint import show


class Vector:
    def __init__(self, a, b, c, d):
        self.a = a
        self.b = b
        self.c = c
        self.d = d


class Totals:
    def __init__(self):
        self.sum = 0
        self.steps = 0


def run(n):
    m = 999983
    v = Vector(1, 2, 3, 4)
    totals = Totals()
    for i in range(n):
        t = v.a
        v.a = v.b
        v.b = v.c
        v.c = v.d
        v.d = t + v.b
        if v.d >= m:
            v.d = v.d - m
        totals.sum = totals.sum + v.d
        if totals.sum >= m:
            totals.sum = totals.sum - m
        totals.steps = totals.steps + 1
        if totals.steps == m:
            totals.steps = 0
    show(v.a)
    show(v.b)
    show(v.c)
    show(v.d)
    show(totals.sum)
    show(totals.steps)


run(100000000)
