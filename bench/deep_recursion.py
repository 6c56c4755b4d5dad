# Port of deep_recursion.lox: Ackermann's function A(3, 7), and recursive
# walks down a 3,000-node spine. Python's default limit of 1,000 nested calls
# is raised so that the same recursion runs.
import sys

from loxprint import show

sys.setrecursionlimit(10000)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


class Tree:
    def __init__(self, value, left, right):
        self.value = value
        self.left = left
        self.right = right

    def sum(self):
        total = self.value
        if self.left is not None:
            total = total + self.left.sum()
        if self.right is not None:
            total = total + self.right.sum()
        return total

    def size(self):
        count = 1
        if self.left is not None:
            count = count + self.left.size()
        if self.right is not None:
            count = count + self.right.size()
        return count


def spine(depth):
    tree = None
    for i in range(depth):
        tree = Tree(i, tree, Tree(1, None, None))
    return tree


def run(rounds, walks):
    a = 0
    good = 0
    for r in range(rounds):
        a = ack(3, 7)
        if a == 1021:
            good = good + 1
    tree = spine(3000)
    sum = 0
    for w in range(walks):
        sum = tree.sum()
    show(a)
    show(good)
    show(sum)
    show(tree.size())


run(5, 400)
