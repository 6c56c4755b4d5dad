"""Native functions: Lox-callable functions written in RPython.

Each native takes the list of its arguments (already checked against its
arity by the interpreter) and returns a Lox value.  `define_builtins`
puts them into a program's globals before it runs: they are ordinary
globals, which a program may define again (`fun read() {...}` replaces
the native, as clox lets a program replace `clock`).

Besides clox's `clock`, the natives that real Lox programs use to talk to
the world, as the extended clox of loxlox defines them (docs/LANGUAGE.md,
section 12):

    read()            the next byte of standard input (0-255), nil at its end
    utf(b1, b2, b3, b4)   the string of those bytes; b2-b4 may be nil
    printerr(value)   value and a newline on standard error, as print does
    exit(status)      end the program with that status (0-255)

Bytes are text: minilang's strings are byte strings (a Lox string holds
the bytes of its source; print writes them unchanged), so `utf` makes a
string of one to four bytes, which is one UTF-8 character if they are
one's encoding.
"""

from minilang import errors
from minilang.errors import Exit, LoxRuntimeError
from minilang.functions import W_Native
from minilang.values import W_Number, W_String, w_nil
from minilang.rlib.jit import dont_look_inside
from minilang.rlib.rtime import processor_time
from minilang.streams import stdin, write_error_line


def clock(args):
    """clock(): processor time used so far, in seconds."""
    return W_Number(processor_time())


def read(args):
    """read(): the next byte of standard input, or nil at its end."""
    byte = stdin.read_byte()
    if byte < 0:
        return w_nil
    return W_Number(float(byte))


def byte_value(value):
    """The byte a Lox value stands for: a whole number from 0 to 255;
    -1 if it is anything else."""
    if not isinstance(value, W_Number):
        return -1
    number = value.value
    if not (number >= 0.0 and number <= 255.0):      # (false for NaN)
        return -1
    byte = int(number)
    if float(byte) != number:
        return -1
    return byte


@dont_look_inside
def utf(args):
    """utf(b1, b2, b3, b4): the string of the bytes given, skipping nils
    after the first."""
    chars = []
    for i in range(len(args)):
        value = args[i]
        if i > 0 and value is w_nil:
            continue
        byte = byte_value(value)
        if byte < 0:
            raise LoxRuntimeError(errors.UTF_BYTE)
        chars.append(chr(byte))
    return W_String("".join(chars))


# Out of the JIT's sight, as print (interpreter.print_value): formatting
# and writing a line gain nothing from being traced.
@dont_look_inside
def printerr(args):
    """printerr(value): value and a newline on standard error, after
    everything printed so far on standard output."""
    write_error_line(args[0].str())
    return w_nil


def exit(args):
    """exit(status): end the program; main.py flushes standard output and
    returns the status."""
    status = byte_value(args[0])
    if status < 0:
        raise LoxRuntimeError(errors.EXIT_STATUS)
    raise Exit(status)


BUILTINS = [("clock", 0, clock), ("read", 0, read), ("utf", 4, utf),
            ("printerr", 1, printerr), ("exit", 1, exit)]


def define_builtins(globals):
    for name, arity, function in BUILTINS:
        globals.define(name, W_Native(arity, function))
