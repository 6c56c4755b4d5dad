"""Report the syntax errors of a file exactly as clox does.

rply's LALR parser (parser.py) builds the tree of a correct program, but at
a syntax error it only knows the token where it stopped.  The spec wants
clox's messages ("Expect ';' after value."), and after each error clox's
resynchronisation and the errors found after it.  This module is a
recogniser with clox's structure (recursive descent for statements, Pratt
precedence climbing for expressions) that builds nothing: it exists only to
say, for a file known to be wrong, what is wrong, in clox's words and order.

Besides syntax it makes the checks clox makes while parsing that need only
the nesting of classes and functions (`this`, `super`, `return`, a class
inheriting from itself, 255 parameters/arguments), so that those errors
keep their place among the syntax errors.  Scope errors (a local declared
twice, ...) are the resolver's; the resolver only runs on a file that
parses.
"""

from minilang import errors
from minilang.errors import CompileErrors

# Precedence levels, lowest first, as in clox.
NONE, ASSIGNMENT, OR, AND, EQUALITY, COMPARISON, TERM, FACTOR, UNARY, \
    CALL, PRIMARY = range(11)

INFIX_PRECEDENCE = {
    "LEFT_PAREN": CALL, "DOT": CALL,
    "MINUS": TERM, "PLUS": TERM,
    "SLASH": FACTOR, "STAR": FACTOR,
    "BANG_EQUAL": EQUALITY, "EQUAL_EQUAL": EQUALITY,
    "GREATER": COMPARISON, "GREATER_EQUAL": COMPARISON,
    "LESS": COMPARISON, "LESS_EQUAL": COMPARISON,
    "AND": AND, "OR": OR,
}

PREFIX_STARTERS = ["LEFT_PAREN", "MINUS", "BANG", "IDENTIFIER", "STRING",
                   "NUMBER", "FALSE", "TRUE", "NIL", "SUPER", "THIS"]

SYNC_KEYWORDS = ["CLASS", "FUN", "VAR", "FOR", "IF", "WHILE", "PRINT",
                 "RETURN"]

# Function kinds, for the `return` checks.
SCRIPT, FUNCTION, METHOD, INITIALIZER = range(4)


class ClassContext(object):
    def __init__(self, enclosing, has_superclass):
        self.enclosing = enclosing
        self.has_superclass = has_superclass


def report(tokens):
    """Return the list of error lines for a file with syntax errors."""
    checker = Recogniser(tokens)
    checker.program()
    return checker.errors.messages


class Recogniser(object):

    def __init__(self, tokens):
        self.tokens = tokens
        self.index = 0
        self.errors = CompileErrors()
        self.previous = tokens[0]
        self.current = tokens[0]
        self.function_kinds = [SCRIPT]
        self.klass = None
        self.advance()

    # -------------------------------------------------------------- tokens

    def advance(self):
        self.previous = self.current
        while True:
            self.current = self.tokens[self.index]
            if self.index < len(self.tokens) - 1:
                self.index += 1
            if self.current.name != "ERROR":
                break
            self.errors.error_at(self.current, self.current.value)

    def check(self, name):
        return self.current.name == name

    def match(self, name):
        if not self.check(name):
            return False
        self.advance()
        return True

    def consume(self, name, message):
        if self.check(name):
            self.advance()
        else:
            self.error_at_current(message)

    def error(self, message):
        self.errors.error_at(self.previous, message)

    def error_at_current(self, message):
        self.errors.error_at(self.current, message)

    def synchronize(self):
        self.errors.end_declaration()
        while self.current.name != "EOF":
            if self.previous.name == "SEMICOLON":
                return
            if self.current.name in SYNC_KEYWORDS:
                return
            self.advance()

    # -------------------------------------------------------- declarations

    def program(self):
        while not self.match("EOF"):
            self.declaration()

    def declaration(self):
        if self.match("CLASS"):
            self.class_declaration()
        elif self.match("FUN"):
            self.consume("IDENTIFIER", "Expect function name.")
            self.function(FUNCTION)
        elif self.match("VAR"):
            self.var_declaration()
        else:
            self.statement()
        if self.errors.panic:
            self.synchronize()

    def class_declaration(self):
        self.consume("IDENTIFIER", "Expect class name.")
        class_name = self.previous
        self.klass = ClassContext(self.klass, False)
        if self.match("LESS"):
            self.consume("IDENTIFIER", "Expect superclass name.")
            if self.previous.value == class_name.value:
                self.error(errors.INHERIT_SELF)
            self.klass.has_superclass = True
        self.consume("LEFT_BRACE", "Expect '{' before class body.")
        while not self.check("RIGHT_BRACE") and not self.check("EOF"):
            self.consume("IDENTIFIER", "Expect method name.")
            if self.previous.value == "init":
                self.function(INITIALIZER)
            else:
                self.function(METHOD)
        self.consume("RIGHT_BRACE", "Expect '}' after class body.")
        self.klass = self.klass.enclosing

    def function(self, kind):
        self.function_kinds.append(kind)
        self.consume("LEFT_PAREN", "Expect '(' after function name.")
        if not self.check("RIGHT_PAREN"):
            arity = 0
            while True:
                arity += 1
                if arity > 255:
                    self.error_at_current(errors.TOO_MANY_PARAMETERS)
                self.consume("IDENTIFIER", "Expect parameter name.")
                if not self.match("COMMA"):
                    break
        self.consume("RIGHT_PAREN", "Expect ')' after parameters.")
        self.consume("LEFT_BRACE", "Expect '{' before function body.")
        self.block()
        self.function_kinds.pop()

    def var_declaration(self):
        self.consume("IDENTIFIER", "Expect variable name.")
        if self.match("EQUAL"):
            self.expression()
        self.consume("SEMICOLON", "Expect ';' after variable declaration.")

    # ---------------------------------------------------------- statements

    def statement(self):
        if self.match("PRINT"):
            self.expression()
            self.consume("SEMICOLON", "Expect ';' after value.")
        elif self.match("FOR"):
            self.for_statement()
        elif self.match("IF"):
            self.consume("LEFT_PAREN", "Expect '(' after 'if'.")
            self.expression()
            self.consume("RIGHT_PAREN", "Expect ')' after condition.")
            self.statement()
            if self.match("ELSE"):
                self.statement()
        elif self.match("RETURN"):
            self.return_statement()
        elif self.match("WHILE"):
            self.consume("LEFT_PAREN", "Expect '(' after 'while'.")
            self.expression()
            self.consume("RIGHT_PAREN", "Expect ')' after condition.")
            self.statement()
        elif self.match("LEFT_BRACE"):
            self.block()
        else:
            self.expression()
            self.consume("SEMICOLON", "Expect ';' after expression.")

    def block(self):
        while not self.check("RIGHT_BRACE") and not self.check("EOF"):
            self.declaration()
        self.consume("RIGHT_BRACE", "Expect '}' after block.")

    def for_statement(self):
        self.consume("LEFT_PAREN", "Expect '(' after 'for'.")
        if self.match("SEMICOLON"):
            pass
        elif self.match("VAR"):
            self.var_declaration()
        else:
            self.expression()
            self.consume("SEMICOLON", "Expect ';' after expression.")
        if not self.match("SEMICOLON"):
            self.expression()
            self.consume("SEMICOLON", "Expect ';' after loop condition.")
        if not self.match("RIGHT_PAREN"):
            self.expression()
            self.consume("RIGHT_PAREN", "Expect ')' after for clauses.")
        self.statement()

    def return_statement(self):
        kind = self.function_kinds[len(self.function_kinds) - 1]
        if kind == SCRIPT:
            self.error(errors.RETURN_AT_TOP)
        if self.match("SEMICOLON"):
            return
        if kind == INITIALIZER:
            self.error(errors.RETURN_FROM_INIT)
        self.expression()
        self.consume("SEMICOLON", "Expect ';' after return value.")

    # --------------------------------------------------------- expressions

    def expression(self):
        self.parse_precedence(ASSIGNMENT)

    def parse_precedence(self, precedence):
        self.advance()
        if self.previous.name not in PREFIX_STARTERS:
            self.error("Expect expression.")
            return
        can_assign = precedence <= ASSIGNMENT
        self.prefix(self.previous.name, can_assign)
        while precedence <= INFIX_PRECEDENCE.get(self.current.name, NONE):
            self.advance()
            self.infix(self.previous.name, can_assign)
        if can_assign and self.match("EQUAL"):
            self.error("Invalid assignment target.")

    def prefix(self, name, can_assign):
        if name == "LEFT_PAREN":
            self.expression()
            self.consume("RIGHT_PAREN", "Expect ')' after expression.")
        elif name == "MINUS" or name == "BANG":
            self.parse_precedence(UNARY)
        elif name == "IDENTIFIER":
            if can_assign and self.match("EQUAL"):
                self.expression()
        elif name == "SUPER":
            if self.klass is None:
                self.error(errors.SUPER_OUTSIDE_CLASS)
            elif not self.klass.has_superclass:
                self.error(errors.SUPER_NO_SUPERCLASS)
            self.consume("DOT", "Expect '.' after 'super'.")
            self.consume("IDENTIFIER", "Expect superclass method name.")
            if self.match("LEFT_PAREN"):
                self.argument_list()
        elif name == "THIS":
            if self.klass is None:
                self.error(errors.THIS_OUTSIDE_CLASS)
        # literals (STRING NUMBER TRUE FALSE NIL) need nothing more

    def infix(self, name, can_assign):
        if name == "LEFT_PAREN":
            self.argument_list()
        elif name == "DOT":
            self.consume("IDENTIFIER", "Expect property name after '.'.")
            if can_assign and self.match("EQUAL"):
                self.expression()
            elif self.match("LEFT_PAREN"):
                self.argument_list()
        elif name == "AND":
            self.parse_precedence(AND)
        elif name == "OR":
            self.parse_precedence(OR)
        else:
            # A binary operator: its right operand binds one level tighter.
            self.parse_precedence(INFIX_PRECEDENCE[name] + 1)

    def argument_list(self):
        count = 0
        if not self.check("RIGHT_PAREN"):
            while True:
                self.expression()
                if count == 255:
                    self.error(errors.TOO_MANY_ARGUMENTS)
                count += 1
                if not self.match("COMMA"):
                    break
        self.consume("RIGHT_PAREN", "Expect ')' after arguments.")
