"""The pipeline: what minilang does with a program, one stage per call.

    source  -> tokens         lexer.tokenize
#> step 2
    tokens  -> tree           parser.parse (ast.py)
    tree    -> resolved tree  resolver.resolve
#< step 2
#> step 3
    resolved tree -> Code     compiler.compile_program
#< step 3
#> step 4
    Code    -> run            run_code (interpreter.run)
#< step 4

`run_source` is the whole of it, and everything that runs a program goes
through it: the command line (commandline.py) and the tests;
#> step 4
the REPL (repl.py);
#< step 4
#> step 9
the trace harness (jitview/harness.py, which stops at the Code, hands it
to the JIT as a string, codeloader.py, and runs it with `run_code`).
#< step 9
It can stop after a stage and print it (the options of commandline.SHOW).
#> step 2
Errors are reported here, in Lox's format, as they are found.
#< step 2
"""

from minilang.errors import EXIT_OK
#before step 4: from minilang.errors import EXIT_USAGE
from minilang.lexer import tokenize, show_tokens
from minilang.streams import stdout, write_error_line
#> step 2 the grammar
from minilang import ast, compile_errors, errors
from minilang.errors import EXIT_COMPILE_ERROR, FoundErrors
from minilang.parser import parse, SyntaxErrorsFound
from minilang.resolver import resolve
from minilang.rlib.rstackovf import StackOverflow, check_stack_overflow
#< step 2
#> step 3 bytecode
from minilang.compiler import compile_program
from minilang.disassembler import disassemble
#before step 7: from minilang.lexer import line_of
#< step 3
#> step 4 the interpreter loop
from minilang.errors import LoxRuntimeError, EXIT_RUNTIME_ERROR
from minilang.frame import Frame
from minilang.interpreter import run
from minilang.functions import W_Closure
#< step 4
#> step 5 variables
from minilang.globalscope import Globals
#< step 5
#> step 6 functions
from minilang.builtins import define_builtins
#< step 6
#> step 15 the profiler
from minilang import profiler
#< step 15

# How far run_source goes: RUN all the way; the SHOW_ stages stop after a
# stage and print it.
#> step 3
# COMPILE stops at the Code and hands it back (the trace harness and the
# tests take the program from there).
#< step 3
RUN = 0
SHOW_TOKENS = 1       # minilang --tokens
#> step 2
SHOW_TREE = 2         # minilang --ast
#< step 2
#> step 3
SHOW_CODE = 3         # minilang --dis
COMPILE = 4
#< step 3


class Outcome(object):
    """What run_source ended with."""

    def __init__(self, status, code, compile_errors):
        self.status = status                  # the exit status (errors.py)
        self.code = code                      # the script's Code, or None
        self.compile_errors = compile_errors  # the lines it reported


def run_source(source, globals, stop, clox_limits=False):
    """Run the Lox program `source` with the global variables `globals`
    (new_globals(); the REPL keeps them from line to line), or go as far
    as `stop` says; `clox_limits` (minilang --clox-limits) compiles with
    clox's 256 constants per function.  Errors are reported on standard
    error as they are found; the Outcome says how it ended."""
    tokens = tokenize(source)
    if stop == SHOW_TOKENS:
        return shown(show_tokens(tokens))
    #> step 2
    code = None
    found = FoundErrors()       # what the resolver and the compiler find
    try:
        tree = parse(tokens)
        if stop == SHOW_TREE:
            return shown(ast.show_program(tree))
        resolve(tree, found)
        #> step 3
        if not found.has_errors():
            #before step 7: later = construct_of_a_later_chapter(tokens)
            #before step 7: if later is not None: return later
            code = compile_program(tree, globals, found, clox_limits)
        #< step 3
    except SyntaxErrorsFound:
        found = None            # compile_errors.py finds them again
    except StackOverflow:
        return too_deeply_nested()
    if found is None or found.has_errors():
        return compile_failed(tokens, found)
    #< step 2
    #> step 3
    if stop == SHOW_CODE:
        return shown(disassemble(code))
    if stop == COMPILE:
        return Outcome(EXIT_OK, code, [])
    #< step 3
    #> step 4
    return Outcome(run_code(code), code, [])
    #< step 4
    #before step 4: write_error_line("minilang: this step runs no program "
    #before step 4:                  "yet; --help lists what it shows.")
    #before step 4: return Outcome(EXIT_USAGE, None, [])


def shown(text):
    """A stage printed instead of running the program."""
    stdout.write(text)
    return Outcome(EXIT_OK, None, [])


#> step 2
def compile_failed(tokens, found):
    """Report the compile errors in clox's words and order (compile_errors
    .py parses the tokens again to find them); `found` is None if the
    tokens did not parse."""
    try:
        messages = compile_errors.report(tokens, found)
    except StackOverflow:
        return too_deeply_nested()
    for message in messages:
        write_error_line(message)
    return Outcome(EXIT_COMPILE_ERROR, None, messages)


#> step 3
#before step 7: # A `(` after one of these calls what comes before it.
#before step 7: CALLEE_ENDS = ["IDENTIFIER", "RIGHT_PAREN", "STRING", "NUMBER", "NIL",
#before step 7:                "TRUE", "FALSE", "THIS", "SUPER"]
#before step 7: 
#before step 7: 
#before step 7: def construct_of_a_later_chapter(tokens):
#before step 7:     """Report the first token of a construct that a later chapter adds
#before step 7:     (errors.LATER_CHAPTERS) as a compile error; None if there is none."""
#before step 7:     previous = ""
#before step 7:     for token in tokens:
#before step 7:         name = token.name
#before step 7:         if name == "LEFT_PAREN" and previous in CALLEE_ENDS:
#before step 7:             name = "CALL"
#before step 7:         previous = token.name
#before step 7:         if name in errors.LATER_CHAPTERS:
#before step 7:             what, chapter = errors.LATER_CHAPTERS[name]
#before step 7:             message = errors.compile_error(
#before step 7:                 line_of(token), " at '%s'" % token.value,
#before step 7:                 errors.arrives_later(what, chapter))
#before step 7:             write_error_line(message)
#before step 7:             return Outcome(EXIT_COMPILE_ERROR, None, [message])
#before step 7:     return None
#< step 3


def too_deeply_nested():
    """The parser, the resolver, the compiler or a printer of the tree, all
    recursive, ran out of stack: a program nested deeper than the binary's
    stack."""
    check_stack_overflow()
    message = errors.too_deeply_nested()
    write_error_line(message)
    return Outcome(EXIT_COMPILE_ERROR, None, [message])
#< step 2


def new_globals():
    """The global variables a program starts with (None before chapter 5
    has any)."""
    #> step 5
    globals = Globals()
    #> step 6
    define_builtins(globals)
    #< step 6
    return globals
    #< step 5
    #before step 5: return None


#> step 4
class OutOfMemoryReported(Exception):
    """The program ran out of memory and was told so: the REPL ends too
    (the binary's GC raises MemoryError once; the next time it aborts)."""


def run_code(code):
    """Run the script's Code; report a runtime error.  Returns the exit
    status."""
    frame = Frame(code, None, 0)
    frame.push(W_Closure(code, []))
    try:
        #> step 15
        profiler.run_sampled(run, frame)
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
#< step 4
