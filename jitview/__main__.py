"""jitview: see what the JIT makes of a Lox program (or of a program in
another language, with --lang: jitview/adapter.py).

    python -m jitview [--lang LANG] [--raw] [--without NAMES] PROG.lox...
        (Python 2.7 with rpython) run each program under RPython's JIT,
        untranslated (the JIT is built once, then each program takes
        seconds), and print every loop and bridge it compiled; with
        --without, the JIT built without those techniques (comma-separated
        names of minilang/techniques.py: it sets MINILANG_WITHOUT)
    python -m jitview --log JIT.LOG [--raw] [PROG.lox]   (Python 2.7 or 3)
        print a log written by
        PYPYLOG=jit-log-opt,jit-summary:JIT.LOG bin/minilang PROG.lox
        the same way (PROG.lox gives the source lines)
    python -m jitview --html PAGE.html [--without NAMES] PROG.lox
    python -m jitview --html PAGE.html --log JIT.LOG [PROG.lox]
        the same as one page to open in a browser (jitview/html.py); with
        --without, the default build beside the one without NAMES (the
        default build runs in a second process: one process builds one set)

--raw prints operations exactly as the log has them (descriptors in full).
With JITVIEW_BUILD_LOG=FILE in the environment, what RPython prints while
the JIT is imported and built (gcc's warnings when it first compiles its C
helpers, [version:WARNING], its progress) goes to FILE instead of the
terminal; if the build fails, the error goes there too and jitview says
where (exit status 70).  `make trace` sets it to build/trace.log.
--lang LANG (any form; `make trace LANG=bf`) runs or reads programs of
another interpreter: bf (Brainfuck, brainfuck/), or an adapter's module
(it sets JITVIEW_LANG; the default is lox; --without is minilang's).
`make trace FILE=prog.lox`, `make trace WITHOUT=NAMES FILE=prog.lox` and
`make trace LOG=jit.log FILE=prog.lox` run these (HTML=PAGE.html adds
--html).  Exit status: 0, 64 for a usage error (running programs on
Python 3 is one), 74 for an unreadable file, 65 for a log without loops,
bridges or summary, or the program's own status if it failed.
"""

import os
import sys
import time

USAGE = ("usage: python -m jitview [--lang LANG] [--raw] [--without NAMES] "
         "PROG.lox...\n"
         "       python -m jitview --log JIT.LOG [--raw] [PROG.lox]\n"
         "       python -m jitview --html PAGE.html [--without NAMES] "
         "PROG.lox\n"
         "       python -m jitview --html PAGE.html --log JIT.LOG [PROG.lox]")


def take_option(args, name):
    """The value after `name` in args (both removed), None if absent,
    False if `name` ends the list."""
    if name not in args:
        return None
    at = args.index(name)
    if at + 1 >= len(args):
        return False
    value = args[at + 1]
    del args[at:at + 2]
    return value


class BuildFailed(Exception):
    pass


class QuietBuild(object):
    """`with QuietBuild(path):` sends what is written to file descriptors
    1 and 2 (sys.stdout and sys.stderr, and C code and subprocesses alike)
    to the file `path` (appended) for the block; with path None it does
    nothing.  An exception in the block is written there too and becomes
    BuildFailed, whose message names the file."""

    def __init__(self, path):
        self.path = path

    def __enter__(self):
        if self.path is None:
            return self
        sys.stdout.flush()
        sys.stderr.flush()
        directory = os.path.dirname(self.path)
        if directory and not os.path.isdir(directory):
            os.makedirs(directory)
        self.log = open(self.path, "ab")
        self.saved = [os.dup(1), os.dup(2)]
        self.streams = sys.stdout, sys.stderr
        os.dup2(self.log.fileno(), 1)
        os.dup2(self.log.fileno(), 2)
        return self

    def __exit__(self, kind, value, tb):
        if self.path is None:
            return False
        if kind is not None and not issubclass(kind, KeyboardInterrupt):
            import traceback
            traceback.print_exception(kind, value, tb)
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(self.saved[0], 1)
        os.dup2(self.saved[1], 2)
        for fd in self.saved:
            os.close(fd)
        sys.stdout, sys.stderr = self.streams
        self.log.close()
        if kind is not None and not issubclass(kind, KeyboardInterrupt):
            raise BuildFailed("building the JIT failed: %s: %s (what RPython "
                              "printed is in %s)"
                              % (kind.__name__, value, self.path))
        return False


def read_text(path):
    """A file's bytes, as a str of the running Python (on Python 3 decoded
    as latin-1, as minilang.rlib does: one character per byte)."""
    with open(path, "rb") as f:
        data = f.read()
    return data if str is bytes else data.decode("latin-1")


def main(argv):
    args = list(argv[1:])
    raw = "--raw" in args
    if raw:
        args.remove("--raw")
    lang = take_option(args, "--lang")
    if lang is False:
        sys.stderr.write(USAGE + "\n")
        return 64
    if lang is not None:
        # Before the adapter is imported; children (--html) inherit it.
        from jitview import adapter as adapters
        os.environ[adapters.ENV] = lang
    page = take_option(args, "--html")
    save_log = take_option(args, "--save-log")    # internal: for --html
    logfile = None
    if "--log" in args:
        at = args.index("--log")
        if at + 1 >= len(args):
            sys.stderr.write(USAGE + "\n")
            return 64
        logfile = args[at + 1]
        del args[at:at + 2]
    without = None
    if "--without" in args:
        at = args.index("--without")
        if at + 1 >= len(args) or logfile is not None:
            sys.stderr.write(USAGE + "\n")
            return 64
        without = args[at + 1]
        del args[at:at + 2]
    if page is False or save_log is False or (
            (page or save_log) and (raw or len(args) > 1)):
        sys.stderr.write(USAGE + "\n")
        return 64
    if without is not None:
        # Before minilang is imported: techniques.py reads it at import.
        if "minilang.techniques" in sys.modules:
            sys.stderr.write("jitview: --without comes too late: minilang "
                             "is already imported\n")
            return 64
        os.environ["MINILANG_WITHOUT"] = without
    if lang is not None:
        try:
            __import__(adapters.module_name(lang))
        except ImportError as e:
            sys.stderr.write("jitview: no language %s (%s)\n" % (lang, e))
            return 64
    if (logfile is None and not args) or (logfile and len(args) > 1) \
            or any(a.startswith("-") for a in args):
        sys.stderr.write(USAGE + "\n")
        return 64
    try:
        sources = [read_text(path) for path in args]
        text = read_text(logfile) if logfile else None
    except (IOError, OSError) as e:
        sys.stderr.write("jitview: cannot read %s\n" % (e.filename,))
        return 74
    from jitview import log, render
    if page and logfile is not None:
        from jitview import html
        return html.log_page(page, logfile, text, args[0] if args else None,
                             sources[0] if sources else None)
    if logfile is not None:
        lines = sources[0].splitlines() if sources else None
        sys.stdout.write(render.render(log.parse(text), lines, raw))
        return 0
    from jitview.adapter import current
    adapter = current()
    if adapter.error():
        sys.stderr.write("jitview: %s\n" % adapter.error())
        return 64
    if sys.version_info[0] != 2:
        # The JIT runs on RPython, which is Python 2.7 only.
        sys.stderr.write(
            "jitview: running programs under the JIT needs Python 2.7 with "
            "rpython (this is Python %d.%d): run it as `make trace "
            "FILE=prog.lox`; a binary's log is read on Python 3 too (python "
            "-m jitview --log JIT.LOG)\n" % sys.version_info[:2])
        return 64
    start, cpu = time.time(), time.clock()
    try:
        with QuietBuild(os.environ.get("JITVIEW_BUILD_LOG") or None):
            if page or save_log:
                from jitview import counting
                counting.install()       # before the build: it binds methods
            from jitview.harness import Harness
            jit = Harness()
    except BuildFailed as e:
        sys.stderr.write("jitview: %s\n" % e)
        return 70
    if page:
        from jitview import html
        return html.harness_page(page, args[0], sources[0], without)
    if save_log:
        from jitview import html
        return html.save_run_log(save_log, sources[0])
    description = adapter.description()
    sys.stdout.write("jitview: built %s's JIT in %.1f s (%.1f s of "
                     "CPU)%s\n" % (adapter.NAME, time.time() - start,
                                   time.clock() - cpu,
                                   ", " + description if description else ""))
    status = 0
    for path, source in zip(args, sources):
        cpu = time.clock()
        run = jit.run(source)
        sys.stdout.write("jitview: %s ran in %.1f s (%.1f s of CPU), exit "
                         "status %d; its output:\n"
                         % (path, run.seconds, time.clock() - cpu,
                            run.status))
        sys.stdout.write(run.output)
        sys.stdout.write("\n" + run.render(raw=raw))
        sys.stdout.flush()
        status = status or run.status
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
