"""The command line, the same for `python -m minilang` and `bin/minilang`.

#> step 4
    minilang FILE         run a file
    minilang              a REPL: each line runs at the top level (repl.py)
#< step 4
    minilang --tokens FILE  print the tokens of FILE (lexer.py)
#> step 2
    minilang --ast FILE   print the syntax tree of FILE (ast.py)
#< step 2
#> step 3
    minilang --dis FILE   print the bytecode of FILE instead of running it
    minilang --clox-limits FILE   compile with clox's limits (codebuilder.py)
#< step 3
    minilang --help       every option (and --version)
#> step 7 the heap limit
    minilang --max-heap SIZE FILE   run with the heap limited (64MB, 2GB;
                                    heaplimit.py)
#< step 7
#> step 15
    minilang --profile OUT FILE     run, writing a sampling profile of the
                                    Lox functions to OUT (profiler.py)
#< step 15
#> step 9
    minilang --jit OPTIONS FILE     run with the JIT tuned or off, as PyPy's
                                    --jit ('off', 'threshold=N,...')
#< step 9

The options are declared once, in OPTIONS below: the parser, the usage line
of a usage error and the `--help` text are all made from that table, so an
option added there is listed everywhere.  What is done with a program is
pipeline.py's; this file parses the options and reports.

`main(argv)` returns the exit code and never lets a Python exception
escape: a Lox error is reported in the spec's format, and a bug inside
minilang itself is reported as one (which exception, and where if known).
#> step 4
A program that runs away ends cleanly: Ctrl-C ends the run (exit 130; in
the REPL it abandons the line), and a closed standard output ends it
quietly (exit 141).
#< step 4
#> step 7 the heap limit
Out of memory is a runtime error (exit 70).
#< step 7
#> step 6
The native `exit(n)` ends a run or the REPL with status n, after flushing
standard output as any other end does.
#< step 6
"""

from minilang import __version__, errors
from minilang.errors import (OutputClosed,
                             EXIT_OK, EXIT_USAGE, EXIT_COMPILE_ERROR,
                             EXIT_RUNTIME_ERROR, EXIT_IO_ERROR,
                             EXIT_OUTPUT_CLOSED)
from minilang.pipeline import run_source, new_globals, RUN, SHOW_TOKENS
#> step 2
from minilang.pipeline import SHOW_TREE
#< step 2
#> step 3
from minilang.pipeline import SHOW_CODE
#< step 3
from minilang.rlib.debug import describe_exception
from minilang.rlib.streamio import read_file
from minilang.streams import stdout, write_error_line
#> step 2
from minilang.errors import InternalError
#< step 2
#> step 4 the interpreter loop
from minilang.errors import Interrupted, EXIT_INTERRUPTED
from minilang.pipeline import OutOfMemoryReported
from minilang.repl import repl
from minilang.rlib.signals import install_signal_handlers
#< step 4
#> step 9
from minilang.interpreter import jitdriver
from minilang.rlib.jit import set_user_param, TraceLimitTooHigh
#< step 9
#> step 6 natives
from minilang.errors import Exit
#< step 6
#> step 7 the heap limit
from minilang.heaplimit import parse_size, limit_heap
from minilang.rlib.memory import lift_heap_limit
#< step 7
#> step 15 the profiler
from minilang import profiler
from minilang.profiler import CannotSample
#< step 15
#> step 9 the techniques, switchable
from minilang import techniques
#< step 9


class Option(object):
    def __init__(self, name, short, argument, meaning):
        self.name = name            # "--dis"
        self.short = short          # "-h", or "" if none
        self.argument = argument    # the name of its value ("OUT"), or ""
        self.meaning = meaning      # one line for --help


OPTIONS = [
    Option("--help", "-h", "", "print this help and exit"),
    Option("--version", "", "", "print the version and exit"),
    Option("--tokens", "", "", "print the file's tokens instead of running "
           "it"),
    #> step 2
    Option("--ast", "", "", "print the file's syntax tree instead of "
           "running it"),
    #< step 2
    #> step 3
    Option("--dis", "", "", "print the file's bytecode instead of running it"),
    Option("--clox-limits", "", "", "compile with clox's limit of 256 "
           "constants per function (default: 65,536)"),
    #< step 3
    #> step 7
    Option("--max-heap", "", "SIZE", "limit the heap (e.g. 64MB, 2GB; "
           "default: half the memory)"),
    #< step 7
    #> step 9
    Option("--jit", "", "OPTIONS", "tune the JIT as PyPy's --jit: 'off' or "
           "'threshold=N,trace_limit=N,...' (untranslated: no JIT, no effect)"),
    #< step 9
    #> step 15
    Option("--profile", "", "OUT", "write a sampling profile of the Lox "
           "functions to OUT (read it with tools/profile-report)"),
    #< step 15
]

# The options that stop the pipeline after a stage and print it, and the
# stage each one stops at.
SHOW = ["--tokens"]
SHOW_STAGES = [SHOW_TOKENS]
#> step 2
SHOW += ["--ast"]
SHOW_STAGES += [SHOW_TREE]
#< step 2
#> step 3
SHOW += ["--dis"]
SHOW_STAGES += [SHOW_CODE]
#< step 3


def option_named(arg):
    for option in OPTIONS:
        if arg == option.name or (option.short != "" and arg == option.short):
            return option
    return None


def spelled(option, separator):
    """`-h, --help`: the option's forms, and its argument's name if it has
    one."""
    text = option.name
    if option.short != "":
        text = option.short + separator + text
    if option.argument != "":
        text += " " + option.argument
    return text


def usage_line():
    words = ["Usage: minilang"]
    for option in OPTIONS:
        words.append("[" + spelled(option, " | ") + "]")
    words.append("[path]")
    return " ".join(words)


def help_text():
    lines = [usage_line()]
    #> step 9
    if techniques.DESCRIPTION != "":
        lines.append("This minilang is built %s (--version)."
                     % techniques.DESCRIPTION)
    #< step 9
    #> step 4
    lines.append("Run the Lox program in the file at path; without a path, "
                 "start a REPL.")
    #< step 4
    #before step 4: lines.append("Show what minilang makes of the file.")
    lines.append("")
    lines.append("Options:")
    for option in OPTIONS:
        names = spelled(option, ", ")
        lines.append("  " + names + " " * max(1, 18 - len(names)) +
                     option.meaning)
    lines.append("")
    lines.append("Exit codes: %d success, %d usage error, %d compile error, "
                 "%d runtime error, %d unreadable file." % (
                     EXIT_OK, EXIT_USAGE, EXIT_COMPILE_ERROR,
                     EXIT_RUNTIME_ERROR, EXIT_IO_ERROR))
    return "\n".join(lines) + "\n"


class Arguments(object):
    """The command line, parsed: the options given (name -> value, "" for
    an option without one) and the paths."""

    def __init__(self):
        self.options = {}
        self.paths = []

    def has(self, name):
        return name in self.options


def parse_arguments(args):
    """Parse the arguments after the program name; None if they are not a
    valid command line (a usage error)."""
    parsed = Arguments()
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if len(arg) > 1 and arg[0] == "-":
            option = option_named(arg)
            if option is None:
                return None
            value = ""
            if option.argument != "":
                if i >= len(args):
                    return None
                value = args[i]
                i += 1
            parsed.options[option.name] = value
        else:
            parsed.paths.append(arg)
    if len(parsed.paths) > 1:
        return None
    if len(parsed.paths) == 0 and shown_stage(parsed) != RUN:
        return None
    #> step 15
    if len(parsed.paths) == 0 and parsed.has("--profile"):
        return None
    #< step 15
    if len([name for name in SHOW if parsed.has(name)]) > 1:
        return None
    return parsed


def shown_stage(parsed):
    """Where the pipeline stops: the stage of the option of SHOW given, or
    RUN."""
    for i in range(len(SHOW)):
        if parsed.has(SHOW[i]):
            return SHOW_STAGES[i]
    return RUN


def version_line():
    #> step 9
    """`minilang 0.1`, and which JIT techniques this build is without
    (techniques.py), e.g. `minilang 0.1 (without maps, inlining)`."""
    #< step 9
    #before step 9: """`minilang 0.1`."""
    line = "minilang %s" % __version__
    #> step 9
    if techniques.DESCRIPTION != "":
        line += " (%s)" % techniques.DESCRIPTION
    #< step 9
    return line


def main(argv):
    #> step 9
    if techniques.ERROR != "":
        # An unknown name in MINILANG_WITHOUT (read when minilang was
        # imported): untranslated only, a binary's set is fixed.
        write_error_line("minilang: " + techniques.ERROR)
        return EXIT_USAGE
    #< step 9
    parsed = parse_arguments(argv[1:])
    if parsed is None:
        write_error_line(usage_line())
        return EXIT_USAGE
    if parsed.has("--help"):
        stdout.write(help_text())
        stdout.flush()
        return EXIT_OK
    if parsed.has("--version"):
        stdout.write(version_line() + "\n")
        stdout.flush()
        return EXIT_OK
    #> step 7 the heap limit
    heap_limit = -1
    if parsed.has("--max-heap"):
        heap_limit = parse_size(parsed.options["--max-heap"])
        if heap_limit <= 0:
            write_error_line("minilang: --max-heap wants a size such "
                             "as 512MB or 2GB, not '%s'."
                             % parsed.options["--max-heap"])
            return EXIT_USAGE
    #< step 7
    #> step 9
    if parsed.has("--jit"):
        status = tune_jit(parsed.options["--jit"])
        if status != EXIT_OK:
            return status
    #< step 9
    #> step 4
    install_signal_handlers()
    #< step 4
    #> step 7
    limit_heap(heap_limit)
    try:
        return run_and_flush(parsed)
    finally:
        lift_heap_limit()
    #< step 7
    #before step 7: return run_and_flush(parsed)


def run_and_flush(parsed):
    """run_command, then standard output flushed."""
    status = run_command(parsed)
    try:
        stdout.flush()
    except OutputClosed:
        status = EXIT_OUTPUT_CLOSED
    return status


#> step 9
def tune_jit(text):
    """--jit TEXT: hand TEXT to RPython's set_user_param, PyPy's --jit
    ('off', 'default', or 'name=N,...' with the names of rpython.rlib.jit's
    PARAMETERS).  Untranslated the stand-in only checks it."""
    try:
        set_user_param(jitdriver, text)
    except TraceLimitTooHigh:
        write_error_line("minilang: --jit: trace_limit may be at most 16384.")
        return EXIT_USAGE
    except ValueError:
        write_error_line("minilang: --jit wants 'off' or parameters such as "
                         "'threshold=1039,trace_limit=6000', not '%s'."
                         % text)
        return EXIT_USAGE
    return EXIT_OK
#< step 9


def run_command(parsed):
    """Do what the command line asks; report how a run ended if the
    pipeline did not (a closed output, a bug in minilang, ...)."""
    try:
        if len(parsed.paths) == 0:
            #> step 4
            return repl(parsed.has("--clox-limits"))
            #< step 4
            #before step 4: write_error_line(usage_line())
            #before step 4: return EXIT_USAGE
        #> step 15
        if parsed.has("--profile"):
            return profile_file(parsed.paths[0], parsed.options["--profile"],
                                parsed.has("--clox-limits"))
        #< step 15
        return run_file(parsed.paths[0], shown_stage(parsed),
                        parsed.has("--clox-limits"))
    #> step 4
    except OutOfMemoryReported:
        return EXIT_RUNTIME_ERROR
    #< step 4
    #> step 6 natives
    except Exit as e:
        # The native exit(n) (builtins.py); main() flushes the output.
        return e.status
    #< step 6
    #> step 4
    except Interrupted:
        return EXIT_INTERRUPTED
    #< step 4
    except OutputClosed:
        return EXIT_OUTPUT_CLOSED
    #> step 7
    except MemoryError:
        # Out of memory outside the interpreter loop (which reports it
        # with a stack trace): compiling a huge program.
        lift_heap_limit()
        write_error_line(errors.OUT_OF_MEMORY)
        return EXIT_RUNTIME_ERROR
    #< step 7
    #> step 2
    except InternalError as e:
        write_error_line("minilang: internal error: %s" % e.message)
        return EXIT_RUNTIME_ERROR
    #< step 2
    except Exception as e:
        write_error_line("minilang: internal error: unexpected %s "
                         "(a bug in minilang)" % describe_exception(e))
        return EXIT_RUNTIME_ERROR


def run_file(path, stop, clox_limits):
    """Run the file at `path` (or stop where `stop` says: pipeline.py)."""
    try:
        source = read_file(path)
    except OSError:
        write_error_line(errors.cannot_open_file(path))
        return EXIT_IO_ERROR
    return run_source(source, new_globals(), stop, clox_limits).status


#> step 15
def profile_file(path, profile_path, clox_limits):
    """minilang --profile OUT FILE: run FILE, sampled into OUT."""
    if not profiler.open_file(profile_path, path):
        write_error_line(errors.cannot_write_profile(profile_path))
        return EXIT_IO_ERROR
    try:
        return run_file(path, RUN, clox_limits)
    except CannotSample:
        write_error_line(errors.cannot_write_profile(profile_path))
        return EXIT_IO_ERROR
    finally:
        profiler.close_file()
#< step 15
