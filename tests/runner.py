"""Running Lox programs for the tests, untranslated or on the binary.

`run(args, stdin)` runs `minilang ARGS...` with `stdin` (bytes) as its
standard input and returns (exit code, stdout, stderr) as text.  With the environment variable MINILANG_BIN set (as
`make test-binary` does) it runs that translated binary in a subprocess;
otherwise it calls minilang's `main` in this process, which keeps the
untranslated corpus fast, capturing what it writes to the two streams.

`expectations(path)` reads what a corpus program expects from its
comments (the format of Crafting Interpreters' test suite):

    // expect: TEXT                    a line of standard output
    // expect runtime error: MESSAGE   runtime error at this comment's line
    // expect trace: [line N] in f()   the stack trace lines, in order
    // Error at 'x': MESSAGE           compile error at this comment's line
    // [line N] Error...               a compile error line, verbatim
    // expect stderr: TEXT             a line the program wrote to standard
                                       error (printerr), before any error
    // expect exit: N                  the exit status, if exit(N) set it

A program's standard input is the file beside it with the extension
`.in` instead of `.lox` (read byte by byte by `read()`), or empty.

The programs of a folder named in FOLDER_OPTIONS run with its options:
those of tests/lox/limit/ (the book's limit tests, which expect clox's
errors) with `--clox-limits`.  tests/test_limits.py runs them without it.
"""

import os
import re
import subprocess

from minilang import streams
from minilang.__main__ import run_main

BINARY = os.environ.get("MINILANG_BIN")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(args, stdin=b""):
    if BINARY:
        proc = subprocess.run([BINARY] + list(args), input=stdin,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=120)
        return (proc.returncode, proc.stdout.decode("latin-1"),
                proc.stderr.decode("latin-1"))
    return run_in_process(args, stdin)


def run_in_process(args, stdin):
    written = {1: [], 2: []}
    unread = [stdin.decode("latin-1")]

    def capture(fd, text):
        written[fd].append(text)

    #> step 4 standard input
    def give_stdin(fd):
        chunk = unread[0]
        unread[0] = ""
        return chunk

    saved = streams.read_chunk
    streams.read_chunk = give_stdin
    streams.stdin.__init__(0)       # nothing read yet, not at the end
    #< step 4
    saved_write = streams.write_bytes
    streams.write_bytes = capture
    try:
        status = run_main(["minilang"] + list(args))
    finally:
        streams.write_bytes = saved_write
        #> step 4
        streams.read_chunk = saved
        #< step 4
    return status, "".join(written[1]), "".join(written[2])


def command():
    """The command line that runs minilang, for subprocess tests."""
    if BINARY:
        return [BINARY]
    import sys
    return [sys.executable, "-m", "minilang"]


EXPECT_OUTPUT = re.compile(r"// expect: ?(.*)")
EXPECT_RUNTIME_ERROR = re.compile(r"// expect runtime error: (.+)")
EXPECT_TRACE = re.compile(r"// expect trace: (.+)")
EXPECT_ERROR_AT = re.compile(r"// (Error.*)")
EXPECT_ERROR_LINE = re.compile(r"// (\[line \d+\] Error.*)")
EXPECT_STDERR = re.compile(r"// expect stderr: ?(.*)")
EXPECT_EXIT = re.compile(r"// expect exit: (\d+)")


class Expectations(object):
    def __init__(self):
        self.output = []
        self.compile_errors = []
        self.runtime_error = None     # (message, line)
        self.trace = []
        self.stderr = []
        self.exit = None

    @property
    def exit_code(self):
        if self.exit is not None:
            return self.exit
        if self.compile_errors:
            return 65
        if self.runtime_error:
            return 70
        return 0


def expectations(path):
    expected = Expectations()
    with open(path, "rb") as f:
        lines = f.read().decode("latin-1").split("\n")
    for number, line in enumerate(lines, 1):
        m = EXPECT_OUTPUT.search(line)
        if m:
            expected.output.append(m.group(1))
            continue
        m = EXPECT_RUNTIME_ERROR.search(line)
        if m:
            expected.runtime_error = (m.group(1), number)
            continue
        m = EXPECT_STDERR.search(line)
        if m:
            expected.stderr.append(m.group(1))
            continue
        m = EXPECT_EXIT.search(line)
        if m:
            expected.exit = int(m.group(1))
            continue
        m = EXPECT_TRACE.search(line)
        if m:
            expected.trace.append(m.group(1))
            continue
        m = EXPECT_ERROR_LINE.search(line)
        if m:
            expected.compile_errors.append(m.group(1))
            continue
        m = EXPECT_ERROR_AT.search(line)
        if m:
            expected.compile_errors.append("[line %d] %s" % (number, m.group(1)))
    return expected


# Folder of tests/lox/ -> the options its programs run with.
FOLDER_OPTIONS = {"limit": ["--clox-limits"]}


def options_for(path):
    return FOLDER_OPTIONS.get(os.path.basename(os.path.dirname(path)), [])


def run_program(path, options):
    """Run a corpus program with `options` and its standard input."""
    stdin = b""
    if os.path.exists(path[:-len(".lox")] + ".in"):
        with open(path[:-len(".lox")] + ".in", "rb") as f:
            stdin = f.read()
    return run(list(options) + [path], stdin)


def check_program(path, options=None):
    """Run a corpus program (with the options of its folder unless
    `options` is given); assert output, errors and exit code."""
    expected = expectations(path)
    if options is None:
        options = options_for(path)
    status, out, err = run_program(path, options)
    out_lines = out.split("\n")[:-1] if out else []
    err_lines = err.split("\n")[:-1] if err else []
    assert out_lines == expected.output, "standard output differs"
    assert err_lines[:len(expected.stderr)] == expected.stderr
    err_lines = err_lines[len(expected.stderr):]
    if expected.compile_errors:
        assert err_lines == expected.compile_errors
    elif expected.runtime_error:
        message, line = expected.runtime_error
        assert err_lines[:1] == [message]
        assert len(err_lines) >= 2 and \
            err_lines[1].startswith("[line %d]" % line), err_lines
        if expected.trace:
            assert err_lines[1:] == expected.trace
    else:
        assert err_lines == []
    assert status == expected.exit_code
