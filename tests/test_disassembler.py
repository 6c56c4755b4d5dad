"""`minilang --dis FILE`: the shape of the disassembly (clox's format)."""

import re

import pytest

from runner import run

from compiled import compile_code, decode
from minilang.disassembler import disassemble

PROGRAM = """\
var total = 0;
fun counter(step) {
  var count = 0;
  fun next() {
    count = count + step;
    return count;
  }
  return next;
}
var c = counter(2);
for (var i = 0; i < 3; i = i + 1) {
  if (i > 1) total = total + c(); else print i;
}
print total;
"""

ROW = re.compile(r"^(\d{4}) (   \||[ \d]{4}) ([A-Z_]+)(.*)$")
UPVALUE_ROW = re.compile(r"^(\d{4})    \|                     "
                         r"(local|upvalue) (\d+)$")


@pytest.fixture(scope="module")
def listing(tmp_path_factory):
    path = tmp_path_factory.mktemp("dis") / "prog.lox"
    path.write_text(PROGRAM)
    status, out, err = run(["--dis", str(path)])
    assert status == 0
    assert err == ""
    return out


def sections(text):
    """{function name: [rows]} in order of appearance."""
    result = []
    for block in text.rstrip("\n").split("\n\n"):
        lines = block.split("\n")
        m = re.match(r"^== (.+) ==$", lines[0])
        assert m, lines[0]
        result.append((m.group(1), lines[1:]))
    return result


def test_header_of_the_script_comes_first(listing):
    assert listing.startswith("== <script> ==\n")


def test_nested_functions_follow_in_order(listing):
    assert [name for name, _ in sections(listing)] == [
        "<script>", "counter", "next"]


def test_does_not_run_the_program(listing):
    assert "\n0\n1\n" not in listing
    assert "PRINT" in listing


def test_every_row_has_the_format(listing):
    for name, rows in sections(listing):
        assert rows
        for row in rows:
            assert ROW.match(row) or UPVALUE_ROW.match(row), (name, row)


def test_offsets_increase_and_lines_repeat_as_bars(listing):
    for name, rows in sections(listing):
        offsets = []
        previous_line = None
        for row in rows:
            m = ROW.match(row)
            if not m:
                continue
            offsets.append(int(m.group(1)))
            line = m.group(2)
            if line.strip() == "|":
                assert previous_line is not None
            else:
                assert int(line) != previous_line
                previous_line = int(line)
        assert offsets == sorted(offsets)
        assert offsets[0] == 0


def test_constants_are_shown_with_their_value(listing):
    script = dict(sections(listing))["<script>"]
    assert any(re.search(r"DEFINE_GLOBAL +\d+ 'total'$", r) for r in script)
    assert any(re.search(r"CLOSURE +\d+ '<code counter>'$", r)
               for r in script)
    assert any(re.search(r"CONSTANT +\d+ '0'$", r) for r in script)


def test_upvalues_are_listed_under_closure(listing):
    counter = dict(sections(listing))["counter"]
    i = [k for k, r in enumerate(counter) if "CLOSURE" in r][0]
    assert UPVALUE_ROW.match(counter[i + 1])
    assert UPVALUE_ROW.match(counter[i + 2])
    kinds = sorted(UPVALUE_ROW.match(counter[i + k]).group(2, 3)
                   for k in (1, 2))
    # next captures step (slot 1) and count (slot 2) of counter.
    assert kinds == [("local", "1"), ("local", "2")]


def test_jump_targets_are_instruction_offsets(listing):
    for name, rows in sections(listing):
        starts = set()
        jumps = []
        for row in rows:
            m = ROW.match(row)
            if not m:
                continue
            starts.add(int(m.group(1)))
            j = re.search(r"^ +(\d+) -> (\d+)$", m.group(4))
            if m.group(3) in ("JUMP", "JUMP_IF_FALSE", "LOOP"):
                assert j, row
                assert int(j.group(1)) == int(m.group(1))
                jumps.append((m.group(3), int(m.group(1)),
                              int(j.group(2))))
        end = max(starts) + 1
        for kind, at, target in jumps:
            assert target in starts or target == end, (name, kind, target)
            if kind == "LOOP":
                assert target < at
            else:
                assert target > at
    script = dict(sections(listing))["<script>"]
    kinds = [ROW.match(r).group(3) for r in script if ROW.match(r)]
    assert kinds.count("LOOP") == 1             # the for loop's only one
    assert kinds.count("JUMP_IF_FALSE") == 2


def test_jump_target_text_matches_decoded_offsets():
    code = compile_code("if (true) print 1; else print 2;")
    text = disassemble(code)
    ins = decode(code)
    jif = [i for i in ins if i.name == "JUMP_IF_FALSE"][0]
    target = jif.pc + 3 + jif.args[0]
    assert "%04d    | JUMP_IF_FALSE    %4d -> %d" % (jif.pc, jif.pc, target) \
        in text


def test_exact_listing_of_a_tiny_program(tmp_path):
    path = tmp_path / "tiny.lox"
    path.write_text("var a = 1;\nprint a + 2;\n")
    status, out, err = run(["--dis", str(path)])
    assert (status, err) == (0, "")
    # (Trailing spaces after an operand-less name are not part of the
    # format.)
    assert [line.rstrip() for line in out.split("\n")] == [
        "== <script> ==",
        "0000    1 CONSTANT            1 '1'",
        "0002    | DEFINE_GLOBAL       0 'a'",
        "0004    2 GET_GLOBAL          2 'a'",
        "0006    | CONSTANT            3 '2'",
        "0008    | ADD",
        "0009    | PRINT",
        "0010    3 NIL",
        "0011    | RETURN",
        ""]


def test_dis_of_a_file_with_errors_reports_them(tmp_path):
    path = tmp_path / "bad.lox"
    path.write_text("print ;\n")
    status, out, err = run(["--dis", str(path)])
    assert status == 65
    assert out == ""
    assert err == "[line 1] Error at ';': Expect expression.\n"
