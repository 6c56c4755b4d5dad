"""Scope resolution: where every variable lives, decided at compile time.

Walks the tree once, in source order, keeping clox's compiler state (a
stack of function scopes, each with its locals and captured variables) and
annotates the tree:

- each name use (`Variable`, `Assign`, `this`, `super`) gets an `Access`:
  a frame slot (LOCAL), a captured variable of the running closure
  (UPVALUE, an index into its cells) or a GLOBAL looked up by name;
- each local declaration gets its `Local`, whose `captured` flag tells the
  compiler that the slot holds a `Cell` (see objects.Cell);
- each function gets its `FunctionScope` (parameters, captured variables,
  kind).

So the interpreter never searches for a name in a chain of scopes: a
local is an index into the frame, fixed in the bytecode.  This pass also
reports clox's scope errors (a variable declared twice, read in its own
initializer, `this`/`super`/`return` where they cannot be, the limits on
locals, captured variables, parameters and arguments).
"""

from rply.token import Token

from minilang import ast
from minilang import errors

# How a name is reached.
LOCAL, UPVALUE, GLOBAL = range(3)

# What kind of function is being resolved.
SCRIPT, FUNCTION, METHOD, INITIALIZER = range(4)

MAX_LOCALS = 256        # slot numbers are one byte; slot 0 is reserved
MAX_UPVALUES = 256
MAX_ARGS = 255


class Local(object):
    """A local variable: its frame slot, and whether a closure captures it."""

    def __init__(self, name, slot, depth):
        self.name = name
        self.slot = slot
        self.depth = depth        # -1 while its initializer is resolved
        self.captured = False


class Access(object):
    _immutable_ = True

    def __init__(self, kind, index, local, name):
        self.kind = kind          # LOCAL, UPVALUE or GLOBAL
        self.index = index        # slot or upvalue index
        self.local = local        # the Local, for LOCAL
        self.name = name          # the name token


class UpvalueRef(object):
    """One captured variable of a function: a slot of the enclosing
    function (is_local) or one of the enclosing function's own captured
    variables."""

    def __init__(self, is_local, index):
        self.is_local = is_local
        self.index = index


class FunctionScope(object):

    def __init__(self, enclosing, kind):
        self.enclosing = enclosing
        self.kind = kind
        # Slot 0 holds the function itself, or `this` in a method.
        if kind == METHOD or kind == INITIALIZER:
            receiver = "this"
        else:
            receiver = ""
        self.receiver = Local(receiver, 0, 0)
        self.locals = [self.receiver]
        self.params = []
        self.upvalues = []
        self.depth = 0


class ClassScope(object):
    def __init__(self, enclosing, has_superclass):
        self.enclosing = enclosing
        self.has_superclass = has_superclass


def resolve(program, reporter):
    """Annotate `program` in place; errors go to `reporter`."""
    resolver = Resolver(reporter)
    program.scope = resolver.function_scope
    resolver.declarations(program.body)


class Resolver(object):

    def __init__(self, reporter):
        self.errors = reporter
        self.function_scope = FunctionScope(None, SCRIPT)
        self.class_scope = None

    # ------------------------------------------------------------ scopes

    def begin_scope(self):
        self.function_scope.depth += 1

    def end_scope(self):
        """Leave a block; return its locals, innermost last."""
        scope = self.function_scope
        scope.depth -= 1
        ended = []
        while (len(scope.locals) > 0 and
               scope.locals[len(scope.locals) - 1].depth > scope.depth):
            ended.append(scope.locals.pop())
        ended.reverse()
        return ended

    def declare_local(self, name):
        """Add a local in the current scope (not yet usable: depth -1)."""
        scope = self.function_scope
        i = len(scope.locals) - 1
        while i >= 0:
            local = scope.locals[i]
            if local.depth != -1 and local.depth < scope.depth:
                break
            if local.name == name.value:
                self.errors.error_at(
                    name, "Already a variable with this name in this scope.")
                break
            i -= 1
        if len(scope.locals) == MAX_LOCALS:
            self.errors.error_at(name, "Too many local variables in function.")
        local = Local(name.value, len(scope.locals), -1)
        scope.locals.append(local)
        return local

    def define_local(self, local):
        local.depth = self.function_scope.depth

    def declare(self, name):
        """Declare `name` where the current scope declares: a local, or a
        global (None) at the top level."""
        if self.function_scope.depth == 0:
            return None
        return self.declare_local(name)

    def lookup(self, name):
        """Resolve a name use to an Access."""
        scope = self.function_scope
        slot = self.find_local(scope, name)
        if slot >= 0:
            return Access(LOCAL, slot, scope.locals[slot], name)
        index = self.find_upvalue(scope, name)
        if index >= 0:
            return Access(UPVALUE, index, None, name)
        return Access(GLOBAL, 0, None, name)

    def find_local(self, scope, name):
        i = len(scope.locals) - 1
        while i >= 0:
            local = scope.locals[i]
            if local.name == name.value:
                if local.depth == -1:
                    self.errors.error_at(
                        name, "Can't read local variable in its own "
                        "initializer.")
                return i
            i -= 1
        return -1

    def find_upvalue(self, scope, name):
        if scope.enclosing is None:
            return -1
        slot = self.find_local(scope.enclosing, name)
        if slot >= 0:
            scope.enclosing.locals[slot].captured = True
            return self.add_upvalue(scope, True, slot, name)
        index = self.find_upvalue(scope.enclosing, name)
        if index >= 0:
            return self.add_upvalue(scope, False, index, name)
        return -1

    def add_upvalue(self, scope, is_local, index, name):
        for i in range(len(scope.upvalues)):
            upvalue = scope.upvalues[i]
            if upvalue.is_local == is_local and upvalue.index == index:
                return i
        if len(scope.upvalues) == MAX_UPVALUES:
            self.errors.error_at(name, "Too many closure variables in "
                                 "function.")
            return 0
        scope.upvalues.append(UpvalueRef(is_local, index))
        return len(scope.upvalues) - 1

    # ------------------------------------------------------ declarations

    def declarations(self, body):
        for statement in body:
            self.statement(statement)
            self.errors.end_declaration()

    def statement(self, node):
        if isinstance(node, ast.Var):
            node.declared = self.declare(node.name)
            if node.init is not None:
                self.expression(node.init)
            if node.declared is not None:
                self.define_local(node.declared)
        elif isinstance(node, ast.Function):
            node.declared = self.declare(node.name)
            if node.declared is not None:
                self.define_local(node.declared)
            self.function(node, FUNCTION)
        elif isinstance(node, ast.Class):
            self.class_declaration(node)
        elif isinstance(node, ast.ExprStmt):
            self.expression(node.expr)
        elif isinstance(node, ast.Print):
            self.expression(node.expr)
        elif isinstance(node, ast.Block):
            self.begin_scope()
            self.declarations(node.body)
            node.locals = self.end_scope()
        elif isinstance(node, ast.If):
            self.expression(node.cond)
            self.statement(node.then)
            if node.otherwise is not None:
                self.statement(node.otherwise)
        elif isinstance(node, ast.While):
            self.expression(node.cond)
            self.statement(node.body)
        elif isinstance(node, ast.For):
            self.begin_scope()
            if node.init is not None:
                self.statement(node.init)
            if node.cond is not None:
                self.expression(node.cond)
            if node.incr is not None:
                self.expression(node.incr)
            self.statement(node.body)
            node.locals = self.end_scope()
        elif isinstance(node, ast.Return):
            self.return_statement(node)
        else:
            raise errors.InternalError("resolver: unknown statement")

    def return_statement(self, node):
        kind = self.function_scope.kind
        if kind == SCRIPT:
            self.errors.error_at(node.keyword, errors.RETURN_AT_TOP)
        if node.value is not None:
            if kind == INITIALIZER:
                self.errors.error_at(node.keyword, errors.RETURN_FROM_INIT)
            self.expression(node.value)

    def function(self, node, kind):
        scope = FunctionScope(self.function_scope, kind)
        node.scope = scope
        self.function_scope = scope
        self.begin_scope()
        for i in range(len(node.params)):
            param = node.params[i]
            if i == MAX_ARGS:
                self.errors.error_at(param, errors.TOO_MANY_PARAMETERS)
            local = self.declare_local(param)
            self.define_local(local)
            scope.params.append(local)
        self.declarations(node.body)
        self.function_scope = scope.enclosing

    def class_declaration(self, node):
        node.declared = self.declare(node.name)
        if node.declared is not None:
            self.define_local(node.declared)
        klass = ClassScope(self.class_scope, False)
        self.class_scope = klass
        superclass = node.superclass
        if superclass is not None:
            self.expression(superclass)
            if superclass.name.value == node.name.value:
                self.errors.error_at(superclass.name, errors.INHERIT_SELF)
            self.begin_scope()
            node.super_local = self.declare_local(superclass.name)
            node.super_local.name = "super"
            self.define_local(node.super_local)
            klass.has_superclass = True
        for method in node.methods:
            if method.name.value == "init":
                self.function(method, INITIALIZER)
            else:
                self.function(method, METHOD)
        if superclass is not None:
            self.end_scope()
        self.class_scope = klass.enclosing

    # ------------------------------------------------------- expressions

    def expression(self, node):
        if isinstance(node, ast.Variable):
            node.resolved = self.lookup(node.name)
        elif isinstance(node, ast.Assign):
            node.resolved = self.lookup(node.name)
            self.expression(node.value)
        elif isinstance(node, ast.Binary):
            self.expression(node.left)
            self.expression(node.right)
        elif isinstance(node, ast.Logical):
            self.expression(node.left)
            self.expression(node.right)
        elif isinstance(node, ast.Unary):
            self.expression(node.operand)
        elif isinstance(node, ast.Grouping):
            self.expression(node.expr)
        elif isinstance(node, ast.Call):
            self.expression(node.callee)
            for i in range(len(node.args)):
                arg = node.args[i]
                self.expression(arg)
                if i == MAX_ARGS:
                    self.errors.error_at(arg.last, errors.TOO_MANY_ARGUMENTS)
        elif isinstance(node, ast.Get):
            self.expression(node.obj)
        elif isinstance(node, ast.Set):
            self.expression(node.obj)
            self.expression(node.value)
        elif isinstance(node, ast.This):
            if self.class_scope is None:
                self.errors.error_at(node.keyword, errors.THIS_OUTSIDE_CLASS)
            else:
                node.resolved = self.lookup(node.keyword)
        elif isinstance(node, ast.Super):
            if self.class_scope is None:
                self.errors.error_at(node.keyword, errors.SUPER_OUTSIDE_CLASS)
            elif not self.class_scope.has_superclass:
                self.errors.error_at(node.keyword, errors.SUPER_NO_SUPERCLASS)
            else:
                node.this_resolved = self.lookup_named(node.keyword, "this")
                node.super_resolved = self.lookup_named(node.keyword, "super")
        elif (isinstance(node, ast.Literal) or isinstance(node, ast.Number) or
              isinstance(node, ast.String)):
            pass
        else:
            raise errors.InternalError("resolver: unknown expression")

    def lookup_named(self, token, name):
        """Look up a name that is not the token's own text (`super.x`
        reads the hidden locals `this` and `super`)."""
        return self.lookup(Token("IDENTIFIER", name, token.getsourcepos()))
