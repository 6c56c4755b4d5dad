"""Every compile error of a file, reported as clox reports it.

(Skip this module on a first read: it exists only to make minilang's error
messages byte-for-byte clox's.)

rply's LALR parser (parser.py) builds the tree of a correct program, but at
a syntax error it only knows the token where it stopped.  The spec wants
clox's messages ("Expect ';' after value."), and after each error clox's
resynchronisation and the errors found after it.  This module is a
recogniser with clox's structure (recursive descent for statements, Pratt
precedence climbing for expressions) that builds nothing: it exists only to
say, for a file known to be wrong, what is wrong, in clox's words and order.

It is also how the errors of a file that *does* parse are reported.  The
resolver and compiler find those (a local declared twice, too many
constants, ...) and note the token each is at; this parser then reports
each one when it reaches that token, which is when clox reports it.  So
clox's panic mode and resynchronisation apply to them too: after
`{ class A < A {} }` clox skips the block's `}` while resynchronising and
then reports "Expect '}' after block." at the end, and so does minilang.

For a file that does not parse there is no tree to resolve, so this parser
makes the scope checks itself, as clox does while parsing: it calls the
resolver's `Scopes` at the same points (the checks are written once).

It must accept exactly the programs the grammar accepts.  What the two
share is declared once, in parser.py, and read from there: the operator
levels and unary operators (the precedence table below is made from
them), the tokens that can start an expression and the statement keywords
where error recovery resynchronises.  tests/test_grammar_agreement.py
checks the rest (the statements, calls, classes) over the corpus and
mutations of it.
"""

from minilang.errors import CompileErrors, ErrorSink
from minilang.parser import (OPERATOR_LEVELS, UNARY_OPERATORS,
                             EXPRESSION_STARTERS, STATEMENT_KEYWORDS)
from minilang.resolver import Scopes, FUNCTION

# Precedence levels, lowest first, as in clox: NONE, ASSIGNMENT, then one
# level per entry of parser.OPERATOR_LEVELS (OR, AND, EQUALITY, COMPARISON,
# TERM, FACTOR), then UNARY, CALL.  An infix token's precedence is its
# level's; a token that is no infix operator has NONE.
NONE = 0
ASSIGNMENT = 1
UNARY = ASSIGNMENT + len(OPERATOR_LEVELS) + 1
CALL = UNARY + 1


def infix_precedence_table():
    table = {"LEFT_PAREN": CALL, "DOT": CALL}
    for i in range(len(OPERATOR_LEVELS)):
        for token in OPERATOR_LEVELS[i][1]:
            table[token] = ASSIGNMENT + 1 + i
    return table


INFIX_PRECEDENCE = infix_precedence_table()

# and/or: clox parses their right operand at their own level (the other
# binary operators one level tighter); the result is the same grouping.
LOGICAL_OPERATORS = [token for rule, tokens, is_logical in OPERATOR_LEVELS
                     if is_logical for token in tokens]


def report(tokens, found):
    """The error lines for a file that has errors: syntax errors if `found`
    is None, else the errors noted in `found` (a FoundErrors)."""
    checker = Recogniser(tokens, found, found is None)
    checker.program()
    return checker.errors.messages


def syntax_errors(tokens):
    """The lexical and syntax errors alone, without the scope checks: empty
    exactly when parser.parse accepts the tokens (the agreement test)."""
    checker = Recogniser(tokens, None, False)
    checker.program()
    return checker.errors.messages


class Recogniser(object):

    def __init__(self, tokens, found, check_scopes):
        self.tokens = tokens
        self.found = found
        self.index = 0
        self.errors = CompileErrors()
        if check_scopes:
            self.scopes = Scopes(self.errors)
        else:
            # The errors are known already (or not wanted): only keep
            # track of scopes.
            self.scopes = Scopes(ErrorSink())
        self.previous = tokens[0]
        self.current = tokens[0]
        # While resynchronising, tokens are skipped unparsed: the errors
        # found in them are not reported (lexical errors still are).
        self.skipping = False
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
        if self.found is not None and not self.skipping:
            position = self.previous.getsourcepos().idx
            if position in self.found.at_position:
                for message in self.found.at_position[position]:
                    self.errors.error_at(self.previous, message)

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
        self.skipping = True
        while self.current.name != "EOF":
            if self.previous.name == "SEMICOLON":
                break
            if self.current.name in STATEMENT_KEYWORDS:
                break
            self.advance()
        self.skipping = False

    # -------------------------------------------------------- declarations

    def program(self):
        while not self.match("EOF"):
            self.declaration()

    def declaration(self):
        if self.match("CLASS"):
            self.class_declaration()
        elif self.match("FUN"):
            self.consume("IDENTIFIER", "Expect function name.")
            self.scopes.define(self.scopes.declare(self.previous))
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
        self.scopes.define(self.scopes.declare(class_name))
        self.scopes.begin_class()
        if self.match("LESS"):
            self.consume("IDENTIFIER", "Expect superclass name.")
            self.scopes.lookup(self.previous)
            self.scopes.inherit(class_name, self.previous)
        self.consume("LEFT_BRACE", "Expect '{' before class body.")
        while not self.check("RIGHT_BRACE") and not self.check("EOF"):
            self.consume("IDENTIFIER", "Expect method name.")
            self.function(self.scopes.method_kind(self.previous))
        self.consume("RIGHT_BRACE", "Expect '}' after class body.")
        self.scopes.end_class()

    def function(self, kind):
        self.scopes.begin_function(kind)
        self.consume("LEFT_PAREN", "Expect '(' after function name.")
        if not self.check("RIGHT_PAREN"):
            arity = 0
            while True:
                self.consume("IDENTIFIER", "Expect parameter name.")
                self.scopes.parameter(self.previous, arity)
                arity += 1
                if not self.match("COMMA"):
                    break
        self.consume("RIGHT_PAREN", "Expect ')' after parameters.")
        self.consume("LEFT_BRACE", "Expect '{' before function body.")
        self.block()
        self.scopes.end_function()

    def var_declaration(self):
        self.consume("IDENTIFIER", "Expect variable name.")
        local = self.scopes.declare(self.previous)
        if self.match("EQUAL"):
            self.expression()
        self.consume("SEMICOLON", "Expect ';' after variable declaration.")
        self.scopes.define(local)

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
            self.scopes.begin_scope()
            self.block()
            self.scopes.end_scope()
        else:
            self.expression()
            self.consume("SEMICOLON", "Expect ';' after expression.")

    def block(self):
        while not self.check("RIGHT_BRACE") and not self.check("EOF"):
            self.declaration()
        self.consume("RIGHT_BRACE", "Expect '}' after block.")

    def for_statement(self):
        self.scopes.begin_scope()
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
        self.scopes.end_scope()

    def return_statement(self):
        self.scopes.check_return(self.previous, not self.check("SEMICOLON"))
        if self.match("SEMICOLON"):
            return
        self.expression()
        self.consume("SEMICOLON", "Expect ';' after return value.")

    # --------------------------------------------------------- expressions

    def expression(self):
        self.parse_precedence(ASSIGNMENT)

    def parse_precedence(self, precedence):
        self.advance()
        if self.previous.name not in EXPRESSION_STARTERS:
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
        elif name in UNARY_OPERATORS:
            self.parse_precedence(UNARY)
        elif name == "IDENTIFIER":
            self.scopes.lookup(self.previous)
            if can_assign and self.match("EQUAL"):
                self.expression()
        elif name == "SUPER":
            keyword = self.previous
            allowed = self.scopes.check_super(keyword)
            self.consume("DOT", "Expect '.' after 'super'.")
            self.consume("IDENTIFIER", "Expect superclass method name.")
            if allowed:
                self.scopes.lookup_named(keyword, "this")
            if self.match("LEFT_PAREN"):
                self.argument_list()
            if allowed:
                self.scopes.lookup_named(keyword, "super")
        elif name == "THIS":
            self.scopes.this(self.previous)
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
        elif name in LOGICAL_OPERATORS:
            self.parse_precedence(INFIX_PRECEDENCE[name])
        else:
            # A binary operator: its right operand binds one level tighter.
            self.parse_precedence(INFIX_PRECEDENCE[name] + 1)

    def argument_list(self):
        count = 0
        if not self.check("RIGHT_PAREN"):
            while True:
                self.expression()
                self.scopes.check_argument(count, self.previous)
                count += 1
                if not self.match("COMMA"):
                    break
        self.consume("RIGHT_PAREN", "Expect ')' after arguments.")
