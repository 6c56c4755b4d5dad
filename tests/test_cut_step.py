"""tools/cut-step: the markers, the manifest, the technique pruning and the
Lox feature table, on synthetic snippets (the real tree: `make steps`).

The snippets spell markers with `@` for `#`, so that this file holds no
marker line itself."""

import importlib.machinery
import importlib.util
import os
import subprocess
import textwrap

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_loader = importlib.machinery.SourceFileLoader(
    "cut_step", os.path.join(ROOT, "tools", "cut-step"))
_spec = importlib.util.spec_from_loader("cut_step", _loader)
cut_step = importlib.util.module_from_spec(_spec)
_loader.exec_module(cut_step)


def text(snippet):
    return textwrap.dedent(snippet).lstrip("\n").replace("@", "#")


def cut(snippet, step):
    return "".join(cut_step.cut_markers(text(snippet).splitlines(True), step))


SOURCE = """
    import a
    @> step 5 variables
    import b
    @< step 5
    def f(x):
        @before step 5: return 0
        @> step 5
        return b.g(x)
        @< step 5
    @> step 7
    class C:
        @> step 9 the JIT
        hint = 1
        @< step 9
        pass
    @< step 7
    @> source
    only = "in the source"
    @< source
    """


def test_blocks_of_later_steps_are_left_out():
    assert cut(SOURCE, 4) == text("""
        import a
        def f(x):
            return 0
        """)


def test_blocks_arrive_at_their_step_and_markers_go():
    assert cut(SOURCE, 5) == text("""
        import a
        import b
        def f(x):
            return b.g(x)
        """)


def test_nested_blocks_need_every_enclosing_step():
    assert "class C" in cut(SOURCE, 7) and "hint" not in cut(SOURCE, 7)
    assert "hint = 1" in cut(SOURCE, 15)


def test_source_blocks_are_in_no_step():
    assert "only" not in cut(SOURCE, 15)


def test_unclosed_and_mismatched_blocks_are_errors():
    with pytest.raises(cut_step.MarkerError, match="not closed"):
        cut("@> step 3\nx = 1\n", 3)
    with pytest.raises(cut_step.MarkerError, match="closes no open block"):
        cut("@> step 3\nx = 1\n@< step 4\n", 3)
    with pytest.raises(cut_step.MarkerError, match="no step 16"):
        cut("@> step 16\n@< step 16\n", 3)
    with pytest.raises(cut_step.MarkerError, match="not a marker"):
        cut("@> stpe 3\n", 3)


def test_ordinary_comments_are_kept():
    assert cut("@ a comment\nx = 1  @> not at line start\n", 1) == \
        "# a comment\nx = 1  #> not at line start\n"


# ------------------------------------------------------------ techniques

def prune(snippet, off):
    return "".join(cut_step.prune_switches(
        text(snippet).splitlines(True),
        set("techniques." + flag for flag in off)))


SWITCHED = """
    def get(self, name):
        if techniques.MAPS:
            index = self.map.find(name)
            return self.storage[index]
        else:
            return self.fields[name]
    """


def test_an_off_technique_leaves_its_else_block_dedented():
    assert prune(SWITCHED, ["MAPS"]) == text("""
        def get(self, name):
            return self.fields[name]
        """)


def test_an_on_technique_is_left_alone():
    assert prune(SWITCHED, ["INLINING"]) == text(SWITCHED)


def test_a_block_without_else_goes_and_an_empty_block_gets_pass():
    assert prune("""
        def f(code):
            if techniques.INLINING:
                code = promote(code)
            return code
        def g(code):
            if techniques.INLINING:
                promote(code)
        x = 1
        """, ["INLINING"]) == text("""
        def f(code):
            return code
        def g(code):
            pass
        x = 1
        """)


def test_not_keeps_the_body_and_drops_the_else():
    assert prune("""
        if not techniques.VIRTUALIZABLE:
            frame = copy(frame)
            if techniques.MAPS:
                more()
        else:
            frame = hint(frame)
        go(frame)
        """, ["VIRTUALIZABLE", "MAPS"]) == text("""
        frame = copy(frame)
        go(frame)
        """)


def test_elif_branches():
    source = """
        if kind == 1:
            one()
        elif techniques.MAPS:
            mapped()
        elif kind == 2:
            two()
        else:
            other()
        """
    assert prune(source, ["MAPS"]) == text("""
        if kind == 1:
            one()
        elif kind == 2:
            two()
        else:
            other()
        """)
    assert prune(source.replace("elif techniques", "elif not techniques"),
                 ["MAPS"]) == text("""
        if kind == 1:
            one()
        else:
            mapped()
        """)


def test_an_if_followed_by_elif_becomes_if():
    assert prune("""
        if techniques.MAPS:
            a()
        elif x:
            b()
        """, ["MAPS"]) == text("""
        if x:
            b()
        """)


def test_a_flag_in_an_expression_stays():
    source = "fast = techniques.MAPS and ready\n"
    assert prune(source, ["MAPS"]) == source


def test_flags_of_later_chapters_are_switched_off():
    with open(os.path.join(ROOT, "minilang", "techniques.py")) as f:
        source = f.read()
    flags = cut_step.technique_flags(source)
    assert flags["VIRTUALIZABLE"] == 10 and flags["UNBOXED_NUMBERS"] == 14
    lines = cut_step.switch_flags_off(source.splitlines(True), {"MAPS"})
    namespace = {}
    exec("".join(lines), namespace)
    assert namespace["MAPS"] is False
    assert namespace["INLINING"] is not False or \
        "inlining" in namespace["WITHOUT"]


SIDED = """
    """ + '"""A module of minilang/rlib/."""' + """

    from minilang.rlib import host

    if host.HAVE_RPYTHON:
        from rpython.rlib import thing as _thing
        SOURCE = [""" + '"""' + """
    int f(void) {
        return 1;
    }
    """ + '"""' + """]

        def f():
            return _thing.f()

    else:
        import os as _os

        def f():
            return 1
    """


def test_the_rpython_side_arrives_at_step_8():
    """Before step 8 an rlib module keeps only its CPython side, at the
    top level, without the import of host (a string in the RPython side
    may start lines at any indentation)."""
    source = text(SIDED)
    before = cut_step.cut_text("minilang/rlib/x.py", source, 7, set())
    assert before == text("""
        """ + '"""A module of minilang/rlib/."""' + """

        import os as _os


        def f():
            return 1
        """)
    assert cut_step.cut_text("minilang/rlib/x.py", source, 8, set()) == \
        source


def test_an_import_of_techniques_left_unused_goes():
    source = text("""
        from minilang import techniques


        def get(self, name):
            if techniques.MAPS:
                return self.storage[self.map.find(name)]
            return self.fields[name]
        """)
    cut = cut_step.cut_text("minilang/x.py", source, 12, {"MAPS"})
    assert "import techniques" not in cut and "self.fields" in cut
    kept = cut_step.cut_text("minilang/x.py", source, 13, set())
    assert kept == source


# ----------------------------------------------------------- lox features

@pytest.mark.parametrize("source, step", [
    ('print 1 + 2 * "a.b";', 1),
    ("print 1.5; // class fun var", 1),
    ("print clock;", 6),
    ("var a = 1; print a;", 5),
    ("{ print 1; }", 5),
    ("print true and false;", 5),
    ("print clock();", 6),
    ('print "a"();', 6),
    ("print nil();", 6),
    ("print (1)(2);", 6),
    ("fun f() { return 1; }", 6),
    ("print (1);", 1),
    ("print a.b;", 7),
    ("class A {}", 7),
])
def test_lox_programs_are_classified_by_the_features_they_use(source, step):
    assert cut_step.lox_step(source) == step


def test_manifest_first_match_wins_and_unlisted_files_are_step_1():
    rules = cut_step.read_manifest(
        "# comment\n9 jitview/*\n- tools/cut-step\nlox tests/lox/*\n"
        "5 tests/*\n")
    sources = {"tests/lox/a.lox": "class A {}"}
    assert cut_step.step_of("jitview/log.py", rules, sources.get) == 9
    assert cut_step.step_of("tools/cut-step", rules, sources.get) is None
    assert cut_step.step_of("tests/lox/a.lox", rules, sources.get) == 7
    assert cut_step.step_of("tests/lox/a.out", rules, sources.get) == 7
    assert cut_step.step_of("tests/x.py", rules, sources.get) == 5
    assert cut_step.step_of("README.md", rules, sources.get) == 1
    with pytest.raises(cut_step.MarkerError):
        cut_step.read_manifest("seven tests/*\n")


def test_the_command_line_cuts_a_tree(tmp_path):
    target = tmp_path / "step"
    done = subprocess.run([os.path.join(ROOT, "tools", "cut-step"), "1",
                           str(target)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    assert done.returncode == 0, done.stderr
    step = (target / "STEP").read_text().splitlines()
    assert step[0] == "1" and "minilang/lexer.py" in step[1:]
    assert (target / "minilang" / "lexer.py").exists()
    assert not (target / "minilang" / "interpreter.py").exists()
    assert not (target / "tools" / "cut-step").exists()
    # What later chapters explain is not in step 1.
    for later in ["techniques.py", "heaplimit.py", "rlib/signals.py",
                  "rlib/memory.py", "rlib/host.py", "rlib/jit.py"]:
        assert not (target / "minilang" / later).exists(), later
    usage = subprocess.run([os.path.join(ROOT, "tools", "cut-step"), "99",
                            str(target)], stderr=subprocess.PIPE)
    assert usage.returncode == 64


def test_marker_steps_are_the_steps_that_change_a_file():
    assert cut_step.marker_steps("a.py", text(SOURCE)) == {5, 7, 9}
    assert cut_step.marker_steps("a.md", text(SOURCE)) == set()


def test_blank_lines_around_a_cut_block_join_into_one_run():
    source = """
        def a():
            pass


        @> step 9
        def b():
            pass
        @< step 9


        def c():
            pass
        """
    assert cut(source, 8) == text("""
        def a():
            pass


        def c():
            pass
        """)
    assert cut(source, 9).count("\n\n\n") == 2


def test_the_step_table_of_the_tutorial_readme_holds():
    """docs/tutorial/README.md gives each step's lines of minilang/*.py and
    the lines added: as tools/cut-step --lines counts them now."""
    with open(os.path.join(ROOT, "docs", "tutorial", "README.md")) as f:
        rows = dict((line.split("|")[1].strip(),
                     [cell.strip() for cell in line.split("|")[2:-1]])
                    for line in f if line.startswith(("| lines |",
                                                      "| added |")))
    table = cut_step.line_table(ROOT)
    assert rows["lines"] == [str(lines) for _, lines, _ in table]
    assert rows["added"] == [str(added) for _, _, added in table]
