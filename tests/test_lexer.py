"""minilang.lexer.tokenize: docs/LANGUAGE.md section 1, token by token.

Sources are `str`s in which every character stands for one byte (on CPython
minilang reads files as latin-1), so a non-ASCII byte is a character
above U+007F.
"""

import pytest

from minilang.lexer import (tokenize, KEYWORDS, TOKEN_NAMES,
                            UNEXPECTED_CHARACTER, UNTERMINATED_STRING)


def kinds(source):
    return [t.name for t in tokenize(source)]


def pairs(source):
    """(name, value) of every token but the final EOF."""
    tokens = tokenize(source)
    assert tokens[-1].name == "EOF"
    return [(t.name, t.value) for t in tokens[:-1]]


def lines(source):
    return [t.getsourcepos().lineno for t in tokenize(source)]


# ------------------------------------------------------------ punctuation

SINGLE_CHARACTER = [
    ("(", "LEFT_PAREN"), (")", "RIGHT_PAREN"), ("{", "LEFT_BRACE"),
    ("}", "RIGHT_BRACE"), (",", "COMMA"), (".", "DOT"), ("-", "MINUS"),
    ("+", "PLUS"), (";", "SEMICOLON"), ("/", "SLASH"), ("*", "STAR"),
    ("!", "BANG"), ("=", "EQUAL"), (">", "GREATER"), ("<", "LESS"),
]

TWO_CHARACTER = [
    ("!=", "BANG_EQUAL"), ("==", "EQUAL_EQUAL"), (">=", "GREATER_EQUAL"),
    ("<=", "LESS_EQUAL"),
]


@pytest.mark.parametrize("text,name", SINGLE_CHARACTER + TWO_CHARACTER)
def test_punctuation(text, name):
    assert pairs(text) == [(name, text)]


def test_two_character_operators_win():
    assert pairs("!===<=>=") == [("BANG_EQUAL", "!="), ("EQUAL_EQUAL", "=="),
                                 ("LESS_EQUAL", "<="),
                                 ("GREATER_EQUAL", ">=")]
    # "===" is "==" then "=", never "=" then "==".
    assert pairs("===") == [("EQUAL_EQUAL", "=="), ("EQUAL", "=")]
    assert pairs("<==") == [("LESS_EQUAL", "<="), ("EQUAL", "=")]
    assert pairs("!!=") == [("BANG", "!"), ("BANG_EQUAL", "!=")]


def test_operators_separated_by_space_stay_single():
    assert pairs("! = < = > = = =") == [
        ("BANG", "!"), ("EQUAL", "="), ("LESS", "<"), ("EQUAL", "="),
        ("GREATER", ">"), ("EQUAL", "="), ("EQUAL", "="), ("EQUAL", "=")]


def test_all_punctuation_in_a_row():
    source = "(){},.-+;/*"
    assert [v for _, v in pairs(source)] == list(source)


# --------------------------------------------------------------- keywords

ALL_KEYWORDS = ["and", "class", "else", "false", "for", "fun", "if", "nil",
                "or", "print", "return", "super", "this", "true", "var",
                "while"]


def test_keyword_table_is_the_spec():
    assert sorted(KEYWORDS) == ALL_KEYWORDS


@pytest.mark.parametrize("word", ALL_KEYWORDS)
def test_keyword(word):
    assert pairs(word) == [(word.upper(), word)]


@pytest.mark.parametrize("word", ALL_KEYWORDS)
def test_keyword_prefix_and_extension_are_identifiers(word):
    assert pairs(word + "x") == [("IDENTIFIER", word + "x")]
    assert pairs(word + "_") == [("IDENTIFIER", word + "_")]
    assert pairs(word + "1") == [("IDENTIFIER", word + "1")]
    assert pairs("_" + word) == [("IDENTIFIER", "_" + word)]
    assert pairs(word[:-1]) == [("IDENTIFIER", word[:-1])]


def test_keywords_are_case_sensitive():
    assert pairs("Class WHILE Nil") == [("IDENTIFIER", "Class"),
                                        ("IDENTIFIER", "WHILE"),
                                        ("IDENTIFIER", "Nil")]


def test_every_token_name_is_declared_for_the_parser():
    produced = set()
    source = " ".join(t for t, _ in SINGLE_CHARACTER + TWO_CHARACTER)
    source += ' x 1 "s" ' + " ".join(ALL_KEYWORDS)
    produced.update(kinds(source))
    produced.discard("EOF")
    assert produced == set(TOKEN_NAMES)


# ------------------------------------------------------------ identifiers

@pytest.mark.parametrize("name", ["a", "_", "__", "_a1", "a_b_c", "x123",
                                  "CamelCase", "a1b2c3", "_0"])
def test_identifier(name):
    assert pairs(name) == [("IDENTIFIER", name)]


def test_identifier_cannot_start_with_a_digit():
    assert pairs("1abc") == [("NUMBER", "1"), ("IDENTIFIER", "abc")]


def test_identifiers_separated_by_punctuation():
    assert pairs("a.b_c(d1)") == [
        ("IDENTIFIER", "a"), ("DOT", "."), ("IDENTIFIER", "b_c"),
        ("LEFT_PAREN", "("), ("IDENTIFIER", "d1"), ("RIGHT_PAREN", ")")]


# ---------------------------------------------------------------- numbers

@pytest.mark.parametrize("text", ["0", "12", "1.5", "123.456", "007",
                                  "0.0", "1234567890.0987654321"])
def test_number(text):
    assert pairs(text) == [("NUMBER", text)]


def test_trailing_dot_is_a_dot_token():
    assert pairs("1.") == [("NUMBER", "1"), ("DOT", ".")]


def test_leading_dot_is_a_dot_token():
    assert pairs(".5") == [("DOT", "."), ("NUMBER", "5")]


def test_method_call_on_a_number():
    assert pairs("1.abs") == [("NUMBER", "1"), ("DOT", "."),
                              ("IDENTIFIER", "abs")]


def test_only_one_fraction_part():
    assert pairs("1.2.3") == [("NUMBER", "1.2"), ("DOT", "."),
                              ("NUMBER", "3")]


def test_no_sign_or_exponent_in_a_literal():
    assert pairs("-1") == [("MINUS", "-"), ("NUMBER", "1")]
    assert pairs("1e5") == [("NUMBER", "1"), ("IDENTIFIER", "e5")]
    assert pairs("+2") == [("PLUS", "+"), ("NUMBER", "2")]


# ---------------------------------------------------------------- strings

def test_string_keeps_its_quotes():
    assert pairs('"hello"') == [("STRING", '"hello"')]
    assert pairs('""') == [("STRING", '""')]


def test_string_has_no_escapes():
    # A backslash is an ordinary character; the next quote ends the string.
    assert pairs('"a\\"b"') == [("STRING", '"a\\"'), ("IDENTIFIER", "b"),
                                ("ERROR", UNTERMINATED_STRING)]


def test_string_holds_anything_but_a_quote():
    text = '"// not a comment; var x = 1 \xe9 @ #"'
    assert pairs(text) == [("STRING", text)]


def test_string_spanning_lines_is_on_the_line_where_it_ends():
    tokens = tokenize('x\n"one\ntwo\nthree" y\nz')
    assert [(t.name, t.getsourcepos().lineno) for t in tokens] == [
        ("IDENTIFIER", 1), ("STRING", 4), ("IDENTIFIER", 4),
        ("IDENTIFIER", 5), ("EOF", 5)]
    assert tokens[1].value == '"one\ntwo\nthree"'


def test_adjacent_strings():
    assert pairs('"a""b"') == [("STRING", '"a"'), ("STRING", '"b"')]


def test_unterminated_string():
    tokens = tokenize('print "abc')
    assert [(t.name, t.value) for t in tokens] == [
        ("PRINT", "print"), ("ERROR", UNTERMINATED_STRING), ("EOF", "")]
    assert UNTERMINATED_STRING == "Unterminated string."


def test_unterminated_string_spanning_lines_counts_them():
    tokens = tokenize('"a\nb\nc')
    assert tokens[0].name == "ERROR"
    assert tokens[0].getsourcepos().lineno == 3
    assert tokens[-1].getsourcepos().lineno == 3


# --------------------------------------------------- whitespace, comments

def test_whitespace_is_skipped():
    assert pairs(" \t\r\n a \r\n\t b ") == [("IDENTIFIER", "a"),
                                            ("IDENTIFIER", "b")]


def test_line_numbers():
    assert lines("a\nb\n\nc") == [1, 2, 4, 4]


def test_carriage_return_does_not_start_a_line():
    assert lines("a\rb\r\nc") == [1, 1, 2, 2]


def test_comment_runs_to_end_of_line():
    assert pairs("a // b c \"d\n e") == [("IDENTIFIER", "a"),
                                         ("IDENTIFIER", "e")]
    assert lines("a // b\n e") == [1, 2, 2]


def test_comment_at_end_of_file_without_newline():
    assert pairs("a // end") == [("IDENTIFIER", "a")]


def test_comment_only():
    assert kinds("// nothing\n// more") == ["EOF"]
    assert lines("// nothing\n// more") == [2]


def test_slash_alone_is_division():
    assert pairs("a / b") == [("IDENTIFIER", "a"), ("SLASH", "/"),
                              ("IDENTIFIER", "b")]


def test_comment_can_hold_non_ascii_bytes():
    assert pairs("// caf\xe9 \x00 \xff\nx") == [("IDENTIFIER", "x")]


# ----------------------------------------------------------------- errors

@pytest.mark.parametrize("char", ["@", "#", "$", "%", "^", "&", "|", "~",
                                  "`", "'", "?", ":", "[", "]", "\\",
                                  "\x00", "\x7f", "\x80", "\xe9", "\xff"])
def test_unexpected_character(char):
    tokens = tokenize("a" + char + "b")
    assert [(t.name, t.value) for t in tokens] == [
        ("IDENTIFIER", "a"), ("ERROR", UNEXPECTED_CHARACTER),
        ("IDENTIFIER", "b"), ("EOF", "")]
    assert UNEXPECTED_CHARACTER == "Unexpected character."


def test_utf8_letter_is_one_error_per_byte():
    # "é" in UTF-8 is two bytes, neither of them ASCII.
    source = "\xc3\xa9"
    assert kinds(source) == ["ERROR", "ERROR", "EOF"]


def test_error_token_line():
    tokens = tokenize("a\n\n@")
    assert tokens[1].name == "ERROR"
    assert tokens[1].getsourcepos().lineno == 3


def test_non_ascii_cannot_continue_an_identifier():
    assert kinds("caf\xe9") == ["IDENTIFIER", "ERROR", "EOF"]
    assert tokenize("caf\xe9")[0].value == "caf"


# -------------------------------------------------------------------- EOF

def test_empty_source_is_only_eof():
    tokens = tokenize("")
    assert len(tokens) == 1
    assert tokens[0].name == "EOF"
    assert tokens[0].value == ""
    assert tokens[0].getsourcepos().lineno == 1


def test_eof_is_on_the_last_line():
    assert tokenize("a\n")[-1].getsourcepos().lineno == 2
    assert tokenize("a\n\n\n")[-1].getsourcepos().lineno == 4
    assert tokenize("a")[-1].getsourcepos().lineno == 1


def test_exactly_one_eof_at_the_end():
    tokens = tokenize("var x = 1; print x; @ \"open")
    assert [t.name for t in tokens].count("EOF") == 1
    assert tokens[-1].name == "EOF"


def test_positions_are_source_offsets():
    tokens = tokenize("ab  cd\n e")
    assert [t.getsourcepos().idx for t in tokens] == [0, 4, 8, 9]


def test_a_whole_statement():
    assert pairs('var x_1 = (a + 2.5) * "s";') == [
        ("VAR", "var"), ("IDENTIFIER", "x_1"), ("EQUAL", "="),
        ("LEFT_PAREN", "("), ("IDENTIFIER", "a"), ("PLUS", "+"),
        ("NUMBER", "2.5"), ("RIGHT_PAREN", ")"), ("STAR", "*"),
        ("STRING", '"s"'), ("SEMICOLON", ";")]
