"""Every command the docs show is run (`make test-docs`, after the translation).

Which commands: every fenced block of every Markdown file the repository
tracks (`git ls-files '*.md'`) whose language is `sh`, `shell`, `bash` or
`console`.

- `sh`, `shell`, `bash`: each line is a command as typed at a prompt.  A line
  that is only a comment is skipped and a trailing `# ...` is dropped (as the
  shell does); a line ending in `\\`, or with a quote still open, goes on on
  the next line.
- A `text` (or unmarked) block right after a shell block (only blank lines
  and HTML comments between them, or one line of prose ending in `:` or
  `prints`) is what the block's last command prints: compared as a console
  block's output is.
- `console`: a line `$ COMMAND` is a command and the lines under it, up to the
  next `$ `, are what it prints (standard output and error together, as a
  terminal shows them), compared exactly; an output line `...` stands for any
  lines.  A block preceded by `<!-- commands: figures vary -->` shows a
  measurement (a profile, timings): its output is compared with every number
  (and a lone `-`) masked and the lines in any order (with a line `...`, it
  may print other lines too).
- Each command must exit with status 0, or with the status its comment gives:
  `# exit 70`, `# exits 70` or `# exit status 70`.
- Placeholders (`OUT`, `mine.lox`, ...) are replaced by real files, whole
  words only: the table PLACEHOLDERS.
- Expensive commands (`make test`, `make translate`, `make bench`, ...) are in
  the table EXPENSIVE, which says how each is covered: by a stage of
  `make test` (checked: the stage is in the Makefile's `test:` recipe) or by
  a cheaper form of the same command, which is run instead.  Any other
  command is run; one that fails, or runs longer than TIMEOUT seconds, fails
  the test ("add it to the table or make it cheap"): nothing is skipped.
- A document's commands run in order, as a reader would type them, in one
  scratch copy of the tracked tree made for that document (so a command may
  use a file an earlier one wrote).  Each runs in `bash -c` from the top of
  the copy; a line `cd DIR` moves the rest of its block.  The copy reuses the
  checkout's `.env` and `bin/` through symbolic links (MINILANG_BIN, if set,
  is its `bin/minilang`), and `make` there is told never to remake them
  (`-o`), so nothing is installed or translated.  A command that uses a
  binary built without a technique (bin/minilang-without-X, from `make
  translate WITHOUT=X`: a translation of about 9 minutes that CI does not
  make) is not run: the table entry WITHOUT_BINARY says where what it shows
  is checked.  (Standing bin/minilang in for it would compare one binary
  with itself, and pass whatever the technique does.)
- A fenced block without a language (or `text`) that starts like a command
  (`$ `, `make `, `bin/minilang`, ...) fails: mark it `sh` or `console`.

`make test-docs K=reading` runs only the documents whose path matches.
`python tests/test_doc_commands.py` lists every command and how it is run.
"""

import os
import re
import shlex
import shutil
import signal
import subprocess
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SHELL_LANGUAGES = {"sh", "shell", "bash"}
CONSOLE_LANGUAGES = {"console"}

# Seconds a command may take.  The stage aims at a few minutes in all.
TIMEOUT = 240

# Placeholder words of the docs and the real file each stands for.
PLACEHOLDERS = {
    "OUT": "doc.prof",                       # --profile OUT
    "mine.lox": "examples/hello.lox",        # make trace FILE="... mine.lox"
    "prog.lox": "examples/hello.lox",
    "PROG.lox": "examples/hello.lox",
    "build/minilang-x": "bin/minilang",      # --binary NAME=build/minilang-x
}

# What `make` must never remake in the scratch copy: the checkout's own.
NEVER_REMADE = [".env/py3.ok", ".env/py2.ok", ".env/py3-bench.ok",
                "bin/minilang", "bin/minilang-nojit"]


class Stage(object):
    """Covered by a stage of `make test` (the Makefile target `target`,
    which its `test:` recipe must run), or, for `make test` itself, by CI."""

    def __init__(self, target, why):
        self.target, self.why = target, why

    def problem(self):
        """None if the claim holds, else what is wrong with it."""
        if self.target == "CI":
            with open(os.path.join(ROOT, ".ci", "run")) as f:
                if re.search(r"^make test$", f.read(), re.M):
                    return None
            return ".ci/run does not run `make test`"
        if re.search(r"\$\(MAKE\)( -s)? %s\b(?!-)" % re.escape(self.target),
                     makefile_test_recipe()):
            return None
        return ("the Makefile's test: recipe does not run the stage %r"
                % self.target)


class Elsewhere(object):
    """Not run here, because it needs what neither a checkout nor CI has;
    `why` says where what it shows is checked instead."""

    def __init__(self, why):
        self.why = why


class Cheaper(object):
    """Run as `rewrite(command)` instead: the same command, made cheap."""

    def __init__(self, rewrite, why):
        self.rewrite, self.why = rewrite, why


# The benchmark cheap enough to run on every column (about 1-2 s each).
CHEAP_BENCHMARK = "deep_recursion"


def cheap_bench_args(args):
    """Benchmark options with one run of CHEAP_BENCHMARK: --only and --runs
    replaced, every other option kept."""
    words, out = shlex.split(args), []
    skip = False
    for word in words:
        if skip:
            skip = False
            continue
        if word in ("--only", "--runs"):
            skip = True
            continue
        if word.startswith(("--only=", "--runs=")):
            continue
        out.append(word)
    return out + ["--only", CHEAP_BENCHMARK, "--runs", "1"]


def cheap_make_bench(command):
    """`make bench VAR=VALUE...` with BENCH_ARGS made cheap."""
    words = shlex.split(command)[2:]
    args = [w.split("=", 1)[1] for w in words if w.startswith("BENCH_ARGS=")]
    kept = [w for w in words if not w.startswith("BENCH_ARGS=")]
    cheap = " ".join(shlex.quote(w) for w in
                     cheap_bench_args(args[0] if args else ""))
    return " ".join(["make", "bench"] + [shlex.quote(w) for w in kept] +
                    ["BENCH_ARGS=" + shlex.quote(cheap)])


def cheap_bench_run(command):
    m = re.match(r"(python3? bench/run\.py)(.*)$", command)
    return " ".join([m.group(1)] + [shlex.quote(w) for w in
                                    cheap_bench_args(m.group(2))])


# Commands too expensive to run here, each with how it is covered.  Matched
# (re.fullmatch) against the command without its comment, placeholders
# replaced and spaces collapsed.
EXPENSIVE = [
    (r"make test", Stage(
        "CI", "the whole of which this stage is one; .ci/run runs it")),
    (r"make test-cpython", Stage("test-cpython", "its own stage")),
    (r"make test-jit( K=\S+)?", Stage(
        "test-jit", "its own stage runs every trace test (K= selects some)")),
    (r"make test-binary", Stage("test-binary", "its own stage")),
    (r"make test-docs( K=\S+)?", Stage("test-docs", "this stage")),
    (r"make translate( WITHOUT=\S+)?", Stage(
        "translate", "the translation stage builds bin/minilang (WITHOUT= "
        "changes only which techniques the same target keeps; the switches "
        "themselves are tested by the JIT trace tests)")),
    (r"make translate-nojit", Stage(
        "translate", "the same target and sources as the translation stage, "
        "with --opt=2 instead of --opt=jit; CI does not build "
        "bin/minilang-nojit (about 2 min more)")),
    (r"make bench( (WITHOUT|BENCH_ARGS)=.*)?", Cheaper(
        cheap_make_bench, "one run of %s on every column, the doc's other "
                          "options kept" % CHEAP_BENCHMARK)),
    (r"python3? bench/run\.py.*", Cheaper(
        cheap_bench_run, "one run of %s on every column, the doc's other "
                         "options kept" % CHEAP_BENCHMARK)),
    (r"make fuzz( CASES=\d+)?( SEED=\d+)?", Cheaper(
        lambda c: re.sub(r" CASES=\d+", "", c) + " CASES=20",
        "20 cases (the binary stage runs 300 through tests/test_fuzz.py)")),
    (r"make trace (WITHOUT=\S+ )?FILE=\S+ HTML=\S+", Stage(
        "test-docs", "tests/test_trace_page.py, in this stage, makes such "
        "pages (one build, and with and without a technique) and opens them "
        "in a browser; the doc's program is run by its `make trace` without "
        "HTML=")),
    (r"make translate-bf", Elsewhere(
        "the Brainfuck binary is not translated by make test yet; its "
        "interpreter runs untranslated in "
        "tests/test_brainfuck.py and its traces in "
        "tests/jit/test_brainfuck_traces.py")),
    (r"make bench-bf", Elsewhere(
        "needs bin/brainfuck from make translate-bf (above); the benchmark "
        "program's output is checked against its .expected by the harness "
        "itself, brainfuck/bench/run.py")),
    (r"bin/brainfuck .*", Elsewhere(
        "needs bin/brainfuck from make translate-bf (above); the same "
        "programs run untranslated in tests/test_brainfuck.py")),
    (r"make steps?( N=\d+)?", Stage(
        "steps", "its own stage cuts and checks every step")),
    (r"make exercises?( NAME=\S+)?", Stage(
        "test-exercises", "its own stage proves each check fails without "
                          "the solution and passes with it")),
]

# A command that uses a binary built without a technique: it is not run
# (above).  Matched (re.search) like the table.
NEEDS_WITHOUT_BINARY = re.compile(r"\bbin/minilang-without-|"
                                  r"^make bench\b.*\bWITHOUT=\S")
WITHOUT_BINARY = Elsewhere(
    "needs bin/minilang-without-X, a translation of about 9 minutes that CI "
    "does not make; checked instead: the translation by the translate stage "
    "(the same target, WITHOUT= only switches techniques off), what each "
    "technique changes in the traces by tests/jit/test_techniques.py and "
    "test_stored_traces.py, the language with every technique off by "
    "tests/test_techniques.py, and bench/run.py's columns by the make bench "
    "commands that use bin/minilang only")

# A fenced block without a language that starts like one of these is a
# command the reader is shown: it must be marked.
COMMAND_LIKE = re.compile(
    r"^(\$ |make\b|bin/minilang\b|\.env/|python[0-9.]*\s|pypy3?\s|PYPYLOG=|"
    r"PYTHONPATH=|MINILANG_\w+=|tools/|git\s|cd\s)")


# ---------------------------------------------------------------- reading --

def makefile_test_recipe():
    """The recipe of the Makefile's `test:` target."""
    with open(os.path.join(ROOT, "Makefile")) as f:
        text = f.read()
    # (comment lines may stand between its lines: the steps' markers)
    m = re.search(r"^test:.*\n((?:[\t#].*\n)*)", text, re.M)
    return m.group(1) if m else ""




def documents():
    """Every Markdown file the repository tracks, relative to ROOT."""
    out = subprocess.run(["git", "ls-files", "-z", "--", "*.md"], cwd=ROOT,
                         stdout=subprocess.PIPE, check=True).stdout
    return sorted(p for p in out.decode().split("\0")
                  if p and os.path.isfile(os.path.join(ROOT, p)))


class Block(object):
    def __init__(self, lang, gap, line, lines):
        self.lang, self.gap, self.line, self.lines = lang, gap, line, lines
        # the marker `<!-- commands: ... -->` between it and the block before
        self.marker = next((m.group(1) for m in map(MARKER.match, gap) if m),
                           None)

    def follows_directly(self):
        """Whether this block shows what the one before prints: only blank
        lines and HTML comments between them, or one short line of prose
        that ends in `:` or in `prints` (`shows`, `gives`, `outputs`)."""
        prose = [l for l in self.gap
                 if l.strip() and not re.match(r"^<!--.*-->$", l.strip())]
        return not prose or len(prose) == 1 and re.search(
            r"(:|\b(prints|shows|gives|outputs))$", prose[0].strip())


FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)")
MARKER = re.compile(r"^<!-- commands: (.*?) -->$")


def blocks(text):
    """The fenced blocks of a Markdown text: language, the lines since the
    block before, the line number of the fence (1-based) and the lines
    inside."""
    lines = text.split("\n")
    i = gap_start = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, lang, start = m.group(1), m.group(2).lower(), i
        gap = [l.strip() for l in lines[gap_start:i]]
        body = []
        i += 1
        while i < len(lines) and not re.match(
                r"^ {0,3}%s%s*\s*$" % (re.escape(fence), fence[0]), lines[i]):
            body.append(lines[i])
            i += 1
        yield Block(lang, gap, start + 1, body)
        i += 1
        gap_start = i


def split_comment(text):
    """(command, comment): a `#` that begins a word outside quotes starts a
    comment, to the end of its line."""
    quote, escaped, comment_at = None, False, None
    for i, c in enumerate(text):
        if escaped:
            escaped = False
        elif c == "\\" and quote != "'":
            escaped = True
        elif quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or text[i - 1].isspace()):
            comment_at = i
            break
    if comment_at is None:
        return text.rstrip(), ""
    end = text.find("\n", comment_at)
    comment = text[comment_at + 1:] if end < 0 else \
        text[comment_at + 1:end]
    rest = text[:comment_at] + ("" if end < 0 else text[end:])
    return rest.rstrip(), comment.strip()


def complete(text):
    """Whether a shell command is complete (no open quote, no `\\` at the
    end of its last line)."""
    if re.search(r"(?<!\\)(\\\\)*\\$", text):
        return False
    try:
        shlex.split(text, comments=True)
    except ValueError:
        return False
    return True


class Command(object):
    def __init__(self, doc, line, text, comment, output=None,
                 figures_vary=False, block=None):
        self.doc, self.line, self.comment = doc, line, comment
        self.block = block               # the line of its block's fence
        self.text = text                 # as shown, without its comment
        self.output = output             # lines shown under it, or None
        self.figures_vary = figures_vary
        self.cd = None                   # the directory of a `cd DIR` line
        m = re.match(r"cd\s+(\S+)$", text)
        if m:
            self.cd = m.group(1)

    @property
    def status(self):
        """The exit status the doc gives (0 unless the comment says)."""
        m = re.search(r"\bexits?(?: with)?(?: status| code)? (\d+)\b",
                      self.comment)
        return int(m.group(1)) if m else 0

    @property
    def where(self):
        return "%s:%d" % (self.doc, self.line)

    def substituted(self):
        text = self.text
        for name, value in PLACEHOLDERS.items():
            text = re.sub(r"(?<![\w./-])%s(?![\w./=-])" % re.escape(name),
                          value, text)
        return text

    def normalized(self):
        """The command for matching the table: placeholders replaced,
        continuation lines joined, spaces collapsed."""
        return " ".join(self.substituted().replace("\\\n", " ").split())

    def coverage(self):
        """How this command is covered if it is not run as shown: an entry
        of EXPENSIVE, WITHOUT_BINARY, or None."""
        if NEEDS_WITHOUT_BINARY.search(self.normalized()):
            return WITHOUT_BINARY
        for pattern, how in EXPENSIVE:
            if re.fullmatch(pattern, self.normalized()):
                return how
        return None

    def to_run(self):
        """The command line to run, or None if it is covered elsewhere."""
        how = self.coverage()
        if isinstance(how, (Stage, Elsewhere)):
            return None
        if isinstance(how, Cheaper):
            return how.rewrite(self.normalized())
        return self.substituted()


def shell_commands(doc, block):
    buf = start = None
    for n, line in enumerate(block.lines):
        if buf is None:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            buf, start = line, n
        else:
            buf += "\n" + line
        if complete(buf):
            text, comment = split_comment(buf)
            yield Command(doc, block.line + 1 + start, text.strip(), comment,
                          block=block.line)
            buf = None
    assert buf is None, "%s:%d: a command does not end: %r" % (
        doc, block.line + 1 + start, buf)


def console_commands(doc, block):
    vary = block.marker == "figures vary"
    command = None
    for n, line in enumerate(block.lines):
        if command is not None and command.text.endswith("\\"):
            command.text += "\n" + line           # a continued command
        elif line.startswith("$ "):
            text, comment = split_comment(line[2:])
            command = Command(doc, block.line + 1 + n, text.strip(), comment,
                              [], vary, block.line)
            yield command
        else:
            assert command is not None, \
                "%s:%d: a console block starts with output, not `$ `" % (
                    doc, block.line + 1 + n)
            command.output.append(line)


def commands(doc):
    """Every command a document shows, in order.  A `text` (or unmarked)
    block right after a shell block (only blank lines and HTML comments
    between) is the output of its last command."""
    with open(os.path.join(ROOT, doc), encoding="utf-8") as f:
        found = list(blocks(f.read()))
    for block, after in zip(found, found[1:] + [None]):
        if block.lang in SHELL_LANGUAGES:
            shown = list(shell_commands(doc, block))
            if shown and after is not None and after.lang in ("text", "") \
                    and after.follows_directly():
                shown[-1].output = after.lines
                shown[-1].figures_vary = after.marker == "figures vary"
            for command in shown:
                yield command
        elif block.lang in CONSOLE_LANGUAGES:
            # (a whole block first: a command's output follows it)
            for command in list(console_commands(doc, block)):
                yield command


def unmarked_command_blocks(doc):
    with open(os.path.join(ROOT, doc), encoding="utf-8") as f:
        text = f.read()
    for block in blocks(text):
        first = next((l for l in block.lines if l.strip()), "")
        if block.lang in ("", "text") and COMMAND_LIKE.match(first):
            yield "%s:%d: %s" % (doc, block.line, first)


# ---------------------------------------------------------------- outputs --

def mask(line):
    """A line with its figures masked: every word that is a number (with
    its `%`), or a lone `-`, becomes `#`; runs of spaces become one."""
    return " ".join("#" if re.fullmatch(r"-|[-+]?\d+(\.\d+)?(e[-+]?\d+)?%?",
                                        w) else w for w in line.split())


def output_matches(shown, actual, figures_vary=False):
    """Whether `actual` (text) is what the lines `shown` show."""
    got = actual.split("\n")
    while got and not got[-1].strip():
        got.pop()
    want = list(shown)
    while want and not want[-1].strip():
        want.pop()
    if figures_vary:
        import collections
        shown = collections.Counter(mask(l) for l in want
                                    if l.strip() and l.strip() != "...")
        printed = collections.Counter(mask(l) for l in got if l.strip())
        if "..." in [l.strip() for l in want]:
            return not shown - printed    # `...`: it may print more lines
        return shown == printed
    pattern = "".join("(?:.*\n)*?" if l.strip() == "..." else
                      re.escape(l) + "\n" for l in want)
    return re.fullmatch(pattern, "\n".join(got) + "\n" if got else "") \
        is not None


# ---------------------------------------------------------------- running --

def scratch_copy(directory):
    """A copy of the tracked tree in `directory` (modification times kept,
    so that make sees what is up to date), with the checkout's .env and
    bin/ linked in."""
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT,
                         stdout=subprocess.PIPE, check=True).stdout
    for rel in out.decode().split("\0"):
        src = os.path.join(ROOT, rel)
        if not rel or not os.path.lexists(src):
            continue                   # deleted in the working tree
        dst = os.path.join(directory, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst, follow_symlinks=False)
    os.symlink(os.path.join(ROOT, ".env"), os.path.join(directory, ".env"))
    bindir = os.path.join(directory, "bin")
    os.makedirs(bindir)
    binaries = {}
    if os.path.isdir(os.path.join(ROOT, "bin")):
        for name in os.listdir(os.path.join(ROOT, "bin")):
            binaries[name] = os.path.join(ROOT, "bin", name)
    if os.environ.get("MINILANG_BIN"):
        binaries["minilang"] = os.path.abspath(os.environ["MINILANG_BIN"])
    for name, path in binaries.items():
        os.symlink(path, os.path.join(bindir, name))


def make_wrapper(directory):
    """A folder holding a `make` that runs the real one with `-o` for each
    of NEVER_REMADE (and bin/minilang-without-X for an argument WITHOUT=X):
    put first in PATH."""
    real = shutil.which("make")
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "make")
    with open(path, "w") as f:
        f.write("#!/bin/sh\n"
                "# never remade here; WITHOUT=X names bin/minilang-without-X\n"
                "old=\"%s\"\n"
                "for arg in \"$@\"; do case $arg in WITHOUT=?*)\n"
                "    old=\"$old -o bin/minilang-without-${arg#WITHOUT=}\";;\n"
                "esac; done\n"
                "exec %s $old \"$@\"\n" % (
                    " ".join("-o " + p for p in NEVER_REMADE),
                    shlex.quote(real)))
    os.chmod(path, 0o755)
    return directory


def environment(wrapper):
    env = dict(os.environ)
    for name in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES",
                 "MINILANG_BIN", "MINILANG_WITHOUT", "PYTHONPATH"):
        env.pop(name, None)
    env["PATH"] = wrapper + os.pathsep + env.get("PATH", "")
    return env


def run(line, cwd, env):
    """(exit status, output, seconds) of `bash -c line` in cwd; the whole
    process group is killed after TIMEOUT seconds (status None)."""
    start = time.time()
    env = dict(env, PWD=cwd)
    proc = subprocess.Popen(["bash", "-c", line], cwd=cwd, env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=TIMEOUT)
        status = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        status = None
    return status, out.decode("latin-1"), time.time() - start


def tail(text, n=30):
    lines = text.rstrip("\n").split("\n")
    return "\n".join(("    " + l) for l in lines[-n:])


def failure(command, line, status, out, seconds, what):
    hints = []
    if not os.path.exists(
            os.path.join(ROOT, "bin", "minilang")) and \
            not os.environ.get("MINILANG_BIN"):
        hints.append("there is no bin/minilang: `make translate` first "
                     "(make test runs this stage after it), or set "
                     "MINILANG_BIN")
    hints.append("make the command cheap and runnable from a fresh "
                 "clone, or add it to EXPENSIVE (or a placeholder to "
                 "PLACEHOLDERS) in tests/test_doc_commands.py")
    return ("%s: %s\n  ran: %s\n  %s after %.1f s; its last lines:\n%s\n  %s"
            % (command.where, command.text, line, what, seconds, tail(out),
               "\n  ".join(hints)))


def documents_with_commands():
    return [doc for doc in documents() if any(True for _ in commands(doc))]


def run_document(doc, tree, env):
    """Run every command of `doc` in the scratch copy `tree`: (None, or why
    it failed; [(seconds, command line) of each run])."""
    block, block_cwd, times = None, tree, []
    for command in commands(doc):
        if command.block != block:      # a new block starts at the top
            block, block_cwd = command.block, tree
        if command.cd:
            block_cwd = os.path.normpath(os.path.join(block_cwd, command.cd))
            if not os.path.isdir(block_cwd):
                return "%s: no directory %s" % (command.where,
                                                command.cd), times
            continue
        line = command.to_run()
        if line is None:
            continue                    # covered elsewhere: checked below
        status, out, seconds = run(line, block_cwd, env)
        times.append((seconds, line))
        if status is None:
            return failure(command, line, status, out, seconds,
                           "timed out (%d s)" % TIMEOUT), times
        if status != command.status:
            return failure(command, line, status, out, seconds,
                           "exit status %d, not %d" % (status,
                                                       command.status)), times
        if command.output is not None and line == command.substituted() \
                and not output_matches(command.output, out,
                                       command.figures_vary):
            return ("%s: %s\n  its output differs from the doc's%s:\n"
                    "%s\n  the doc shows:\n%s" % (
                        command.where, command.text,
                        " (figures masked, lines in any order)"
                        if command.figures_vary else "",
                        tail(out, 60), tail("\n".join(command.output), 60)),
                    times)
    return None, times


# Documents run side by side, one a core (at most JOBS): each is mostly one
# single-threaded process at a time (make trace, a benchmark).
JOBS = max(1, min(4, os.cpu_count() or 1))


def cost(doc):
    """A guess at how long a document's commands take: `make trace` builds
    the JIT (about 15 s of CPU each), the rest takes seconds."""
    return sum(10 if c.normalized().startswith("make trace FILE") or
               c.normalized().startswith("make trace WITHOUT") else 1
               for c in commands(doc) if c.to_run())


# ------------------------------------------------------------------ tests --

@pytest.fixture(scope="session")
def document_runs(request, tmp_path_factory):
    """The runs of the selected documents, started together in JOBS
    threads: {doc: future of run_document(doc)}.  Every file is written
    before the threads start: a file open for writing while another thread
    forks cannot be executed for a while ("Text file busy")."""
    import concurrent.futures
    selected = [item.callspec.params["doc"] for item in request.session.items
                if item.originalname == "test_every_command_of_the_document_runs"]
    env = environment(make_wrapper(str(tmp_path_factory.mktemp("wrapper"))))
    trees = {}
    for doc in selected:
        trees[doc] = str(tmp_path_factory.mktemp("doc") / "minilang")
        scratch_copy(trees[doc])
    pool = concurrent.futures.ThreadPoolExecutor(JOBS)
    futures = {}
    for doc in sorted(selected, key=cost, reverse=True):    # longest first
        futures[doc] = pool.submit(run_document, doc, trees[doc], env)
    yield futures
    pool.shutdown(wait=True)


@pytest.mark.parametrize("doc", documents_with_commands())
def test_every_command_of_the_document_runs(doc, document_runs):
    problem, times = document_runs[doc].result()
    for seconds, line in times:
        print("%6.1f s  %s" % (seconds, line.split("\n")[0]))
    if problem:
        pytest.fail(problem)


def test_every_stage_the_table_names_exists():
    """Each Stage entry of EXPENSIVE that a doc relies on names a stage that
    `make test` runs (or CI, for `make test`)."""
    problems = []
    for doc in documents():
        for command in commands(doc):
            how = command.coverage()
            if isinstance(how, Stage) and how.problem():
                problems.append("%s: %s: %s" % (command.where, command.text,
                                                how.problem()))
    assert not problems, "\n".join(problems)


def test_no_command_is_shown_in_an_unmarked_block():
    found = [b for doc in documents() for b in unmarked_command_blocks(doc)]
    assert not found, ("blocks that show commands must be ```sh or ```console"
                       " (so that this test runs them):\n" + "\n".join(found))


def test_the_docs_show_commands():
    """The collector finds the README's commands (it would pass vacuously
    if it found none)."""
    found = [c.text for c in commands("README.md")]
    assert "make run" in found
    assert ".env/py3/bin/python -m minilang examples/closures.lox" in found


# Self-tests of the rules: each can fail.

def test_comments_and_continuations():
    text = ("```sh\n# a comment line\nmake run   # set up, then run\n"
            "echo 'a # not a comment' \\\n  done\n"
            "python -c '\nprint(1)  # inside\n'   # exit 3\n```\n")
    block = next(blocks(text))
    found = list(shell_commands("x.md", block))
    assert [c.text for c in found] == [
        "make run", "echo 'a # not a comment' \\\n  done",
        "python -c '\nprint(1)  # inside\n'"]
    assert [c.line for c in found] == [3, 4, 6]
    assert [c.status for c in found] == [0, 0, 3]


def test_console_blocks_and_outputs():
    text = ("<!-- commands: figures vary -->\n```console\n$ echo 1  # exits 0\n"
            "1\n$ true\n```\n")
    block = next(blocks(text))
    assert block.marker == "figures vary"
    found = list(console_commands("x.md", block))
    assert [(c.text, c.output) for c in found] == [("echo 1", ["1"]),
                                                   ("true", [])]
    assert output_matches(["a", "...", "z"], "a\nb\nc\nz\n")
    assert not output_matches(["a", "...", "z"], "a\nb\n")
    assert not output_matches(["a"], "a\nb\n")
    assert output_matches(["a", ""], "a\n\n")
    vary = [" 89.9%  89.9% 100.0%  bottomUp (23)", "f: 385 samples (1.0 ms)",
            "  0.3% 100.0% 100.0%  run (28)"]
    assert output_matches(vary, "  0.0% 100.0%      -  run (28)\n"
                          "f: 12 samples (1.0 ms)\n"
                          " 99.9%  99.9% 100.0%  bottomUp (23)\n", True)
    more = "  0.4%   0.4%   0.0%  init (12)\n"
    assert not output_matches(vary, more + "  0.0% 100.0%      -  run (28)\n"
                              "f: 12 samples (1.0 ms)\n"
                              " 99.9%  99.9% 100.0%  bottomUp (23)\n", True)
    assert output_matches(vary + ["..."], more + "  0.0% 100.0%   -  run (28)\n"
                          "f: 12 samples (1.0 ms)\n"
                          " 99.9%  99.9% 100.0%  bottomUp (23)\n", True)
    assert not output_matches(vary + ["..."], "f: 12 samples (1.0 ms)\n"
                              " 99.9%  99.9% 100.0%  bottomUp (23)\n", True)
    assert not output_matches(vary, "  0.0% 100.0%      -  run (29)\n"
                              "f: 12 samples (1.0 ms)\n"
                              " 99.9%  99.9% 100.0%  bottomUp (23)\n", True)


def test_a_text_block_right_after_a_command_is_its_output(tmp_path):
    text = ("```sh\nmake a\nmake b\n```\n\n<!-- check: file x -->\n"
            "```text\nB\n```\n```sh\nmake c\n```\nprose\n```text\nC\n```\n"
            "```sh\nmake d\n```\nprints\n\n```\nD\n```\n")
    found = list(blocks(text))
    assert [bool(b.follows_directly()) for b in found] == [
        True, True, True, False, True, True]
    path = tmp_path / "doc.md"
    path.write_text(text)
    shown = list(commands(str(path)))
    assert [(c.text, c.output) for c in shown] == [
        ("make a", None), ("make b", ["B"]), ("make c", None),
        ("make d", ["D"])]


def test_placeholders_and_the_table():
    c = Command("x.md", 1, 'make trace FILE="examples/loop.lox mine.lox"', "")
    assert c.substituted() == \
        'make trace FILE="examples/loop.lox examples/hello.lox"'
    c = Command("x.md", 1, "bin/minilang --profile OUT examples/life.lox", "")
    assert c.to_run() == "bin/minilang --profile doc.prof examples/life.lox"
    assert Command("x.md", 1, "make translate", "").to_run() is None
    bench = Command("x.md", 1, 'make bench BENCH_ARGS="--only fib --runs 5 '
                    '--markdown"', "").to_run()
    assert shlex.split(bench) == [
        "make", "bench", "BENCH_ARGS=--markdown --only %s --runs 1"
        % CHEAP_BENCHMARK]
    # A build without a technique is not there: nothing stands in for it.
    for text in ["make bench WITHOUT=maps",
                 'make bench BENCH_ARGS="--binary a=bin/minilang '
                 '--binary b=bin/minilang-without-maps"',
                 "bin/minilang-without-inlining examples/fib.lox"]:
        command = Command("x.md", 1, text, "")
        assert command.coverage() is WITHOUT_BINARY, text
        assert command.to_run() is None, text
    assert Command("x.md", 1, "make translate WITHOUT=maps", "").coverage() \
        is not WITHOUT_BINARY
    assert Command("x.md", 1, "make trace WITHOUT=maps FILE=prog.lox",
                   "").to_run() == "make trace WITHOUT=maps " \
        "FILE=examples/hello.lox"
    assert Command("x.md", 1, "python3 bench/run.py --nojit", "").to_run() \
        == "python3 bench/run.py --nojit --only %s --runs 1" % CHEAP_BENCHMARK
    assert Stage("no-such-stage", "").problem()
    assert Stage("test-jit", "").problem() is None


def test_unmarked_blocks_are_found():
    assert [b.lang for b in blocks("```\nmake bench\n```\n```sh\nx\n```\n")] \
        == ["", "sh"]
    assert COMMAND_LIKE.match("make bench")
    assert COMMAND_LIKE.match("$ bin/minilang x")
    assert not COMMAND_LIKE.match("jitview: built minilang's JIT in 5.3 s")


def inventory():
    """Every command of the docs and how this test handles it."""
    found = covered = cheaper = elsewhere = 0
    for doc in documents():
        for command in commands(doc):
            found += 1
            how = command.coverage()
            if isinstance(how, Elsewhere):
                elsewhere += 1
                print("%s  %s\n    not run: %s" % (command.where,
                                                   command.text, how.why))
            elif isinstance(how, Stage):
                covered += 1
                print("%s  %s\n    covered by stage %s: %s" % (
                    command.where, command.text, how.target, how.why))
            elif isinstance(how, Cheaper):
                cheaper += 1
                print("%s  %s\n    runs cheaper: %s" % (
                    command.where, command.text, command.to_run()))
            else:
                print("%s  %s%s" % (command.where, command.text,
                                    "" if command.to_run() == command.text
                                    else "\n    runs: " + command.to_run()))
    print("%d commands: %d run as shown (placeholders replaced), %d run "
          "cheaper, %d covered by a stage, %d not run (checked elsewhere)"
          % (found, found - covered - cheaper - elsewhere, cheaper, covered,
             elsewhere))


if __name__ == "__main__":
    inventory()
