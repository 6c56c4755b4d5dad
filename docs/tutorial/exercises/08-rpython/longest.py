"""Exercise 8: make this module RPython (run: make exercise NAME=08).

It runs on CPython (try `python3 longest.py`), but RPython's annotator
rejects it.  The check translates `entry` with RPython's test helper
`interpret` and compares its results with plain Python's.
"""


def longest_word(text):
    """The longest word of `text` (words are separated by single spaces)
    and its length, or None when there is no word at all."""
    best = None
    for word in text.split(" "):
        if word != "" and (best is None or len(word) > best[1]):
            best = (word, len(word))
    return best


def entry(n):
    """What the check runs: the length of the longest word of a text of n
    words ("", "w", "wo", "wor", "word", "", "w", ...), or -1 when the text
    has no word."""
    text = " ".join(["word"[:i % 5] for i in range(n)])
    found = longest_word(text)
    if found is None:
        return -1
    return found[1]


if __name__ == "__main__":
    print([entry(n) for n in range(8)])
