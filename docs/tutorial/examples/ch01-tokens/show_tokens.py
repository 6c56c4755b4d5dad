"""Print the tokens minilang's lexer makes of a Lox file, one a line:
the line number (`|` when it is the previous token's), the token's name and
its lexeme.  The tool of chapter 1 (docs/tutorial/01-tokens.md).

    .env/py3/bin/python docs/tutorial/examples/ch01-tokens/show_tokens.py FILE
"""

import sys

from minilang.lexer import tokenize, line_of


def show(source):
    previous = -1
    for token in tokenize(source):
        line = line_of(token)
        shown = "   |" if line == previous else "%4d" % line
        print(("%s %-13s %s" % (shown, token.name, token.value)).rstrip())
        previous = line


if __name__ == "__main__":
    with open(sys.argv[1], encoding="latin-1") as f:
        show(f.read())
