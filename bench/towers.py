# Port of towers.lox: the Towers of Hanoi with the pegs as linked
# stacks of disc objects.
from loxprint import show


class Disc:
    def __init__(self, size, next):
        self.size = size
        self.next = next


class Peg:
    def __init__(self):
        self.top = None

    def push(self, disc):
        ok = self.top is None or self.top.size > disc.size
        disc.next = self.top
        self.top = disc
        return ok

    def pop(self):
        disc = self.top
        self.top = disc.next
        return disc


class Towers:
    def __init__(self, discs):
        self.a = Peg()
        self.b = Peg()
        self.c = Peg()
        size = discs
        while size > 0:
            self.a.push(Disc(size, None))
            size = size - 1
        self.moves = 0
        self.illegal = 0
        self.checksum = 0

    def move(self, frm, to):
        disc = frm.pop()
        if not to.push(disc):
            self.illegal = self.illegal + 1
        self.moves = self.moves + 1
        self.checksum = self.checksum * 3 + disc.size
        while self.checksum >= 999983:
            self.checksum = self.checksum - 999983

    def solve(self, n, frm, to, via):
        if n == 1:
            self.move(frm, to)
            return
        self.solve(n - 1, frm, via, to)
        self.move(frm, to)
        self.solve(n - 1, via, to, frm)


checksum = 0
illegal = 0
moves = 0
for round in range(30):
    towers = Towers(18)
    towers.solve(18, towers.a, towers.c, towers.b)
    moves = towers.moves
    illegal = illegal + towers.illegal
    checksum = checksum + towers.checksum
    if checksum >= 999983:
        checksum = checksum - 999983
show(moves)
show(illegal)
show(checksum)
