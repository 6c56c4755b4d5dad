"""Helpers for the bytecode tests: compile a source, decode its Code.

Shared by test_compiler.py and test_opcodes.py.  Decoding is done here
from the opcode table and Code's operand helpers (the ones the loop uses),
independently of minilang's disassembler; test_opcodes.py pins the byte
layout itself.
"""

from minilang import opcodes as op
from minilang.code import Code
from minilang.errors import EXIT_OK, EXIT_COMPILE_ERROR
from minilang.pipeline import run_source, new_globals, COMPILE


def compile_code(source):
    """The script's Code; fails the test if there are compile errors."""
    outcome = run_source(source, new_globals(), COMPILE)
    assert outcome.compile_errors == []
    assert outcome.status == EXIT_OK
    assert outcome.code is not None
    return outcome.code


def compile_errors(source, clox_limits=False):
    """The compile-error lines of a source (as minilang prints them), or []
    if it compiles (with clox's limits if `clox_limits`: --clox-limits)."""
    outcome = run_source(source, new_globals(), COMPILE, clox_limits)
    if outcome.code is not None:
        assert outcome.status == EXIT_OK and outcome.compile_errors == []
        return []
    assert outcome.status == EXIT_COMPILE_ERROR
    assert outcome.compile_errors != []
    return outcome.compile_errors


class Instruction(object):
    def __init__(self, pc, info, args, upvalues):
        self.pc = pc
        self.info = info
        self.name = info.name
        self.args = args            # operand values, in table order
        self.upvalues = upvalues    # CLOSURE: [(is_local, index)]

    def __repr__(self):
        return "%d %s %r" % (self.pc, self.name, self.args)


def decode(code):
    """Every instruction of `code` (not of nested functions), in order,
    read with the opcode table's operand kinds and Code's helpers.  An
    EXTENDED_ARG prefix is an Instruction of its own (its operand the high
    byte); the instruction after it has its whole constant index."""
    result = []
    pc = 0
    while pc < len(code.bytecode):
        start, high = code.decode_start(pc)
        if start != pc:
            result.append(Instruction(pc, op.OPS[code.read_byte(pc)],
                                      [code.read_operand('x', pc + 1)], []))
        info = op.OPS[code.read_byte(start)]
        args = []
        at = start + 1
        for kind in info.operands:
            value = code.read_operand(kind, at)
            if kind in op.PREFIXED_KINDS:
                value |= high
            args.append(value)
            at += op.OPERAND_SIZE[kind]
        upvalues = []
        if info.number == op.CLOSURE:
            for i in range(code.closure_function(pc).upvalue_count):
                upvalues.append((int(code.captures_local(start, i)),
                                 code.capture_index(start, i)))
        result.append(Instruction(start, info, args, upvalues))
        pc = code.next_pc(pc)
    assert pc == len(code.bytecode)
    return result


def names(code):
    return [i.name for i in decode(code)]


def all_codes(code):
    """`code` and every Code nested in it, depth first."""
    result = [code]
    for constant in code.constants:
        if isinstance(constant, Code):
            result.extend(all_codes(constant))
    return result


def function_named(code, name):
    for c in all_codes(code):
        if c.name == name:
            return c
    raise AssertionError("no function %r" % name)


def max_stack_depth(code):
    """The deepest the stack gets (slots included), following every path
    through the bytecode; also checks that paths merge at equal depths."""
    instructions = decode(code)
    at = dict((i.pc, i) for i in instructions)
    following_pc = {}
    for a, b in zip(instructions, instructions[1:] + [None]):
        following_pc[a.pc] = b.pc if b is not None else None
    depth_at = {}
    work = [(0, 1 + code.arity)]
    deepest = 1 + code.arity
    while work:
        pc, depth = work.pop()
        if pc in depth_at:
            assert depth_at[pc] == depth, (code.name, pc, depth_at[pc], depth)
            continue
        assert pc in at, "jump into the middle of an instruction: %d" % pc
        depth_at[pc] = depth
        ins = at[pc]
        argc = ins.args[-1] if ins.info.pops_args else 0
        after = depth + op.stack_effect(ins.info.number, argc)
        assert after >= 0
        deepest = max(deepest, depth, after)
        following = following_pc[pc]
        if ins.info.number == op.RETURN:
            continue
        if ins.info.number == op.JUMP:
            work.append((following + ins.args[0], after))
            continue
        if ins.info.number == op.JUMP_IF_FALSE:
            work.append((following + ins.args[0], after))
        if ins.info.number == op.LOOP:
            work.append((following - ins.args[0], after))
            continue
        assert following is not None, "falls off the end of " + code.name
        work.append((following, after))
    return deepest
