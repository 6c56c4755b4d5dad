# Port of bench/binary_trees.lox: build and check many binary trees of
# instances, with one long-lived tree of the maximum depth.
from loxprint import show


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()


def bottomUp(depth):
    if depth == 0:
        return Node(None, None)
    return Node(bottomUp(depth - 1), bottomUp(depth - 1))


def run(minDepth, maxDepth):
    show(bottomUp(maxDepth + 1).check())
    longLived = bottomUp(maxDepth)

    # Trees of depth minDepth are built 2^(maxDepth) times, each step of two
    # in depth divides that by four.
    iterations = 1
    for i in range(maxDepth):
        iterations = iterations * 2
    depth = minDepth
    while depth <= maxDepth:
        total = 0
        for i in range(int(iterations)):
            total = total + bottomUp(depth).check()
        show(total)
        iterations = iterations / 4
        depth = depth + 2
    show(longLived.check())


run(4, 16)
