"""Exercise 03: the MODULO instruction (run: make exercise NAME=03)."""

import os
import tempfile

from minilang import opcodes as op

from compiled import compile_code, decode
from runner import run


def test_modulo_is_declared_once_in_the_opcode_table():
    assert hasattr(op, "MODULO"), "opcodes.py declares no MODULO"
    info = op.OPS[op.MODULO]
    assert info.name == "MODULO"
    assert info.operands == "", "MODULO takes its operands from the stack"
    assert info.effect == -1, "MODULO pops two values and pushes one"


def test_percent_compiles_to_modulo():
    names = [ins.name for ins in decode(compile_code("print 7 % 3;"))]
    assert names == ["CONSTANT", "CONSTANT", "MODULO", "PRINT", "NIL",
                     "RETURN"], names


def test_operands_are_compiled_first():
    # 1 + 7 % 3: the remainder is computed before the addition.
    names = [ins.name for ins in decode(compile_code("print 1 + 7 % 3;"))]
    assert names[:5] == ["CONSTANT", "CONSTANT", "CONSTANT", "MODULO",
                         "ADD"], names


def test_the_disassembler_shows_it():
    fd, path = tempfile.mkstemp(suffix=".lox")
    try:
        os.write(fd, b"print 7 % 3;\n")
        os.close(fd)
        status, out, err = run(["--dis", path])
    finally:
        os.unlink(path)
    assert status == 0, err
    rows = [line for line in out.splitlines() if " MODULO" in line]
    assert len(rows) == 1, "minilang --dis shows no MODULO row:\n" + out
    # The row is the opcode table's name: the disassembler needs no change.
    assert rows[0].split()[2:] == ["MODULO"], rows[0]
