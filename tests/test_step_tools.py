"""tools/start-step (`make start`), tools/step-check's workspace and
options, and tools/prove-steps' proof that the last step is the source
tree's code (the real steps and proofs: `make steps`)."""

import importlib.machinery
import importlib.util
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(name, module):
    loader = importlib.machinery.SourceFileLoader(
        module, os.path.join(ROOT, "tools", name))
    spec = importlib.util.spec_from_loader(module, loader)
    loaded = importlib.util.module_from_spec(spec)
    loader.exec_module(loaded)
    return loaded


start_step = load("start-step", "start_step")
prove_steps = load("prove-steps", "prove_steps")


def tool(name, *args, cwd=ROOT):
    done = subprocess.run([sys.executable, os.path.join(ROOT, "tools", name)]
                          + list(args), cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    return done.returncode, done.stdout


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """The workspace of chapter 2: step 1's code, step 2's checks."""
    target = str(tmp_path_factory.mktemp("start") / "step-2")
    status, output = tool("start-step", "2", target)
    assert status == 0, output
    assert "step 1's code" in output and target in output
    return target


def test_a_workspace_has_the_code_of_the_step_before(workspace):
    code = set(os.listdir(os.path.join(workspace, "minilang")))
    assert "lexer.py" in code
    assert "parser.py" not in code           # chapter 2 writes it
    assert os.path.isfile(os.path.join(workspace, "tests", "test_parser.py"))
    with open(os.path.join(workspace, "STEP")) as f:
        assert f.readline() == "2\n"
    with open(os.path.join(workspace, "WORKSPACE")) as f:
        assert f.read() == "source %s\nstep 2\n" % ROOT
    assert os.path.realpath(os.path.join(workspace, ".env")) == \
        os.path.realpath(os.path.join(ROOT, ".env"))


def test_an_existing_workspace_is_not_overwritten(workspace):
    mine = os.path.join(workspace, "minilang", "mine.py")
    with open(mine, "w") as f:
        f.write("work = 1\n")
    status, output = tool("start-step", "2", workspace)
    assert status == 1
    assert "not overwritten" in output and "rm -rf " + workspace in output
    with open(mine) as f:
        assert f.read() == "work = 1\n"
    os.remove(mine)


def test_start_step_usage():
    for args in (["0"], ["99"], ["x"], []):
        status, output = tool("start-step", *args)
        assert status == 64 and "usage: make start N=1..15" in output, args


def test_compare_shows_what_the_chapter_adds(workspace):
    status, output = tool("step-check", "--compare", cwd=workspace)
    assert status == 1
    assert "--- step-2/minilang/parser.py" in output
    assert "lines marked + are yours" in output


def test_compare_is_only_for_a_workspace(tmp_path):
    status, output = tool("step-check", "--compare", cwd=str(tmp_path))
    assert status == 64 and "not one" in output


def test_step_one_starts_with_no_code(tmp_path):
    target = str(tmp_path / "step-1")
    start_step.make_workspace(1, target)
    assert not os.path.exists(os.path.join(target, "minilang"))
    assert os.path.isfile(os.path.join(target, "tests", "test_lexer.py"))


@pytest.mark.parametrize("args", [
    ["--all-jit"], ["--stop"], ["--new", "--all-jit", "--no-jit"],
    ["--new", "--new"], ["--bogus"], ["--record", "a", "b"]])
def test_step_check_usage(args, tmp_path):
    status, output = tool("step-check", *args, cwd=str(tmp_path))
    assert status == 64 and output.startswith("usage:"), output


def test_checks_import_only_the_trees_own_minilang(tmp_path):
    """A module the tree lacks is not filled in from the source tree (the
    editable install's finder is dropped by step-check's environment)."""
    os.mkdir(str(tmp_path / "minilang"))
    (tmp_path / "minilang" / "__init__.py").write_text("")
    here = os.getcwd()
    os.chdir(str(tmp_path))
    try:
        step_check = load("step-check", "step_check_in_tmp")
        env = step_check.environment()
    finally:
        os.chdir(here)
    assert env["PYPY_USESSION_DIR"] == str(tmp_path / "build" / "usession")
    python = os.path.join(ROOT, ".env", "py3", "bin", "python")
    if not os.path.exists(python):
        python = sys.executable
    done = subprocess.run(
        [python, "-c", "import minilang; print(minilang.__file__); "
         "import minilang.lexer"], cwd=str(tmp_path), env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        universal_newlines=True)
    assert done.stdout.startswith(str(tmp_path / "minilang"))
    assert done.returncode == 1
    assert "No module named 'minilang.lexer'" in done.stdout


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


def test_the_last_step_is_the_source_but_for_markers(tmp_path):
    source, cut = str(tmp_path / "source"), str(tmp_path / "cut")
    marked = "import a\n#> step 9 x\nb = 1\n\n#< step 9\nc = 2\n"
    write(source, "minilang/m.py", marked)
    write(cut, "minilang/m.py", "import a\nb = 1\nc = 2\n")
    write(source, "Makefile", "a:\n#> source\nsteps:\n\tcut\n#< source\n")
    write(cut, "Makefile", "a:\n")
    write(cut, "STEP", "15\n")
    assert prove_steps.same_as_source(cut, source) == []
    write(cut, "minilang/m.py", "import a\nb = 2\nc = 2\n")
    write(cut, "tools/x", "#!/bin/sh\n")
    assert prove_steps.same_as_source(cut, source) == ["minilang/m.py",
                                                       "tools/x"]


def test_source_blocks_count_outside_the_makefile(tmp_path):
    source, cut = str(tmp_path / "source"), str(tmp_path / "cut")
    write(source, "tools/t", "#!/bin/sh\n#> source\necho only\n#< source\n")
    write(cut, "tools/t", "#!/bin/sh\n")
    assert prove_steps.same_as_source(cut, source) == ["tools/t"]
