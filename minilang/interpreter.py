"""The interpreter loop, and the JIT driver that turns it into a tracing JIT.

`execute(frame)` runs one call: a loop that reads an instruction at `pc`,
does it, and goes on.  RPython's JIT is told about this loop by the
`JitDriver` below.  When a loop of the *Lox* program becomes hot (a
backward jump taken often enough), the JIT records the instructions this
loop runs for one iteration (a trace), optimises it and compiles it to
machine code.

Greens and reds: the JIT needs to know which variables identify a position
in the Lox program (greens: the same values mean the same place, so they
are constants in a trace) and which hold the changing state (reds).
"""

import math

from minilang import errors
from minilang import opcodes as op
from minilang import techniques
from minilang.code import Code
from minilang.errors import LoxRuntimeError, InternalError, Interrupted
from minilang.frame import Frame
from minilang.functions import W_Closure
from minilang.values import (W_Number, W_String, w_nil, w_true, w_false,
                             w_bool)
#> step 6 functions
from minilang.functions import W_Native, Cell
#< step 6
#> step 7 classes
from minilang.classes import W_Class, W_BoundMethod
from minilang.instances import W_Instance
#< step 7
#> step 13 maps
from minilang.classes import class_site
#< step 13
from minilang.rlib.jit import (JitDriver, unroll_safe, promote, hint,
                               isvirtual, dont_look_inside)
#> step 7 the heap limit
from minilang.rlib.memory import lift_heap_limit
#< step 7
from minilang.rlib.rstackovf import StackOverflow, check_stack_overflow
from minilang.rlib.signals import interrupt_requested
#> step 15 the profiler
from minilang.rlib.vmprof import profiled, code_unique_id
#< step 15
from minilang.streams import stdout

# Calls nest at most this deep; the next one is "Stack overflow.".  clox
# allows 64 frames, the spec asks for at least 1,000.  Each Lox call is a
# few nested calls of the interpreter (about 1 KB of C stack in the binary,
# which targets/ lets use 3/4 of the process's stack); if the host stack
# runs out first all the same, `run` reports the same error.
MAX_CALL_DEPTH = 4000


#> step 9 the JitDriver
def get_printable_location(pc, code):
    """How a position in the program is named in JIT traces and logs:
    'OPNAME @pc (line N in FUNCTION)' (parse_printable_location reads it
    back)."""
    name = code.name if code.name else "script"
    return "%s @%d (line %d in %s)" % (op.NAMES[ord(code.bytecode[pc])], pc,
                                       code.lines[pc], name)


def parse_printable_location(text):
    """(opname, pc, line, function) from a text get_printable_location
    wrote, or None for any other text.  For jitview, which reads JIT logs
    (not RPython: nothing in the interpreter calls it)."""
    opname, at, rest = text.partition(" @")
    pc, in_line, rest = rest.partition(" (line ")
    line, in_function, function = rest.partition(" in ")
    if not (opname and at and in_line and in_function and pc.isdigit()
            and line.isdigit() and function.endswith(")")):
        return None
    return opname, int(pc), int(line), function[:-1]


jitdriver = JitDriver(
    # pc: the index of the instruction about to run; code: the Code object
    # being run.  Together they are the position in the Lox program, and
    # for one position everything derived from them (the opcode, its
    # operands, the constants) is the same every time: a trace can treat
    # them as constants.
    greens=['pc', 'code'],
    # frame: everything that changes as the program runs (the values in
    # the slots, the stack pointer).  JIT technique `virtualizable`: it is
    # *virtualizable* (see frame.py); without it, an ordinary red object.
    reds=['frame'],
    virtualizables=['frame'] if techniques.VIRTUALIZABLE else [],
    get_printable_location=get_printable_location,
    # execute() calls itself for each Lox call (through call_closure), so
    # the JIT may inline a callee into the caller's trace.
    is_recursive=True,
    #> step 15 the profiler
    # Which Lox function a piece of JIT-compiled code belongs to: the JIT
    # keeps this id (of the Code, and of every Code inlined into it) beside
    # the machine code, so the profiler can name samples taken inside it.
    get_unique_id=lambda pc, code: code_unique_id(code),
    #< step 15
    name='minilang')
#< step 9


def run(frame):
    """Run `frame` to its RETURN.  A runtime error passing through adds
    this frame's line to its stack trace."""
    try:
        return execute(frame)
    except LoxRuntimeError as e:
        code = frame.code
        e.add_frame(code.lines[frame.pc], code.name)
        raise
    except StackOverflow:
        check_stack_overflow()
        e = LoxRuntimeError(errors.STACK_OVERFLOW)
        code = frame.code
        e.add_frame(code.lines[frame.pc], code.name)
        raise e
    #> step 7 the heap limit
    except MemoryError:
        # The heap reached its limit (heaplimit.py sets it).  The GC raises
        # MemoryError once and leaves room for reporting it; the innermost
        # frame turns it into a runtime error, the others add their lines.
        lift_heap_limit()
        e = LoxRuntimeError(errors.OUT_OF_MEMORY)
        code = frame.code
        e.add_frame(code.lines[frame.pc], code.name)
        raise e
    #< step 7


def check_interrupt():
    """Stop with Interrupted after a Ctrl-C.  Polled where a program can
    run for ever: at each backward jump and as each function starts (a
    recursion need not loop).  In a trace the poll is three operations (a
    load of the C flag the signal handler sets, a comparison, a guard; see
    rlib/signals.py); `execute` keeps it out of inlined calls."""
    if interrupt_requested():
        raise Interrupted()


#> step 15 the profiler
# The profiler (profiler.py) keeps a stack of the Codes being run: this
# decorator pushes frame.code's unique id on entry and pops it on exit.
# The JIT leaves these pushes out of traces (they cost nothing in machine
# code): a loop's machine code pushes one marker of its own, and the ids
# of the Codes it was traced through are found from the code address (see
# get_unique_id above).  When a guard fails, the JIT redoes the pushes for
# the Lox frames it rebuilds.
@profiled("minilang", lambda frame: frame.code)
#< step 15
def execute(frame):
    if techniques.VIRTUALIZABLE:
        # JIT technique `virtualizable`: `access_directly` tells RPython
        # that this function works on the virtualizable frame itself, so
        # its reads and writes of `stack[*]`, `sp` and `pc` are plain field
        # accesses; without it, the translated interpreter checks on each
        # of them whether the JIT holds the frame's fields elsewhere
        # (warm-up, bridges, the blackhole).
        frame = hint(frame, access_directly=True)
    code = frame.code
    pc = 0
    while True:
        #> step 9
        # The top of the loop is the JIT's merge point: a trace is a path
        # from one (pc, code) back to the same (pc, code).
        jitdriver.jit_merge_point(pc=pc, code=code, frame=frame)
        #< step 9
        #> step 6
        if pc == 0:
            #> step 11
            # JIT technique `inlining`, continued: a function's start polls
            # for Ctrl-C, except in a call the tracer inlines, whose frame
            # the trace itself allocated (`isvirtual`, a constant while
            # tracing; False when not).  Every path the machine code can
            # repeat still polls: a loop at its backward jump, a recursion
            # where it enters a function's own compiled code (whose frame
            # comes from outside the trace), anything else in the
            # interpreter.  Without this test a trace polls at each call it
            # inlines: 3 operations of a method's 5, or in a recursive
            # walk of a tree, most of the trace.
            if not isvirtual(frame):
                check_interrupt()
            #< step 11
            #before step 11: check_interrupt()
        #< step 6
        # A constant index above 255 takes a prefix (opcodes.py,
        # EXTENDED_ARG): its instruction starts after it, and `high` is the
        # index's high byte (0 without one).  In a trace both fold away.
        high = code.index_high(pc)
        pc = code.opcode_position(pc)
        opcode = code.read_byte(pc)
        # Only where a runtime error could read it (opcodes.SAVES_PC).
        if op.SAVES_PC[opcode] != '\x00':
            frame.pc = pc
        # The operands start at `arg`; the next instruction's position comes
        # from the opcode table (a constant in a trace, like the opcode).
        arg = pc + 1
        pc += ord(op.SIZES[opcode])

        # ------------------------------------------ constants and the stack
        if opcode == op.CONSTANT:
            frame.push(code.constants[high | code.read_byte(arg)])
        elif opcode == op.NIL:
            frame.push(w_nil)
        elif opcode == op.TRUE:
            frame.push(w_true)
        elif opcode == op.FALSE:
            frame.push(w_false)
        elif opcode == op.POP:
            frame.pop()

        #> step 5 variables
        # ------------------------------------------------------- variables
        elif opcode == op.GET_LOCAL:
            frame.push(frame.load(code.read_byte(arg)))
        elif opcode == op.SET_LOCAL:
            frame.store(code.read_byte(arg), frame.peek(0))
        #> step 6 closures
        elif opcode == op.MAKE_CELL:
            slot = code.read_byte(arg)
            frame.store(slot, Cell(frame.load(slot)))
        elif opcode == op.GET_CELL:
            frame.push(cell_at(frame, code.read_byte(arg)).get())
        elif opcode == op.SET_CELL:
            cell_at(frame, code.read_byte(arg)).set(frame.peek(0))
        elif opcode == op.GET_UPVALUE:
            frame.push(frame.closure.cells[code.read_byte(arg)].get())
        elif opcode == op.SET_UPVALUE:
            frame.closure.cells[code.read_byte(arg)].set(frame.peek(0))
        #< step 6
        elif opcode == op.GET_GLOBAL:
            name = constant_name(code, high | code.read_byte(arg))
            value = code.globals.get(name)
            if value is None:
                raise LoxRuntimeError(errors.undefined_variable(name))
            frame.push(value)
        elif opcode == op.DEFINE_GLOBAL:
            name = constant_name(code, high | code.read_byte(arg))
            code.globals.define(name, frame.pop())
        elif opcode == op.SET_GLOBAL:
            name = constant_name(code, high | code.read_byte(arg))
            cell = code.globals.lookup(name)
            if cell is None:
                raise LoxRuntimeError(errors.undefined_variable(name))
            cell.set(frame.peek(0))
        #< step 5

        #> step 7 classes
        # ------------------------------------------------------ properties
        elif opcode == op.GET_PROPERTY:
            name = constant_name(code, high | code.read_byte(arg))
            get_property(frame, name)
        elif opcode == op.SET_PROPERTY:
            name = constant_name(code, high | code.read_byte(arg))
            instance = frame.peek(1)
            if not isinstance(instance, W_Instance):
                raise LoxRuntimeError("Only instances have fields.")
            value = frame.pop()
            instance.set_field(name, value)
            frame.pop()
            frame.push(value)
        elif opcode == op.GET_SUPER:
            name = constant_name(code, high | code.read_byte(arg))
            superclass = frame.pop()
            assert isinstance(superclass, W_Class)
            receiver = frame.pop()
            frame.push(bind_method(superclass, receiver, name))
        #< step 7

        # ------------------------------------------------------- operators
        elif opcode == op.EQUAL:
            b = frame.pop()
            a = frame.pop()
            frame.push(w_bool(a.equals(b)))
        elif opcode == op.NOT_EQUAL:
            b = frame.pop()
            a = frame.pop()
            frame.push(w_bool(not a.equals(b)))
        elif opcode == op.GREATER:
            a, b = number_operands(frame)
            frame.push(w_bool(a > b))
        elif opcode == op.GREATER_EQUAL:
            a, b = number_operands(frame)
            frame.push(w_bool(a >= b))
        elif opcode == op.LESS:
            a, b = number_operands(frame)
            frame.push(w_bool(a < b))
        elif opcode == op.LESS_EQUAL:
            a, b = number_operands(frame)
            frame.push(w_bool(a <= b))
        elif opcode == op.ADD:
            add(frame)
        elif opcode == op.SUBTRACT:
            a, b = number_operands(frame)
            frame.push(W_Number(a - b))
        elif opcode == op.MULTIPLY:
            a, b = number_operands(frame)
            frame.push(W_Number(a * b))
        elif opcode == op.DIVIDE:
            a, b = number_operands(frame)
            frame.push(W_Number(divide(a, b)))
        elif opcode == op.NOT:
            frame.push(w_bool(not frame.pop().is_truthy()))
        elif opcode == op.NEGATE:
            value = frame.pop()
            if not isinstance(value, W_Number):
                raise LoxRuntimeError(errors.OPERAND_NUMBER)
            frame.push(W_Number(-value.value))
        elif opcode == op.PRINT:
            print_value(frame.pop())

        #> step 5 control flow
        # ---------------------------------------------------- control flow
        elif opcode == op.JUMP:
            pc += code.read_short(arg)
        elif opcode == op.JUMP_IF_FALSE:
            if not frame.peek(0).is_truthy():
                pc += code.read_short(arg)
        elif opcode == op.LOOP:
            pc -= code.read_short(arg)
            check_interrupt()
            #> step 9
            # A backward jump closes a loop of the Lox program: the place
            # where the JIT counts iterations and starts tracing.
            jitdriver.can_enter_jit(pc=pc, code=code, frame=frame)
            #< step 9
        #< step 5

        # ------------------------------------------ functions and classes
        elif opcode == op.RETURN:
            return frame.pop()
        #> step 6 functions
        elif opcode == op.CALL:
            argc = code.read_byte(arg)
            call_value(frame, frame.peek(argc), argc)
        elif opcode == op.CLOSURE:
            function = code.constants[high | code.read_byte(arg)]
            assert isinstance(function, Code)
            frame.push(make_closure(frame, function, code, arg - 1))
            # The instruction ends after its captured variables.
            pc = arg - 1 + op.capture_offset(function.upvalue_count)
        #< step 6
        #> step 7
        elif opcode == op.INVOKE:
            name = constant_name(code, high | code.read_byte(arg))
            argc = code.read_byte(arg + 1)
            invoke(frame, name, argc)
        elif opcode == op.SUPER_INVOKE:
            name = constant_name(code, high | code.read_byte(arg))
            argc = code.read_byte(arg + 1)
            superclass = frame.pop()
            assert isinstance(superclass, W_Class)
            method = superclass.find_method(name)
            if method is None:
                raise LoxRuntimeError(errors.undefined_property(name))
            call_closure(frame, method, argc, frame.peek(argc))
        elif opcode == op.CLASS:
            name = constant_name(code, high | code.read_byte(arg))
            #> step 13 maps
            frame.push(W_Class(name, class_site(code, arg)))
            #< step 13
            #before step 13: frame.push(W_Class(name))
        elif opcode == op.INHERIT:
            superclass = frame.peek(1)
            if not isinstance(superclass, W_Class):
                raise LoxRuntimeError("Superclass must be a class.")
            subclass = frame.pop()
            assert isinstance(subclass, W_Class)
            for name, method in superclass.methods():
                subclass.add_method(name, method)
        elif opcode == op.METHOD:
            name = constant_name(code, high | code.read_byte(arg))
            method = frame.pop()
            klass = frame.peek(0)
            assert isinstance(method, W_Closure)
            assert isinstance(klass, W_Class)
            klass.add_method(name, method)
        #< step 7
        else:
            raise unknown_opcode(opcode, arg - 1, code)


# --------------------------------------------------------------- helpers

# Printing: formatting a value (format_number is C's %g, spelt out in
# RPython string code) and buffering the text are left out of the JIT's
# reach: a trace that prints calls this instead of inlining all of it.  A
# print costs the formatting either way and a system call per 8 KB of
# output, so there is nothing for the JIT to win, and much less of the
# interpreter for it to translate.
@dont_look_inside
def print_value(value):
    stdout.write(value.str() + "\n")


@dont_look_inside
def unknown_opcode(opcode, pc, code):
    """A bug in minilang, never hot: not for the JIT (see print_value)."""
    return InternalError("unknown opcode %d at %d in %s"
                         % (opcode, pc, code.name))


def constant_name(code, index):
    w_name = code.constants[index]
    assert isinstance(w_name, W_String)
    return w_name.value


#> step 6
def cell_at(frame, slot):
    cell = frame.load(slot)
    assert isinstance(cell, Cell)
    return cell
#< step 6


def number_operands(frame):
    """Pop two numbers (the type check comes after both were evaluated)."""
    b = frame.pop()
    a = frame.pop()
    if isinstance(a, W_Number) and isinstance(b, W_Number):
        return a.value, b.value
    raise LoxRuntimeError(errors.OPERANDS_NUMBERS)


def add(frame):
    b = frame.pop()
    a = frame.pop()
    if isinstance(a, W_Number) and isinstance(b, W_Number):
        frame.push(W_Number(a.value + b.value))
    elif isinstance(a, W_String) and isinstance(b, W_String):
        frame.push(W_String(a.value + b.value))
    else:
        raise LoxRuntimeError(errors.OPERANDS_ADD)


def divide(a, b):
    """IEEE division (1/0 is inf, 0/0 is nan), spelled out because Python
    raises ZeroDivisionError where C and clox give these values."""
    if b == 0.0:
        if a != a or a == 0.0:
            return NAN
        return math.copysign(INF, a) * math.copysign(1.0, b)
    return a / b


INF = float("inf")
NAN = INF - INF


#> step 6
@unroll_safe
def make_closure(frame, function, code, pc):
    """CLOSURE at `pc`: capture, for each variable the function uses from
    outside, the Cell it lives in (a cell of this frame, or one this
    closure has)."""
    cells = [None] * function.upvalue_count
    for i in range(function.upvalue_count):
        index = code.capture_index(pc, i)
        if code.captures_local(pc, i):
            cells[i] = cell_at(frame, index)
        else:
            cells[i] = frame.closure.cells[index]
    return W_Closure(function, cells)
#< step 6


#> step 7
def get_property(frame, name):
    instance = frame.peek(0)
    if not isinstance(instance, W_Instance):
        raise LoxRuntimeError("Only instances have properties.")
    # With maps, get_field promotes the instance's map, which holds the
    # class too: get_class costs no second guard.
    value = instance.get_field(name)
    if value is None:
        value = bind_method(instance.get_class(), instance, name)
    frame.pop()
    frame.push(value)


def bind_method(klass, receiver, name):
    method = klass.find_method(name)
    if method is None:
        raise LoxRuntimeError(errors.undefined_property(name))
    return W_BoundMethod(receiver, method)


def invoke(frame, name, argc):
    """INVOKE: `receiver.name(args)` without making a bound method."""
    receiver = frame.peek(argc)
    if not isinstance(receiver, W_Instance):
        raise LoxRuntimeError("Only instances have methods.")
    # With maps, one promote of the map reaches the field layout and the
    # class (the class is an immutable field of the map: no second guard).
    field = receiver.get_field(name)
    if field is not None:
        frame.store(frame.sp - 1 - argc, field)
        call_value(frame, field, argc)
        return
    method = receiver.get_class().find_method(name)
    if method is None:
        raise LoxRuntimeError(errors.undefined_property(name))
    call_closure(frame, method, argc, receiver)
#< step 7


#> step 6
def call_value(frame, callee, argc):
    """Call `callee`, which sits under its `argc` arguments on the stack;
    replace callee and arguments by the result."""
    if isinstance(callee, W_Closure):
        call_closure(frame, callee, argc, callee)
    #> step 7
    elif isinstance(callee, W_BoundMethod):
        call_closure(frame, callee.method, argc, callee.receiver)
    elif isinstance(callee, W_Class):
        instance = callee.instantiate()
        initializer = callee.find_method("init")
        if initializer is not None:
            call_closure(frame, initializer, argc, instance)
        elif argc != 0:
            raise LoxRuntimeError(errors.arity_mismatch(0, argc))
        else:
            frame.pop()
            frame.push(instance)
    #< step 7
    elif isinstance(callee, W_Native):
        call_native(frame, callee, argc)
    else:
        raise LoxRuntimeError(errors.NOT_CALLABLE)


@unroll_safe
def call_closure(frame, closure, argc, receiver):
    """Run `closure` in a new frame whose slot 0 is `receiver` (the
    closure itself, or `this`) and whose next slots are the arguments."""
    if techniques.INLINING:
        # JIT technique `inlining`: the callee's Code becomes a constant of
        # the trace (one guard), so its arity check and frame size fold
        # away, the tracer follows `run` into the callee's bytecode (its
        # operations join the caller's trace) and the new frame can stay
        # virtual: an inlined call allocates nothing.  A recursive call is
        # not unrolled for ever: past a few levels the JIT emits a
        # call_assembler to the callee's own compiled code.
        code = promote(closure.code)
    else:
        #> step 9 the JIT: what a call is without the technique
        # Without the technique `inlining` (chapter 11), the JIT's
        # `inlining` parameter is off as well (set by
        # targets/targetminilang.py and jitview's harness): the tracer
        # stops at each Lox call, and the trace holds a call_may_force of
        # the interpreter's entry (RPython's portal runner, which runs the
        # callee's own compiled code once it has some), after allocating
        # the callee's frame, its stack array and the boxes of the
        # arguments; the result comes back boxed.  (Leaving out the
        # promote alone would not stop the tracer: a call of the
        # interpreter loop guards its green `code` anyway.)
        #< step 9
        code = closure.code
    if argc != code.arity:
        raise LoxRuntimeError(errors.arity_mismatch(code.arity, argc))
    if frame.depth + 1 >= MAX_CALL_DEPTH:
        raise LoxRuntimeError(errors.STACK_OVERFLOW)
    callee_frame = Frame(code, closure, frame.depth + 1)
    callee_frame.push(receiver)
    base = frame.sp - argc
    for i in range(argc):
        callee_frame.push(frame.load(base + i))
    result = run(callee_frame)
    frame.drop(argc + 1)
    frame.push(result)


@unroll_safe
def call_native(frame, native, argc):
    if argc != native.arity:
        raise LoxRuntimeError(errors.arity_mismatch(native.arity, argc))
    args = [frame.peek(argc - 1 - i) for i in range(argc)]
    result = native.function(args)
    frame.drop(argc + 1)
    frame.push(result)
#< step 6
