"""Quoted blocks of the tutorial, shared by its checks on Python 3
(tests/test_tutorial.py) and on Python 2.7 (tests/jit/test_tutorial_primer.py).
"""


def parts(lines):
    """The runs of `lines` (a list of lines) between lines that are `...`:
    a quoted block may leave out what lies between its runs."""
    run = []
    for line in lines:
        if line.strip() == "...":
            if run:
                yield run
            run = []
        else:
            run.append(line)
    if run:
        yield run
