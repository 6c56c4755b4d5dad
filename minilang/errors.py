"""Errors: the two kinds a Lox program can have, and minilang's own bugs.

#> step 2 compile errors
- Compile errors (exit 65) are written by `compile_error`, the only place
  that formats them (`[line N] Error at 'x': message`), for
  `CompileErrors.error_at` and for a program nested too deeply to compile
  (`too_deeply_nested`).  CompileErrors keeps clox's *panic mode*: after
  one error, nothing more is reported until the parser resynchronises at
  the next declaration (`end_declaration`), so one mistake does not cause
  a cascade.  Which errors a clox parse would report after resynchronising
  depends on the tokens it skips, so the final report is always made by
  compile_errors.py, which parses as clox does; the resolver and compiler
  only note their findings in a `FoundErrors` (error -> token) for it.
#< step 2
#> step 4 runtime errors
- Runtime errors (exit 70) are `LoxRuntimeError`s.  Each active call
  frame adds its `[line N] in f()` line as the error passes through it on
  the way out, so the trace is complete without keeping frame links.
#< step 4
#> step 2
- `InternalError` is a bug in minilang, never the program's fault; the
  command line reports it as such instead of showing a traceback.
#< step 2
- `OutputClosed` (standard output went away) ends a run from wherever it
  is, without a message.
#> step 4
- So does `Interrupted` (Ctrl-C).
#< step 4
#> step 6
- So does `Exit`, the native `exit(n)`, with the program's exit status.
#< step 6
#> step 7
- Out of memory is a runtime error ("Out of memory.") with its stack trace.
#< step 7
"""

#> step 2
from minilang.lexer import line_of
#< step 2
#> step 4
from minilang.rlib.jit import dont_look_inside
#< step 4

EXIT_OK = 0
EXIT_USAGE = 64
EXIT_COMPILE_ERROR = 65
EXIT_RUNTIME_ERROR = 70
EXIT_IO_ERROR = 74
EXIT_INTERRUPTED = 130      # 128 + SIGINT, what a shell shows after Ctrl-C
EXIT_OUTPUT_CLOSED = 141    # 128 + SIGPIPE, as Unix tools end on `| head`
#> step 2 compile errors


class ErrorSink(object):
    """Receives the compile errors found at tokens.  This base class drops
    them (compile_errors.py uses it while replaying scopes whose errors are
    already known); the two subclasses keep them."""

    def error_at(self, token, message):
        pass


def compile_error(line, where, message):
    """A compile error's line: `where` is " at 'x'", " at end" or ""."""
    return "[line %d] Error%s: %s" % (line, where, message)


def too_deeply_nested():
    """The error of a program nested deeper than the parser, the compiler
    or a printer of the syntax tree can recurse: reported at no token."""
    return compile_error(1, "", "Program too deeply nested.")


class CompileErrors(ErrorSink):
    """Collects compile errors in source order, clox style."""

    def __init__(self):
        self.messages = []
        self.panic = False

    def error_at(self, token, message):
        if self.panic:
            return
        self.panic = True
        if token.name == "EOF":
            where = " at end"
        elif token.name == "ERROR":
            where = ""
        else:
            where = " at '%s'" % token.value
        self.messages.append(compile_error(line_of(token), where, message))

    def end_declaration(self):
        """clox's synchronize() point: report errors again from here on."""
        self.panic = False

    def has_errors(self):
        return len(self.messages) > 0


class FoundErrors(ErrorSink):
    """Errors the resolver and compiler found, by the token they are at."""

    def __init__(self):
        self.at_position = {}      # token's source offset -> [message]
        self.count = 0

    def error_at(self, token, message):
        position = token.getsourcepos().idx
        if position not in self.at_position:
            self.at_position[position] = []
        self.at_position[position].append(message)
        self.count += 1

    def has_errors(self):
        return self.count > 0
#< step 2
#> step 4 runtime errors


class LoxRuntimeError(Exception):
    """A runtime error of the Lox program: message plus stack trace."""

    def __init__(self, message):
        self.message = message
        self.trace = []

    # Error paths run once per error, never hot: the JIT calls these
    # formatting helpers instead of compiling their string code into its
    # interpreter (less to translate; traces are unchanged, as the error
    # branches are guard failures there).
    @dont_look_inside
    def add_frame(self, line, function_name):
        if function_name == "":
            self.trace.append("[line %d] in script" % line)
        else:
            self.trace.append("[line %d] in %s()" % (line, function_name))
#< step 4

#> step 2


class InternalError(Exception):
    """A bug inside minilang (corrupt bytecode, an impossible state)."""

    def __init__(self, message):
        self.message = message
#< step 2
#> step 4


class Interrupted(Exception):
    """Ctrl-C: the interpreter saw SIGINT while running."""
#< step 4


class OutputClosed(Exception):
    """Writing standard output failed because its reader went away."""
#> step 6


class Exit(Exception):
    """The program called `exit(status)` (builtins.py)."""

    def __init__(self, status):
        self.status = status
#< step 6
#> step 2


# Messages raised from more than one place are written once, here.
#< step 2
#> step 4
OPERANDS_NUMBERS = "Operands must be numbers."
OPERAND_NUMBER = "Operand must be a number."
OPERANDS_ADD = "Operands must be two numbers or two strings."
NOT_CALLABLE = "Can only call functions and classes."
STACK_OVERFLOW = "Stack overflow."
OUT_OF_MEMORY = "Out of memory."
#< step 4
#> step 2
TOO_MANY_ARGUMENTS = "Can't have more than 255 arguments."
TOO_MANY_PARAMETERS = "Can't have more than 255 parameters."
RETURN_AT_TOP = "Can't return from top-level code."
RETURN_FROM_INIT = "Can't return a value from an initializer."
THIS_OUTSIDE_CLASS = "Can't use 'this' outside of a class."
SUPER_OUTSIDE_CLASS = "Can't use 'super' outside of a class."
SUPER_NO_SUPERCLASS = "Can't use 'super' in a class with no superclass."
INHERIT_SELF = "A class can't inherit from itself."
#< step 2
#> step 6
# The natives' (builtins.py).
EXIT_STATUS = "Exit status must be a whole number from 0 to 255."
UTF_BYTE = "utf() arguments must be bytes (whole numbers from 0 to 255) " \
           "or nil after the first."
#< step 6
#> step 4


# Formatted messages: out of the JIT's sight, as add_frame above.
@dont_look_inside
def undefined_variable(name):
    return "Undefined variable '%s'." % name


@dont_look_inside
def undefined_property(name):
    return "Undefined property '%s'." % name


@dont_look_inside
def arity_mismatch(expected, got):
    return "Expected %d arguments but got %d." % (expected, got)
#< step 4


#> step 3 the constructs of later chapters, in a step before them
#before step 7: # The first token of each construct that a chapter after this step
#before step 7: # adds: what it is, and the chapter (pipeline.py reports the first one
#before step 7: # a program uses instead of compiling it).  "CALL" is a `(` that calls.
#before step 7: LATER_CHAPTERS = {}
#before step 5: LATER_CHAPTERS["VAR"] = ("variables", 5)
#before step 5: LATER_CHAPTERS["IDENTIFIER"] = ("variables", 5)
#before step 5: LATER_CHAPTERS["EQUAL"] = ("assignments", 5)
#before step 5: LATER_CHAPTERS["LEFT_BRACE"] = ("blocks", 5)
#before step 5: LATER_CHAPTERS["IF"] = ("if statements", 5)
#before step 5: LATER_CHAPTERS["ELSE"] = ("if statements", 5)
#before step 5: LATER_CHAPTERS["WHILE"] = ("loops", 5)
#before step 5: LATER_CHAPTERS["FOR"] = ("loops", 5)
#before step 5: LATER_CHAPTERS["AND"] = ("logical operators", 5)
#before step 5: LATER_CHAPTERS["OR"] = ("logical operators", 5)
#before step 6: LATER_CHAPTERS["FUN"] = ("functions", 6)
#before step 6: LATER_CHAPTERS["RETURN"] = ("functions", 6)
#before step 6: LATER_CHAPTERS["CALL"] = ("calls", 6)
#before step 7: LATER_CHAPTERS["CLASS"] = ("classes", 7)
#before step 7: LATER_CHAPTERS["THIS"] = ("classes", 7)
#before step 7: LATER_CHAPTERS["SUPER"] = ("classes", 7)
#before step 7: LATER_CHAPTERS["DOT"] = ("properties", 7)
#before step 7: 
#before step 7: 
#before step 7: def arrives_later(what, chapter):
#before step 7:     return "%s arrive in chapter %d." % (what, chapter)
#< step 3


# Messages of the command line (commandline.py).
def cannot_open_file(path):
    return 'Could not open file "%s".' % path


#> step 15
def cannot_write_profile(path):
    return 'Could not write profile "%s".' % path
#< step 15
