"""The command line, the same for `python -m minilang` and `bin/minilang`.

    minilang FILE         run a file
    minilang              a REPL: each line runs at the top level
    minilang --dis FILE   print the bytecode of FILE instead of running it
    minilang --profile OUT FILE
                          run FILE, writing a sampling profile of its Lox
                          functions to OUT (profiler.py; read it with
                          tools/profile-report OUT)

`main(argv)` returns the exit code and never lets a Python exception
escape: a Lox error is reported in the spec's format, and a bug inside
minilang itself is reported as one.
"""

from minilang import errors
from minilang.builtins import define_builtins
from minilang.compiler import compile_program
from minilang.disassembler import disassemble
from minilang.errors import (FoundErrors, LoxRuntimeError, InternalError,
                             EXIT_OK, EXIT_USAGE, EXIT_COMPILE_ERROR,
                             EXIT_RUNTIME_ERROR, EXIT_IO_ERROR)
from minilang.frame import Frame
from minilang.globalscope import Globals
from minilang.interpreter import run
from minilang.lexer import tokenize
from minilang.objects import W_Closure
from minilang.parser import parse, SyntaxErrorsFound
from minilang.rlib import (read_file, read_chunk, StackOverflow,
                           check_stack_overflow)
from minilang.streams import stdout, write_error_line
from minilang import syntax_errors
from minilang import profiler

USAGE = "Usage: minilang [path]"


def main(argv):
    args = argv[1:]
    dis = False
    profile_path = ""
    if len(args) > 0 and args[0] == "--dis":
        dis = True
        args = args[1:]
    elif len(args) == 3 and args[0] == "--profile":
        profile_path = args[1]
        args = args[2:]
    if len(args) > 1 or (dis and len(args) == 0) or (
            len(args) > 0 and args[0] == "--profile"):
        write_error_line(USAGE)
        return EXIT_USAGE
    try:
        try:
            if len(args) == 0:
                return repl()
            if profile_path != "":
                return profile_file(args[0], profile_path)
            return run_file(args[0], dis)
        except InternalError as e:
            write_error_line("minilang: internal error: %s" % e.message)
            return EXIT_RUNTIME_ERROR
        except Exception:
            write_error_line("minilang: internal error: an unexpected "
                             "exception (a bug in minilang)")
            return EXIT_RUNTIME_ERROR
    finally:
        stdout.flush()


def new_globals():
    globals = Globals()
    define_builtins(globals)
    return globals


def run_file(path, dis):
    try:
        source = read_file(path)
    except OSError:
        write_error_line('Could not open file "%s".' % path)
        return EXIT_IO_ERROR
    except IOError:
        write_error_line('Could not open file "%s".' % path)
        return EXIT_IO_ERROR
    globals = new_globals()
    code = compile_source(source, globals)
    if code is None:
        return EXIT_COMPILE_ERROR
    if dis:
        stdout.write(disassemble(code))
        return EXIT_OK
    return run_code(code)


def profile_file(path, profile_path):
    """minilang --profile OUT FILE: run FILE under the profiler."""
    profile = profiler.start(profile_path, path)
    if profile is None:
        write_error_line('Could not write profile "%s".' % profile_path)
        return EXIT_IO_ERROR
    try:
        return run_file(path, False)
    finally:
        profile.stop()


def compile_source(source, globals):
    """Compile a program; report compile errors and return None if any."""
    try:
        tokens = tokenize(source)
        try:
            program = parse(tokens)
        except SyntaxErrorsFound:
            report(syntax_errors.report(tokens, None))
            return None
        found = FoundErrors()
        code = compile_program(program, globals, found)
        if found.has_errors():
            report(syntax_errors.report(tokens, found))
            return None
        return code
    except StackOverflow:
        check_stack_overflow()
        write_error_line("[line 1] Error: Program too deeply nested.")
        return None


def report(messages):
    for message in messages:
        write_error_line(message)


def run_code(code):
    frame = Frame(code, None, 0)
    frame.push(W_Closure(code, []))
    try:
        run(frame)
    except LoxRuntimeError as e:
        write_error_line(e.message)
        for line in e.trace:
            write_error_line(line)
        return EXIT_RUNTIME_ERROR
    except StackOverflow:
        check_stack_overflow()
        write_error_line(errors.STACK_OVERFLOW)
        return EXIT_RUNTIME_ERROR
    return EXIT_OK


def repl():
    globals = new_globals()
    pending = ""
    while True:
        stdout.write("> ")
        stdout.flush()
        line, pending, at_end = read_line(pending)
        if at_end and line == "":
            stdout.write("\n")
            return EXIT_OK
        code = compile_source(line, globals)
        if code is not None:
            run_code(code)
        stdout.flush()
        if at_end:
            stdout.write("\n")
            return EXIT_OK


def read_line(pending):
    """Read one line from standard input.  Returns (line, what was read
    beyond it, whether input ended)."""
    while True:
        newline = pending.find("\n")
        if newline >= 0:
            return pending[:newline + 1], pending[newline + 1:], False
        chunk = read_chunk(0)
        if not chunk:
            return pending, "", True
        pending += chunk
