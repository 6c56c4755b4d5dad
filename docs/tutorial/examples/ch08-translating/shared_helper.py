"""One helper given two lists: their element types merge (chapter 8).

Mirrors a printing helper for syntax trees: `show_all` is called with a
class's methods (Functions) and with a block's statements (any Stmt), so
RPython gives both lists one type, a list of Stmt, and then a method's
`name` is a field Stmt does not have."""


class Stmt(object):
    _attrs_ = []


class Function(Stmt):
    _attrs_ = ['name']

    def __init__(self, name):
        self.name = name


class Print(Stmt):
    _attrs_ = ['value']

    def __init__(self, value):
        self.value = value


def show_all(nodes):
    return len(nodes)


def f(n):
    methods = [Function("init")]
    body = [Print(n)]
    shown = show_all(methods) + show_all(body)
    return len(methods[0].name) + shown


ARGS = [1]
