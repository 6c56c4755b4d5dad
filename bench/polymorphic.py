# Port of polymorphic.lox: a ring of eight shapes of five classes; area(),
# weighted() (defined once in Shape, calling area() and sides()) and grow()
# are called at call sites that see every class.
from loxprint import show


class Shape:
    def __init__(self, next):
        self.next = next

    def weighted(self):
        return self.area() * self.sides()


class Circle(Shape):
    def __init__(self, r, next):
        super().__init__(next)
        self.r = r

    def area(self):
        return 3 * self.r * self.r

    def sides(self):
        return 1

    def grow(self):
        self.r = self.r + 1
        if self.r > 9:
            self.r = 1


class Rect(Shape):
    def __init__(self, w, h, next):
        super().__init__(next)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def sides(self):
        return 4

    def grow(self):
        self.w = self.w + 1
        if self.w > 9:
            self.w = 1
            self.h = self.h + 1
            if self.h > 9:
                self.h = 1


class Square(Rect):
    def __init__(self, s, next):
        super().__init__(s, s, next)

    def grow(self):
        super().grow()
        self.h = self.w


class Triangle(Shape):
    def __init__(self, b, h, next):
        super().__init__(next)
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h / 2

    def sides(self):
        return 3

    def grow(self):
        self.h = self.h + 2
        if self.h > 18:
            self.h = 2


class Hexagon(Shape):
    def __init__(self, s, next):
        super().__init__(next)
        self.s = s

    def area(self):
        return 6 * self.s * self.s

    def sides(self):
        return 6

    def grow(self):
        self.s = self.s + 1
        if self.s > 5:
            self.s = 1


def run(n):
    m = 999983
    first = Circle(1, None)
    shape = Hexagon(2, first)
    shape = Triangle(3, 4, shape)
    shape = Square(2, shape)
    shape = Rect(2, 3, shape)
    shape = Circle(5, shape)
    shape = Triangle(5, 2, shape)
    shape = Square(7, shape)
    first.next = shape

    areas = 0
    weighted = 0
    for i in range(n):
        areas = areas + shape.area()
        if areas >= m:
            areas = areas - m
        weighted = weighted + shape.weighted()
        if weighted >= m:
            weighted = weighted - m
        shape.grow()
        shape = shape.next
    show(areas)
    show(weighted)
    for j in range(8):
        show(shape.area())
        shape = shape.next


run(10000000)
