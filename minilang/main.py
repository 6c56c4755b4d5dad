"""The command line, the same for `python -m minilang` and `bin/minilang`.

    minilang FILE         run a file
    minilang              a REPL: each line runs at the top level
    minilang --tokens FILE  print the tokens of FILE (lexer.py)
    minilang --ast FILE   print the syntax tree of FILE (ast.py)
    minilang --dis FILE   print the bytecode of FILE instead of running it
    minilang --help       every option (and --version)
    minilang --max-heap SIZE FILE   run with the heap limited (64MB, 2GB)
    minilang --profile OUT FILE     run, writing a sampling profile of the
                                    Lox functions to OUT (profiler.py)

The options are declared once, in OPTIONS below: the parser, the usage line
of a usage error and the `--help` text are all made from that table, so an
option added there is listed everywhere.

`main(argv)` returns the exit code and never lets a Python exception
escape: a Lox error is reported in the spec's format, and a bug inside
minilang itself is reported as one (which exception, and where if known).
A program that runs away ends cleanly: out of memory is a runtime error
(exit 70), Ctrl-C ends the run (exit 130; in the REPL it abandons the
line), and a closed standard output ends it quietly (exit 141).  The
native `exit(n)` ends a run or the REPL with status n, after flushing
standard output as any other end does.
"""

import os

from minilang import __version__, errors
from minilang.errors import (FoundErrors, LoxRuntimeError, InternalError,
                             Interrupted, OutputClosed, Exit,
                             EXIT_OK, EXIT_USAGE, EXIT_COMPILE_ERROR,
                             EXIT_RUNTIME_ERROR, EXIT_IO_ERROR,
                             EXIT_INTERRUPTED, EXIT_OUTPUT_CLOSED)
from minilang.lexer import tokenize, show_tokens
from minilang.rlib import (read_file, StackOverflow,
                           check_stack_overflow, install_signal_handlers,
                           interrupt_requested, physical_memory,
                           address_space_left, set_heap_limit,
                           lift_heap_limit, describe_exception,
                           GC_READS_PYPY_GC_MAX)
from minilang.streams import stdout, stdin, write_error_line
#> step 2 the grammar
from minilang import ast
from minilang.parser import parse, SyntaxErrorsFound
from minilang import compile_errors
#< step 2
#> step 3 bytecode
from minilang.compiler import compile_program
from minilang.disassembler import disassemble
#< step 3
#> step 4 the interpreter loop
from minilang.frame import Frame
from minilang.interpreter import run
from minilang.objects import W_Closure
#< step 4
#> step 5 variables
from minilang.globalscope import Globals
#< step 5
#> step 6 functions
from minilang.builtins import define_builtins
#< step 6
#> step 15 the profiler
from minilang import profiler
from minilang.rlib import ProfileError, start_profile, stop_profile
#< step 15
from minilang import techniques


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
    #< step 3
    Option("--max-heap", "", "SIZE", "limit the heap (e.g. 64MB, 2GB; "
           "default: half the memory)"),
    #> step 15
    Option("--profile", "", "OUT", "write a sampling profile of the Lox "
           "functions to OUT (read it with tools/profile-report)"),
    #< step 15
]

# The options that show a stage of the pipeline instead of running the file.
SHOW = ["--tokens", "--ast", "--dis"]


def option_named(arg):
    for option in OPTIONS:
        if arg == option.name or (option.short != "" and arg == option.short):
            return option
    return None


def spelled(option, separator):
    """`-h, --help` / `--profile OUT`: the option's forms and argument."""
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
    if techniques.DESCRIPTION != "":
        lines.append("This minilang is built %s (--version)."
                     % techniques.DESCRIPTION)
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
    if len(parsed.paths) == 0 and (shown_stage(parsed) != "" or
                                   parsed.has("--profile")):
        return None
    if len([name for name in SHOW if parsed.has(name)]) > 1:
        return None
    return parsed


def shown_stage(parsed):
    """The option of SHOW given, or "" to run the file."""
    for name in SHOW:
        if parsed.has(name):
            return name
    return ""


def version_line():
    """`minilang 0.1`, and which JIT techniques this build is without
    (techniques.py), e.g. `minilang 0.1 (without maps, inlining)`."""
    line = "minilang %s" % __version__
    if techniques.DESCRIPTION != "":
        line += " (%s)" % techniques.DESCRIPTION
    return line


def main(argv):
    if techniques.ERROR != "":
        # An unknown name in MINILANG_WITHOUT (read when minilang was
        # imported): untranslated only, a binary's set is fixed.
        write_error_line("minilang: " + techniques.ERROR)
        return EXIT_USAGE
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
    show = shown_stage(parsed)
    args = parsed.paths
    heap_limit = -1
    if parsed.has("--max-heap"):
        heap_limit = parse_size(parsed.options["--max-heap"])
        if heap_limit <= 0:
            write_error_line("minilang: --max-heap wants a size such "
                             "as 512MB or 2GB, not '%s'."
                             % parsed.options["--max-heap"])
            return EXIT_USAGE
    install_signal_handlers()
    limit_heap(heap_limit)
    try:
        profile_path = ""
        if parsed.has("--profile"):
            profile_path = parsed.options["--profile"]
        status = run_command(args, show, profile_path)
        try:
            stdout.flush()
        except OutputClosed:
            status = EXIT_OUTPUT_CLOSED
        return status
    finally:
        lift_heap_limit()


def run_command(args, show, profile_path):
    try:
        if len(args) == 0:
            #> step 4
            return repl()
            #< step 4
            #before step 4: write_error_line(usage_line())
            #before step 4: return EXIT_USAGE
        #> step 15
        if profile_path != "":
            return profile_file(args[0], profile_path)
        #< step 15
        return run_file(args[0], show)
    except Exit as e:
        return e.status
    except Interrupted:
        return EXIT_INTERRUPTED
    except OutputClosed:
        return EXIT_OUTPUT_CLOSED
    except MemoryError:
        # Out of memory outside the interpreter loop (which reports it
        # with a stack trace): compiling a huge program.
        lift_heap_limit()
        write_error_line(errors.OUT_OF_MEMORY)
        return EXIT_RUNTIME_ERROR
    except InternalError as e:
        write_error_line("minilang: internal error: %s" % e.message)
        return EXIT_RUNTIME_ERROR
    except Exception as e:
        write_error_line("minilang: internal error: unexpected %s "
                         "(a bug in minilang)" % describe_exception(e))
        return EXIT_RUNTIME_ERROR


# ------------------------------------------------------------- heap limit

# Without --max-heap (and without PYPY_GC_MAX in the environment) the heap
# may grow to half the machine's memory, or to a third of what `ulimit -v`
# leaves if that is lower: a runaway program then ends with "Out of
# memory." long before it exhausts the machine, or before malloc fails
# outside the GC's control (which would abort the binary).  A third, not
# a half: the GC notices the limit only at a collection, and the JIT's own
# memory (machine code, its tables) also comes out of the address space;
# measured on the JIT binary under `ulimit -v 300M` the heap could reach
# 120MB, not 130MB, before mmap failed.
def default_heap_limit():
    limit = physical_memory() // 2
    address_space = address_space_left()
    if address_space > 0 and address_space // 3 < limit:
        limit = address_space // 3
    return limit


def limit_heap(option):
    if option > 0:
        set_heap_limit(option)
        return
    from_environment = os.environ.get("PYPY_GC_MAX")
    if from_environment:
        if GC_READS_PYPY_GC_MAX:
            return          # the binary's GC has read it already
        limit = parse_size(from_environment)
        if limit > 0:
            set_heap_limit(limit)
            return
    set_heap_limit(default_heap_limit())


UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20,
         "mb": 1 << 20, "g": 1 << 30, "gb": 1 << 30}


def parse_size(text):
    """Bytes in "64MB", "1.5GB", "4096" (units KB/MB/GB, powers of 1024,
    case and B optional, as PYPY_GC_MAX); -1 if it is not a size."""
    end = 0
    while end < len(text) and (text[end].isdigit() or text[end] == "."):
        end += 1
    number = text[:end]
    unit = text[end:].lower()
    if number == "" or number == "." or number.count(".") > 1 or \
            unit not in UNITS:
        return -1
    value = float(number) * UNITS[unit]
    if value >= 1e18:
        return -1
    return int(value)


#> step 3
def new_globals():
    #> step 5
    globals = Globals()
    #> step 6
    define_builtins(globals)
    #< step 6
    return globals
    #< step 5
    #before step 5: return None
#< step 3


def run_file(path, show):
    """Run the file at `path`, or print the stage `show` (an option of
    SHOW) of it."""
    try:
        source = read_file(path)
    except OSError:
        write_error_line(errors.cannot_open_file(path))
        return EXIT_IO_ERROR
    except IOError:
        write_error_line(errors.cannot_open_file(path))
        return EXIT_IO_ERROR
    if show == "--tokens":
        stdout.write(show_tokens(tokenize(source)))
        return EXIT_OK
    #> step 2
    if show == "--ast":
        try:
            tokens = tokenize(source)
            program = parse_or_report(tokens)
            if program is None:
                return EXIT_COMPILE_ERROR
            stdout.write(ast.show_program(program))
        except StackOverflow:
            report_too_deep()
            return EXIT_COMPILE_ERROR
        return EXIT_OK
    #< step 2
    #> step 3
    globals = new_globals()
    code = compile_source(source, globals)
    if code is None:
        return EXIT_COMPILE_ERROR
    if show == "--dis":
        stdout.write(disassemble(code))
        return EXIT_OK
    #< step 3
    #> step 4
    try:
        return run_code(code)
    except OutOfMemoryReported:
        return EXIT_RUNTIME_ERROR
    #< step 4
    #before step 4: write_error_line("minilang: this step runs no program "
    #before step 4:                  "yet; --help lists what it shows.")
    #before step 4: return EXIT_USAGE


#> step 4
class OutOfMemoryReported(Exception):
    """The program ran out of memory and was told so: the REPL ends too
    (the binary's GC raises MemoryError once; the next time it aborts)."""
#< step 4



#> step 15
def profile_file(path, profile_path):
    """minilang --profile OUT FILE: run FILE under the profiler."""
    if not profiler.open_file(profile_path, path):
        write_error_line(errors.cannot_write_profile(profile_path))
        return EXIT_IO_ERROR
    try:
        return run_file(path, "")
    except CannotSample:
        write_error_line(errors.cannot_write_profile(profile_path))
        return EXIT_IO_ERROR
    finally:
        profiler.close_file()


class CannotSample(Exception):
    """rvmprof refused to start on the profile file."""


def run_program(frame):
    """Run the program's top frame, sampled if a profile file is open."""
    if profiler.profile.fd < 0:
        return run(frame)
    try:
        token = start_profile(profiler.profile.fd, profiler.INTERVAL,
                              frame.code)
    except ProfileError:
        raise CannotSample()
    try:
        return run(frame)
    finally:
        stop_profile(token)
#< step 15



#> step 3
def compile_source(source, globals):
    """Compile a program; report compile errors and return None if any."""
    try:
        tokens = tokenize(source)
        program = parse_or_report(tokens)
        if program is None:
            return None
        found = FoundErrors()
        code = compile_program(program, globals, found)
        if found.has_errors():
            report(compile_errors.report(tokens, found))
            return None
        return code
    except StackOverflow:
        report_too_deep()
        return None
#< step 3


#> step 2
def parse_or_report(tokens):
    """The program's AST; None after reporting its syntax errors."""
    try:
        return parse(tokens)
    except SyntaxErrorsFound:
        report(compile_errors.report(tokens, None))
        return None


def report_too_deep():
    """The parser, the compiler or a printer of the AST, all recursive,
    ran out of stack: a program nested deeper than the binary's stack."""
    check_stack_overflow()
    write_error_line(errors.TOO_DEEPLY_NESTED)
#< step 2



#> step 2
def report(messages):
    for message in messages:
        write_error_line(message)
#< step 2


#> step 4


def run_code(code):
    frame = Frame(code, None, 0)
    frame.push(W_Closure(code, []))
    try:
        #> step 15
        run_program(frame)
        #< step 15
        #before step 15: run(frame)
    except LoxRuntimeError as e:
        write_error_line(e.message)
        for line in e.trace:
            write_error_line(line)
        if e.message == errors.OUT_OF_MEMORY:
            raise OutOfMemoryReported()
        return EXIT_RUNTIME_ERROR
    except StackOverflow:
        check_stack_overflow()
        write_error_line(errors.STACK_OVERFLOW)
        return EXIT_RUNTIME_ERROR
    return EXIT_OK


def repl():
    """Ctrl-C while a line is typed or runs abandons it; the session goes
    on with a new prompt, as in Python's REPL."""
    globals = new_globals()
    while True:
        interrupt_requested()         # forget a Ctrl-C from before
        stdout.write("> ")
        stdout.flush()
        line, at_end = stdin.read_line()
        if line is None:
            stdout.write("\n")
            continue
        if at_end and line == "":
            stdout.write("\n")
            return EXIT_OK
        try:
            code = compile_source(line, globals)
            if code is not None:
                run_code(code)
        except Interrupted:
            write_error_line("Interrupted.")
        except OutOfMemoryReported:
            return EXIT_RUNTIME_ERROR
        stdout.flush()
        if at_end:
            stdout.write("\n")
            return EXIT_OK

#< step 4
