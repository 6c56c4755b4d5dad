"""A variable that holds an int on one path and a str on another."""


def f(n):
    if n > 0:
        x = 1
    else:
        x = "one"
    return x


ARGS = [1]
