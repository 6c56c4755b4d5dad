"""Compiled programs as strings: for running the JIT without translating.

`jitview` (the trace viewer) and the trace tests run minilang's
interpreter loop under RPython's meta-interpreter on the llinterp, without
translating to C.  There the interpreter is annotated and rtyped once per
process, and every Lox program after that must reach it as *data*: the
front end (pipeline.run_source stopped at the Code: lexer, rply parser,
resolver, compiler) runs as plain Python on the host, `dump` writes the Code tree into a string, and the RPython
function the JIT sees calls `load` to rebuild the same Code objects.  So
the front end is neither annotated nor interpreted on the llinterp (both
slow), and a new program needs no new annotation.

The format, in the order `load` reads it:

    code     := "C" str(name) int(arity) str(bytecode)
                int(n) const*n  int(n) int*n (line of each byte)
                int(frame_size) int(upvalue_count)
#> step 13 maps
                int(n) (str(field name) int(its guess))*n
#< step 13
    const    := "N" int(the float's 64 bits) | "S" str | code
    int      := decimal digits, with "-" if negative, then ","
    str      := int(length) then that many bytes

`dump` runs on the host only (NOT_RPYTHON); `load` is RPython.
"""

from minilang.code import Code
from minilang.errors import InternalError
from minilang.values import W_Number, W_String
from minilang.rlib.longlong2float import bits_to_float, float_to_bits


def dump(code):
    """NOT_RPYTHON: the string `load` turns back into `code`."""
    out = []
    _dump_code(code, out)
    return "".join(out)


def _dump_int(n, out):
    out.append("%d," % n)


def _dump_str(s, out):
    _dump_int(len(s), out)
    out.append(s)


def _dump_code(code, out):
    out.append("C")
    _dump_str(code.name, out)
    _dump_int(code.arity, out)
    _dump_str(code.bytecode, out)
    _dump_int(len(code.constants), out)
    for constant in code.constants:
        if isinstance(constant, W_Number):
            out.append("N")
            _dump_int(float_to_bits(constant.value), out)
        elif isinstance(constant, W_String):
            out.append("S")
            _dump_str(constant.value, out)
        elif isinstance(constant, Code):
            _dump_code(constant, out)
        else:
            raise TypeError("cannot dump constant %r" % (constant,))
    _dump_int(len(code.lines), out)
    for line in code.lines:
        _dump_int(line, out)
    _dump_int(code.frame_size, out)
    _dump_int(code.upvalue_count, out)
    #> step 13
    _dump_int(len(code.field_guesses), out)
    for name, guess in code.field_guesses.items():
        _dump_str(name, out)
        _dump_int(guess, out)
    #< step 13


def load(data, globals):
    """The Code tree `dump` wrote into `data`, bound to `globals`."""
    return Reader(data).code(globals)


class Reader(object):
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def tag(self):
        if self.pos >= len(self.data):
            raise InternalError("truncated compiled program")
        c = self.data[self.pos]
        self.pos += 1
        return c

    def int(self):
        negative = False
        if self.tag() == "-":
            negative = True
        else:
            self.pos -= 1
        n = 0
        while True:
            c = self.tag()
            if c == ",":
                break
            if not ("0" <= c <= "9"):
                raise InternalError("bad number in compiled program")
            n = n * 10 + (ord(c) - ord("0"))
        if negative:
            return -n
        return n

    def str(self):
        length = self.int()
        start = self.pos
        stop = start + length
        if length < 0 or stop > len(self.data):
            raise InternalError("truncated compiled program")
        assert start >= 0 and stop >= 0
        self.pos = stop
        return self.data[start:stop]

    def code(self, globals):
        if self.tag() != "C":
            raise InternalError("expected a code object")
        name = self.str()
        arity = self.int()
        bytecode = self.str()
        constants = [None] * self.int()
        for i in range(len(constants)):
            kind = self.tag()
            if kind == "N":
                constants[i] = W_Number(bits_to_float(self.int()))
            elif kind == "S":
                constants[i] = W_String(self.str())
            else:
                self.pos -= 1
                constants[i] = self.code(globals)
        lines = [0] * self.int()
        for i in range(len(lines)):
            lines[i] = self.int()
        frame_size = self.int()
        upvalue_count = self.int()
        #> step 13
        field_guesses = {}
        for i in range(self.int()):
            field_name = self.str()
            field_guesses[field_name] = self.int()
        return Code(name, arity, bytecode, constants, lines, frame_size,
                    upvalue_count, globals, field_guesses)
        #< step 13
        #before step 13: return Code(name, arity, bytecode, constants, lines, frame_size,
        #before step 13:             upvalue_count, globals)
