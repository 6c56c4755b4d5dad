"""The benchmark suite in bench/: complete, self-contained, and its harness's helpers.

These tests do not run the benchmarks (that is `make bench`); they check that
every benchmark has its expected output and both ports, that nothing in bench/
points outside the repository, that the Python and Lua print helpers format
values alike, and the harness's parsing, statistics and measuring of one run.
"""

import importlib.util
import os
import re
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")


def load_harness():
    spec = importlib.util.spec_from_file_location("bench_run", os.path.join(BENCH, "run.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run = load_harness()

NAMES = sorted(os.path.splitext(f)[0] for f in os.listdir(BENCH)
               if f.endswith((".lox", ".program")))


def test_there_are_benchmarks():
    assert len(NAMES) >= 16
    assert {"instantiate", "equality", "polymorphic", "deep_recursion", "class_factory",
            "closure_factory", "lox_in_lox_fib", "lox_in_lox_long"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_benchmark_has_expected_output_and_both_ports(name):
    bench = run.find_benchmarks()[name]
    exts = (".expected",) if bench.no_ports else (".expected", ".py", ".lua")
    for ext in exts:
        path = os.path.join(BENCH, name + ext)
        assert os.path.isfile(path), "missing " + name + ext
    with open(os.path.join(BENCH, name + ".expected")) as f:
        assert f.read().endswith("\n")
    assert os.path.isfile(bench.program(".lox"))
    if bench.no_ports:
        assert not os.path.exists(os.path.join(BENCH, name + ".py"))


@pytest.mark.parametrize("name", ["lox_in_lox_fib", "lox_in_lox_long"])
def test_lox_in_lox_rows_interpret_their_input_with_lox_lox(name):
    bench = run.find_benchmarks()[name]
    assert bench.program(".lox") == os.path.join(BENCH, "lox-in-lox", "lox.lox")
    assert bench.stdin == os.path.join(BENCH, name + ".in")
    assert "lox.lox" in bench.no_ports


def test_bench_names_nothing_outside_the_repository():
    for entry in sorted(os.listdir(BENCH)):
        if not entry.endswith((".py", ".lua", ".lox", ".md", ".in", ".program", ".noports")):
            continue
        with open(os.path.join(BENCH, entry)) as f:
            text = f.read()
        assert not re.search(r"shared/|/shared", text), entry
        assert not re.search(r"\.\./", text), entry
        assert not re.search(r"(?<![\w.])/(work|tmp|root|home)/", text), entry


def test_find_benchmarks_reads_only_this_folder():
    found = run.find_benchmarks()
    assert sorted(found) == NAMES
    for bench in found.values():
        # NAME.lox, or the program NAME.program names, inside bench/.
        program = os.path.realpath(bench.program(".lox"))
        assert os.path.commonpath([program, BENCH]) == BENCH


VALUES_PY = "[0, 7, -5, 14930352, 10000002, 0.1, 1 / 3.0, 2.5e-7, 1e300, 123456.7, True, False, None, 'text']"
VALUES_LUA = "{0, 7, -5, 14930352, 10000002, 0.1, 1 / 3.0, 2.5e-7, 1e300, 123456.7, true, false, nil, 'text'}"


def python_lines():
    code = ("import sys; sys.path.insert(0, %r)\nfrom loxprint import show\n"
            "for v in %s: show(v)\n" % (BENCH, VALUES_PY))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout


def test_loxprint_py_prints_like_lox():
    assert python_lines().splitlines() == [
        "0", "7", "-5", "1.49304e+07", "1e+07", "0.1", "0.333333", "2.5e-07", "1e+300",
        "123457", "true", "false", "nil", "text"]


@pytest.mark.parametrize("lua", ["luajit", "lua5.4"])
def test_loxprint_lua_prints_like_loxprint_py(lua, tmp_path):
    if shutil.which(lua) is None:
        pytest.skip(lua + " is not installed")
    script = tmp_path / "values.lua"
    # Loaded the way every port loads it: from the folder of the script.
    shutil.copy(os.path.join(BENCH, "loxprint.lua"), tmp_path / "loxprint.lua")
    script.write_text(
        'local show = dofile((arg[0]:match("^(.*[/\\\\])") or "") .. "loxprint.lua").show\n'
        "local values = %s\n"
        "for i = 1, 14 do show(values[i]) end\n" % VALUES_LUA)
    out = subprocess.run([lua, str(script)], capture_output=True, text=True, check=True,
                         cwd=str(tmp_path.parent)).stdout
    assert out == python_lines()


def test_parse_binary():
    name, path = run.parse_binary("jit=bin/minilang")
    assert name == "jit"
    assert path == os.path.abspath("bin/minilang")
    for bad in ("bin/minilang", "=bin/minilang", "jit="):
        with pytest.raises(Exception):
            run.parse_binary(bad)


def test_median_and_time_format():
    assert run.median([3.0, 1.0, 2.0]) == 2.0
    assert run.median([4.0, 1.0, 2.0, 3.0]) == 2.5
    cell = {"ok": True, "median": 2.0, "spread": 0.1, "times": [1.9, 2.0, 2.1]}
    assert run.format_time(cell) == "2.000 ±5%"
    cell = {"ok": True, "median": 25.0, "spread": 0.0, "times": [25.0]}
    assert run.format_time(cell) == "25.000 (1 run)"
    assert run.format_time({"ok": False, "error": "exit code 70"}) == "FAIL: exit code 70"


def test_output_problem_names_the_first_differing_line():
    ok = {"code": 0, "out": b"1\n2\n", "err": b""}
    assert run.output_problem(ok, b"1\n2\n", 10) is None
    assert "line 2" in run.output_problem(ok, b"1\n3\n", 10)
    assert "timed out" in run.output_problem({"code": None, "out": b"", "err": b""}, b"", 10)
    crashed = {"code": 70, "out": b"", "err": b"Undefined variable 'x'.\n[line 1]\n"}
    assert run.output_problem(crashed, b"", 10).startswith("exit code 70: ")


def test_run_once_measures_time_output_and_the_child_own_memory():
    # The child allocates about 60 MB and holds it briefly; its peak RSS must
    # show it, and must not include the harness's memory: a trivial child
    # must stay far below the allocating one.
    big = run.run_once([sys.executable, "-c",
                        "import time; b = bytearray(60 * 1024 * 1024); time.sleep(0.1); "
                        "print(len(b))"], 60)
    assert big["code"] == 0
    assert big["out"] == b"62914560\n"
    assert big["seconds"] > 0.1
    assert big["rss_kb"] > 60 * 1024
    small = run.run_once(["sleep", "0.1"], 60)
    assert small["code"] == 0
    assert small["rss_kb"] < 20 * 1024


def test_run_once_gives_the_child_a_standard_input(tmp_path):
    echo = [sys.executable, "-c", "import sys; print(repr(sys.stdin.read()))"]
    assert run.run_once(echo, 60)["out"] == b"''\n"          # /dev/null
    source = tmp_path / "input.txt"
    source.write_text("print 1;\n")
    assert run.run_once(echo, 60, stdin=str(source))["out"] == b"'print 1;\\n'\n"


def test_run_once_times_out():
    result = run.run_once([sys.executable, "-c", "import time; time.sleep(30)"], 0.5)
    assert result["code"] is None
    assert result["seconds"] < 10


class FakeBenchmark(object):
    """A benchmark whose program for each extension is a given script."""

    def __init__(self, tmp_path, scripts, expected, stdin=None, no_ports=None):
        self.name = "fake"
        self.expected = str(tmp_path / "fake.expected")
        with open(self.expected, "w") as f:
            f.write(expected)
        self.stdin = None
        if stdin is not None:
            self.stdin = str(tmp_path / "fake.in")
            with open(self.stdin, "w") as f:
                f.write(stdin)
        self.no_ports = no_ports
        self.missing = str(tmp_path / "missing")
        self.paths = {}
        for ext, text in scripts.items():
            path = tmp_path / ("fake" + ext)
            path.write_text(text)
            self.paths[ext] = str(path)

    def program(self, ext):
        return self.paths.get(ext, self.missing + ext)


def test_measure_row_checks_every_run_and_summarizes(tmp_path):
    bench = FakeBenchmark(tmp_path, {".py": "print(42)\n", ".bad": "print(41)\n"}, "42\n")
    runners = [run.Runner("good", sys.executable, ".py"),
               run.Runner("bad", sys.executable, ".bad"),
               run.Runner("absent", sys.executable, ".lua")]

    class Args(object):
        runs = 2
        timeout = 60.0
        long = 20.0

    cells = run.measure_row(bench, runners, Args())
    assert sorted(cells) == ["absent", "bad", "good"]
    assert cells["absent"] == {"ok": False,           # a port missing: a FAIL
                               "error": "no missing.lua (and no fake.noports)"}
    good = cells["good"]
    assert good["ok"] and len(good["times"]) == 2
    assert good["min"] <= good["median"] <= good["max"]
    assert good["rss_kb"] > 0
    assert cells["bad"] == {"ok": False,
                            "error": "output line 1: got '41', expected '42'"}
    Args.long = 0.0                                 # every run is "long": one run only
    assert len(run.measure_row(bench, runners[:1], Args())["good"]["times"]) == 1


def test_nursery_goes_to_the_rpython_columns_only():
    runners = [run.Runner("jit", "bin/minilang", ".lox", minilang=True),
               run.Runner("pypy3", "pypy3", ".py"),
               run.Runner("luajit", "luajit", ".lua")]
    notes = []
    run.set_nursery(runners, "4MB", notes)
    assert [r.env and r.env.get("PYPY_GC_NURSERY") for r in runners] == ["4MB", "4MB", None]
    assert notes == ["PYPY_GC_NURSERY=4MB for jit, pypy3 (--nursery)."]
    result = run.run_once([sys.executable, "-c",
                           "import os; print(os.environ['PYPY_GC_NURSERY'])"],
                          60, runners[0].env)
    assert result["out"] == b"4MB\n"


def test_builds_compared_get_a_ratio_column_and_a_geometric_mean():
    """`--binary minilang=... --binary without-x=...` (make bench WITHOUT=x):
    the second build's time over the first's, per benchmark and overall."""
    runners = [run.Runner("minilang", os.path.join(ROOT, "bin", "minilang"), ".lox",
                          minilang=True),
               run.Runner("without-x", os.path.join(ROOT, "bin", "minilang-without-x"),
                          ".lox", minilang=True),
               run.Runner("pypy3", "/usr/bin/pypy3", ".py")]

    def cell(median):
        return run.summarize([median, median], [1024, 1024])

    results = [{"name": "a", "runs": {"minilang": cell(1.0), "without-x": cell(2.0),
                                      "pypy3": cell(0.5)}, "ratios": {}},
               {"name": "b", "runs": {"minilang": cell(2.0), "without-x": cell(4.5),
                                      "pypy3": cell(1.0)}, "ratios": {}}]
    header, rows = run.table(results, runners)
    column = header.index("without-x/minilang")
    assert [row[column] for row in rows] == ["2.00", "2.25"]

    class Args(object):
        runs = 2
        long = 20.0

    lines = run.summary_lines(results, runners, Args(), [])
    assert "geometric mean of without-x/minilang over 2 benchmarks: 2.12" in lines
    # Paths inside the repository are shown relative to it.
    assert "  without-x = %s" % os.path.join("bin", "minilang-without-x") in lines
    assert "  pypy3 = /usr/bin/pypy3" in lines
    # One build alone: no such column.
    header, rows = run.table(results, runners[:1] + runners[2:])
    assert not [h for h in header if h.endswith("/minilang")]


def test_a_benchmark_without_ports_gets_its_input_and_no_port_cells(tmp_path):
    """NAME.in goes to every column; with NAME.noports, a column without its
    program has no cell (shown "-"), its ratio says "no port", and the row is ok."""
    bench = FakeBenchmark(tmp_path, {".lox": "import sys; print(sys.stdin.read().upper())\n"},
                          "PRINT 1;\n\n", stdin="print 1;\n", no_ports="an interpreter in Lox")
    runners = [run.Runner("jit", sys.executable, ".lox", minilang=True),
               run.Runner("pypy3", sys.executable, ".py"),
               run.Runner("luajit", sys.executable, ".lua")]

    class Args(object):
        runs = 1
        timeout = 60.0
        long = 20.0

    cells = run.measure_row(bench, runners, Args())
    assert sorted(cells) == ["jit"] and cells["jit"]["ok"]
    results = [{"name": "fake", "runs": cells, "ratios": {}, "no_ports": bench.no_ports}]
    header, rows = run.table(results, runners)
    row = dict(zip(header, rows[0]))
    assert row["pypy3 s"] == row["luajit s"] == "-"
    assert row["jit/pypy3"] == "no port"
    assert row["output"] == "ok"
    lines = run.summary_lines(results, runners, Args(), [])
    assert "fake has no Python or Lua port: an interpreter in Lox" in lines
    assert not [line for line in lines if line.startswith("FAIL")]
    # A minilang column is never excused: without its program it fails.
    bench.paths.pop(".lox")
    assert not run.measure_row(bench, runners, Args())["jit"]["ok"]
