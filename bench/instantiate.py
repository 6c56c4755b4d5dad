# Port of instantiate.lox: a ring of 1,000 slots whose particles are replaced
# by moved copies (a new Particle and a new position Vec each step, stored
# back into the slot), and a Box without an initializer stored beside each.
from loxprint import show


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def plus(self, other):
        return Vec(self.x + other.x, self.y + other.y)


class Particle:
    def __init__(self, position, velocity, age):
        self.position = position
        self.velocity = velocity
        self.age = age

    def moved(self):
        return Particle(self.position.plus(self.velocity), self.velocity, self.age + 1)


class Box:
    pass


class Slot:
    def __init__(self, particle, next):
        self.particle = particle
        self.box = None
        self.next = next


def ring(size):
    last = Slot(Particle(Vec(0, 0), Vec(1, 3), 0), None)
    first = last
    for k in range(1, size):
        first = Slot(Particle(Vec(k, 0), Vec(1, 3), 0), first)
    last.next = first
    return first


def run(n):
    m = 999983
    first = ring(1000)
    slot = first
    checksum = 0
    for i in range(n):
        p = slot.particle.moved()
        if p.age == 1024:
            p = Particle(Vec(0, 0), Vec(p.velocity.y, p.velocity.x), 0)
        slot.particle = p
        box = Box()
        box.value = p.position.x + p.position.y
        slot.box = box
        checksum = checksum + box.value
        if checksum >= m:
            checksum = checksum - m
        slot = slot.next
    ages = 0
    slot = first
    for k in range(1000):
        ages = ages + slot.particle.age
        slot = slot.next
    show(first.particle.position.x)
    show(first.particle.position.y)
    show(first.particle.age)
    show(ages)
    show(checksum)


run(6000000)
