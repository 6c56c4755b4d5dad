# Port of bench/closure_factory.lox: makeCounter returns a new closure over a
# fresh variable at every call, and the loop calls each one 100 times.
from loxprint import show


def makeCounter(start):
    count = start

    def tick():
        nonlocal count
        count = count + 1
        return count

    return tick


def run(n):
    total = 0
    last = 0
    for i in range(n):
        tick = makeCounter(i)
        for j in range(100):
            total = total + tick()
            if total >= 999983:
                total = total - 999983
        last = tick()
    show(total)
    show(last)


run(300000)
