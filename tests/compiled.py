"""Helpers for the bytecode tests: compile a source, decode its Code.

Shared by test_compiler.py and test_opcodes.py.  Decoding is done here
from the opcode table, independently of minilang's disassembler.
"""

from minilang import opcodes as op
from minilang.code import Code
from minilang.compiler import compile_program
from minilang.errors import FoundErrors
from minilang.lexer import tokenize
from minilang.main import new_globals
from minilang.parser import parse, SyntaxErrorsFound
from minilang import compile_errors


def compile_code(source):
    """The script's Code; fails the test if there are compile errors."""
    tokens = tokenize(source)
    program = parse(tokens)
    found = FoundErrors()
    code = compile_program(program, new_globals(), found)
    assert not found.has_errors(), compile_errors.report(tokens, found)
    assert code is not None
    return code


def compile_errors(source):
    """The compile-error lines of a source (as minilang would print them),
    or [] if it compiles."""
    tokens = tokenize(source)
    try:
        program = parse(tokens)
    except SyntaxErrorsFound:
        return compile_errors.report(tokens, None)
    found = FoundErrors()
    code = compile_program(program, new_globals(), found)
    if not found.has_errors():
        assert code is not None
        return []
    assert code is None
    return compile_errors.report(tokens, found)


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
    """Every instruction of `code` (not of nested functions), in order."""
    result = []
    pc = 0
    bytecode = code.bytecode
    while pc < len(bytecode):
        start = pc
        info = op.OPS[ord(bytecode[pc])]
        pc += 1
        args = []
        for kind in info.operands:
            if kind in "jb":
                args.append((ord(bytecode[pc]) << 8) | ord(bytecode[pc + 1]))
                pc += 2
            else:
                args.append(ord(bytecode[pc]))
                pc += 1
        upvalues = []
        if info.number == op.CLOSURE:
            function = code.constants[args[0]]
            assert isinstance(function, Code)
            for i in range(function.upvalue_count):
                upvalues.append((ord(bytecode[pc]), ord(bytecode[pc + 1])))
                pc += 2
        result.append(Instruction(start, info, args, upvalues))
    assert pc == len(bytecode)
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
