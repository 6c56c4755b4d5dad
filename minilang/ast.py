"""The syntax tree the parser builds and the resolver and compiler walk.

Nodes are plain classes (subclasses of rply's `BaseBox`, which RPython
needs so that every grammar action returns one type).  They keep the tokens
that errors point at:

- every expression keeps `last`, its last token.  clox emits an
  expression's final instruction right after reading that token, so its
  line is the line a runtime error in that expression reports
  (docs/LANGUAGE.md section 5, "Which line"), and the 256th call argument's
  error is reported "at" it;
- names keep their identifier token (for "Error at 'name'").

The resolver fills in the `resolved` attributes (how a name is reached);
the compiler only reads them.
"""

from rply.token import BaseBox

from minilang.lexer import line_of


class Node(BaseBox):
    _attrs_ = []


# ---------------------------------------------------------------- expressions

class Expr(Node):
    _attrs_ = ['last']

    def line(self):
        return line_of(self.last)


class Literal(Expr):
    """`true` `false` `nil` (kind is the token name)."""
    _attrs_ = ['kind']

    def __init__(self, token):
        self.kind = token.name
        self.last = token


class Number(Expr):
    _attrs_ = ['value']

    def __init__(self, token, value):
        self.value = value
        self.last = token


class String(Expr):
    _attrs_ = ['value']

    def __init__(self, token, value):
        self.value = value
        self.last = token


class Variable(Expr):
    """A name read; `resolved` says where it lives (see resolver.Access)."""
    _attrs_ = ['name', 'resolved']

    def __init__(self, name):
        self.name = name
        self.last = name
        self.resolved = None


class Assign(Expr):
    _attrs_ = ['name', 'value', 'resolved']

    def __init__(self, name, value):
        self.name = name
        self.value = value
        self.last = value.last
        self.resolved = None


class Unary(Expr):
    _attrs_ = ['op', 'operand']

    def __init__(self, op, operand):
        self.op = op
        self.operand = operand
        self.last = operand.last


class Binary(Expr):
    """Arithmetic, comparison and equality; `op` is the operator token."""
    _attrs_ = ['op', 'left', 'right']

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right
        self.last = right.last


class Logical(Expr):
    """`and` / `or`: short-circuit, yields an operand's value."""
    _attrs_ = ['op', 'left', 'right']

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right
        self.last = right.last


class Grouping(Expr):
    _attrs_ = ['expr']

    def __init__(self, expr, close):
        self.expr = expr
        self.last = close


class Call(Expr):
    _attrs_ = ['callee', 'args']

    def __init__(self, callee, args, close):
        self.callee = callee
        self.args = args
        self.last = close


class Get(Expr):
    _attrs_ = ['obj', 'name']

    def __init__(self, obj, name):
        self.obj = obj
        self.name = name
        self.last = name


class Set(Expr):
    _attrs_ = ['obj', 'name', 'value']

    def __init__(self, obj, name, value):
        self.obj = obj
        self.name = name
        self.value = value
        self.last = value.last


class This(Expr):
    _attrs_ = ['keyword', 'resolved']

    def __init__(self, keyword):
        self.keyword = keyword
        self.last = keyword
        self.resolved = None


class Super(Expr):
    """`super.name`; the resolver finds both `this` and `super`."""
    _attrs_ = ['keyword', 'name', 'this_resolved', 'super_resolved']

    def __init__(self, keyword, name):
        self.keyword = keyword
        self.name = name
        self.last = name
        self.this_resolved = None
        self.super_resolved = None


# ----------------------------------------------------------------- statements

class Stmt(Node):
    """A statement; `last` is its last token (where clox is when it has
    compiled it: an error about a jump over it is reported there)."""
    _attrs_ = ['last']


class ExprStmt(Stmt):
    _attrs_ = ['expr']

    def __init__(self, expr, last):
        self.expr = expr
        self.last = last


class Print(Stmt):
    _attrs_ = ['expr']

    def __init__(self, expr, last):
        self.expr = expr
        self.last = last


class Var(Stmt):
    """`var name = init;` (init may be None).  `declared` is the resolver's
    Local, or None for a global."""
    _attrs_ = ['name', 'init', 'declared']

    def __init__(self, name, init, last):
        self.name = name
        self.init = init
        self.last = last
        self.declared = None


class Block(Stmt):
    """`{ ... }`; `locals` (filled by the resolver) are popped at the end."""
    _attrs_ = ['body', 'locals']

    def __init__(self, body, last):
        self.body = body
        self.last = last
        self.locals = None


class If(Stmt):
    _attrs_ = ['cond', 'then', 'otherwise']

    def __init__(self, cond, then, otherwise):
        self.cond = cond
        self.then = then
        self.otherwise = otherwise
        self.last = otherwise.last if otherwise is not None else then.last


class While(Stmt):
    _attrs_ = ['cond', 'body']

    def __init__(self, cond, body):
        self.cond = cond
        self.body = body
        self.last = body.last


class For(Stmt):
    """`for (init; cond; incr) body`; any part but the body may be None.
    The header is a scope of its own (`locals`, as for a block)."""
    _attrs_ = ['init', 'cond', 'incr', 'body', 'locals']

    def __init__(self, init, cond, incr, body):
        self.init = init
        self.cond = cond
        self.incr = incr
        self.body = body
        self.last = body.last
        self.locals = None


class Return(Stmt):
    _attrs_ = ['keyword', 'value']

    def __init__(self, keyword, value, last):
        self.keyword = keyword
        self.value = value
        self.last = last


class Function(Stmt):
    """A `fun` declaration or a method.  The resolver fills in `declared`
    (where the name is bound), `scope` (the FunctionScope with parameters,
    upvalues and the kind of function)."""
    _attrs_ = ['name', 'params', 'body', 'declared', 'scope']

    def __init__(self, name, params, body, last):
        self.name = name
        self.params = params
        self.body = body
        self.last = last
        self.declared = None
        self.scope = None


class Class(Stmt):
    _attrs_ = ['name', 'superclass', 'methods', 'declared', 'super_local']

    def __init__(self, name, superclass, methods, last):
        self.name = name
        self.superclass = superclass      # a Variable, or None
        self.methods = methods
        self.last = last
        self.declared = None
        self.super_local = None


class Program(Node):
    """The whole file: top-level declarations and the EOF token."""
    _attrs_ = ['body', 'eof', 'scope']

    def __init__(self, body, eof):
        self.body = body
        self.eof = eof
        self.scope = None


# ---------------------------------------------------- boxes for rply actions

def list_box(name):
    """A class of box for a list being collected by the grammar.  Each
    element type (Stmt, Expr, Token, Function) gets a class of its own, so
    that RPython sees each list holding one type rather than their common
    base."""
    class ListBox(BaseBox):
        _attrs_ = ['items']

        def __init__(self, items):
            self.items = items
    ListBox.__name__ = name
    return ListBox


StmtList = list_box("StmtList")
ExprList = list_box("ExprList")
TokenList = list_box("TokenList")
FunctionList = list_box("FunctionList")


# ------------------------------------------------------ minilang --ast FILE

def show_program(program):
    """The tree as s-expressions, one top-level declaration a line."""
    return "".join([show(statement) + "\n" for statement in program.body])


def show(node):
    """One node as an s-expression: `(print (+ 1 (group 2)))`.  A number
    is shown as written; `_` is a missing part (an `if` without `else`)."""
    if node is None:
        return "_"
    if isinstance(node, Number) or isinstance(node, Literal):
        return node.last.value
    if isinstance(node, String):
        return '"%s"' % node.value
    if isinstance(node, Variable):
        return node.name.value
    if isinstance(node, This):
        return "this"
    if isinstance(node, Super):
        return "(super %s)" % node.name.value
    if isinstance(node, Assign):
        return "(= %s %s)" % (node.name.value, show(node.value))
    if isinstance(node, Unary):
        return "(%s %s)" % (node.op.value, show(node.operand))
    if isinstance(node, Binary):
        return "(%s %s %s)" % (node.op.value, show(node.left),
                               show(node.right))
    if isinstance(node, Logical):
        return "(%s %s %s)" % (node.op.value, show(node.left),
                               show(node.right))
    if isinstance(node, Grouping):
        return "(group %s)" % show(node.expr)
    if isinstance(node, Call):
        return "(call %s%s)" % (show(node.callee), show_all(node.args))
    if isinstance(node, Get):
        return "(. %s %s)" % (show(node.obj), node.name.value)
    if isinstance(node, Set):
        return "(.= %s %s %s)" % (show(node.obj), node.name.value,
                                  show(node.value))
    if isinstance(node, ExprStmt):
        return "(expr %s)" % show(node.expr)
    if isinstance(node, Print):
        return "(print %s)" % show(node.expr)
    if isinstance(node, Var):
        return "(var %s %s)" % (node.name.value, show(node.init))
    if isinstance(node, Block):
        return "(block%s)" % show_all(node.body)
    if isinstance(node, If):
        return "(if %s %s %s)" % (show(node.cond), show(node.then),
                                  show(node.otherwise))
    if isinstance(node, While):
        return "(while %s %s)" % (show(node.cond), show(node.body))
    if isinstance(node, For):
        return "(for %s %s %s %s)" % (show(node.init), show(node.cond),
                                      show(node.incr), show(node.body))
    if isinstance(node, Return):
        return "(return %s)" % show(node.value)
    if isinstance(node, Function):
        return "(fun %s (%s)%s)" % (
            node.name.value, " ".join([p.value for p in node.params]),
            show_all(node.body))
    if isinstance(node, Class):
        return "(class %s %s%s)" % (node.name.value, show(node.superclass),
                                    show_all(node.methods))
    return "?"


def show_all(nodes):
    return "".join([" " + show(node) for node in nodes])
