"""A mutation fuzzer: programs of the corpus (tests/lox/, examples/),
mutated, run untranslated and on the binary.

Each mutant must end as a Lox program does (no Python traceback, no
"internal error", no crash: exit 0, 65 or 70 with output in the spec's
format, or any status where it calls the native exit or printerr; checked
by test_robustness.check_sane), and the binary must do
exactly what the untranslated interpreter does: same exit code, same
standard output, same standard error.  A mutant that runs past the time
limit (or prints more than OUTPUT_CAP) on both counts as a loop, not a
failure; one that runs out of memory is only checked for sanity (where
exactly the heap fills up differs between the two).

    python tests/fuzz.py [--cases N] [--seed S] [--binary PATH]

(`make fuzz CASES=N`) runs N mutants and prints what it found; failing
mutants are written to fuzz-failures/ to be reproduced by hand.  The
untranslated run happens in this process (through runner.run_in_process,
ended by a simulated Ctrl-C at the time limit), the binary in a
subprocess.
"""

import glob
import os
import random
import re
import resource
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

from minilang import streams  # noqa: E402
from minilang.rlib import signals  # noqa: E402
from minilang.__main__ import run_main  # noqa: E402
from runner import ROOT  # noqa: E402

TIME_LIMIT = 5.0            # seconds, for each of the two runs
OUTPUT_CAP = 1 << 20        # bytes of standard output kept
HEAP = ["--max-heap", "64MB"]

TOKEN = re.compile(r'"[^"]*"?|\d+(?:\.\d+)?|[A-Za-z_]\w*|//[^\n]*|'
                   r'[!=<>]=|\s+|.', re.S)

NUMBERS = ["0", "1", "-1", "0.5", "3", "255", "256", "1000405",
           "9007199254740993", "123456789012345678901234567890",
           "0.0000001", "1e5", "(0/0)", "(1/0)", "-0"]
SNIPPETS = ["print", "var", "fun", "class", "return", "this", "super",
            "nil", "true", "false", "and", "or", "while", "for", "if",
            "else", "(", ")", "{", "}", ";", ",", ".", "=", "==", "+", "-",
            "*", "/", "!", "<", ">", "<=", ">=", "!=", "clock()",
            "init", '"s"', '""', "x", "a", "f()", "\n", "@", '"unterminated']


def seeds():
    """The corpus programs, those that compile first (4 times each: most
    mutants should be programs that run, not compile errors)."""
    from runner import expectations
    paths = sorted(glob.glob(os.path.join(ROOT, "tests", "lox", "**",
                                          "*.lox"), recursive=True))
    paths += sorted(glob.glob(os.path.join(ROOT, "examples", "*.lox")))
    sources = []
    for path in paths:
        with open(path, "rb") as f:
            text = f.read().decode("latin-1")
        # Programs that time themselves print different numbers each run.
        if "clock" not in text:
            runs = not expectations(path).compile_errors
            sources.extend([text] * (4 if runs else 1))
    return sources


OPERATORS = ["+", "-", "*", "/", "<", ">", "<=", ">=", "==", "!=", "and",
             "or"]


def mutate(rng, source, corpus):
    """1 to 4 mutations; half of them keep the program well-formed (an
    identifier, number or operator replaced by another) so that mutants
    also reach the resolver, the compiler and the interpreter."""
    tokens = TOKEN.findall(source) or [""]
    names = [t for t in tokens if t[:1].isalpha() or t[:1] == "_"]
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4])):
        i = rng.randrange(len(tokens))
        kind = rng.randrange(-6, 9)
        if kind < 0:                                # same kind of token
            where = rng.randrange(len(tokens))
            token = tokens[where]
            if token in OPERATORS:
                tokens[where] = rng.choice(OPERATORS)
            elif token[:1].isdigit():
                tokens[where] = rng.choice(NUMBERS)
            elif names and (token[:1].isalpha() or token[:1] == "_"):
                tokens[where] = rng.choice(names)
        elif kind == 0:                             # delete a token
            del tokens[i]
        elif kind == 1:                             # duplicate one
            tokens.insert(i, tokens[i])
        elif kind == 2 and i + 1 < len(tokens):     # swap two
            tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
        elif kind == 3:                             # insert a snippet
            tokens.insert(i, " %s " % rng.choice(SNIPPETS))
        elif kind == 4:                             # replace a number
            numbers = [j for j, t in enumerate(tokens) if t[:1].isdigit()]
            if numbers:
                tokens[rng.choice(numbers)] = rng.choice(NUMBERS)
        elif kind == 5:                             # token from elsewhere
            other = TOKEN.findall(rng.choice(corpus))
            if other:
                tokens[i] = rng.choice(other)
        elif kind == 6:                             # splice in a piece
            other = TOKEN.findall(rng.choice(corpus))
            if other:
                start = rng.randrange(len(other))
                tokens[i:i] = other[start:start + rng.randrange(1, 40)]
        elif kind == 7:                             # repeat a piece
            end = min(len(tokens), i + rng.randrange(1, 20))
            tokens[i:i] = tokens[i:end] * rng.randrange(1, 4)
        else:                                       # change a byte
            if tokens[i]:
                j = rng.randrange(len(tokens[i]))
                tokens[i] = (tokens[i][:j] + chr(rng.randrange(256)) +
                             tokens[i][j + 1:])
        if not tokens:
            tokens = [""]
    return "".join(tokens)


# ------------------------------------------------------------------ running

class Outcome(object):
    def __init__(self, status, out, err, looped=False):
        self.status = status
        self.out = out
        self.err = err
        self.looped = looped      # ran past the time or output limit

    def __repr__(self):
        if self.looped:
            return "<looped>"
        return "<exit %r, stdout %r, stderr %r>" % (
            self.status, self.out[-300:], self.err[-300:])


def run_untranslated(path):
    """Run in this process; at the time limit, or once OUTPUT_CAP bytes
    are printed, a simulated Ctrl-C ends the run."""
    written = {1: [], 2: []}
    size = [0]
    capped = [False]

    def capture(fd, text):
        if fd == 1:
            if size[0] >= OUTPUT_CAP:
                if not capped[0]:
                    capped[0] = True
                    signals.request_interrupt()
                return
            size[0] += len(text)
        written[fd].append(text)

    timer = threading.Timer(TIME_LIMIT, signals.request_interrupt)
    saved = streams.write_bytes
    streams.write_bytes = capture
    timer.start()
    try:
        status = run_main(["minilang"] + HEAP + [path])
    finally:
        timer.cancel()
        streams.write_bytes = saved
        signals.interrupt_requested()      # forget a late simulated Ctrl-C
    out, err = "".join(written[1]), "".join(written[2])
    return Outcome(status, out, err, looped=(status == 130))


def limit_output():
    # Standard output goes to a file; a mutant that prints for ever is
    # stopped by SIGXFSZ at this size.
    resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_CAP * 4,
                                               OUTPUT_CAP * 4))


def run_binary(binary, path, scratch):
    out_path = scratch + ".out"
    with open(out_path, "wb") as out_file:
        try:
            proc = subprocess.run([binary] + HEAP + [path], stdout=out_file,
                                  stderr=subprocess.PIPE,
                                  preexec_fn=limit_output,
                                  timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            return Outcome(None, "", "", looped=True)
    with open(out_path, "rb") as f:
        out = f.read().decode("latin-1")
    os.unlink(out_path)
    if proc.returncode == -25:          # SIGXFSZ: printed past the cap
        return Outcome(None, "", "", looped=True)
    return Outcome(proc.returncode, out, proc.stderr.decode("latin-1"))


def check(source, untranslated, binary):
    """The failure found, or None."""
    from test_robustness import check_sane
    problems = []
    for name, outcome in (("untranslated", untranslated),
                          ("binary", binary)):
        if outcome is None or outcome.looped:
            continue
        try:
            check_sane(outcome.status, outcome.out, outcome.err, source)
        except AssertionError as e:
            problems.append("%s: %s" % (name, e))
    if problems:
        return "; ".join(problems)
    if binary is None or untranslated.looped or binary.looped:
        # Both looping is a loop; only the (far slower) untranslated run
        # looping is slowness; only the binary looping is a failure.
        if binary is not None and binary.looped and not untranslated.looped:
            return "the binary looped, untranslated ended: %r" % untranslated
        return None
    if rlib_out_of_memory(untranslated) or rlib_out_of_memory(binary):
        return None
    if (untranslated.status, untranslated.out, untranslated.err) != \
            (binary.status, binary.out, binary.err):
        return "differ: untranslated %r, binary %r" % (untranslated, binary)
    return None


def rlib_out_of_memory(outcome):
    return outcome.err.startswith("Out of memory.")


def fuzz(cases, seed, binary, scratch_dir, report=None):
    """Run `cases` mutants; return (failures, counts)."""
    rng = random.Random(seed)
    corpus = seeds()
    failures = []
    counts = {"loop": 0, "slow": 0, "out of memory": 0, 0: 0, 65: 0, 70: 0}
    path = os.path.join(scratch_dir, "mutant.lox")
    for n in range(cases):
        source = mutate(rng, rng.choice(corpus), corpus)
        with open(path, "wb") as f:
            f.write(source.encode("latin-1"))
        untranslated = run_untranslated(path)
        compiled = run_binary(binary, path, path) if binary else None
        failure = check(source, untranslated, compiled)
        if failure:
            failures.append((n, source, failure))
            if report:
                report(n, source, failure)
        elif untranslated.looped:
            counts["loop" if compiled is None or compiled.looped
                   else "slow"] += 1
        elif rlib_out_of_memory(untranslated):
            counts["out of memory"] += 1
        else:
            counts[untranslated.status] = \
                counts.get(untranslated.status, 0) + 1
    return failures, counts


def main(argv):
    import argparse
    import tempfile
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--binary", default=os.environ.get("MINILANG_BIN"))
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(10 ** 9)
    out_dir = os.path.join(os.getcwd(), "fuzz-failures")

    def report(n, source, failure):
        os.makedirs(out_dir, exist_ok=True)
        name = os.path.join(out_dir, "seed%d-case%d.lox" % (seed, n))
        with open(name, "wb") as f:
            f.write(source.encode("latin-1"))
        print("FAIL case %d (%s): %s" % (n, name, failure[:1000]))
        sys.stdout.flush()

    print("fuzzing %d cases, seed %d, binary %s" % (args.cases, seed,
                                                    args.binary))
    started = time.time()
    with tempfile.TemporaryDirectory() as scratch:
        failures, counts = fuzz(args.cases, seed, args.binary, scratch,
                                report)
    print("%d cases in %.0f s: %d failures; exits %s" % (
        args.cases, time.time() - started, len(failures),
        ", ".join("%s: %d" % (k, v) for k, v in sorted(
            counts.items(), key=lambda kv: str(kv[0])))))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
