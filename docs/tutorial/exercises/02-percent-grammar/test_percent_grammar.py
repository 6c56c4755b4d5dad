"""Exercise 02: `%` in the grammar (run: make exercise NAME=02)."""

from minilang import ast
from minilang.lexer import tokenize
from minilang.parser import parse, SyntaxErrorsFound


def tree(node):
    """A syntax tree as nested tuples: ('%', left, right), or a number."""
    if isinstance(node, ast.Binary):
        return (node.op.value, tree(node.left), tree(node.right))
    if isinstance(node, ast.Grouping):
        return tree(node.expr)
    if isinstance(node, ast.Number):
        return node.last.value
    return type(node).__name__


def printed_expression(source):
    try:
        program = parse(tokenize(source))
    except SyntaxErrorsFound:
        raise AssertionError("%r is not parsed: a syntax error" % (source,))
    statement = program.body[0]
    assert isinstance(statement, ast.Print)
    return tree(statement.expr)


def test_percent_is_a_binary_operator():
    assert printed_expression("print 7 % 3;") == ("%", "7", "3")


def test_percent_binds_like_star_and_slash():
    # Tighter than + and -, as tight as * and /, left-associative.
    got = printed_expression("print 1 + 7 % 3 * 2;")
    assert got == ("+", "1", ("*", ("%", "7", "3"), "2")), got
    got = printed_expression("print 20 % 7 % 4;")
    assert got == ("%", ("%", "20", "7"), "4"), got
    got = printed_expression("print 20 / 6 % 4;")
    assert got == ("%", ("/", "20", "6"), "4"), got
