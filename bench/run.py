#!/usr/bin/env python3
"""Run minilang's benchmarks against PyPy3, LuaJIT and Lua 5.4 (behind `make bench`).

Every benchmark in this folder is a Lox program NAME.lox with its exact
expected output NAME.expected, a Python port NAME.py and a Lua port NAME.lua
doing the same work and printing the same lines. Three optional files change that:
  NAME.in       the standard input of every run, on every column (else /dev/null)
  NAME.noports  the benchmark has no Python or Lua port; the file says why in
                one line. Those columns then show "-" and the ratio "no port",
                never a failure (a port missing without it is a FAIL).
  NAME.program  one line: the Lox program to run instead of NAME.lox, a path
                relative to this folder (the Lox-in-Lox rows name
                lox-in-lox/lox.lox and give it the program to interpret as
                NAME.in).

Each program runs on these columns (runners):
  minilang        bin/minilang NAME.lox        (or the binaries named by --binary)
  minilang-nojit  bin/minilang-nojit NAME.lox  (with --nojit, if built)
  pypy3           pypy3 NAME.py                (the yardstick of the ratios)
  luajit          luajit NAME.lua
  lua5.4          lua5.4 NAME.lua
  cpython         python3 NAME.py              (with --cpython)
A runner that is not installed is skipped with a notice. Every run's output
is compared with NAME.expected; a mismatch, a crash or a timeout is a FAIL
and makes the exit code 1. Each cell is timed by N runs (wall clock; the
median is shown with the spread of the runs; the runs of a row interleave),
and its peak memory is the largest peak resident set size of those runs (see
PeakSampler).

Standard library only, except the chart, which needs matplotlib (skipped with
a notice without it). Paths are found relative to this file.
"""

import argparse
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
MINILANG = os.path.join(ROOT, "bin", "minilang")
MINILANG_NOJIT = os.path.join(ROOT, "bin", "minilang-nojit")
YARDSTICK = "pypy3"


class Benchmark(object):
    def __init__(self, name):
        self.name = name
        self.expected = os.path.join(BENCH_DIR, name + ".expected")
        stdin = os.path.join(BENCH_DIR, name + ".in")
        self.stdin = stdin if os.path.exists(stdin) else None
        self.no_ports = first_line(os.path.join(BENCH_DIR, name + ".noports"))
        program = first_line(os.path.join(BENCH_DIR, name + ".program"))
        self.lox = os.path.join(BENCH_DIR, program if program else name + ".lox")

    def program(self, ext):
        if ext == ".lox":
            return self.lox
        return os.path.join(BENCH_DIR, self.name + ext)


def first_line(path):
    """The first line of the file at path, stripped, or None if there is no
    such file."""
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return f.readline().strip()


class Runner(object):
    """One column of the table: an executable and the kind of program it runs."""

    def __init__(self, name, executable, ext, minilang=False):
        self.name = name
        self.executable = executable
        self.ext = ext            # ".lox", ".py" or ".lua"
        self.minilang = minilang  # a minilang binary: gets a ratio column
        self.env = None           # the environment of its runs (None: ours)

    def command(self, bench):
        return [self.executable, bench.program(self.ext)]

    def can_run(self, bench):
        return os.path.exists(bench.program(self.ext))


def find_benchmarks():
    """Every NAME.lox or NAME.program in this folder that has a NAME.expected,
    by name."""
    found = {}
    for entry in sorted(os.listdir(BENCH_DIR)):
        name, ext = os.path.splitext(entry)
        if ext in (".lox", ".program") and os.path.exists(
                os.path.join(BENCH_DIR, name + ".expected")):
            found[name] = Benchmark(name)
    return found


def parse_binary(text):
    """--binary NAME=PATH -> (NAME, absolute PATH)."""
    name, sep, path = text.partition("=")
    if not sep or not name or not path:
        raise argparse.ArgumentTypeError("expected NAME=PATH, got %r" % text)
    return name, os.path.abspath(path)


def choose_runners(args, notes):
    binaries = args.binary or [("minilang", MINILANG)]
    runners = []
    for name, path in binaries:
        if not os.access(path, os.X_OK):
            sys.exit("%s not found or not executable%s" % (
                path, ": `make translate` builds it" if path == MINILANG else ""))
        runners.append(Runner(name, path, ".lox", minilang=True))
    if args.nojit:
        if os.access(MINILANG_NOJIT, os.X_OK):
            runners.append(Runner("minilang-nojit", MINILANG_NOJIT, ".lox", minilang=True))
        else:
            notes.append("bin/minilang-nojit not found (`make translate-nojit`): "
                         "its column is skipped.")
    optional = [(YARDSTICK, ".py"), ("luajit", ".lua"), ("lua5.4", ".lua")]
    if args.cpython:
        optional.append(("python3", ".py"))
    for command, ext in optional:
        name = "cpython" if command == "python3" else command
        if name in args.skip:
            notes.append("%s skipped (--skip)." % name)
            continue
        path = shutil.which(command)
        if path:
            runners.append(Runner(name, path, ext))
        else:
            notes.append("%s not installed: its column is skipped%s." % (
                command, " and there are no ratios" if name == YARDSTICK else ""))
    set_nursery(runners, args.nursery, notes)
    names = [r.name for r in runners]
    if len(set(names)) != len(names):
        sys.exit("two columns have the same name: %s" % ", ".join(names))
    return runners


def peak_rss_kb(pid):
    """The peak resident set size (VmHWM, in kB) of the running process pid,
    or None if it cannot be read (process gone, or no /proc)."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


class PeakSampler(threading.Thread):
    """Samples a child's VmHWM every `interval` seconds until stopped.

    Why not ru_maxrss alone: a child forked from this harness counts the
    harness's own memory (its pages at the fork, ~15 MB of Python) in its
    ru_maxrss, which would swamp a 2 MB Lua. VmHWM belongs to the memory
    image the program got at exec, so it is the program's own peak. It
    never decreases, so the last sample (at most `interval` before the exit)
    is the peak up to then."""

    def __init__(self, pid, interval=0.005):
        threading.Thread.__init__(self, daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak = None
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            value = peak_rss_kb(self.pid)
            if value is not None:
                self.peak = max(self.peak or 0, value)
            self.done.wait(self.interval)

    def stop(self):
        self.done.set()
        self.join()
        return self.peak


def reported_cache_kb():
    """The largest "cache size" in /proc/cpuinfo (kB), or None."""
    try:
        with open("/proc/cpuinfo") as f:
            sizes = [int(line.split(":")[1].split()[0]) for line in f
                     if line.startswith("cache size")]
    except (OSError, ValueError, IndexError):
        return None
    return max(sizes) if sizes else None


def set_nursery(runners, nursery, notes):
    """Give the runners built on RPython's GC (minilang and PyPy) the same
    nursery, PYPY_GC_NURSERY, if one is asked for.

    Why: that GC sizes its nursery (where new objects are allocated, emptied
    by each minor collection) at half the CPU cache size that /proc/cpuinfo
    reports. A virtual machine may report a huge cache (one reports 480 MB),
    which gives a 240 MB nursery: every program that allocates then grows to
    ~250 MB of RSS and runs several times slower than with a few MB, for both
    minilang and PyPy."""
    if nursery:
        for runner in runners:
            if runner.minilang or runner.name == YARDSTICK:
                runner.env = dict(os.environ, PYPY_GC_NURSERY=nursery)
        notes.append("PYPY_GC_NURSERY=%s for %s (--nursery)." % (nursery, ", ".join(
            r.name for r in runners if r.env is not None)))
        return
    cache = reported_cache_kb()
    if cache and cache > 64 * 1024:
        notes.append("This machine reports a %d MB CPU cache: PyPy's GC makes its nursery "
                     "half of it, which slows allocating programs and swells their RSS "
                     "(bin/minilang sets its own to 4 MB); --nursery 4MB gives both the "
                     "same size." % (cache // 1024))


def run_once(command, timeout, env=None, stdin=None):
    """Run command once, with the file named stdin (or /dev/null) as its
    standard input. Return a dict: code (None on timeout), out (bytes),
    err (bytes), seconds (wall clock) and rss_kb (the child's peak resident
    set size: sampled VmHWM, or ru_maxrss from wait4 where that is missing).

    The child gets its own process group so that a timeout ends it and
    anything it started; its output goes to temporary files so that the
    parent can wait for it with wait4, which returns its resource usage."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            open(stdin or os.devnull, "rb") as source:
        start = time.perf_counter()
        # Popen returns once the child has exec'd the command (or failed to).
        proc = subprocess.Popen(command, stdout=out, stderr=err, env=env,
                                stdin=source, start_new_session=True)
        sampler = PeakSampler(proc.pid)
        sampler.start()
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait
        sampled = sampler.stop()
        out.seek(0)
        err.seek(0)
        return {"code": None if timed_out else proc.returncode,
                "out": out.read(), "err": err.read(), "seconds": seconds,
                "rss_kb": sampled if sampled is not None else usage.ru_maxrss}


def output_problem(result, expected, timeout):
    """None if the run printed exactly `expected` and exited 0, else why not."""
    if result["code"] is None:
        return "timed out after %g s" % timeout
    if result["code"] != 0:
        tail = result["err"].decode("utf-8", "replace").strip().splitlines()[-3:]
        return "exit code %d%s" % (result["code"], (": " + " | ".join(tail)) if tail else "")
    if result["out"] != expected:
        got = result["out"].decode("utf-8", "replace").splitlines()
        want = expected.decode("utf-8", "replace").splitlines()
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else "<no line>"
            w = want[i] if i < len(want) else "<no line>"
            if g != w:
                return "output line %d: got %r, expected %r" % (i + 1, g, w)
        return "output differs (line endings or final newline)"
    return None


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2.0


def summarize(times, rss):
    """A cell of the table from the seconds and peak RSS (kB) of its runs."""
    mid = median(times)
    return {"ok": True, "median": mid, "min": min(times), "max": max(times),
            "spread": (max(times) - min(times)) / mid if mid > 0 else 0.0,
            "times": times, "rss_kb": max(rss)}


def measure_row(bench, runners, args):
    """Run one program on every runner args.runs times, checking each run.

    The runs are interleaved (round 1 on every runner, then round 2, ...) so
    that a change in the machine's load during the row affects every column
    alike rather than one. A runner stops at its first wrong run, and a run
    slower than args.long seconds is not repeated (that cell has fewer runs),
    so that a slow column cannot take the whole budget. A runner without its
    program gets no cell if the benchmark says it has no ports, else a FAIL."""
    with open(bench.expected, "rb") as f:
        expected = f.read()
    active = [r for r in runners if r.can_run(bench)]
    times = dict((r.name, []) for r in active)
    rss = dict((r.name, []) for r in active)
    failed, done = {}, set()
    for runner in runners:
        if not runner.can_run(bench) and (runner.minilang or not bench.no_ports):
            failed[runner.name] = {"ok": False, "error": "no %s%s" % (
                os.path.basename(bench.program(runner.ext)),
                "" if runner.minilang else " (and no %s.noports)" % bench.name)}
    for _ in range(args.runs):
        for runner in active:
            if runner.name in failed or runner.name in done:
                continue
            result = run_once(runner.command(bench), args.timeout, runner.env, bench.stdin)
            problem = output_problem(result, expected, args.timeout)
            if problem:
                failed[runner.name] = {"ok": False, "error": problem}
                continue
            times[runner.name].append(result["seconds"])
            rss[runner.name].append(result["rss_kb"])
            if result["seconds"] > args.long:
                done.add(runner.name)
    cells = {}
    for runner in runners:
        if runner in active or runner.name in failed:
            cells[runner.name] = failed.get(runner.name) or summarize(times[runner.name],
                                                                      rss[runner.name])
    return cells


def measure(benchmarks, runners, args):
    results = []
    for bench in benchmarks:
        print("%-16s" % bench.name, end=" ", file=sys.stderr, flush=True)
        row = {"name": bench.name, "runs": measure_row(bench, runners, args), "ratios": {},
               "no_ports": bench.no_ports}
        print("  ".join("%s %s%s" % (name, format_time(cell),
                                     " %s" % format_rss(cell) if cell["ok"] else "")
                        for name, cell in row["runs"].items()), file=sys.stderr, flush=True)
        base = row["runs"].get(YARDSTICK)
        if base and base["ok"]:
            for name, cell in row["runs"].items():
                if cell["ok"] and name != YARDSTICK:
                    row["ratios"][name] = cell["median"] / base["median"]
        results.append(row)
    return results


def format_time(cell):
    """Median seconds, ± half the spread between the slowest and fastest run
    as a percentage of the median; "(1 run)" when there was only one."""
    if not cell.get("ok"):
        return "FAIL: " + cell["error"]
    if len(cell["times"]) == 1:
        return "%.3f (1 run)" % cell["median"]
    return "%.3f ±%.0f%%" % (cell["median"], 50.0 * cell["spread"])


def format_rss(cell):
    return "%.0f MB" % (cell["rss_kb"] / 1024.0) if cell.get("ok") else "-"


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def geomeans(results, runners):
    """Per runner, the geometric mean of its time / PyPy3's time."""
    means = {}
    for runner in runners:
        ratios = [row["ratios"][runner.name] for row in results if runner.name in row["ratios"]]
        if ratios:
            means[runner.name] = (geometric_mean(ratios), len(ratios))
    return means


def build_ratio(row, runner, first):
    """`runner`'s median time / the first minilang binary's, or None."""
    a, b = row["runs"].get(runner.name), row["runs"].get(first.name)
    if a and b and a.get("ok") and b.get("ok") and b["median"] > 0:
        return a["median"] / b["median"]
    return None


def compared_builds(runners):
    """(the first minilang binary, the others): several builds compared
    (--binary twice or more) get a column of their time / the first's."""
    builds = [r for r in runners if r.minilang and r.name != "minilang-nojit"]
    return (builds[0], builds[1:]) if len(builds) > 1 else (None, [])


def table(results, runners):
    has_base = any(r.name == YARDSTICK for r in runners)
    ratio_runners = [r for r in runners if r.minilang] if has_base else []
    first, others = compared_builds(runners)
    header = (["benchmark"] + ["%s s" % r.name for r in runners]
              + ["%s/%s" % (r.name, YARDSTICK) for r in ratio_runners]
              + ["%s/%s" % (r.name, first.name) for r in others]
              + ["%s MB" % r.name for r in runners] + ["output"])
    rows = []
    for row in results:
        cells = [row["name"]]
        runs = row["runs"]
        for r in runners:
            cell = runs.get(r.name)
            cells.append("-" if cell is None else "FAIL" if not cell["ok"] else format_time(cell))
        for r in ratio_runners:
            cells.append("%.2f" % row["ratios"][r.name] if r.name in row["ratios"]
                         else "no port" if row.get("no_ports") else "-")
        for r in others:
            ratio = build_ratio(row, r, first)
            cells.append("-" if ratio is None else "%.2f" % ratio)
        for r in runners:
            cells.append(format_rss(runs[r.name]) if r.name in runs else "-")
        failed = [name for name, cell in runs.items() if not cell["ok"]]
        cells.append("FAIL (%s)" % ", ".join(failed) if failed else "ok")
        rows.append(cells)
    return header, rows


def render_table(header, rows, markdown):
    lines = []
    if markdown:
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join("---" if i == 0 else "--:" for i in range(len(header))) + "|")
        for cells in rows:
            lines.append("| " + " | ".join(cells) + " |")
        return lines
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    for cells in [header] + rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())
    return lines


def shown_path(path):
    """A path inside the repository relative to it (bin/minilang), so that
    stored results name no machine's directories; others as they are."""
    if os.path.commonpath([os.path.abspath(path), ROOT]) == ROOT:
        return os.path.relpath(path, ROOT)
    return path


def summary_lines(results, runners, args, notes):
    lines = []
    means = geomeans(results, runners)
    for runner in runners:
        if runner.name in means:
            value, count = means[runner.name]
            lines.append("geometric mean of %s/%s over %d benchmarks: %.2f"
                         % (runner.name, YARDSTICK, count, value))
    first, others = compared_builds(runners)
    for runner in others:
        ratios = [build_ratio(row, runner, first) for row in results]
        ratios = [r for r in ratios if r is not None]
        if ratios:
            lines.append("geometric mean of %s/%s over %d benchmarks: %.2f"
                         % (runner.name, first.name, len(ratios),
                            geometric_mean(ratios)))
    lines.append("times in seconds: median of %d run%s (fewer once a run took over %g s), "
                 "± half the spread of the runs as %% of the median; "
                 "MB: peak RSS (largest VmHWM of the runs)"
                 % (args.runs, "" if args.runs == 1 else "s", args.long))
    for runner in runners:
        lines.append("  %s = %s" % (runner.name, shown_path(runner.executable)))
    lines.extend(notes)
    for row in results:
        if row.get("no_ports"):
            lines.append("%s has no Python or Lua port: %s" % (row["name"], row["no_ports"]))
    for row in results:
        for runner, cell in row["runs"].items():
            if not cell["ok"]:
                lines.append("FAIL %s on %s: %s" % (row["name"], runner, cell["error"]))
    return lines


def draw_chart(results, runners, path, notes):
    """A PNG of the table: per benchmark, a bar per runner of its time
    relative to PyPy3 (log scale), and below, its peak RSS."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        notes.append("matplotlib not installed: no chart (`make bench` installs it).")
        return False
    names = [row["name"] for row in results]
    has_base = any(r.name == YARDSTICK for r in runners)
    means = geomeans(results, runners) if has_base else {}
    if means:
        names.append("geomean")  # an extra group on the time panel only
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(max(10, 1.0 * len(names) + 3), 10))
    width = 0.8 / len(runners)
    colors = plt.get_cmap("tab10")
    for i, runner in enumerate(runners):
        xs, times, mem_xs, mems = [], [], [], []
        for x, row in enumerate(results):
            cell = row["runs"].get(runner.name)
            if not cell or not cell["ok"]:
                continue
            offset = x - 0.4 + width * (i + 0.5)
            mem_xs.append(offset)
            mems.append(cell["rss_kb"] / 1024.0)
            if not has_base:
                xs.append(offset)
                times.append(cell["median"])
            elif runner.name == YARDSTICK or runner.name in row["ratios"]:
                xs.append(offset)
                times.append(row["ratios"].get(runner.name, 1.0))
        top.bar(xs, times, width, label=runner.name, color=colors(i % 10))
        if means and (runner.name in means or runner.name == YARDSTICK):
            top.bar([len(results) - 0.4 + width * (i + 0.5)],
                    [means[runner.name][0] if runner.name in means else 1.0],
                    width, color=colors(i % 10), hatch="//", edgecolor="white")
        bottom.bar(mem_xs, mems, width, label=runner.name, color=colors(i % 10))
    for ax in (top, bottom):
        ax.set_yscale("log")
        ticks = names if ax is top else names[:len(results)]
        ax.set_xticks(range(len(ticks)))
        ax.set_xticklabels(ticks, rotation=30, ha="right")
        ax.set_xlim(-0.6, len(names) - 0.4)
        ax.grid(axis="y", which="both", alpha=0.3)
    if has_base:
        top.axhline(1.0, color="black", linewidth=0.8)
        top.set_ylabel("time / %s time (log; lower is faster)" % YARDSTICK)
        top.set_title("Run time relative to %s (median of the runs)" % YARDSTICK)
    else:
        top.set_ylabel("seconds (log)")
        top.set_title("Run time (median of the runs)")
    bottom.set_ylabel("peak RSS, MB (log)")
    bottom.set_title("Peak memory: resident set size (largest of the runs)")
    bottom.set_xlim(-0.6, len(results) - 0.4)
    handles, labels = top.get_legend_handles_labels()
    fig.legend(handles, labels, ncol=len(runners), loc="upper center")
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per cell (default 3)")
    parser.add_argument("--only", help="comma-separated benchmark names")
    parser.add_argument("--binary", metavar="NAME=PATH", type=parse_binary, action="append",
                        help="a minilang binary as a column named NAME (repeatable; "
                             "replaces the default minilang=bin/minilang)")
    parser.add_argument("--nojit", action="store_true", help="also run bin/minilang-nojit (slow)")
    parser.add_argument("--cpython", action="store_true", help="also run python3 on the ports")
    parser.add_argument("--skip", default="", help="comma-separated runners to leave out "
                                                   "(pypy3, luajit, lua5.4, cpython)")
    parser.add_argument("--nursery", metavar="SIZE",
                        help="run minilang and pypy3 with PYPY_GC_NURSERY=SIZE, e.g. 4MB "
                             "(see set_nursery)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--json", metavar="FILE", help="write the results to FILE as JSON")
    parser.add_argument("--chart", metavar="FILE", help="draw the table as a PNG chart in FILE")
    parser.add_argument("--out", metavar="DIR", help="write DIR/results.json, DIR/results.md "
                                                     "and DIR/chart.png")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="seconds allowed for one run (default 300)")
    parser.add_argument("--long", type=float, default=20.0,
                        help="a run slower than this many seconds is not repeated (default 20)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    args.skip = set(s.strip() for s in args.skip.split(",") if s.strip())
    if args.out:
        args.json = args.json or os.path.join(args.out, "results.json")
        args.chart = args.chart or os.path.join(args.out, "chart.png")

    available = find_benchmarks()
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in available]
        if unknown:
            parser.error("unknown benchmark %s; there are: %s"
                         % (", ".join(unknown), ", ".join(sorted(available))))
    else:
        names = sorted(available)
    benchmarks = [available[n] for n in names]

    notes = []
    runners = choose_runners(args, notes)
    for note in notes:
        print(note, file=sys.stderr)
    results = measure(benchmarks, runners, args)

    header, rows = table(results, runners)
    if args.chart and draw_chart(results, runners, args.chart, notes):
        notes.append("chart: %s" % args.chart)
    summary = summary_lines(results, runners, args, notes)
    print()
    print("\n".join(render_table(header, rows, args.markdown)))
    print()
    print("\n".join(summary))

    if args.out:
        os.makedirs(args.out, exist_ok=True)     # no chart may have made it
        with open(os.path.join(args.out, "results.md"), "w") as f:
            f.write("\n".join(render_table(header, rows, True) + [""] + summary) + "\n")
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump({"runs": args.runs, "long": args.long,
                       "runners": [{"name": r.name, "executable": r.executable,
                                    "program": r.ext} for r in runners],
                       "notes": notes, "benchmarks": results,
                       "geomeans_vs_pypy3": {k: v[0] for k, v in
                                             geomeans(results, runners).items()}},
                      f, indent=2)
            f.write("\n")
    failed = any(not cell["ok"] for row in results for cell in row["runs"].values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
