"""A list whose items are an int and a str."""


def f(n):
    items = [n, "two"]
    return len(items)


ARGS = [1]
