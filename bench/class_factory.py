# Port of bench/class_factory.lox: makeCounter declares its class anew at
# every call, and the loop ticks the one instance it returns.
from loxprint import show


def makeCounter(start):
    class Counter:
        def __init__(self, n):
            self.n = n

        def tick(self):
            self.n = self.n + 1
            return self.n

    return Counter(start)


total = 0
for i in range(3000):
    counter = makeCounter(i)
    for j in range(100):
        total = total + counter.tick()
show(total)
