"""Exercise 01: `%` is a token of its own (run: make exercise NAME=01)."""

from minilang.lexer import tokenize, TOKEN_NAMES, UNEXPECTED_CHARACTER


def scanned(source):
    return [(t.name, t.value) for t in tokenize(source)]


def test_percent_is_scanned_as_one_token():
    got = scanned("7 % 3")
    assert got == [("NUMBER", "7"), ("PERCENT", "%"), ("NUMBER", "3"),
                   ("EOF", "")], \
        "tokenize(\"7 %% 3\") should give NUMBER PERCENT NUMBER EOF, got %r" % (got,)


def test_percent_needs_no_spaces_and_keeps_its_line():
    tokens = tokenize("a\n%b")
    assert [t.name for t in tokens] == ["IDENTIFIER", "PERCENT",
                                        "IDENTIFIER", "EOF"]
    assert tokens[1].getsourcepos().lineno == 2


def test_percent_is_declared_to_the_parser():
    # rply must be told every token name (lexer.TOKEN_NAMES).
    assert "PERCENT" in TOKEN_NAMES


def test_other_strange_characters_are_still_errors():
    assert scanned("a^b")[1] == ("ERROR", UNEXPECTED_CHARACTER)
