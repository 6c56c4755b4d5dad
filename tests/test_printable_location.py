"""minilang.interpreter.get_printable_location: how a (pc, code) position
is named in JIT traces and logs, and parse_printable_location, which reads
it back (jitview.log uses it)."""

from minilang import opcodes as op
from minilang.interpreter import (get_printable_location,
                                  parse_printable_location)

from compiled import compile_code, decode, function_named, all_codes

SOURCE = """\
var x = 1;
fun add(a, b) {
  return a + b;
}
class K {
  m() {
    while (x < 3) x = x + 1;
  }
}
print add(x, 2);
"""

def test_top_level_is_named_script():
    code = compile_code(SOURCE)
    first = decode(code)[0]
    assert get_printable_location(0, code) == \
        "%s @0 (line 1 in script)" % first.name


def test_names_opcode_pc_line_and_function():
    code = compile_code(SOURCE)
    add = function_named(code, "add")
    ins = [i for i in decode(add) if i.name == "ADD"][0]
    assert get_printable_location(ins.pc, add) == \
        "ADD @%d (line 3 in add)" % ins.pc


def test_method_is_named_by_its_name():
    code = compile_code(SOURCE)
    m = function_named(code, "m")
    loop = [i for i in decode(m) if i.name == "LOOP"][0]
    assert get_printable_location(loop.pc, m) == \
        "LOOP @%d (line 7 in m)" % loop.pc


def test_every_instruction_of_every_function_round_trips():
    code = compile_code(SOURCE)
    seen = 0
    for c in all_codes(code):
        for ins in decode(c):
            text = get_printable_location(ins.pc, c)
            assert parse_printable_location(text) == (
                ins.name, ins.pc, c.lines[ins.pc], c.name or "script"), text
            assert ins.name in op.NAMES
            seen += 1
    assert seen > 20


def test_other_text_is_not_a_location():
    for text in ["", "LOOP", "LOOP @x (line 1 in f)", "LOOP @3 (line 1)",
                 "LOOP @3 (line 1 in f", "<code object f>"]:
        assert parse_printable_location(text) is None, text


def test_jitview_reads_locations_with_it():
    from jitview.log import Location
    where = Location("GET_LOCAL @12 (line 3 in add)")
    assert (where.opname, where.pc, where.line, where.function) == \
        ("GET_LOCAL", 12, 3, "add")


def test_last_instruction_is_on_the_eof_line():
    code = compile_code(SOURCE)
    last = decode(code)[-1]
    assert get_printable_location(last.pc, code) == \
        "RETURN @%d (line 11 in script)" % last.pc
