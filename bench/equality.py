# Port of equality.lox: a ring of words built by concatenation, each word
# compared with the sixteen Lox keywords in an if-chain, with the previous
# word, and with values of other types.
from loxprint import show


class Word:
    def __init__(self, text, next):
        self.text = text
        self.next = next


def kind(w):
    if w == "and":
        return 1
    if w == "class":
        return 2
    if w == "else":
        return 3
    if w == "false":
        return 4
    if w == "for":
        return 5
    if w == "fun":
        return 6
    if w == "if":
        return 7
    if w == "nil":
        return 8
    if w == "or":
        return 9
    if w == "print":
        return 10
    if w == "return":
        return 11
    if w == "super":
        return 12
    if w == "this":
        return 13
    if w == "true":
        return 14
    if w == "var":
        return 15
    if w == "while":
        return 16
    return 0


# The ring: each word is made by joining two pieces at run time.
def ring():
    first = Word("wh" + "ile", None)
    last = first
    for a, b in [("cl", "ass"), ("wh", "ilst"), ("re", "turn"), ("re", "turn"),
                 ("fa", "lsy"), ("th", "is"), ("th", "at"), ("va", "lue"),
                 ("su", "per"), ("super", "b"), ("f", "or"), ("f", "un"),
                 ("f", "un"), ("pr", "int"), ("pr", "inted")]:
        last.next = Word(a + b, None)
        last = last.next
    last.next = first
    return first


def run(n):
    m = 999983
    keywords = 0
    kinds = 0
    repeats = 0
    word = ring()
    previous = ""
    for i in range(n):
        text = word.text
        k = kind(text)
        if k != 0:
            keywords = keywords + 1
            if keywords == m:
                keywords = 0
            kinds = kinds + k
            if kinds >= m:
                kinds = kinds - m
        if text == previous and text is not None and text != k:
            repeats = repeats + 1
            if repeats == m:
                repeats = 0
        previous = text
        word = word.next
        if word is None:
            return
    show(keywords)
    show(kinds)
    show(repeats)


run(5000000)
