"""A list promised to keep its size, then appended to."""
from rpython.rlib.debug import make_sure_not_resized


def f(n):
    items = [0] * n
    make_sure_not_resized(items)
    items.append(n)
    return len(items)


ARGS = [3]
# what translation sets for minilang (targets/), and makes the check work
CONFIG = {"list_comprehension_operations": True}
