"""rply's own lexer, built from regular expressions, run through RPython.

Runs on plain Python (f(0) is 5, the tokens of "1 + 2 + 3"); RPython
0.2.1 rejects it: rply 0.7.8 calls rsre (RPython's regular expressions)
with the arguments of another RPython version.  Chapter 1 quotes the
message; tests/jit/test_tutorial_chapters.py checks it.
"""
from rply import LexerGenerator

lg = LexerGenerator()
lg.add("NUMBER", r"\d+")
lg.add("PLUS", r"\+")
lg.ignore(r"\s+")
lexer = lg.build()


def f(n):
    count = 0
    for token in lexer.lex("1 + 2 + 3"):
        count += 1
    return count + n


ARGS = [0]
