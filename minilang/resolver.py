"""Scope resolution: where every variable lives, decided at compile time.

Walks the tree once, in source order, keeping clox's compiler state (a
stack of function scopes, each with its locals and captured variables) and
annotates the tree:

- each name use (`Variable`, `Assign`, `this`, `super`) gets an `Access`:
  a frame slot (LOCAL), a captured variable of the running closure
  (UPVALUE, an index into its cells) or a GLOBAL looked up by name;
- each local declaration gets its `Local`, whose `captured` flag tells the
  compiler that the slot holds a `Cell` (see functions.Cell);
- each function gets its `FunctionScope` (parameters, captured variables,
  kind).

So the interpreter never searches for a name in a chain of scopes: a
local is an index into the frame, fixed in the bytecode.

The scope state and its checks are in `Scopes`, which works on tokens: it
finds clox's scope errors (a variable declared twice, read in its own
initializer, `this`/`super`/`return` where they cannot be, the limits on
locals, captured variables, parameters and arguments).  `Resolver` walks
the tree and calls it; compile_errors.py calls the same methods while it
reports a file that does not parse, so these checks exist once.
"""


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


class Scopes(object):
    """clox's compile-time scope state, one call per thing the parser meets."""

    def __init__(self, reporter):
        self.errors = reporter
        self.function_scope = FunctionScope(None, SCRIPT)
        self.class_scope = None

    # -------------------------------------------------- blocks and names

    def begin_scope(self):
        self.function_scope.depth += 1

    def end_scope(self):
        """Leave a block; return its locals in declaration order."""
        scope = self.function_scope
        scope.depth -= 1
        ended = []
        while (len(scope.locals) > 0 and
               scope.locals[len(scope.locals) - 1].depth > scope.depth):
            ended.append(scope.locals.pop())
        ended.reverse()
        return ended

    def declare(self, name):
        """Declare `name` in the current scope: a new Local (not usable
        until `define`), or None for a global at the top level."""
        if self.function_scope.depth == 0:
            return None
        return self.declare_local(name, name.value)

    def declare_local(self, token, name):
        scope = self.function_scope
        i = len(scope.locals) - 1
        while i >= 0:
            local = scope.locals[i]
            if local.depth != -1 and local.depth < scope.depth:
                break
            if local.name == name:
                self.errors.error_at(
                    token, "Already a variable with this name in this scope.")
                break
            i -= 1
        if len(scope.locals) == MAX_LOCALS:
            self.errors.error_at(token, "Too many local variables in "
                                 "function.")
        local = Local(name, len(scope.locals), -1)
        scope.locals.append(local)
        return local

    def define(self, local):
        if local is not None:
            local.depth = self.function_scope.depth

    def lookup(self, name):
        """Resolve a use of the name token `name` to an Access."""
        return self.lookup_named(name, name.value)

    def lookup_named(self, token, name):
        scope = self.function_scope
        slot = self.find_local(scope, token, name)
        if slot >= 0:
            return Access(LOCAL, slot, scope.locals[slot], token)
        index = self.find_upvalue(scope, token, name)
        if index >= 0:
            return Access(UPVALUE, index, None, token)
        return Access(GLOBAL, 0, None, token)

    def find_local(self, scope, token, name):
        i = len(scope.locals) - 1
        while i >= 0:
            local = scope.locals[i]
            if local.name == name:
                if local.depth == -1:
                    self.errors.error_at(
                        token, "Can't read local variable in its own "
                        "initializer.")
                return i
            i -= 1
        return -1

    def find_upvalue(self, scope, token, name):
        if scope.enclosing is None:
            return -1
        slot = self.find_local(scope.enclosing, token, name)
        if slot >= 0:
            scope.enclosing.locals[slot].captured = True
            return self.add_upvalue(scope, True, slot, token)
        index = self.find_upvalue(scope.enclosing, token, name)
        if index >= 0:
            return self.add_upvalue(scope, False, index, token)
        return -1

    def add_upvalue(self, scope, is_local, index, token):
        for i in range(len(scope.upvalues)):
            upvalue = scope.upvalues[i]
            if upvalue.is_local == is_local and upvalue.index == index:
                return i
        if len(scope.upvalues) == MAX_UPVALUES:
            self.errors.error_at(token, "Too many closure variables in "
                                 "function.")
            return 0
        scope.upvalues.append(UpvalueRef(is_local, index))
        return len(scope.upvalues) - 1

    # ---------------------------------------------------------- functions

    def begin_function(self, kind):
        scope = FunctionScope(self.function_scope, kind)
        self.function_scope = scope
        self.begin_scope()
        return scope

    def parameter(self, name, index):
        """The parameter `name`, the index-th (from 0)."""
        if index == MAX_ARGS:
            self.errors.error_at(name, errors.TOO_MANY_PARAMETERS)
        local = self.declare_local(name, name.value)
        self.define(local)
        self.function_scope.params.append(local)

    def end_function(self):
        self.function_scope = self.function_scope.enclosing

    def check_return(self, keyword, has_value):
        kind = self.function_scope.kind
        if kind == SCRIPT:
            self.errors.error_at(keyword, errors.RETURN_AT_TOP)
        if has_value and kind == INITIALIZER:
            self.errors.error_at(keyword, errors.RETURN_FROM_INIT)

    def check_argument(self, index, last_token):
        """After the index-th (from 0) argument, ending at last_token."""
        if index == MAX_ARGS:
            self.errors.error_at(last_token, errors.TOO_MANY_ARGUMENTS)

    # ------------------------------------------------------------ classes

    def begin_class(self):
        self.class_scope = ClassScope(self.class_scope, False)

    def inherit(self, class_name, superclass):
        """After the superclass name: check it, open the scope of the
        hidden local `super` (which holds the superclass); return it."""
        if superclass.value == class_name.value:
            self.errors.error_at(superclass, errors.INHERIT_SELF)
        self.begin_scope()
        local = self.declare_local(superclass, "super")
        self.define(local)
        self.class_scope.has_superclass = True
        return local

    def end_class(self):
        if self.class_scope.has_superclass:
            self.end_scope()
        self.class_scope = self.class_scope.enclosing

    def method_kind(self, name):
        if name.value == "init":
            return INITIALIZER
        return METHOD

    def this(self, keyword):
        """A use of `this`: its Access, or None after an error."""
        if self.class_scope is None:
            self.errors.error_at(keyword, errors.THIS_OUTSIDE_CLASS)
            return None
        return self.lookup(keyword)

    def check_super(self, keyword):
        """A use of `super`: may it be used here?"""
        if self.class_scope is None:
            self.errors.error_at(keyword, errors.SUPER_OUTSIDE_CLASS)
            return False
        if not self.class_scope.has_superclass:
            self.errors.error_at(keyword, errors.SUPER_NO_SUPERCLASS)
            return False
        return True


def resolve(program, reporter):
    """Annotate `program` in place; errors go to `reporter`."""
    resolver = Resolver(reporter)
    program.scope = resolver.scopes.function_scope
    resolver.declarations(program.body)


class Resolver(object):
    """Walks the tree in source order, calling Scopes as clox's parser
    would, and records the answers in the tree."""

    def __init__(self, reporter):
        self.scopes = Scopes(reporter)

    def declarations(self, body):
        for statement in body:
            self.statement(statement)

    def statement(self, node):
        scopes = self.scopes
        if isinstance(node, ast.Var):
            node.declared = scopes.declare(node.name)
            if node.init is not None:
                self.expression(node.init)
            scopes.define(node.declared)
        elif isinstance(node, ast.Function):
            node.declared = scopes.declare(node.name)
            scopes.define(node.declared)
            self.function(node, FUNCTION)
        elif isinstance(node, ast.Class):
            self.class_declaration(node)
        elif isinstance(node, ast.ExprStmt):
            self.expression(node.expr)
        elif isinstance(node, ast.Print):
            self.expression(node.expr)
        elif isinstance(node, ast.Block):
            scopes.begin_scope()
            self.declarations(node.body)
            node.locals = scopes.end_scope()
        elif isinstance(node, ast.If):
            self.expression(node.cond)
            self.statement(node.then)
            if node.otherwise is not None:
                self.statement(node.otherwise)
        elif isinstance(node, ast.While):
            self.expression(node.cond)
            self.statement(node.body)
        elif isinstance(node, ast.For):
            scopes.begin_scope()
            if node.init is not None:
                self.statement(node.init)
            if node.cond is not None:
                self.expression(node.cond)
            if node.incr is not None:
                self.expression(node.incr)
            self.statement(node.body)
            node.locals = scopes.end_scope()
        elif isinstance(node, ast.Return):
            scopes.check_return(node.keyword, node.value is not None)
            if node.value is not None:
                self.expression(node.value)
        else:
            raise errors.InternalError("resolver: unknown statement")

    def function(self, node, kind):
        scopes = self.scopes
        node.scope = scopes.begin_function(kind)
        for i in range(len(node.params)):
            scopes.parameter(node.params[i], i)
        self.declarations(node.body)
        scopes.end_function()

    def class_declaration(self, node):
        scopes = self.scopes
        node.declared = scopes.declare(node.name)
        scopes.define(node.declared)
        scopes.begin_class()
        if node.superclass is not None:
            self.expression(node.superclass)
            node.super_local = scopes.inherit(node.name,
                                              node.superclass.name)
        for method in node.methods:
            self.function(method, scopes.method_kind(method.name))
        scopes.end_class()

    def expression(self, node):
        scopes = self.scopes
        if isinstance(node, ast.Variable):
            node.resolved = scopes.lookup(node.name)
        elif isinstance(node, ast.Assign):
            node.resolved = scopes.lookup(node.name)
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
            self.call(node)
        elif isinstance(node, ast.Get):
            self.expression(node.obj)
        elif isinstance(node, ast.Set):
            self.expression(node.obj)
            self.expression(node.value)
        elif isinstance(node, ast.This):
            node.resolved = scopes.this(node.keyword)
        elif isinstance(node, ast.Super):
            self.super_access(node)
        elif (isinstance(node, ast.Literal) or isinstance(node, ast.Number) or
              isinstance(node, ast.String)):
            pass
        else:
            raise errors.InternalError("resolver: unknown expression")

    def call(self, node):
        callee = node.callee
        if isinstance(callee, ast.Super):
            # clox reads `this`, then the arguments, then `super`.
            if self.scopes.check_super(callee.keyword):
                callee.this_resolved = self.scopes.lookup_named(
                    callee.keyword, "this")
                self.arguments(node)
                callee.super_resolved = self.scopes.lookup_named(
                    callee.keyword, "super")
            else:
                self.arguments(node)
            return
        self.expression(callee)
        self.arguments(node)

    def arguments(self, node):
        for i in range(len(node.args)):
            arg = node.args[i]
            self.expression(arg)
            self.scopes.check_argument(i, arg.last)

    def super_access(self, node):
        if self.scopes.check_super(node.keyword):
            node.this_resolved = self.scopes.lookup_named(node.keyword, "this")
            node.super_resolved = self.scopes.lookup_named(node.keyword,
                                                           "super")
