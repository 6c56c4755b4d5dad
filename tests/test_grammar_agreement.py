"""The two parsers accept the same programs.

minilang parses with rply (parser.py) and reports compile errors with a
second, hand-written parser (compile_errors.py).  If they drifted apart, a
correct line could get a false error message, or a wrong program could get
no message at all.  So: rply accepts a token list exactly when the
recogniser reports no syntax error, for every program of the corpus and
examples, and for mutations of them (tokens deleted, inserted, replaced,
swapped; a fixed seed, so a failure is reproducible).

The inserted and replacing tokens are one of every kind the lexer makes,
read from the lexer's tables, so a new operator or keyword shows up in the
mutations by itself: added to the grammar but not to the recogniser, it
fails here.
"""

import glob
import os
import random

from rply.token import Token

from minilang import lexer
from minilang import parser
from minilang.compile_errors import syntax_errors
from minilang.lexer import tokenize
from minilang.parser import parse, SyntaxErrorsFound

from runner import ROOT

PROGRAMS = sorted(
    glob.glob(os.path.join(ROOT, "tests", "lox", "**", "*.lox"),
              recursive=True) +
    glob.glob(os.path.join(ROOT, "examples", "*.lox")))

# The few programs longer than this (tests/lox/limit/, one statement
# repeated to reach a limit of clox's) are left out: they say nothing new
# about the grammar and would take most of the time.
MAX_TOKENS = 2000
MUTANTS_PER_PROGRAM = 6
SEED = 8


def corpus():
    """(path relative to the root, tokens) of each program short enough."""
    for path in PROGRAMS:
        with open(path, "rb") as f:
            tokens = tokenize(f.read().decode("latin-1"))
        if len(tokens) <= MAX_TOKENS:
            yield os.path.relpath(path, ROOT), tokens


def lexemes():
    """One lexeme for every token name the lexer can produce."""
    text = {"IDENTIFIER": "x", "NUMBER": "1", "STRING": '"s"'}
    for word, name in lexer.KEYWORDS.items():
        text[name] = word
    for char, name in lexer.SINGLE.items():
        text[name] = char
    for char, (alone, with_equal) in lexer.WITH_EQUAL.items():
        text[alone] = char
        text[with_equal] = char + "="
    assert sorted(text) == sorted(lexer.TOKEN_NAMES)
    return sorted(text.items())


VOCABULARY = lexemes()


def rply_accepts(tokens):
    try:
        parse(tokens)
    except SyntaxErrorsFound:
        return False
    return True


def recogniser_accepts(tokens):
    return syntax_errors(tokens) == []


def disagreement(tokens):
    """None if the two parsers agree on `tokens`, else what each said."""
    by_rply = rply_accepts(tokens)
    errors = syntax_errors(tokens)
    if by_rply == (errors == []):
        return None
    return "rply %s, recogniser %s" % (
        "accepts" if by_rply else "rejects",
        errors[:2] if errors else "accepts")


def source_of(tokens):
    return " ".join(t.value for t in tokens if t.name != "EOF")


def mutate(tokens, rng):
    """A copy of `tokens` (EOF last) with one random change."""
    body = list(tokens[:-1])
    eof = tokens[-1]
    where = rng.randrange(len(body) + 1)
    position = (body[where] if where < len(body) else eof).getsourcepos()
    if rng.randrange(2) and body:
        # a token of the program itself: the mutant is more often valid
        other = rng.choice(body)
        name, value = other.name, other.value
    else:
        name, value = rng.choice(VOCABULARY)
    new = Token(name, value, position)
    change = rng.randrange(4)
    if change == 0 and body:                    # delete
        del body[min(where, len(body) - 1)]
    elif change == 1:                           # insert
        body.insert(where, new)
    elif change == 2 and where < len(body):     # replace
        body[where] = new
    elif where + 1 < len(body):                 # swap with the next
        body[where], body[where + 1] = body[where + 1], body[where]
    else:
        body.insert(where, new)
    return body + [eof]


def test_there_is_a_corpus():
    assert len(PROGRAMS) > 600


def test_parsers_agree_on_the_corpus():
    problems = []
    accepted = 0
    for path, tokens in corpus():
        problem = disagreement(tokens)
        if problem:
            problems.append("%s: %s" % (path, problem))
        elif rply_accepts(tokens):
            accepted += 1
    assert problems == []
    # Most of the corpus parses; the rest are the syntax-error tests.
    assert accepted > len(PROGRAMS) // 2


def test_parsers_agree_on_mutations_of_the_corpus():
    rng = random.Random(SEED)
    problems = []
    outcomes = {True: 0, False: 0}
    for path, tokens in corpus():
        if any(t.name == "ERROR" for t in tokens):
            continue
        for i in range(MUTANTS_PER_PROGRAM):
            mutant = mutate(tokens, rng)
            problem = disagreement(mutant)
            if problem:
                problems.append("%s, mutant %d: %s\n    %s" % (
                    path, i, problem, source_of(mutant)[:300]))
            else:
                outcomes[rply_accepts(mutant)] += 1
    assert problems[:10] == [], "%d disagreements" % len(problems)
    # Both outcomes are well represented, so agreement means something.
    assert outcomes[True] > 200 and outcomes[False] > 1000, outcomes


def test_handmade_near_misses_agree():
    # Programs one token away from valid, at the places the two parsers
    # are written differently (assignment targets, calls, super, for).
    sources = [
        "a.b = c = d;", "a.b.c(1)(2).d = 3;", "a + b = c;", "(a) = 1;",
        "a = b.c;", "-a = 1;", "f() = 1;", "super.m = 1;", "this = 1;",
        "print super.m(1, 2);", "print super.m;", "super();", "print a.;",
        "f(1,);", "f(,1);", "for (;;) print 1;", "for (var i; ;) ;",
        "for (a = 1; a; a = a) {}", "for (print 1;;) {}", "if (a) var b;",
        "while (a) fun f() {}", "class A < B { m() {} n(a, b) { } }",
        "class A { var x; }", "fun f(a,) {}", "fun (a) {}", "return;",
        "var a = b = c;", "var a.b = 1;", "a and b or c = d;",
        "!a.b = c;", "a.b.c;", "a(b)(c);", "print;", ";",
    ]
    problems = [(s, disagreement(tokenize(s))) for s in sources]
    assert [p for p in problems if p[1]] == []


def test_every_operator_of_the_grammar_is_compiled():
    # Operators are declared once in parser.py; the compiler must know how
    # to compile each binary one.
    from minilang.compiler import BINARY_OPS
    for rule, tokens, is_logical in parser.OPERATOR_LEVELS:
        if not is_logical:
            for token in tokens:
                assert token in BINARY_OPS, token
