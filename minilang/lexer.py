"""The lexer: Lox source bytes to a list of `rply.Token`s.

Hand-written rather than built with rply's `LexerGenerator`, because that
one does not translate with rpython 0.2.1 (the same choice Topaz made).  It
follows clox's scanner: one pass, one character of lookahead, no regular
expressions.

Every token's `value` is its lexeme (a string token keeps its quotes, as
compile errors show them) and its `source_pos.lineno` is the line on which
it *ends* (a string may span lines).  A character that starts no token, or
a string left open, becomes an `ERROR` token whose value is the message;
the parser reports it as `[line N] Error: MESSAGE` when it gets there.  The
list always ends with one `EOF` token.
"""

from rply.token import Token, SourcePosition

KEYWORDS = {
    "and": "AND", "class": "CLASS", "else": "ELSE", "false": "FALSE",
    "for": "FOR", "fun": "FUN", "if": "IF", "nil": "NIL", "or": "OR",
    "print": "PRINT", "return": "RETURN", "super": "SUPER", "this": "THIS",
    "true": "TRUE", "var": "VAR", "while": "WHILE",
}

SINGLE = {
    "(": "LEFT_PAREN", ")": "RIGHT_PAREN", "{": "LEFT_BRACE",
    "}": "RIGHT_BRACE", ",": "COMMA", ".": "DOT", "-": "MINUS", "+": "PLUS",
    ";": "SEMICOLON", "/": "SLASH", "*": "STAR",
}

# "!" "=" ">" "<", each alone or followed by "=" (the longer form wins).
WITH_EQUAL = {
    "!": ("BANG", "BANG_EQUAL"), "=": ("EQUAL", "EQUAL_EQUAL"),
    ">": ("GREATER", "GREATER_EQUAL"), "<": ("LESS", "LESS_EQUAL"),
}

# Token names the parser knows, in one list (rply wants them declared).
TOKEN_NAMES = (sorted(SINGLE.values()) +
               sorted([name for pair in WITH_EQUAL.values() for name in pair]) +
               ["IDENTIFIER", "STRING", "NUMBER"] + sorted(KEYWORDS.values()))

UNEXPECTED_CHARACTER = "Unexpected character."
UNTERMINATED_STRING = "Unterminated string."


def is_digit(c):
    return '0' <= c <= '9'


def is_alpha(c):
    return ('a' <= c <= 'z') or ('A' <= c <= 'Z') or c == '_'


def tokenize(source):
    """Scan the whole source; return the list of tokens, EOF last."""
    tokens = []
    n = len(source)
    pos = 0
    line = 1
    while True:
        # Skip whitespace and comments.
        while pos < n:
            c = source[pos]
            if c == ' ' or c == '\t' or c == '\r':
                pos += 1
            elif c == '\n':
                line += 1
                pos += 1
            elif c == '/' and pos + 1 < n and source[pos + 1] == '/':
                while pos < n and source[pos] != '\n':
                    pos += 1
            else:
                break
        start = pos
        if pos >= n:
            tokens.append(Token("EOF", "", SourcePosition(pos, line, 0)))
            return tokens
        c = source[pos]
        pos += 1
        if is_alpha(c):
            while pos < n and (is_alpha(source[pos]) or is_digit(source[pos])):
                pos += 1
            text = source[start:pos]
            name = KEYWORDS.get(text, "IDENTIFIER")
        elif is_digit(c):
            while pos < n and is_digit(source[pos]):
                pos += 1
            if pos + 1 < n and source[pos] == '.' and is_digit(source[pos + 1]):
                pos += 1
                while pos < n and is_digit(source[pos]):
                    pos += 1
            name = "NUMBER"
        elif c == '"':
            while pos < n and source[pos] != '"':
                if source[pos] == '\n':
                    line += 1
                pos += 1
            if pos >= n:
                tokens.append(Token("ERROR", UNTERMINATED_STRING,
                                    SourcePosition(start, line, 0)))
                continue
            pos += 1
            name = "STRING"
        elif c in SINGLE:
            name = SINGLE[c]
        elif c in WITH_EQUAL:
            alone, with_equal = WITH_EQUAL[c]
            if pos < n and source[pos] == '=':
                pos += 1
                name = with_equal
            else:
                name = alone
        else:
            tokens.append(Token("ERROR", UNEXPECTED_CHARACTER,
                                SourcePosition(start, line, 0)))
            continue
        assert pos >= 0
        tokens.append(Token(name, source[start:pos],
                            SourcePosition(start, line, 0)))


def line_of(token):
    """The line a token ends on: the one line number every error, line
    table and trace name reports for it."""
    return token.getsourcepos().lineno


#> step 2 the parser pulls the tokens
class TokenStream(object):
    """What rply's parser pulls tokens from: `next()` gives the next token,
    or None at the end (rply then supplies its own `$end`).  The EOF token
    is not passed on: rply's grammar ends with `$end`."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.index = 0

    def next(self):
        if self.index >= len(self.tokens):
            return None
        token = self.tokens[self.index]
        if token.name == "EOF":
            return None
        self.index += 1
        return token

    __next__ = next
#< step 2


def show_tokens(tokens):
    """`minilang --tokens FILE`: one token a line, its line number, name
    and lexeme (an ERROR token's message)."""
    lines = []
    for token in tokens:
        lines.append(padded(str(line_of(token)), 4, True) + " " +
                     padded(token.name, 13, False) + " " + token.value + "\n")
    return "".join(lines)


def padded(text, width, right):
    """`text` padded with spaces to `width` (RPython's % has no widths)."""
    spaces = " " * max(0, width - len(text))
    return spaces + text if right else text + spaces
