"""The command line (docs/LANGUAGE.md sections 5 and 9).

Everything goes through runner.run / runner.command, so these tests run
untranslated and, with MINILANG_BIN set, on the binary.
"""

import re
import subprocess

from runner import run, command

from minilang.commandline import OPTIONS


def repl(text, merge=False):
    """Feed `text` to the REPL; return (exit, stdout, stderr)."""
    proc = subprocess.run(
        command(), input=text.encode("latin-1"), stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if merge else subprocess.PIPE, timeout=60)
    err = proc.stderr.decode("latin-1") if proc.stderr is not None else ""
    return proc.returncode, proc.stdout.decode("latin-1"), err


def run_source(tmp_path, source, name="prog.lox", args=()):
    path = tmp_path / name
    path.write_bytes(source.encode("latin-1"))
    return run(list(args) + [str(path)])


# ------------------------------------------------------------------- REPL

def test_repl_prompts_and_prints():
    assert repl("print 1;\nprint 2;\n") == (0, "> 1\n> 2\n> \n", "")


def test_repl_empty_input_prints_a_newline():
    assert repl("") == (0, "> \n", "")


def test_repl_last_line_without_newline_still_runs():
    assert repl("print 3;") == (0, "> 3\n\n", "")


def test_repl_globals_persist_between_lines():
    status, out, err = repl("var a = 1;\na = a + 1;\n"
                            "fun f(x) { return x * a; }\n"
                            "class C { m() { return f(10); } }\n"
                            "print C().m();\n")
    assert (status, err) == (0, "")
    assert out == "> > > > > 20\n> \n"


def test_repl_runtime_error_is_reported_and_repl_goes_on():
    status, out, err = repl("var a = 1;\nprint b;\nprint a;\n")
    assert status == 0
    assert out == "> > > 1\n> \n"
    assert err == "Undefined variable 'b'.\n[line 1] in script\n"


def test_repl_compile_error_is_reported_and_repl_goes_on():
    status, out, err = repl("print ;\nprint 2;\n")
    assert status == 0
    assert out == "> > 2\n> \n"
    assert err == "[line 1] Error at ';': Expect expression.\n"


def test_repl_output_and_errors_in_order():
    status, out, _ = repl("print 1;\nprint nil + 1;\nprint 2;\n",
                          merge=True)
    assert status == 0
    assert out == ("> 1\n"
                   "> Operands must be two numbers or two strings.\n"
                   "[line 1] in script\n"
                   "> 2\n"
                   "> \n")


def test_repl_each_line_is_compiled_alone():
    # A block cannot span lines: each line is a whole program.
    status, out, err = repl("{\nprint 1;\n}\n")
    assert status == 0
    assert out == "> > 1\n> > \n"
    # The line read keeps its newline, so "at end" is on line 2 (as in
    # clox, whose REPL compiles the line fgets() read).
    assert err == ("[line 2] Error at end: Expect '}' after block.\n"
                   "[line 1] Error at '}': Expect expression.\n")


def test_repl_definitions_before_a_runtime_error_on_the_same_line_stay():
    status, out, err = repl("var a = 5; nil();\nprint a;\n")
    assert (status, out) == (0, "> > 5\n> \n")
    assert err == "Can only call functions and classes.\n[line 1] in script\n"


def test_repl_error_inside_function_from_an_earlier_line():
    status, out, err = repl("fun f() {\n", merge=False)
    assert status == 0
    assert err == "[line 2] Error at end: Expect '}' after block.\n"
    status, out, err = repl("fun f() { return nil + 1; }\nf();\n")
    assert (status, out) == (0, "> > > \n")
    assert err == ("Operands must be two numbers or two strings.\n"
                   "[line 1] in f()\n"
                   "[line 1] in script\n")


def test_repl_many_lines():
    lines = "".join("print %d;\n" % i for i in range(200))
    status, out, err = repl(lines)
    assert (status, err) == (0, "")
    assert out == "".join("> %d\n" % i for i in range(200)) + "> \n"


# ------------------------------------------------------------ usage, files

def assert_usage_line(text):
    """One line, `Usage: minilang [...] [path]`, naming every option of
    the table in commandline.py (and its short form and argument, if any)."""
    assert text.startswith("Usage: minilang ")
    assert text.endswith(" [path]\n")
    assert text.count("\n") == 1
    for option in OPTIONS:
        assert option.name in text
        if option.short:
            assert option.short in text
        if option.argument:
            assert option.name + " " + option.argument in text


def assert_usage_error(args):
    status, out, err = run(args)
    assert (status, out) == (64, "")
    assert_usage_line(err)


def test_two_file_arguments_is_a_usage_error():
    assert_usage_error(["a.lox", "b.lox"])


def test_three_file_arguments_is_a_usage_error():
    assert_usage_error(["a", "b", "c"])


def test_dis_without_file_is_a_usage_error():
    assert_usage_error(["--dis"])


def test_unknown_option_is_a_usage_error():
    assert_usage_error(["--frobnicate", "a.lox"])
    assert_usage_error(["-x"])


def test_help_lists_every_option_and_exits_0():
    for flag in ("--help", "-h"):
        status, out, err = run([flag])
        assert (status, err) == (0, "")
        lines = out.splitlines(True)
        assert_usage_line(lines[0])
        for option in OPTIONS:
            assert any(option.name in line and option.meaning in line
                       for line in lines[1:]), option.name


def test_help_wins_over_a_file_that_does_not_exist(tmp_path):
    status, out, err = run(["--help", str(tmp_path / "nope.lox")])
    assert (status, err) == (0, "")
    assert out.startswith("Usage: minilang ")


def test_version():
    status, out, err = run(["--version"])
    assert (status, err) == (0, "")
    assert re.match(r"minilang \d+\.\d+\.\d+\n\Z", out), out


def test_dis_may_follow_the_path(tmp_path):
    path = tmp_path / "one.lox"
    path.write_text("print 1;")
    status, out, err = run([str(path), "--dis"])
    assert (status, err) == (0, "")
    assert "CONSTANT" in out and "PRINT" in out


def test_missing_file(tmp_path):
    path = str(tmp_path / "nope.lox")
    assert run([path]) == (74, "", 'Could not open file "%s".\n' % path)


def test_directory_as_the_file(tmp_path):
    status, out, err = run([str(tmp_path)])
    assert status == 74
    assert out == ""
    assert err == 'Could not open file "%s".\n' % tmp_path


def test_dis_of_missing_file(tmp_path):
    path = str(tmp_path / "nope.lox")
    assert run(["--dis", path]) == (74, "", 'Could not open file "%s".\n'
                                    % path)


def test_dis_prints_bytecode_instead_of_running(tmp_path):
    status, out, err = run_source(tmp_path, "fun f() { print 1; }\nf();\n",
                                  args=["--dis"])
    assert (status, err) == (0, "")
    assert out.startswith("== <script> ==\n")
    assert "\n== f ==\n" in out
    assert "CALL" in out
    assert "\n1\n" not in out


def test_success(tmp_path):
    assert run_source(tmp_path, 'print "hi";\nprint 1 + 2;\n') == \
        (0, "hi\n3\n", "")


def test_empty_file(tmp_path):
    assert run_source(tmp_path, "") == (0, "", "")


# ----------------------------------------------------------------- errors

TRACE_PROGRAM = """\
class Box {
  init(f) { this.f = f; }
  open() {
    return this.f();
  }
}
fun inner() {
  var x = "a";
  return x
    - 1;
}
fun outer() {
  return Box(inner).open();
}
print "before";
outer();
print "after";
"""


def test_runtime_error_full_trace(tmp_path):
    status, out, err = run_source(tmp_path, TRACE_PROGRAM)
    assert status == 70
    assert out == "before\n"
    assert err == ("Operands must be numbers.\n"
                   "[line 10] in inner()\n"
                   "[line 4] in open()\n"
                   "[line 13] in outer()\n"
                   "[line 16] in script\n")


def test_runtime_error_at_top_level(tmp_path):
    assert run_source(tmp_path, "print 1;\n\nprint -\"x\";\n") == (
        70, "1\n", "Operand must be a number.\n[line 3] in script\n")


def test_runtime_error_in_initializer_trace(tmp_path):
    source = "class A {\n  init() {\n    this.x = y;\n  }\n}\nA();\n"
    assert run_source(tmp_path, source) == (
        70, "", "Undefined variable 'y'.\n[line 3] in init()\n"
        "[line 6] in script\n")


def test_compile_error_exits_65_and_runs_nothing(tmp_path):
    status, out, err = run_source(tmp_path, "print 1;\nprint ;\nprint 2\n")
    assert status == 65
    assert out == ""
    assert err == ("[line 2] Error at ';': Expect expression.\n"
                   "[line 4] Error at end: Expect ';' after value.\n")


def test_semantic_compile_error_exits_65(tmp_path):
    assert run_source(tmp_path, "print 1;\nreturn 2;\n") == (
        65, "", "[line 2] Error at 'return': Can't return from top-level "
        "code.\n")


def test_lexical_error_exits_65(tmp_path):
    assert run_source(tmp_path, "print 1;\nprint 2 @;\n") == (
        65, "", "[line 2] Error: Unexpected character.\n")


def test_stdout_before_a_runtime_error_is_kept(tmp_path):
    # More than the output buffer holds, then an error.
    source = "for (var i = 0; i < 3000; i = i + 1) print i;\nnil();\n"
    status, out, err = run_source(tmp_path, source)
    assert status == 70
    assert out == "".join("%d\n" % i for i in range(3000))
    assert err == "Can only call functions and classes.\n[line 2] in script\n"


def test_output_bytes_are_kept_as_they_are(tmp_path):
    source = 'print "caf\xe9 \xff";\n'
    assert run_source(tmp_path, source) == (0, "caf\xe9 \xff\n", "")


def test_path_with_spaces(tmp_path):
    assert run_source(tmp_path, "print 7;", name="my prog.lox") == \
        (0, "7\n", "")


def test_file_argument_via_subprocess_exit_codes(tmp_path):
    # The real process exit status, not only main()'s return value.
    ok = tmp_path / "ok.lox"
    ok.write_text("print 1;")
    bad = tmp_path / "bad.lox"
    bad.write_text("print ;")
    boom = tmp_path / "boom.lox"
    boom.write_text("nil();")
    for path, status in ((ok, 0), (bad, 65), (boom, 70)):
        proc = subprocess.run(command() + [str(path)],
                              stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=60)
        assert proc.returncode == status, path
    proc = subprocess.run(command() + ["a", "b"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60)
    assert proc.returncode == 64
    assert_usage_line(proc.stderr.decode("latin-1"))


#> step 9
# --jit: PyPy's option, handed to rpython.rlib.jit.set_user_param (on
# CPython the stand-in in minilang/rlib/jit.py checks the text the same
# way).  That `--jit off` really turns the JIT off is
# tests/binary/test_jit_option.py's.

def test_jit_option_takes_pypys_texts(tmp_path):
    for text in ("off", "default", "threshold=200", "enable_opts=all",
                 "threshold=100, trace_limit=16384,function_threshold=50"):
        assert run_source(tmp_path, "print 1 + 2;", args=["--jit", text]) \
            == (0, "3\n", ""), text


def test_jit_option_rejects_bad_text_as_a_usage_error(tmp_path):
    for text in ("on", "threshold", "threshold=", "threshold=ten",
                 "threshold=1_0", "no_such_param=1", "threshold=1,,"):
        assert run_source(tmp_path, "print 1;", args=["--jit", text]) == (
            64, "", "minilang: --jit wants 'off' or parameters such as "
            "'threshold=1039,trace_limit=6000', not '%s'.\n" % text), text
    assert run_source(tmp_path, "print 1;",
                      args=["--jit", "trace_limit=16385"]) == (
        64, "", "minilang: --jit: trace_limit may be at most 16384.\n")
    assert_usage_error(["--jit"])
#< step 9
