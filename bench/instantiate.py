# Port of instantiate.lox: a Particle that moves by making a new Particle and
# a new position Vec every step, and a Box without an initializer filled
# from outside; the particle restarts every 1024 steps.
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


def run(n):
    m = 999983
    p = Particle(Vec(0, 0), Vec(1, 3), 0)
    checksum = 0
    for i in range(n):
        p = p.moved()
        if p.age == 1024:
            p = Particle(Vec(0, 0), Vec(p.velocity.y, p.velocity.x), 0)
        box = Box()
        box.value = p.position.x + p.position.y
        checksum = checksum + box.value
        if checksum >= m:
            checksum = checksum - m
    show(p.position.x)
    show(p.position.y)
    show(p.age)
    show(checksum)


run(25000000)
