"""The JIT techniques, each one switchable, so a student can measure its worth.

Every technique minilang uses to make its traces short is named here, with
the chapter of the tutorial that adds it.  The code that applies one tests
its flag, e.g.

    if techniques.MAPS:
        ...the instance is laid out by its map...
    else:
        ...a plain dictionary per instance...

The flags are constants, fixed when minilang is imported: RPython folds
each test away, so a binary holds only the code of the techniques it was
translated with and pays nothing for the others.  They are read from the
environment variable MINILANG_WITHOUT, a comma-separated list of names:

    make translate WITHOUT=maps          -> bin/minilang-without-maps
    make trace WITHOUT=maps FILE=f.lox   -> the trace without maps
    MINILANG_WITHOUT=maps,virtualizable python -m minilang f.lox

A translated binary keeps the set it was translated with (`--version`
says which are off); the environment of the binary's run does not matter.
"""

import os

# (name, chapter of docs/tutorial/, what it does): the one list.
TECHNIQUES = [
    ("virtualizable", 10,
     "the frame's slots and stack live in registers inside a trace"),
    ("inlining", 11,
     "a call's Code is promoted, so the tracer follows the call into the "
     "callee; recursion goes through call_assembler"),
    ("constant-globals", 12,
     "a global's value is a quasi-immutable constant until reassigned"),
    ("method-versions", 13,
     "method lookup is an @elidable function of the class and its version"),
    ("maps", 13,
     "instances are laid out by shared maps: a field is an index, not a "
     "dictionary lookup"),
    ("unboxed-numbers", 14,
     "numbers in fields, cells and globals are stored as raw floats"),
]

NAMES = [name for (name, _, _) in TECHNIQUES]


class UnknownTechnique(Exception):
    pass


def parse_without(text):
    """The names in a MINILANG_WITHOUT value; raises UnknownTechnique."""
    names = []
    for part in text.split(","):
        name = part.strip()
        if not name:
            continue
        if name not in NAMES:
            raise UnknownTechnique(
                "MINILANG_WITHOUT: no technique %r; the techniques are: %s"
                % (name, ", ".join(NAMES)))
        names.append(name)
    return names


# An unknown name is not an exception at import (that would be a Python
# traceback from whatever imported minilang first): ERROR keeps the message,
# every technique stays on, and each entry point (main.main, jitview, the
# translation target) reports ERROR and stops before running anything.
try:
    WITHOUT = parse_without(os.environ.get("MINILANG_WITHOUT", ""))
    ERROR = ""
except UnknownTechnique as e:
    WITHOUT = []
    ERROR = str(e)


def enabled(name):
    assert name in NAMES, name
    return name not in WITHOUT


VIRTUALIZABLE = enabled("virtualizable")
INLINING = enabled("inlining")
CONSTANT_GLOBALS = enabled("constant-globals")
METHOD_VERSIONS = enabled("method-versions")
MAPS = enabled("maps")
UNBOXED_NUMBERS = enabled("unboxed-numbers")

# For --version: "" when every technique is on.
DESCRIPTION = ("without " + ", ".join(WITHOUT)) if WITHOUT else ""
