"""minilang.opcodes.OPS: the instruction table is consistent, and every
opcode is compiled, dispatched by the interpreter and disassembled."""

import re

import pytest

from minilang import interpreter
from minilang import opcodes as op
from minilang.disassembler import disassemble, instruction
from minilang.errors import InternalError
from minilang.frame import Frame
from minilang.functions import W_Closure

from compiled import compile_code, decode, all_codes, max_stack_depth


# Small programs that between them use every instruction, each with the
# output the spec requires of it.
RUNS = [
    ("print 1; print nil; print true; print false;", "1\nnil\ntrue\nfalse\n"),
    ("var g = 1; g = 2; print g;", "2\n"),
    ("{ var a = 1; a = 2; print a; }", "2\n"),
    ("fun f() { var x = 1; fun g() { x = 2; return x; } x = 3; print x;"
     " print g(); return x; } print f();", "3\n2\n2\n"),
    ("print 1 == 2; print 1 != 2; print 1 > 2; print 1 >= 2;",
     "false\ntrue\nfalse\nfalse\n"),
    ("print 1 < 2; print 1 <= 2; print 1 + 2; print 1 - 2;",
     "true\ntrue\n3\n-1\n"),
    ("print 1 * 2; print 1 / 2; print !true; print -1;",
     "2\n0.5\nfalse\n-1\n"),
    ("if (true) print 1; else print 2;", "1\n"),
    ("var w = 0; while (w < 2) { print w; w = w + 1; }", "0\n1\n"),
    ("for (var i = 0; i < 2; i = i + 1) print i;", "0\n1\n"),
    ("print nil and 1; print nil or 1;", "nil\n1\n"),
    ("fun f(a) { return a; } print f(1);", "1\n"),
    ("class A { init(x) { this.x = x; } m() { return this.x; } }"
     " var a = A(1); print a.x; a.m(); a.x = 2; print a.m();", "1\n2\n"),
    ("class A { m() { return 1; } }"
     " class B < A { m() { return super.m() + 1; } n() { return super.m; } }"
     " print B().m(); print B().n()();", "2\n1\n"),
    # 256 constants, then the 257th: an index that takes a prefix.
    ("0;" * 256 + " print 256;", "256\n"),
]
SNIPPETS = [source for source, output in RUNS]

OPCODE_NAMES = [info.name for info in op.OPS]


def compiled_opcode_names():
    used = set()
    for source in SNIPPETS:
        for code in all_codes(compile_code(source)):
            for ins in decode(code):
                used.add(ins.name)
    return used


# ------------------------------------------------------------- the table

def test_numbers_are_dense_and_unique():
    numbers = [info.number for info in op.OPS]
    assert numbers == list(range(len(op.OPS)))
    assert len(op.OPS) < 256          # an opcode is one byte


def test_names_are_unique_and_match_the_module_constants():
    assert len(set(OPCODE_NAMES)) == len(OPCODE_NAMES)
    assert op.NAMES == OPCODE_NAMES
    for info in op.OPS:
        assert getattr(op, info.name) == info.number


def test_no_stray_opcode_constants():
    # Every upper-case int in the module is an opcode (or a size table).
    constants = [name for name, value in vars(op).items()
                 if name.isupper() and isinstance(value, int)]
    assert sorted(constants) == sorted(OPCODE_NAMES + ["CAPTURE_SIZE"])


@pytest.mark.parametrize("info", op.OPS, ids=OPCODE_NAMES)
def test_operand_kinds_and_sizes(info):
    assert set(info.operands) <= set(op.OPERAND_SIZE)
    assert info.size == 1 + sum(op.OPERAND_SIZE[k] for k in info.operands)
    assert info.clox_size >= 0
    assert info.meaning
    if info.pops_args:
        assert info.operands.endswith("n")


def test_clox_sizes_of_the_instructions_clox_does_not_have():
    assert op.OPS[op.MAKE_CELL].clox_size == 0
    for name in ("NOT_EQUAL", "GREATER_EQUAL", "LESS_EQUAL"):
        # clox emits two instructions (e.g. GREATER NOT) for these.
        assert op.OPS[getattr(op, name)].clox_size == 2
    assert op.OPS[op.JUMP].clox_size == 3
    assert op.OPS[op.CONSTANT].clox_size == 2


def test_stack_effect():
    assert op.stack_effect(op.CONSTANT, 0) == 1
    assert op.stack_effect(op.POP, 0) == -1
    assert op.stack_effect(op.CALL, 3) == -3
    assert op.stack_effect(op.INVOKE, 2) == -2
    assert op.stack_effect(op.SUPER_INVOKE, 2) == -3
    assert op.stack_effect(op.ADD, 5) == -1      # argc ignored


# ----------------------------------------------- every opcode is dispatched
#
# Proved by running: each opcode's snippet runs in this process with its
# output; then, with the table's constant for that opcode moved to a byte
# no instruction has, the same compiled code must reach the loop's
# "unknown opcode" error at that instruction.  So the loop dispatches the
# opcode by comparing with the table's constant, and nothing else handles it.

class Collect(object):
    """Stands in for minilang.streams.stdout: what the program prints."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


def run_in_process(code, monkeypatch):
    out = Collect()
    monkeypatch.setattr(interpreter, "stdout", out)
    frame = Frame(code, None, 0)
    frame.push(W_Closure(code, []))
    interpreter.run(frame)
    return "".join(out.parts)


def snippet_using(name):
    for source, output in RUNS:
        for code in all_codes(compile_code(source)):
            if name in [ins.name for ins in decode(code)]:
                return source, output
    raise AssertionError("no snippet compiles to %s" % name)


@pytest.mark.parametrize("name", OPCODE_NAMES)
def test_interpreter_dispatches_the_opcode_to_its_branch(name, monkeypatch):
    source, output = snippet_using(name)
    code = compile_code(source)
    assert run_in_process(code, monkeypatch) == output
    number = getattr(op, name)
    monkeypatch.setattr(op, name, 255)
    with pytest.raises(InternalError) as info:
        run_in_process(code, monkeypatch)
    assert str(info.value).startswith("unknown opcode %d at " % number)


def test_a_byte_that_is_no_opcode_is_an_internal_error(monkeypatch):
    code = compile_code("print 1;")
    code.bytecode = chr(255) + code.bytecode[1:]
    with pytest.raises(InternalError) as info:
        run_in_process(code, monkeypatch)
    assert str(info.value) == "unknown opcode 255 at 0 in "


# ------------------------------------------- every opcode is compiled

def test_every_opcode_is_emitted_by_the_compiler():
    missing = set(OPCODE_NAMES) - compiled_opcode_names()
    assert missing == set()


@pytest.mark.parametrize("source", SNIPPETS)
def test_snippets_decode_and_keep_consistent_stack_depth(source):
    for code in all_codes(compile_code(source)):
        assert code.frame_size >= max_stack_depth(code)


# ------------------------------------------- every opcode is disassembled

@pytest.mark.parametrize("source", SNIPPETS)
def test_snippet_disassembles(source):
    code = compile_code(source)
    text = disassemble(code)
    for c in all_codes(code):
        header = "== %s ==" % (c.name or "<script>")
        assert header in text
        for ins in decode(c):
            row, after = instruction(c, ins.pc)
            assert ins.name in row
            assert row.startswith("%04d" % ins.pc)
            size = ins.info.size + 2 * len(ins.upvalues)
            if ins.name == "EXTENDED_ARG":
                # Its row and the next instruction's, with the whole index.
                size += c.next_pc(ins.pc + size) - (ins.pc + size)
                assert row.count("\n") == 1
            assert after == ins.pc + size


def test_every_opcode_name_appears_in_a_disassembly():
    text = "".join(disassemble(compile_code(s)) for s in SNIPPETS)
    seen = set(re.findall(r"^\d{4} +(?:\d+|\|) ([A-Z_]+)", text, re.M))
    assert seen == set(OPCODE_NAMES)


def test_every_snippet_runs_with_its_output():
    # Compiled code that is never run could hide an opcode with a broken
    # handler: run them all (in this process or on the binary).
    import os
    import tempfile
    from runner import run
    directory = tempfile.mkdtemp()
    try:
        for i, (source, output) in enumerate(RUNS):
            path = os.path.join(directory, "s%d.lox" % i)
            with open(path, "w") as f:
                f.write(source)
            assert run([path]) == (0, output, ""), source
            os.unlink(path)
    finally:
        os.rmdir(directory)


# ------------------------------------------- the byte layout, pinned

def test_closure_layout_in_bytes():
    # CLOSURE k, then (is_local, index) per captured variable: clox's.
    from compiled import function_named
    code = compile_code("fun f() { var x = 1; var y = 2;"
                        " fun g() { return y + x; } }")
    f = function_named(code, "f")
    closure = [i for i in decode(f) if i.name == "CLOSURE"][0]
    k = closure.args[0]
    assert f.constants[k].name == "g"
    assert f.bytecode[closure.pc:closure.pc + 6] == "".join(
        chr(b) for b in [op.CLOSURE, k, 1, 2, 1, 1])
    assert f.next_pc(closure.pc) == closure.pc + 6


def test_jump_offsets_are_big_endian_two_bytes():
    code = compile_code("if (true) {" + " print 1;" * 100 + " }")
    jump = [i for i in decode(code) if i.name == "JUMP_IF_FALSE"][0]
    offset = jump.args[0]
    assert offset > 255
    assert code.bytecode[jump.pc:jump.pc + 3] == "".join(
        chr(b) for b in [op.JUMP_IF_FALSE, offset >> 8, offset & 0xff])
    assert op.encode_operand('j', 0x1234) == [0x12, 0x34]
    assert op.encode_operand('k', 7) == [7]
