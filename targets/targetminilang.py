"""The RPython translation target: `rpython --opt=jit targets/targetminilang.py`.

RPython imports this file under Python 2.7, calls `target()` to learn the
entry point, analyses every function reachable from it and writes a C
program (and, with --opt=jit, a tracing JIT generated from the interpreter
loop in minilang/interpreter.py).  The same entry point, `main`, serves
`python -m minilang` on CPython 3.
"""

import os
import sys

# minilang/ is the directory above this one.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                os.pardir))

from minilang.main import main  # noqa: E402


def entry_point(argv):
    return main(argv)


def target(driver, args):
    driver.exe_name = 'minilang-%(backend)s'
    if driver.config.translation.jit:
        driver.exe_name = 'minilang-jit'
    else:
        driver.exe_name = 'minilang-nojit'
    return entry_point, None


def jitpolicy(driver):
    from rpython.jit.codewriter.policy import JitPolicy
    return JitPolicy()
