#!/usr/bin/env python3
"""Run minilang's benchmarks and compare them with PyPy (behind `make bench`).

Every benchmark is a Lox program NAME.lox with its exact expected output
NAME.expected and a Python port NAME.py doing the same work. They come from
two folders: the shared suite (<root>/../shared/bench) and the project's own
(<root>/bench, the folder of this file).

Each program runs on:
  minilang        bin/minilang NAME.lox         (required: `make translate`)
  minilang-nojit  bin/minilang-nojit NAME.lox   (with --nojit, if built)
  pypy3           pypy3 NAME.py                 (if pypy3 is installed)
  cpython         python3 NAME.py               (with --cpython)
Each run's output is checked against NAME.expected first; a mismatch is a
FAIL and makes the exit code 1. Then it is timed with hyperfine if that is
installed (mean and standard deviation), else by N plain runs (mean and best).

Standard library only; paths are found relative to this file.
"""

import argparse
import json
import math
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
SHARED_BENCH_DIR = os.path.join(os.path.dirname(ROOT), "shared", "bench")
MINILANG = os.path.join(ROOT, "bin", "minilang")
MINILANG_NOJIT = os.path.join(ROOT, "bin", "minilang-nojit")


class Benchmark(object):
    def __init__(self, name, folder):
        self.name = name
        self.folder = folder
        self.lox = os.path.join(folder, name + ".lox")
        self.expected = os.path.join(folder, name + ".expected")
        self.port = os.path.join(folder, name + ".py")


class Runner(object):
    """One column of the table: a way to run a benchmark."""

    def __init__(self, name, executable, runs_port):
        self.name = name
        self.executable = executable
        self.runs_port = runs_port

    def command(self, bench):
        program = bench.port if self.runs_port else bench.lox
        return [self.executable, program]

    def can_run(self, bench):
        return os.path.exists(bench.port) if self.runs_port else True


def find_benchmarks():
    """All benchmarks by name, the shared suite first; bench/ wins a tie."""
    found = {}
    for folder in (SHARED_BENCH_DIR, BENCH_DIR):
        if not os.path.isdir(folder):
            continue
        for entry in sorted(os.listdir(folder)):
            name, ext = os.path.splitext(entry)
            if ext == ".lox" and os.path.exists(os.path.join(folder, name + ".expected")):
                found[name] = Benchmark(name, folder)
    return found


def choose_runners(args, notes):
    if not os.access(MINILANG, os.X_OK):
        print("bin/minilang not found: `make translate` builds it.", file=sys.stderr)
        sys.exit(1)
    runners = [Runner("minilang", MINILANG, False)]
    if args.nojit:
        if os.access(MINILANG_NOJIT, os.X_OK):
            runners.append(Runner("minilang-nojit", MINILANG_NOJIT, False))
        else:
            notes.append("bin/minilang-nojit not found: its column is skipped.")
    pypy = shutil.which("pypy3")
    if pypy:
        runners.append(Runner("pypy3", pypy, True))
    else:
        notes.append("pypy3 not installed: its column and the ratios are skipped.")
    if args.cpython:
        cpython = shutil.which("python3") or sys.executable
        runners.append(Runner("cpython", cpython, True))
    return runners


def run_once(command, timeout):
    """Run command; return (exit code or None on timeout, stdout bytes, stderr bytes).

    The child gets its own process group so that a timeout ends it and
    anything it started."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return None, out, err
    return proc.returncode, out, err


def check_output(bench, command, timeout):
    """Run once and compare with NAME.expected; return None if right, else why not."""
    with open(bench.expected, "rb") as f:
        expected = f.read()
    code, out, err = run_once(command, timeout)
    if code is None:
        return "timed out after %g s" % timeout
    if code != 0:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        return "exit code %d%s" % (code, (": " + " | ".join(tail)) if tail else "")
    if out != expected:
        got = out.decode("utf-8", "replace").splitlines()
        want = expected.decode("utf-8", "replace").splitlines()
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else "<no line>"
            w = want[i] if i < len(want) else "<no line>"
            if g != w:
                return "output line %d: got %r, expected %r" % (i + 1, g, w)
        return "output differs (line endings or final newline)"
    return None


def time_with_hyperfine(command, runs, timeout):
    with tempfile.TemporaryDirectory() as tmp:
        export = os.path.join(tmp, "result.json")
        hyperfine = ["hyperfine", "--warmup", "1", "--runs", str(runs), "--style", "none",
                     "--export-json", export, " ".join(shlex.quote(c) for c in command)]
        code, _, err = run_once(hyperfine, timeout * (runs + 1))
        if code is None:
            return {"error": "timed out (limit %g s a run)" % timeout}
        if code != 0:
            return {"error": "hyperfine failed: " + err.decode("utf-8", "replace").strip()}
        with open(export) as f:
            result = json.load(f)["results"][0]
    return {"mean": result["mean"], "stddev": result.get("stddev") or 0.0,
            "best": result["min"], "times": result["times"]}


def time_with_subprocess(command, runs, timeout):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        code, _, _ = run_once(command, timeout)
        elapsed = time.perf_counter() - start
        if code is None:
            return {"error": "timed out (limit %g s a run)" % timeout}
        if code != 0:
            return {"error": "exit code %d" % code}
        times.append(elapsed)
    mean = sum(times) / len(times)
    var = sum((t - mean) ** 2 for t in times) / (len(times) - 1) if len(times) > 1 else 0.0
    return {"mean": mean, "stddev": math.sqrt(var), "best": min(times), "times": times}


def measure(benchmarks, runners, args):
    timer = time_with_hyperfine if shutil.which("hyperfine") else time_with_subprocess
    results = []
    for bench in benchmarks:
        row = {"name": bench.name, "folder": os.path.relpath(bench.folder, ROOT), "runs": {}}
        for runner in runners:
            if not runner.can_run(bench):
                continue
            command = runner.command(bench)
            print("%-16s %-15s" % (bench.name, runner.name), end=" ", file=sys.stderr, flush=True)
            failure = check_output(bench, command, args.timeout)
            if failure:
                cell = {"ok": False, "error": failure}
            else:
                cell = timer(command, args.runs, args.timeout)
                cell["ok"] = "error" not in cell
            row["runs"][runner.name] = cell
            print(format_cell(cell, timer) if cell["ok"] else "FAIL: " + cell["error"],
                  file=sys.stderr, flush=True)
        mine, pypy = row["runs"].get("minilang"), row["runs"].get("pypy3")
        if mine and pypy and mine["ok"] and pypy["ok"]:
            row["ratio"] = mine["mean"] / pypy["mean"]
        results.append(row)
    return results, timer


def format_cell(cell, timer):
    if not cell.get("ok"):
        return "FAIL"
    if timer is time_with_hyperfine:
        return "%.3f ± %.3f" % (cell["mean"], cell["stddev"])
    return "%.3f (best %.3f)" % (cell["mean"], cell["best"])


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def table_rows(results, runners, timer):
    header = ["benchmark"] + ["%s (s)" % r.name for r in runners]
    if any(r.name == "pypy3" for r in runners):
        header.append("minilang/pypy3")
    header.append("output ok")
    rows = []
    for row in results:
        cells = [row["name"]]
        for runner in runners:
            cell = row["runs"].get(runner.name)
            cells.append(format_cell(cell, timer) if cell else "-")
        if any(r.name == "pypy3" for r in runners):
            cells.append("%.2f" % row["ratio"] if "ratio" in row else "-")
        failed = [name for name, cell in row["runs"].items() if not cell["ok"]]
        cells.append("FAIL (%s)" % ", ".join(failed) if failed else "ok")
        rows.append(cells)
    return header, rows


def print_table(header, rows, markdown):
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        for cells in rows:
            print("| " + " | ".join(cells) + " |")
        return
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    for cells in [header] + rows:
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per program (default 3)")
    parser.add_argument("--only", help="comma-separated benchmark names")
    parser.add_argument("--json", metavar="FILE", help="write the results to FILE as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--nojit", action="store_true", help="also run bin/minilang-nojit (slow)")
    parser.add_argument("--cpython", action="store_true", help="also run python3 on the ports")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds allowed for one run (default 300)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    available = find_benchmarks()
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in available]
        if unknown:
            parser.error("unknown benchmark %s; there are: %s"
                         % (", ".join(unknown), ", ".join(sorted(available))))
    else:
        names = list(available)
    benchmarks = [available[n] for n in names]

    notes = []
    runners = choose_runners(args, notes)
    for note in notes:
        print(note, file=sys.stderr)
    results, timer = measure(benchmarks, runners, args)

    header, rows = table_rows(results, runners, timer)
    print()
    print_table(header, rows, args.markdown)
    ratios = [row["ratio"] for row in results if "ratio" in row]
    geomean = geometric_mean(ratios)
    if geomean is not None:
        print("\ngeometric mean of minilang/pypy3 over %d benchmarks: %.2f" % (len(ratios), geomean))
    how = ("hyperfine, mean ± stddev of %d runs after 1 warmup" % args.runs
           if timer is time_with_hyperfine
           else "hyperfine not installed: mean (best) of %d runs" % args.runs)
    print("times in seconds; " + how)
    for note in notes:
        print(note)
    for row in results:
        for runner, cell in row["runs"].items():
            if not cell["ok"]:
                print("FAIL %s on %s: %s" % (row["name"], runner, cell["error"]))

    failed = any(not cell["ok"] for row in results for cell in row["runs"].values())
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"timer": "hyperfine" if timer is time_with_hyperfine else "subprocess",
                       "runs": args.runs, "notes": notes, "benchmarks": results,
                       "geomean_ratio_minilang_pypy3": geomean}, f, indent=2)
            f.write("\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
