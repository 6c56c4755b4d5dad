"""Print the syntax tree minilang's parser builds for a Lox file: one node
a line, its children indented under it.  A node shows its class (from
minilang/ast.py), then the tokens and plain values it holds; the fields the
resolver fills in later (`resolved`, `scope`...) are left out.  The tool of
chapter 2 (docs/tutorial/02-grammar.md).

    .env/py3/bin/python docs/tutorial/examples/ch02-grammar/show_tree.py FILE
"""

import sys

from rply.token import Token

from minilang import ast
from minilang.lexer import tokenize
from minilang.parser import parse, SyntaxErrorsFound

# Filled in by the resolver (chapter 5), or kept for error messages.
SKIPPED = {"last", "eof", "resolved", "declared", "scope", "locals",
           "super_local", "this_resolved", "super_resolved"}


def fields(node):
    """The node's field names, from the `_attrs_` of its classes."""
    names = []
    for cls in reversed(type(node).__mro__):
        for name in cls.__dict__.get("_attrs_", []):
            if name not in SKIPPED and name not in names:
                names.append(name)
    return names


def show(node, indent, out):
    words = [type(node).__name__]
    children = []
    for name in fields(node):
        value = getattr(node, name)
        if isinstance(value, Token):
            words.append(value.value)
        elif isinstance(value, ast.Node):
            children.append(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Token):
                    words.append(item.value)
                else:
                    children.append(item)
        elif value is not None:
            words.append(repr(value))
    out.append("  " * indent + " ".join(words))
    for child in children:
        show(child, indent + 1, out)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="latin-1") as f:
        source = f.read()
    try:
        tree = parse(tokenize(source))
    except SyntaxErrorsFound:
        sys.exit("not a Lox program: python -m minilang %s says why"
                 % sys.argv[1])
    out = []
    show(tree, 0, out)
    print("\n".join(out))
