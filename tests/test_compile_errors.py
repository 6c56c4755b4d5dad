"""minilang.compile_errors.report: clox's compile-error messages, panic mode
and resynchronisation (docs/LANGUAGE.md section 5), on token lists.

`report(tokens, None)` is what a file that does not parse gets;
`report(tokens, found)` reports what the resolver/compiler noted for a file
that does parse, at clox's moment.
"""

import pytest

from minilang.lexer import tokenize
from minilang.parser import parse, SyntaxErrorsFound
from minilang.pipeline import run_source, new_globals, COMPILE
from minilang.compile_errors import report


def errors(source):
    tokens = tokenize(source)
    return report(tokens, None)


def semantic_errors(source):
    """Errors of a file that parses: resolve/compile, then report (the
    pipeline does, stopped at the Code)."""
    parse(tokenize(source))         # raises if it does not parse
    outcome = run_source(source, new_globals(), COMPILE)
    assert outcome.code is None
    assert outcome.compile_errors != []
    return outcome.compile_errors


def the_error(source):
    result = errors(source)
    assert len(result) == 1, result
    return result[0]


# ------------------------------------------ every syntactic message, at its token

SYNTACTIC = [
    # Expect expression.
    ("print ;", "[line 1] Error at ';': Expect expression."),
    ("1 + ;", "[line 1] Error at ';': Expect expression."),
    (".x;", "[line 1] Error at '.': Expect expression."),
    ("print }", "[line 1] Error at '}': Expect expression."),
    ("if (true) var a;", "[line 1] Error at 'var': Expect expression."),
    ("print", "[line 1] Error at end: Expect expression."),
    # missing ')'
    ("print (1;", "[line 1] Error at ';': Expect ')' after expression."),
    ("f(1;", "[line 1] Error at ';': Expect ')' after arguments."),
    ("f(1 2);", "[line 1] Error at '2': Expect ')' after arguments."),
    ("if (x y;", "[line 1] Error at 'y': Expect ')' after condition."),
    ("while (x y;", "[line 1] Error at 'y': Expect ')' after condition."),
    ("fun f(a b) {}", None),   # see test_missing_paren_after_parameters
    ("for (;; i x;", "[line 1] Error at 'x': Expect ')' after for clauses."),
    # missing '('
    ("if x) y;", "[line 1] Error at 'x': Expect '(' after 'if'."),
    ("while x) y;", "[line 1] Error at 'x': Expect '(' after 'while'."),
    ("for x;", "[line 1] Error at 'x': Expect '(' after 'for'."),
    ("fun f {}", "[line 1] Error at '{': Expect '(' after function name."),
    ("class A { m }", "[line 1] Error at '}': Expect '(' after function name."),
    # missing ';'
    ("print 1", "[line 1] Error at end: Expect ';' after value."),
    ("print 1 2;", "[line 1] Error at '2': Expect ';' after value."),
    ("1 2;", "[line 1] Error at '2': Expect ';' after expression."),
    ("var a = 1", "[line 1] Error at end: Expect ';' after variable declaration."),
    ("var a 1;", "[line 1] Error at '1': Expect ';' after variable declaration."),
    ("fun f() { return 1 2; }", None),
    ("for (var i = 0; i < 1) x;",
     "[line 1] Error at ')': Expect ';' after loop condition."),
    ("for (i = 0 i < 1;) x;",
     "[line 1] Error at 'i': Expect ';' after expression."),
    # braces
    ("class A", "[line 1] Error at end: Expect '{' before class body."),
    ("class A x", "[line 1] Error at 'x': Expect '{' before class body."),
    ("class A {", "[line 1] Error at end: Expect '}' after class body."),
    ("{ print 1;", "[line 1] Error at end: Expect '}' after block."),
    # names
    ("var = 1;", "[line 1] Error at '=': Expect variable name."),
    ("var 1;", "[line 1] Error at '1': Expect variable name."),
    ("fun (){}", "[line 1] Error at '(': Expect function name."),
    ("class {}", "[line 1] Error at '{': Expect class name."),
    ("class A < {}", "[line 1] Error at '{': Expect superclass name."),
    ("a.1;", "[line 1] Error at '1': Expect property name after '.'."),
    ("a.;", "[line 1] Error at ';': Expect property name after '.'."),
    ("class A < B { m() { super m; } }",
     "[line 1] Error at 'm': Expect '.' after 'super'."),
    ("class A < B { m() { super.; } }",
     "[line 1] Error at ';': Expect superclass method name."),
    # assignment
    ("1 = 2;", "[line 1] Error at '=': Invalid assignment target."),
    ("a + b = c;", "[line 1] Error at '=': Invalid assignment target."),
    ("a.b() = c;", "[line 1] Error at '=': Invalid assignment target."),
    ("(a) = 1;", "[line 1] Error at '=': Invalid assignment target."),
]


@pytest.mark.parametrize("source,expected",
                         [c for c in SYNTACTIC if c[1] is not None])
def test_syntactic_message(source, expected):
    assert the_error(source) == expected


def test_missing_paren_after_parameters():
    assert errors("fun f(a b) {}") == [
        "[line 1] Error at 'b': Expect ')' after parameters.",
        # `{` was not consumed, so `{}` is skipped while resynchronizing
        # inside the body and the body's block is never closed.
        "[line 1] Error at end: Expect '}' after block."]


def test_missing_semicolon_after_return_value():
    assert errors("fun f() { return 1 2; }") == [
        "[line 1] Error at '2': Expect ';' after return value."]


def test_missing_brace_before_function_body():
    assert errors("fun f() x") == [
        "[line 1] Error at 'x': Expect '{' before function body.",
        "[line 1] Error at end: Expect '}' after block."]


def test_bad_parameter_name():
    assert errors("fun f(1) {}") == [
        "[line 1] Error at '1': Expect parameter name.",
        "[line 1] Error at end: Expect '}' after block."]


def test_bad_method_name():
    assert errors("class A { 1 }") == [
        "[line 1] Error at '1': Expect method name.",
        "[line 1] Error at end: Expect '}' after block."]


def test_spec_example():
    assert errors("{ print 1 }") == [
        "[line 1] Error at '}': Expect ';' after value.",
        "[line 1] Error at end: Expect '}' after block."]


# ---------------------------------------------------------- lexical errors

def test_unexpected_character_has_no_at_part():
    assert the_error("print 1;\n\n@") == \
        "[line 3] Error: Unexpected character."


def test_unterminated_string_has_no_at_part():
    assert the_error('print 1;\nprint "abc\n\n') == \
        "[line 4] Error: Unterminated string."


def test_non_ascii_byte_is_unexpected():
    assert the_error("var caf\xe9 = 1;") == \
        "[line 1] Error: Unexpected character."


def test_lexical_error_mid_statement_silences_the_rest_of_it():
    # The unexpected character puts the parser in panic mode; the missing
    # ';' after it is not reported.
    assert errors("print @ 1 2;\nprint ;") == [
        "[line 1] Error: Unexpected character.",
        "[line 2] Error at ';': Expect expression."]


def test_lexical_errors_interleaved_with_syntax_errors():
    source = ("print 1;\n"        # fine
              "@\n"               # 2: lexical
              "print 2 @ 3;\n"    # 3: lexical (the ';' missing is silenced)
              "var;\n"            # 4: syntax
              "print $;\n"        # 5: lexical, then ';' is...
              "print 4 5;\n"      # 6: syntax
              '"open')            # 7: lexical, at end
    assert errors(source) == [
        "[line 2] Error: Unexpected character.",
        "[line 3] Error: Unexpected character.",
        "[line 4] Error at ';': Expect variable name.",
        "[line 5] Error: Unexpected character.",
        "[line 6] Error at '5': Expect ';' after value.",
        "[line 7] Error: Unterminated string."]


def test_two_unexpected_characters_in_a_row_report_once():
    # The second error token comes while the parser is still panicking.
    assert errors("@#;\nprint ;") == [
        "[line 1] Error: Unexpected character.",
        "[line 2] Error at ';': Expect expression."]


def test_unexpected_characters_in_separate_statements_each_reported():
    assert errors("a; @\nb; #\nc; $") == [
        "[line 1] Error: Unexpected character.",
        "[line 2] Error: Unexpected character.",
        "[line 3] Error: Unexpected character."]


# ---------------------------------------------------------- resynchronizing

def test_one_error_per_statement():
    assert errors("print ;\nvar ;\n1 = 2;\nprint 1 2;") == [
        "[line 1] Error at ';': Expect expression.",
        "[line 2] Error at ';': Expect variable name.",
        "[line 3] Error at '=': Invalid assignment target.",
        "[line 4] Error at '2': Expect ';' after value."]


def test_second_error_in_one_statement_is_silenced():
    assert errors("print (1 + ) 2 3 ;") == [
        "[line 1] Error at ')': Expect expression."]


def test_resync_skips_to_after_semicolon():
    assert errors("print 1 2 3 4; print ;") == [
        "[line 1] Error at '2': Expect ';' after value.",
        "[line 1] Error at ';': Expect expression."]


@pytest.mark.parametrize("keyword,statement,message", [
    ("class", "class {}", "Error at '{': Expect class name."),
    ("fun", "fun (){}", "Error at '(': Expect function name."),
    ("var", "var ;", "Error at ';': Expect variable name."),
    ("for", "for x;", "Error at 'x': Expect '(' after 'for'."),
    ("if", "if x) y;", "Error at 'x': Expect '(' after 'if'."),
    ("while", "while x) y;", "Error at 'x': Expect '(' after 'while'."),
    ("print", "print ;", "Error at ';': Expect expression."),
    ("return", "return 1 2;", "Error at 'return': Can't return from "
     "top-level code."),
])
def test_resync_stops_before_each_keyword(keyword, statement, message):
    # No ';' between the two statements: the parser skips `2 3` and stops
    # in front of the keyword, then reports the keyword statement's error.
    source = "print 1 2 3 " + statement
    assert errors(source) == [
        "[line 1] Error at '2': Expect ';' after value.",
        "[line 1] " + message]


@pytest.mark.parametrize("word", ["else", "and", "or", "this", "true", "nil",
                                  "super", "x"])
def test_other_words_do_not_stop_resync(word):
    assert errors("print 1 2 %s print ;" % word) == [
        "[line 1] Error at '2': Expect ';' after value.",
        "[line 1] Error at ';': Expect expression."]


def test_resync_skips_closing_brace():
    assert errors("{ print 1 }\nprint ;") == [
        "[line 1] Error at '}': Expect ';' after value.",
        "[line 2] Error at ';': Expect expression.",
        "[line 2] Error at end: Expect '}' after block."]


def test_resync_across_many_lines():
    assert errors("print 1\n+\n2 x\ny\nz;\nvar;") == [
        "[line 3] Error at 'x': Expect ';' after value.",
        "[line 6] Error at ';': Expect variable name."]


def test_errors_inside_function_and_after_it():
    source = ("fun f() {\n"
              "  print ;\n"
              "  var ;\n"
              "}\n"
              "print ;\n")
    assert errors(source) == [
        "[line 2] Error at ';': Expect expression.",
        "[line 3] Error at ';': Expect variable name.",
        "[line 5] Error at ';': Expect expression."]


def test_errors_in_methods():
    source = ("class A {\n"
              "  m() { print ; }\n"
              "  n() { 1 = 2; }\n"
              "}\n")
    assert errors(source) == [
        "[line 2] Error at ';': Expect expression.",
        "[line 3] Error at '=': Invalid assignment target."]


def test_error_in_for_clause_then_more():
    assert errors("for (var = 0; ; ) {}\nprint ;") == [
        "[line 1] Error at '=': Expect variable name.",
        "[line 2] Error at ';': Expect expression."]


def test_error_at_end_after_other_errors():
    assert errors("print ;\n{\nvar x = 1") == [
        "[line 1] Error at ';': Expect expression.",
        "[line 3] Error at end: Expect ';' after variable declaration.",
        # The resync at the end of the `var` ends panic mode, so the
        # unclosed block is reported too.
        "[line 3] Error at end: Expect '}' after block."]


def test_error_at_end_is_on_last_line():
    assert errors("print 1\n\n\n") == [
        "[line 4] Error at end: Expect ';' after value."]


def test_error_after_multiline_string_is_on_its_end_line():
    assert errors('print "a\nb\nc" x;') == [
        "[line 3] Error at 'x': Expect ';' after value."]
    assert errors('print 1 "a\nb";') == [
        "[line 2] Error at '\"a\nb\"': Expect ';' after value."]


def test_string_lexeme_is_quoted_in_message():
    assert errors('print 1 "two";') == [
        "[line 1] Error at '\"two\"': Expect ';' after value."]


# -------------------------------------- scope checks in a file that does not parse

def test_scope_errors_reported_with_syntax_errors_in_order():
    source = ("fun f(a) { var a; }\n"       # 1 scope error
              "print ;\n"                   # 2 syntax
              "this;\n"                     # 3 scope
              "{ var b = b; }\n"            # 4 scope
              "return;\n"                   # 5 scope
              "class A < A {}\n"            # 6 scope, then resync...
              "super.x;\n"                  # 7 ...skips this statement
              "class B { m() { super.x; } }\n"       # 8 scope
              "class C { init() { return 1; } }\n"   # 9 scope
              "var ;\n")                    # 10 syntax
    assert errors(source) == [
        "[line 1] Error at 'a': Already a variable with this name in "
        "this scope.",
        "[line 2] Error at ';': Expect expression.",
        "[line 3] Error at 'this': Can't use 'this' outside of a class.",
        "[line 4] Error at 'b': Can't read local variable in its own "
        "initializer.",
        "[line 5] Error at 'return': Can't return from top-level code.",
        "[line 6] Error at 'A': A class can't inherit from itself.",
        "[line 8] Error at 'super': Can't use 'super' in a class with no "
        "superclass.",
        "[line 9] Error at 'return': Can't return a value from an "
        "initializer.",
        "[line 10] Error at ';': Expect variable name."]


def test_scope_checks_in_a_file_that_parses_give_the_same_messages():
    source = ("fun f(a) { var a; }\n"
              "this;\n"
              "{ var b = b; }\n"
              "return;\n"
              "class A < A {}\n"
              "class B { m() { super.x; } }\n"
              "class C { init() { return 1; } }\n"
              "print super.x;\n")
    with_syntax_error = errors(source + "var ;\n")
    assert semantic_errors(source) == with_syntax_error[:-1]
    assert len(with_syntax_error) == 9


def test_semantic_error_in_statement_skipped_by_resync_is_not_reported():
    # clox: after "A class can't inherit from itself." the parser is in
    # panic mode at the end of the class declaration and resynchronizes by
    # skipping `this ;` (no keyword stops it), so `this` is never compiled
    # and gives no error.  This file parses, so it goes through the
    # resolver's FoundErrors; a syntax error elsewhere must not change it.
    source = "class A < A {} this;\n"
    expected = ["[line 1] Error at 'A': A class can't inherit from itself."]
    assert errors(source) == expected
    assert semantic_errors(source) == expected


def test_semantic_error_after_skipped_statement_is_reported():
    # Same: `super.x;` on line 2 is skipped while resynchronizing, so the
    # parser is out of panic mode for the class on line 3, whose `super`
    # is an error.
    source = ("class A < A {}\n"
              "super.x;\n"
              "class B { m() { super.x; } }\n")
    expected = [
        "[line 1] Error at 'A': A class can't inherit from itself.",
        "[line 3] Error at 'super': Can't use 'super' in a class with no "
        "superclass."]
    assert errors(source + "var ;") == expected + [
        "[line 4] Error at ';': Expect variable name."]
    assert semantic_errors(source) == expected


def test_semantic_error_then_resync_skips_brace():
    # The docstring example: clox skips the block's `}` resynchronising.
    assert semantic_errors("{ class A < A {} }") == [
        "[line 1] Error at 'A': A class can't inherit from itself.",
        "[line 1] Error at end: Expect '}' after block."]


def test_semantic_errors_do_not_stop_later_ones():
    assert semantic_errors("return;\nreturn;\nthis;") == [
        "[line 1] Error at 'return': Can't return from top-level code.",
        "[line 2] Error at 'return': Can't return from top-level code.",
        "[line 3] Error at 'this': Can't use 'this' outside of a class."]


def test_panic_hides_a_second_semantic_error_in_one_statement():
    # Both `this`es are in one statement: only the first is reported.
    assert semantic_errors("print this + this;") == [
        "[line 1] Error at 'this': Can't use 'this' outside of a class."]


def test_too_many_parameters_and_arguments_messages():
    params = ", ".join("p%d" % i for i in range(256))
    assert errors("fun f(%s) {} print ;" % params) == [
        "[line 1] Error at 'p255': Can't have more than 255 parameters.",
        "[line 1] Error at ';': Expect expression."]
    args = ", ".join(["1"] * 255 + ["(2)"])
    assert errors("f(%s); print ;" % args) == [
        "[line 1] Error at ')': Can't have more than 255 arguments.",
        "[line 1] Error at ';': Expect expression."]


def test_report_on_a_valid_file_is_empty():
    # Never called so in minilang, but the recogniser must accept valid
    # programs silently (it is run over whole files).
    source = ("class A < B { init(x) { this.x = x; super.init(); } }\n"
              "fun f(a, b) { for (var i = 0; i < a; i = i + 1) {"
              " if (i) print i; else while (b) b = !b or nil and 1; }"
              " return a.b.c(1)(2); }\n"
              "var s = \"str\"; print -s == s != s <= s >= s < s > s;\n")
    parse(tokenize(source))           # rply accepts it: it is valid
    assert errors(source) == []
    # ... and the same file with one error gets exactly that error.
    with pytest.raises(SyntaxErrorsFound):
        parse(tokenize(source + "@"))
    assert errors(source + "@") == [
        "[line 4] Error: Unexpected character."]
