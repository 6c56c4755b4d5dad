# Port of bench/closure_counter.lox: two counter closures from one factory
# and a third closure over a local of run(), called in a loop.
from loxprint import show


def makeCounter(step):
    count = 0

    def next():
        nonlocal count
        count = count + step
        if count >= 999983:
            count = count - 999983
        return count

    return next


def run(n):
    ones = makeCounter(1)
    sevens = makeCounter(7)
    total = 0

    def add(x):
        nonlocal total
        total = total + x
        if total >= 999983:
            total = total - 999983

    for i in range(n):
        add(ones())
        add(sevens())
    show(ones())
    show(sevens())
    show(total)


run(30000000)
