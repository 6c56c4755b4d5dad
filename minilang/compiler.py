"""The compiler: a resolved syntax tree to Code objects (bytecode).

`Compiler` walks the tree, statement by statement and expression by
expression, and emits each node's instructions through the methods it
inherits from CodeBuilder (codebuilder.py: bytes, constants, jumps, stack
depth).  Scopes were settled by the resolver; here a name use is just an
Access to turn into GET_LOCAL / GET_CELL / GET_UPVALUE / GET_GLOBAL.

The code it emits follows clox's, with three differences: `<=`, `>=` and
`!=` are one instruction each where clox emits two (opcodes.py); a local
that a closure captures lives in a cell (MAKE_CELL wraps it where it is
declared), where clox's upvalues point into its stack until the variable
goes out of scope; and a for loop's increment is moved after its body
(increment_after_body: skip it on a first read, it exists only to undo the
cost of clox's one-pass layout; a program runs the same without it).
"""

from minilang import ast
from minilang import opcodes as op
from minilang import resolver
from minilang.codebuilder import CodeBuilder, MAX_JUMP
from minilang.errors import InternalError
from minilang.lexer import line_of
from minilang.values import W_Number, W_String


def compile_program(program, globals, reporter, clox_limits):
    """Compile a resolved program (resolver.resolve found no errors in it);
    return the script's Code, or None if there were compile errors (they
    are noted in `reporter`, a FoundErrors).  `clox_limits`: at most 256
    constants per function, as in clox (codebuilder.py)."""
    builder = Compiler(None, "", 0, program.scope, globals, reporter,
                       clox_limits)
    for statement in program.body:
        builder.statement(statement)
    line = line_of(program.eof)
    builder.emit(op.NIL, line)
    builder.emit(op.RETURN, line)
    if reporter.has_errors():
        return None
    return builder.build()


class Compiler(CodeBuilder):
    """Compiles one function: the tree walk."""
    #> step 5 variables
    # --------------------------------------------------------- variables

    def load(self, access, line):
        if access.kind == resolver.LOCAL:
            if access.local.captured:
                self.emit_arg(op.GET_CELL, access.index, line)
            else:
                self.emit_arg(op.GET_LOCAL, access.index, line)
        elif access.kind == resolver.UPVALUE:
            self.emit_arg(op.GET_UPVALUE, access.index, line)
        else:
            k = self.name_constant(access.name)
            self.emit_arg(op.GET_GLOBAL, k, line)

    def store(self, access, value, line):
        """Assign: evaluate `value`, then store it (it stays on the stack).
        A global's name constant is made first, as clox does."""
        if access.kind == resolver.GLOBAL:
            k = self.name_constant(access.name)
            self.expression(value)
            self.emit_arg(op.SET_GLOBAL, k, line)
            return
        self.expression(value)
        if access.kind == resolver.LOCAL:
            if access.local.captured:
                self.emit_arg(op.SET_CELL, access.index, line)
            else:
                self.emit_arg(op.SET_LOCAL, access.index, line)
        else:
            self.emit_arg(op.SET_UPVALUE, access.index, line)

    def define(self, local, name_constant, line):
        """The value on top becomes the declared variable."""
        if local is None:
            self.emit_arg(op.DEFINE_GLOBAL, name_constant, line)
        elif local.captured:
            self.emit_hidden(op.MAKE_CELL, local.slot, line)

    def pop_locals(self, locals, line):
        for i in range(len(locals) - 1, -1, -1):
            self.emit(op.POP, line)
    #< step 5

    # -------------------------------------------------------- statements

    def statement(self, node):
        if isinstance(node, ast.ExprStmt):
            self.expression(node.expr)
            self.emit(op.POP, line_of(node.last))
        elif isinstance(node, ast.Print):
            self.expression(node.expr)
            self.emit(op.PRINT, line_of(node.last))
        #> step 5 variables and control flow
        elif isinstance(node, ast.Var):
            self.var_declaration(node)
        elif isinstance(node, ast.Block):
            for statement in node.body:
                self.statement(statement)
            self.pop_locals(node.locals, line_of(node.last))
        elif isinstance(node, ast.If):
            self.if_statement(node)
        elif isinstance(node, ast.While):
            self.while_statement(node)
        elif isinstance(node, ast.For):
            self.for_statement(node)
        #< step 5
        #> step 6 functions
        elif isinstance(node, ast.Return):
            self.return_statement(node)
        elif isinstance(node, ast.Function):
            self.function_declaration(node)
        #< step 6
        #> step 7 classes
        elif isinstance(node, ast.Class):
            self.class_declaration(node)
        #< step 7
        else:
            raise InternalError("compiler: unknown statement")

    #> step 5
    def var_declaration(self, node):
        k = 0
        if node.declared is None:
            k = self.name_constant(node.name)
        if node.init is not None:
            self.expression(node.init)
        else:
            self.emit(op.NIL, line_of(node.name))
        self.define(node.declared, k, line_of(node.last))

    def if_statement(self, node):
        self.expression(node.cond)
        line = node.cond.line()
        then_jump = self.emit_jump(op.JUMP_IF_FALSE, line)
        depth = self.depth
        self.emit(op.POP, line)
        self.statement(node.then)
        else_jump = self.emit_jump(op.JUMP, line)
        self.patch_jump(then_jump, node.then.last)
        self.depth = depth
        self.emit(op.POP, line)
        if node.otherwise is not None:
            self.statement(node.otherwise)
            self.patch_jump(else_jump, node.otherwise.last)
        else:
            self.patch_jump(else_jump, node.then.last)

    def while_statement(self, node):
        start = self.loop_start()
        self.expression(node.cond)
        line = node.cond.line()
        exit_jump = self.emit_jump(op.JUMP_IF_FALSE, line)
        depth = self.depth
        self.emit(op.POP, line)
        self.statement(node.body)
        end = node.body.last
        self.emit_loop(start, end)
        self.patch_jump(exit_jump, end)
        self.depth = depth
        self.emit(op.POP, line)

    def for_statement(self, node):
        if node.init is not None:
            self.statement(node.init)
        start = self.loop_start()
        exit_jump = None
        depth = 0
        line = line_of(node.body.last)
        if node.cond is not None:
            self.expression(node.cond)
            line = node.cond.line()
            exit_jump = self.emit_jump(op.JUMP_IF_FALSE, line)
            depth = self.depth
            self.emit(op.POP, line)
        condition = start.position
        jump_at = increment_at = increment_end = 0
        if node.incr is not None:
            body_jump = self.emit_jump(op.JUMP, line)
            jump_at = body_jump.position - 1
            increment_start = self.loop_start()
            increment_at = increment_start.position
            self.expression(node.incr)
            self.emit(op.POP, node.incr.line())
            increment_end = len(self.code)
            self.emit_loop(start, node.incr.last)
            start = increment_start
            self.patch_jump(body_jump, node.incr.last)
        body_start = len(self.code)
        self.statement(node.body)
        end = node.body.last
        self.emit_loop(start, end)
        if node.incr is not None:
            self.increment_after_body(condition, jump_at, increment_at,
                                      increment_end, body_start, end)
        if exit_jump is not None:
            self.patch_jump(exit_jump, end)
            self.depth = depth
            self.emit(op.POP, line)
        self.pop_locals(node.locals, line_of(end))

    def increment_after_body(self, condition, jump, increment, increment_end,
                             body, end):
        """(clox fidelity: skip on a first read.) Move a for loop's increment
        after its body. clox compiles in one pass, so it puts the increment
        before the body, with a JUMP over it and a LOOP after it back to the
        condition: each iteration takes two backward jumps (two dispatches in
        the interpreter, two Ctrl-C polls in a trace). The jump lengths were
        checked, and any error reported, on clox's layout (above); now, if its
        one LOOP fits, the code becomes

            condition  JUMP_IF_FALSE  POP  body  increment  POP  LOOP

        The arguments are positions in the code: `condition` (the loop's
        start), `jump` (the JUMP over the increment), `increment` and
        `increment_end` (before the LOOP after it), `body`; the code ends
        with the body's LOOP.  Every jump inside the increment or the body
        is relative and stays inside it, so each part moves whole."""
        loop_size = op.OPS[op.LOOP].size
        body_end = len(self.code) - loop_size
        assert jump >= 0 and increment >= 0 and body_end >= 0
        code = (self.code[:jump] + self.code[body:body_end] +
                self.code[increment:increment_end])
        offset = len(code) + loop_size - condition
        if offset > MAX_JUMP:
            return                        # clox's layout, as emitted
        lines = (self.lines[:jump] + self.lines[body:body_end] +
                 self.lines[increment:increment_end])
        self.code = code
        self.lines = lines
        saved = self.clox_size            # clox emitted this LOOP already
        self.emit(op.LOOP, line_of(end), [offset])
        self.clox_size = saved
    #< step 5

    #> step 6
    def return_statement(self, node):
        line = line_of(node.last)
        if node.value is not None:
            self.expression(node.value)
        elif self.scope.kind == resolver.INITIALIZER:
            self.load_receiver(line)
        else:
            self.emit(op.NIL, line)
        self.emit(op.RETURN, line)

    def load_receiver(self, line):
        if self.scope.receiver.captured:
            self.emit_arg(op.GET_CELL, 0, line)
        else:
            self.emit_arg(op.GET_LOCAL, 0, line)

    def function_declaration(self, node):
        local = node.declared
        line = line_of(node.name)
        if local is None:
            k = self.name_constant(node.name)
            self.function(node)
            self.emit_arg(op.DEFINE_GLOBAL, k, line)
        elif local.captured:
            # The function may call itself through its own variable, so the
            # cell must exist before the closure captures it.
            self.emit_hidden(op.NIL, 0, line)
            self.emit_hidden(op.MAKE_CELL, local.slot, line)
            self.function(node)
            self.emit_hidden(op.SET_CELL, local.slot, line)
            self.emit_hidden(op.POP, 0, line)
        else:
            self.function(node)

    def function(self, node):
        """Compile a function body into its own Code; emit CLOSURE."""
        scope = node.scope
        body = Compiler(self, node.name.value, len(node.params), scope,
                           self.globals, self.errors, self.clox_limits)
        line = line_of(node.name)
        if scope.receiver.captured:
            body.emit_hidden(op.MAKE_CELL, 0, line)
        for param in scope.params:
            if param.captured:
                body.emit_hidden(op.MAKE_CELL, param.slot, line)
        for statement in node.body:
            body.statement(statement)
        close = line_of(node.last)
        if scope.kind == resolver.INITIALIZER:
            body.load_receiver(close)
        else:
            body.emit(op.NIL, close)
        body.emit(op.RETURN, close)
        k = self.make_constant(body.build(), node.last)
        self.emit_arg(op.CLOSURE, k, close)
        for upvalue in scope.upvalues:
            self.emit_capture(upvalue.is_local, upvalue.index, close)
    #< step 6

    #> step 7
    def class_declaration(self, node):
        name_line = line_of(node.name)
        k = self.name_constant(node.name)
        self.emit_arg(op.CLASS, k, name_line)
        self.define(node.declared, k, name_line)
        if node.superclass is not None:
            super_line = line_of(node.superclass.name)
            self.load(node.superclass.resolved, super_line)
            self.load(self.class_access(node), super_line)
            self.emit(op.INHERIT, super_line)
            self.define(node.super_local, 0, super_line)
        self.load(self.class_access(node), name_line)
        for method in node.methods:
            k = self.name_constant(method.name)
            self.function(method)
            self.emit_arg(op.METHOD, k, line_of(method.last))
        close = line_of(node.last)
        self.emit(op.POP, close)
        if node.superclass is not None:
            self.emit(op.POP, close)


    def class_access(self, node):
        """How the class declaration reaches its own name."""
        local = node.declared
        if local is None:
            return resolver.Access(resolver.GLOBAL, 0, None, node.name)
        return resolver.Access(resolver.LOCAL, local.slot, local, node.name)
    #< step 7

    # ------------------------------------------------------- expressions

    def expression(self, node):
        if isinstance(node, ast.Number):
            k = self.make_constant(W_Number(node.value), node.last)
            self.emit_arg(op.CONSTANT, k, node.line())
        elif isinstance(node, ast.String):
            k = self.make_constant(W_String(node.value), node.last)
            self.emit_arg(op.CONSTANT, k, node.line())
        elif isinstance(node, ast.Literal):
            if node.kind == "TRUE":
                self.emit(op.TRUE, node.line())
            elif node.kind == "FALSE":
                self.emit(op.FALSE, node.line())
            else:
                self.emit(op.NIL, node.line())
        #> step 5
        elif isinstance(node, ast.Variable):
            self.load(node.resolved, node.line())
        elif isinstance(node, ast.Assign):
            self.store(node.resolved, node.value, node.line())
        #< step 5
        elif isinstance(node, ast.Grouping):
            self.expression(node.expr)
        elif isinstance(node, ast.Unary):
            self.expression(node.operand)
            if node.op.name == "MINUS":
                self.emit(op.NEGATE, node.line())
            else:
                self.emit(op.NOT, node.line())
        elif isinstance(node, ast.Binary):
            self.expression(node.left)
            self.expression(node.right)
            self.emit(BINARY_OPS[node.op.name], node.line())
        #> step 5
        elif isinstance(node, ast.Logical):
            self.logical(node)
        #< step 5
        #> step 6
        elif isinstance(node, ast.Call):
            self.call(node)
        #< step 6
        #> step 7
        elif isinstance(node, ast.Get):
            self.expression(node.obj)
            k = self.name_constant(node.name)
            self.emit_arg(op.GET_PROPERTY, k, node.line())
        elif isinstance(node, ast.Set):
            self.expression(node.obj)
            k = self.name_constant(node.name)
            self.expression(node.value)
            #> step 13
            self.guess_field(node.name.value)
            #< step 13
            self.emit_arg(op.SET_PROPERTY, k, node.line())
        elif isinstance(node, ast.This):
            self.load(node.resolved, node.line())
        elif isinstance(node, ast.Super):
            k = self.name_constant(node.name)
            self.load(node.this_resolved, node.line())
            self.load(node.super_resolved, node.line())
            self.emit_arg(op.GET_SUPER, k, node.line())
        #< step 7
        else:
            raise InternalError("compiler: unknown expression")

    #> step 5
    def logical(self, node):
        self.expression(node.left)
        line = node.left.line()
        if node.op.name == "AND":
            end_jump = self.emit_jump(op.JUMP_IF_FALSE, line)
            self.emit(op.POP, line)
            self.expression(node.right)
            self.patch_jump(end_jump, node.right.last)
        else:
            else_jump = self.emit_jump(op.JUMP_IF_FALSE, line)
            end_jump = self.emit_jump(op.JUMP, line)
            self.patch_jump(else_jump, node.op)
            self.emit(op.POP, line)
            self.expression(node.right)
            self.patch_jump(end_jump, node.right.last)
    #< step 5

    #> step 6
    def call(self, node):
        callee = node.callee
        argc = len(node.args)
        line = node.line()
        #> step 7
        if isinstance(callee, ast.Get):
            self.expression(callee.obj)
            k = self.name_constant(callee.name)
            self.arguments(node.args)
            self.emit(op.INVOKE, line, [k, argc])
            return
        if isinstance(callee, ast.Super):
            k = self.name_constant(callee.name)
            self.load(callee.this_resolved, line_of(callee.name))
            self.arguments(node.args)
            self.load(callee.super_resolved, line)
            self.emit(op.SUPER_INVOKE, line, [k, argc])
            return
        #< step 7
        self.expression(callee)
        self.arguments(node.args)
        self.emit_arg(op.CALL, argc, line)

    def arguments(self, args):
        for arg in args:
            self.expression(arg)
    #< step 6


BINARY_OPS = {
    "PLUS": op.ADD, "MINUS": op.SUBTRACT, "STAR": op.MULTIPLY,
    "SLASH": op.DIVIDE, "EQUAL_EQUAL": op.EQUAL, "BANG_EQUAL": op.NOT_EQUAL,
    "GREATER": op.GREATER, "GREATER_EQUAL": op.GREATER_EQUAL,
    "LESS": op.LESS, "LESS_EQUAL": op.LESS_EQUAL,
}
