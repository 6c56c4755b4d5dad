# Port of bench/loop.lox: count a block-local variable to 100,000,000. The
# Lox block's local becomes a function local here, as in the Lox program
# it lives in a stack slot rather than in the globals.
from loxprint import show


def main():
    i = 0
    while i < 100000000:
        i = i + 1
    show(i)


main()
