"""The natives that talk to the world (builtins.py; docs/LANGUAGE.md
section 12): standard input that is closed, empty, binary or shared with
the REPL, exit statuses, and the order of printerr's lines among print's.

The corpus (tests/lox/native/) checks each native's results and error
messages; these tests need a real process: a closed standard input, both
streams merged into one pipe, the REPL.  Through runner.command they run
untranslated and, with MINILANG_BIN set, on the binary.
"""

import subprocess

from runner import command, run

ECHO = """
var b = read();
var n = 0;
while (b != nil) { n = n + 1; print b; b = read(); }
print n;
"""


def minilang(tmp_path, source, stdin=b"", merge=False):
    """Run `source` from a file; `stdin` is bytes or an open file."""
    path = tmp_path / "prog.lox"
    path.write_bytes(source.encode("latin-1"))
    if isinstance(stdin, bytes):
        given = {"input": stdin}
    else:
        given = {"stdin": stdin}
    proc = subprocess.run(
        command() + [str(path)], stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if merge else subprocess.PIPE,
        timeout=60, **given)
    err = proc.stderr.decode("latin-1") if proc.stderr is not None else ""
    return proc.returncode, proc.stdout.decode("latin-1"), err


def test_read_from_dev_null_is_nil(tmp_path):
    with open("/dev/null", "rb") as null:
        assert minilang(tmp_path, ECHO, stdin=null) == (0, "0\n", "")


def test_read_from_closed_stdin_is_nil(tmp_path):
    # `minilang prog.lox <&-`: reading fails (EBADF), which is the end.
    path = tmp_path / "prog.lox"
    path.write_bytes(ECHO.encode("latin-1"))
    shell = " ".join("'%s'" % word for word in command() + [str(path)])
    proc = subprocess.run(["/bin/sh", "-c", shell + " <&-"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=60)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"0\n", b"")


def test_read_gives_every_byte_of_binary_input(tmp_path):
    data = bytes(range(256)) * 40          # 10 KB: more than one chunk
    status, out, err = minilang(tmp_path, ECHO, stdin=data)
    assert (status, err) == (0, "")
    assert out.split("\n")[:-1] == [str(b) for b in data] + ["10240"]


def test_read_copies_input_to_output_through_utf(tmp_path):
    # A cat in Lox: bytes back to a string one at a time, UTF-8 intact.
    cat = """
    var line = "";
    var b = read();
    while (b != nil) {
      if (b == 10) { print line; line = ""; }
      else line = line + utf(b, nil, nil, nil);
      b = read();
    }
    """
    text = "h\u00e9llo \u20ac\nz\u00fcrich \U0001f600\n".encode("utf-8")
    status, out, err = minilang(tmp_path, cat, stdin=text)
    assert (status, err) == (0, "")
    assert out.encode("latin-1") == text


def test_output_is_flushed_before_read_waits(tmp_path):
    # A prompt printed before read() is on standard output before the
    # program blocks on its input (checked with a pipe left open).
    source = 'print "name?"; var b = read(); print b;'
    path = tmp_path / "prog.lox"
    path.write_bytes(source.encode("latin-1"))
    proc = subprocess.Popen(command() + [str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert proc.stdout.readline() == b"name?\n"
        out, err = proc.communicate(b"A", timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (proc.returncode, out, err) == (0, b"65\n", b"")


def test_exit_flushes_output_and_sets_the_status(tmp_path):
    source = "for (var i = 0; i < 3000; i = i + 1) print i; exit(7);"
    status, out, err = minilang(tmp_path, source)
    assert (status, err) == (7, "")
    assert out.split("\n")[:-1] == [str(i) for i in range(3000)]


def test_exit_statuses(tmp_path):
    for n in (0, 1, 64, 65, 70, 255):
        assert run_file(tmp_path, "exit(%d);" % n) == (n, "", "")


def run_file(tmp_path, source):
    path = tmp_path / "prog.lox"
    path.write_bytes(source.encode("latin-1"))
    return run([str(path)])


def test_exit_out_of_range_is_a_runtime_error(tmp_path):
    for bad in ("256", "-1", "1.5", "0/0", '"0"', "nil", "true", "clock"):
        status, out, err = run_file(tmp_path, "\n\nexit(%s);" % bad)
        assert (status, out) == (70, ""), bad
        assert err == ("Exit status must be a whole number from 0 to 255.\n"
                       "[line 3] in script\n"), bad


def test_printerr_lines_come_in_order_among_prints(tmp_path):
    source = ('print 1; printerr("a"); print 2; printerr(3.25); '
              'for (var i = 0; i < 2000; i = i + 1) print i; printerr(nil);')
    status, out, _ = minilang(tmp_path, source, merge=True)
    assert status == 0
    lines = out.split("\n")[:-1]
    assert lines == (["1", "a", "2", "3.25"] + [str(i) for i in range(2000)]
                     + ["nil"])


def test_printerr_writes_to_standard_error_only(tmp_path):
    assert run_file(tmp_path, 'printerr("x" + "y");') == (0, "", "xy\n")


def test_printerr_then_exit_keeps_the_order(tmp_path):
    status, out, _ = minilang(
        tmp_path, 'print "out"; printerr("usage: ..."); exit(64);',
        merge=True)
    assert (status, out) == (64, "out\nusage: ...\n")


# ------------------------------------------------------------------- REPL

def repl(text, merge=False):
    proc = subprocess.run(
        command(), input=text, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT if merge else subprocess.PIPE, timeout=60)
    err = proc.stderr.decode("latin-1") if proc.stderr is not None else ""
    return proc.returncode, proc.stdout.decode("latin-1"), err


def test_repl_read_takes_the_bytes_after_the_line():
    # The REPL and read() share one buffer: read() gets the next bytes
    # (here the line "xy"), and the REPL goes on after the last one taken.
    status, out, err = repl(b"print read(); print read();\nxy\nprint 5;\n")
    assert (status, err) == (0, "")
    assert out == "> 120\n121\n> > 5\n> \n"
    # "> " once for the first line, then the REPL reads "\n" (the rest of
    # the line "xy") as an empty line, then "print 5;".


def test_repl_read_at_end_of_input_is_nil():
    assert repl(b"print read();") == (0, "> nil\n\n", "")


def test_repl_exit_ends_the_session_with_its_status():
    assert repl(b"print 1;\nexit(4);\nprint 2;\n") == (4, "> 1\n> ", "")


def test_repl_exit_error_keeps_the_session():
    status, out, err = repl(b"exit(300);\nprint 2;\n")
    assert (status, out) == (0, "> > 2\n> \n")
    assert err == ("Exit status must be a whole number from 0 to 255.\n"
                   "[line 1] in script\n")
