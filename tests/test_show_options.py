"""--tokens, --ast and --dis: what the lexer, the parser and the compiler
make of a file (tests/test_disassembler.py has more of --dis)."""

from runner import run


def write(tmp_path, source):
    path = tmp_path / "prog.lox"
    path.write_text(source)
    return str(path)


def test_tokens_one_a_line_with_line_name_and_lexeme(tmp_path):
    path = write(tmp_path, 'var x = "a\nb";\n// note\nprint x >= 1.5; @')
    assert run(["--tokens", path]) == (0, "".join([
        "   1 VAR           var\n",
        "   1 IDENTIFIER    x\n",
        "   1 EQUAL         =\n",
        '   2 STRING        "a\nb"\n',
        "   2 SEMICOLON     ;\n",
        "   4 PRINT         print\n",
        "   4 IDENTIFIER    x\n",
        "   4 GREATER_EQUAL >=\n",
        "   4 NUMBER        1.5\n",
        "   4 SEMICOLON     ;\n",
        "   4 ERROR         Unexpected character.\n",
        "   4 EOF           \n"]), "")


def test_tokens_of_a_missing_file(tmp_path):
    missing = str(tmp_path / "missing.lox")
    assert run(["--tokens", missing]) == (
        74, "", 'Could not open file "%s".\n' % missing)


def test_show_options_want_a_file(tmp_path):
    path = write(tmp_path, "print 1;")
    status, out, err = run(["--tokens"])
    assert (status, out) == (64, "") and err.startswith("Usage: ")
#> step 2


def test_ast_one_declaration_a_line(tmp_path):
    path = write(tmp_path, "var a = 1;\nif (a) print -a * (2 + a); else "
                 "{ a = nil; }\nprint a.b(1, 2.50) or !true;\n")
    assert run(["--ast", path]) == (0, "".join([
        "(var a 1)\n",
        "(if a (print (* (- a) (group (+ 2 a)))) (block (expr (= a nil))))\n",
        "(print (or (call (. a b) 1 2.50) (! true)))\n"]), "")


def test_ast_of_a_program_with_a_syntax_error(tmp_path):
    path = write(tmp_path, "print (1;\n")
    assert run(["--ast", path]) == (
        65, "", "[line 1] Error at ';': Expect ')' after expression.\n")


def test_ast_of_a_program_nested_too_deeply(tmp_path):
    # Deeper than the stack (the binary's, or Python's recursion limit):
    # the same compile error as running it, not an internal error.
    path = tmp_path / "deep.lox"
    path.write_text("print " + "(" * 200000 + "1" + ")" * 200000 + ";\n")
    assert run(["--ast", str(path)]) == (
        65, "", "[line 1] Error: Program too deeply nested.\n")


def test_only_one_show_option(tmp_path):
    path = write(tmp_path, "print 1;")
    status, out, err = run(["--tokens", "--ast", path])
    assert (status, out) == (64, "") and err.startswith("Usage: ")
#< step 2
#> step 3


def test_dis_of_expressions_and_print(tmp_path):
    path = write(tmp_path, 'print 1 + 2 * -3;\nprint "a" + "b";\n')
    assert run(["--dis", path]) == (0, "".join([
        "== <script> ==\n",
        "0000    1 CONSTANT            0 '1'\n",
        "0002    | CONSTANT            1 '2'\n",
        "0004    | CONSTANT            2 '3'\n",
        "0006    | NEGATE\n",
        "0007    | MULTIPLY\n",
        "0008    | ADD\n",
        "0009    | PRINT\n",
        "0010    2 CONSTANT            3 'a'\n",
        "0012    | CONSTANT            4 'b'\n",
        "0014    | ADD\n",
        "0015    | PRINT\n",
        "0016    3 NIL\n",
        "0017    | RETURN\n"]), "")


def test_dis_of_a_program_with_a_compile_error(tmp_path):
    path = write(tmp_path, "print 1 +;\n")
    assert run(["--dis", path]) == (
        65, "", "[line 1] Error at ';': Expect expression.\n")
#< step 3
