# Port of mandelbrot.lox: escape-time iteration over a size x size
# grid; prints the points that never escape and the iteration total modulo a
# prime.
from loxprint import show


def mandelbrot(size, maxIter):
    m = 999983
    inside = 0
    total = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr = 0.0
            zi = 0.0
            zr2 = 0.0
            zi2 = 0.0
            i = 0
            while i < maxIter and zr2 + zi2 <= 4.0:
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                zr2 = zr * zr
                zi2 = zi * zi
                i = i + 1
            if i == maxIter:
                inside = inside + 1
            total = total + i
            if total >= m:
                total = total - m
    show(inside)
    show(total)


mandelbrot(600, 100)
