"""The seam between jitview and an interpreter: all jitview knows of one.

jitview (the harness that builds a JIT once and runs programs under it,
the listing and the page, the trace assertions of Run) works for any
RPython interpreter with a JitDriver.  The interpreter plugs in with a
module, its *adapter*, defining these names (minilang/jitadapter.py is
Lox's, brainfuck/jitadapter.py Brainfuck's):

    NAME                  the interpreter's name in messages ("minilang")
    entry_point()         the RPython function entry(data) that runs the
                          program `data` (a string, what front_end made of
                          the source) and returns the exit status; the
                          harness builds the JIT for it once.  (A function
                          returning it, so that the module can import the
                          interpreter's heavier parts inside it.)
    front_end(source)     on the host, untranslated: a program's source
                          text -> the string entry takes, or None after
                          writing why it cannot run to standard error
    FRONT_END_STATUS      the exit status of a run front_end refused
    parse_location(text)  (opname, pc, line, function) of a text the
                          JitDriver's get_printable_location wrote, None
                          for any other text; imports nothing of RPython
                          (logs are read on Python 3 too).  `line` is the
                          source line the listing and the page show.
    host_location(greenkey)  the same text as get_printable_location, from
                          the JIT's boxes of the green variables, computed
                          on the host (faster than the llinterp); raise
                          anything to let the harness ask the llinterp
    POLL                  {opname: count}: operations the interpreter puts
                          into every loop itself (minilang: the Ctrl-C
                          poll), which tests add with harness.with_polls;
                          {} if none
    INLINE                whether the JIT may inline calls (the binary's
                          setting)
    description()         what follows "built NAME's JIT in ... s" (e.g.
                          the techniques switched off), or ""
    error()               a configuration error to report, or None

The program's output must go to file descriptor 1 (the harness captures
it there).  One process runs one language: the adapter is chosen by the
environment variable JITVIEW_LANG (set by `python -m jitview --lang` and
`make trace LANG=...`) before the first use, and stays.
"""

import os
import sys

ENV = "JITVIEW_LANG"
DEFAULT = "lox"
# The languages of this repository by short name; any other adapter is
# named by its module (JITVIEW_LANG=mylang.jitadapter).
LANGUAGES = {"lox": "minilang.jitadapter", "bf": "brainfuck.jitadapter"}

_current = []


def module_name(lang):
    return LANGUAGES.get(lang, lang)


def current():
    """The adapter module of this process's language (imported once)."""
    if not _current:
        name = module_name(os.environ.get(ENV) or DEFAULT)
        __import__(name)
        _current.append(sys.modules[name])
    return _current[0]
