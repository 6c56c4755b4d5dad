"""The tutorial's exercises are complete: every chapter has one, each has
its README, a check and a reference solution, and the index lists them.
(That each check fails without its solution and passes with it is proven
by `make test-exercises`, tools/prove-exercises.)"""

import importlib.machinery
import importlib.util
import os
import re

from runner import ROOT

EXERCISES = os.path.join(ROOT, "docs", "tutorial", "exercises")


def last_step():
    """The number of the last step (a chapter each), as tools/step-check
    declares it."""
    loader = importlib.machinery.SourceFileLoader(
        "step_check", os.path.join(ROOT, "tools", "step-check"))
    spec = importlib.util.spec_from_loader("step_check", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module.LAST_STEP


CHAPTERS = last_step()


def exercises():
    return sorted(name for name in os.listdir(EXERCISES)
                  if os.path.isdir(os.path.join(EXERCISES, name)))


def read(path):
    with open(path, encoding="latin-1") as f:
        return f.read()


def test_each_exercise_has_a_readme_a_check_and_a_solution():
    assert exercises()
    for name in exercises():
        assert re.match(r"^\d\d-[a-z0-9-]+$", name), name
        files = os.listdir(os.path.join(EXERCISES, name))
        assert "README.md" in files, name
        assert "solution.patch" in files, name
        checks = [f for f in files
                  if f.endswith(".lox") or
                  (f.startswith("test_") and f.endswith(".py"))]
        assert checks, "%s has no check" % name
        patch = read(os.path.join(EXERCISES, name, "solution.patch"))
        assert patch.startswith("diff --git "), name
        readme = read(os.path.join(EXERCISES, name, "README.md"))
        assert "make exercise NAME=" in readme, name


def test_every_chapter_has_an_exercise():
    chapters = set(int(name[:2]) for name in exercises())
    assert chapters == set(range(1, CHAPTERS + 1))


def test_python27_check_files_have_unique_names():
    # tools/prove-exercises runs them in one pytest process, which names
    # test cases by file name.
    names = [f for name in exercises()
             for f in os.listdir(os.path.join(EXERCISES, name))
             if f.startswith("test_") and f.endswith("_py27.py")]
    assert len(names) == len(set(names))


def test_the_index_has_a_heading_per_chapter_and_lists_every_exercise():
    index = read(os.path.join(EXERCISES, "README.md"))
    headings = re.findall(r"^## Chapter (\d+): ", index, re.M)
    assert [int(n) for n in headings] == list(range(1, CHAPTERS + 1))
    for name in exercises():
        assert "(%s/README.md)" % name in index, name
        # ...under the heading of its chapter.
        section = index.split("## Chapter %d: " % int(name[:2]))[1]
        section = section.split("\n## ")[0]
        assert name in section, name


def load_exercise_tool():
    loader = importlib.machinery.SourceFileLoader(
        "exercise_tool", os.path.join(ROOT, "tools", "exercise"))
    spec = importlib.util.spec_from_loader("exercise_tool", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_an_exercise_is_checked_on_its_chapters_step(tmp_path):
    # In a step's tree (a file STEP) the check runs on the tree itself if
    # the exercise's chapter is there, and is refused if it is later.
    tool = load_exercise_tool()
    (tmp_path / "STEP").write_text("5\nMakefile\n")
    five = os.path.join(EXERCISES, "05-add-assign")
    assert tool.chapter_of(five) == 5
    assert tool.tree_for(str(tmp_path), five) == (str(tmp_path), None)
    where, problem = tool.tree_for(
        str(tmp_path), os.path.join(EXERCISES, "06-sqrt"))
    assert where is None
    assert problem.startswith("exercise 06-sqrt is chapter 6's: this tree "
                              "is step 5")
