"""A method only one subclass has, called through the base class's type."""


class Base(object):
    pass


class Number(Base):
    def __init__(self, value):
        self.value = value

    def double(self):
        return self.value * 2


class Text(Base):
    def __init__(self, text):
        self.text = text


def make(n):
    if n > 0:
        return Number(n)
    return Text("none")


def f(n):
    obj = make(n)
    return obj.double()   # needs: assert isinstance(obj, Number)


ARGS = [-1]
