"""The grammar: rply's LALR parser from tokens to an `ast.Program`.

Every rule of docs/LANGUAGE.md section 2 is one `@pg.production` below, in the
spec's order, each building its AST node.  rply computes the LALR tables
when this module is imported (before translation, for the binary).

The operators are declared once, in OPERATOR_LEVELS and UNARY_OPERATORS:
the rules of the binary and unary levels are made from those tables, and
compile_errors.py reads the same tables (and the set of tokens that can
start an expression, which rply computes from this grammar) for its own
parser.  Adding an operator is a line in a table here, a token in the
lexer, an opcode, and its compilation and execution.

An LALR parser stops at the first token it cannot shift, with no idea what
the spec's message for that place is.  So a file with a syntax or lexical
error is handed to `compile_errors.report`, a small hand-written parser
that follows clox's error reporting and resynchronisation exactly; this
grammar only ever sees the outcome "no syntax error".  The two must accept
the same programs: tests/test_grammar_agreement.py checks it.
"""

from rply import ParserGenerator
from rply.errors import ParsingError
from rply.token import Token

from minilang import ast
from minilang.lexer import KEYWORDS, TOKEN_NAMES, TokenStream
from minilang.rlib.rfloat import parse_number


pg = ParserGenerator(
    TOKEN_NAMES,
    # The one ambiguity of the grammar, the dangling `else`: an `if`
    # without `else` (whose last terminal is `)`) yields to a following
    # ELSE, which therefore binds to the nearest `if`.
    precedence=[("nonassoc", ["RIGHT_PAREN"]), ("nonassoc", ["ELSE"])],
)


def expr(box):
    assert isinstance(box, ast.Expr)
    return box


def stmt(box):
    assert isinstance(box, ast.Stmt)
    return box


def tok(box):
    assert isinstance(box, Token)
    return box


def function(box):
    assert isinstance(box, ast.Function)
    return box


def optional_stmt(box):
    if box is None:
        return None
    return stmt(box)


def optional_expr(box):
    if box is None:
        return None
    return expr(box)


# ------------------------------------------------------------ declarations

@pg.production("program : decls")
def program(p):
    box = p[0]
    assert isinstance(box, ast.StmtList)
    return ast.Program(box.items, None)


@pg.production("decls : ")
def decls_empty(p):
    return ast.StmtList([])


@pg.production("decls : decls declaration")
def decls_more(p):
    box = p[0]
    assert isinstance(box, ast.StmtList)
    box.items.append(stmt(p[1]))
    return box


@pg.production("declaration : class_decl")
@pg.production("declaration : FUN function")
@pg.production("declaration : var_decl")
@pg.production("declaration : statement")
def declaration(p):
    return p[len(p) - 1]


@pg.production("class_decl : CLASS IDENTIFIER LEFT_BRACE methods RIGHT_BRACE")
def class_decl(p):
    box = p[3]
    assert isinstance(box, ast.FunctionList)
    return ast.Class(tok(p[1]), None, box.items, tok(p[4]))


@pg.production("class_decl : CLASS IDENTIFIER LESS IDENTIFIER "
               "LEFT_BRACE methods RIGHT_BRACE")
def class_decl_inherit(p):
    box = p[5]
    assert isinstance(box, ast.FunctionList)
    superclass = ast.Variable(tok(p[3]))
    return ast.Class(tok(p[1]), superclass, box.items, tok(p[6]))


@pg.production("methods : ")
def methods_empty(p):
    return ast.FunctionList([])


@pg.production("methods : methods function")
def methods_more(p):
    box = p[0]
    assert isinstance(box, ast.FunctionList)
    box.items.append(function(p[1]))
    return box


@pg.production("function : IDENTIFIER LEFT_PAREN RIGHT_PAREN block")
def function_no_params(p):
    block = p[3]
    assert isinstance(block, ast.Block)
    return ast.Function(tok(p[0]), [], block.body, block.last)


@pg.production("function : IDENTIFIER LEFT_PAREN params RIGHT_PAREN block")
def function_params(p):
    params = p[2]
    block = p[4]
    assert isinstance(params, ast.TokenList)
    assert isinstance(block, ast.Block)
    return ast.Function(tok(p[0]), params.items, block.body, block.last)


@pg.production("params : IDENTIFIER")
def params_one(p):
    return ast.TokenList([tok(p[0])])


@pg.production("params : params COMMA IDENTIFIER")
def params_more(p):
    box = p[0]
    assert isinstance(box, ast.TokenList)
    box.items.append(tok(p[2]))
    return box


@pg.production("var_decl : VAR IDENTIFIER SEMICOLON")
def var_decl(p):
    return ast.Var(tok(p[1]), None, tok(p[2]))


@pg.production("var_decl : VAR IDENTIFIER EQUAL expression SEMICOLON")
def var_decl_init(p):
    return ast.Var(tok(p[1]), expr(p[3]), tok(p[4]))


# -------------------------------------------------------------- statements

@pg.production("statement : expression SEMICOLON")
def expr_stmt(p):
    return ast.ExprStmt(expr(p[0]), tok(p[1]))


@pg.production("statement : PRINT expression SEMICOLON")
def print_stmt(p):
    return ast.Print(expr(p[1]), tok(p[2]))


@pg.production("statement : RETURN SEMICOLON")
def return_stmt(p):
    return ast.Return(tok(p[0]), None, tok(p[1]))


@pg.production("statement : RETURN expression SEMICOLON")
def return_value_stmt(p):
    return ast.Return(tok(p[0]), expr(p[1]), tok(p[2]))


@pg.production("statement : IF LEFT_PAREN expression RIGHT_PAREN statement")
def if_stmt(p):
    return ast.If(expr(p[2]), stmt(p[4]), None)


@pg.production("statement : IF LEFT_PAREN expression RIGHT_PAREN statement "
               "ELSE statement")
def if_else_stmt(p):
    return ast.If(expr(p[2]), stmt(p[4]), stmt(p[6]))


@pg.production("statement : WHILE LEFT_PAREN expression RIGHT_PAREN statement")
def while_stmt(p):
    return ast.While(expr(p[2]), stmt(p[4]))


@pg.production("statement : FOR LEFT_PAREN for_init for_cond RIGHT_PAREN "
               "statement")
def for_stmt(p):
    return ast.For(optional_stmt(p[2]), optional_expr(p[3]), None,
                   stmt(p[5]))


@pg.production("statement : FOR LEFT_PAREN for_init for_cond expression "
               "RIGHT_PAREN statement")
def for_incr_stmt(p):
    return ast.For(optional_stmt(p[2]), optional_expr(p[3]), expr(p[4]),
                   stmt(p[6]))


@pg.production("for_init : SEMICOLON")
@pg.production("for_cond : SEMICOLON")
def for_nothing(p):
    return None


@pg.production("for_init : var_decl")
@pg.production("for_init : expression SEMICOLON")
def for_init(p):
    if len(p) == 2:
        return ast.ExprStmt(expr(p[0]), tok(p[1]))
    return p[0]


@pg.production("for_cond : expression SEMICOLON")
def for_cond(p):
    return p[0]


@pg.production("statement : block")
def block_stmt(p):
    return p[0]


@pg.production("block : LEFT_BRACE decls RIGHT_BRACE")
def block(p):
    box = p[1]
    assert isinstance(box, ast.StmtList)
    return ast.Block(box.items, tok(p[2]))


# ------------------------------------------------------------- expressions

# The binary operators by level, loosest first: the level's rule, its
# operator tokens, and whether it is logical (short-circuit, ast.Logical)
# rather than arithmetic (ast.Binary).  All are left-associative; each
# level's operands are the next level's rule, the last level's `unary`.
OPERATOR_LEVELS = [
    ("logic_or", ["OR"], True),
    ("logic_and", ["AND"], True),
    ("equality", ["BANG_EQUAL", "EQUAL_EQUAL"], False),
    ("comparison", ["GREATER", "GREATER_EQUAL", "LESS", "LESS_EQUAL"], False),
    ("term", ["MINUS", "PLUS"], False),
    ("factor", ["SLASH", "STAR"], False),
]

# Prefix operators: `unary : OP unary`.
UNARY_OPERATORS = ["BANG", "MINUS"]


@pg.production("expression : assignment")
@pg.production("unary : call")
@pg.production("call : primary")
def pass_through(p):
    return p[0]


@pg.production("assignment : IDENTIFIER EQUAL assignment")
def assign(p):
    return ast.Assign(tok(p[0]), expr(p[2]))


@pg.production("assignment : call DOT IDENTIFIER EQUAL assignment")
def set_property(p):
    return ast.Set(expr(p[0]), tok(p[2]), expr(p[4]))


def logical(p):
    return ast.Logical(tok(p[1]), expr(p[0]), expr(p[2]))


def binary(p):
    return ast.Binary(tok(p[1]), expr(p[0]), expr(p[2]))


def unary(p):
    return ast.Unary(tok(p[0]), expr(p[1]))


def declare_operators():
    """The rules made from the operator tables: for each level
    `level : operand` and `level : level OP operand`; then `unary : OP
    unary`."""
    pg.production("assignment : " + OPERATOR_LEVELS[0][0])(pass_through)
    for i in range(len(OPERATOR_LEVELS)):
        rule, tokens, is_logical = OPERATOR_LEVELS[i]
        if i + 1 < len(OPERATOR_LEVELS):
            operand = OPERATOR_LEVELS[i + 1][0]
        else:
            operand = "unary"
        pg.production("%s : %s" % (rule, operand))(pass_through)
        for token in tokens:
            action = logical if is_logical else binary
            pg.production("%s : %s %s %s" % (rule, rule, token,
                                               operand))(action)
    for token in UNARY_OPERATORS:
        pg.production("unary : %s unary" % token)(unary)


declare_operators()


@pg.production("call : call LEFT_PAREN RIGHT_PAREN")
def call_no_args(p):
    return ast.Call(expr(p[0]), [], tok(p[2]))


@pg.production("call : call LEFT_PAREN arguments RIGHT_PAREN")
def call_args(p):
    box = p[2]
    assert isinstance(box, ast.ExprList)
    return ast.Call(expr(p[0]), box.items, tok(p[3]))


@pg.production("arguments : expression")
def arguments_one(p):
    return ast.ExprList([expr(p[0])])


@pg.production("arguments : arguments COMMA expression")
def arguments_more(p):
    box = p[0]
    assert isinstance(box, ast.ExprList)
    box.items.append(expr(p[2]))
    return box


@pg.production("call : call DOT IDENTIFIER")
def get_property(p):
    return ast.Get(expr(p[0]), tok(p[2]))


@pg.production("primary : TRUE")
@pg.production("primary : FALSE")
@pg.production("primary : NIL")
def literal(p):
    return ast.Literal(tok(p[0]))


@pg.production("primary : THIS")
def this(p):
    return ast.This(tok(p[0]))


@pg.production("primary : NUMBER")
def number(p):
    token = tok(p[0])
    return ast.Number(token, parse_number(token.value))


@pg.production("primary : STRING")
def string(p):
    token = tok(p[0])
    end = len(token.value) - 1
    assert end >= 1
    return ast.String(token, token.value[1:end])


@pg.production("primary : IDENTIFIER")
def variable(p):
    return ast.Variable(tok(p[0]))


@pg.production("primary : LEFT_PAREN expression RIGHT_PAREN")
def grouping(p):
    return ast.Grouping(expr(p[1]), tok(p[2]))


@pg.production("primary : SUPER DOT IDENTIFIER")
def super_access(p):
    return ast.Super(tok(p[0]), tok(p[2]))


@pg.error
def parse_error(token):
    raise ParsingError("syntax error", token.getsourcepos())


_parser = pg.build()

# The terminals that can begin an expression, as rply computed them from the
# rules above (the FIRST set of `expression`): compile_errors.py's "Expect
# expression." is said at any other token.
EXPRESSION_STARTERS = sorted(_parser.lr_table.grammar.first["expression"])

# The keywords that begin a declaration or statement other than an
# expression statement: where clox's error recovery resynchronises
# (docs/LANGUAGE.md section 5: class fun var for if while print return).
STATEMENT_KEYWORDS = sorted(
    [name for name in _parser.lr_table.grammar.first["declaration"]
     if name in KEYWORDS.values() and name not in EXPRESSION_STARTERS])


class SyntaxErrorsFound(Exception):
    """The tokens are not a Lox program; `compile_errors` says why."""


def parse(tokens):
    """Parse a token list (ending with EOF) into an ast.Program, or raise
    SyntaxErrorsFound."""
    for token in tokens:
        if token.name == "ERROR":
            raise SyntaxErrorsFound()
    try:
        box = _parser.parse(TokenStream(tokens))
    except ParsingError:
        raise SyntaxErrorsFound()
    assert isinstance(box, ast.Program)
    box.eof = tokens[len(tokens) - 1]
    return box
