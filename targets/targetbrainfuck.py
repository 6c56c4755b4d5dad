"""The translation target of the Brainfuck interpreter:
`rpython --opt=jit targets/targetbrainfuck.py` (make translate-bf ->
bin/brainfuck).  The entry point is brainfuck/__main__.py's `main`, the one
`python -m brainfuck` runs untranslated."""

import os
import sys

# brainfuck/ is the directory above this one.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                os.pardir))

from minilang.rlib import host  # noqa: E402
host.translating[0] = True

from brainfuck.__main__ import main  # noqa: E402


def entry_point(argv):
    return main(argv)


def target(driver, args):
    driver.exe_name = "brainfuck-jit" if driver.config.translation.jit \
        else "brainfuck-nojit"
    return entry_point, None


def jitpolicy(driver):
    from rpython.jit.codewriter.policy import JitPolicy
    return JitPolicy()
