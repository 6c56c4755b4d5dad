"""What the JIT makes of the object model: one test per technique of the
object model (globals, instances, cells).

Like test_traces.py, each test runs a small Lox program with the JIT
(jitview.harness) and asserts the exact operations of the compiled loop's
body.  Each test's comment says what the loop would contain without the
technique, which is how the test fails if the technique is lost.
"""

from jitview.harness import Harness, with_polls

jit = Harness()


def global_cell_reads(run):
    """How many operations of all traces read a field of a GlobalCell."""
    return len([op for trace in run.log.traces for op in trace.ops
                if op.name.startswith('getfield') and 'GlobalCell' in op.text])


def test_global_function_is_a_constant():
    # GlobalCell: a global that is never reassigned is a quasi-immutable
    # constant, so no trace reads a global cell at all: calling the global
    # function `inc` costs no read and no guard on the closure.  (In the
    # loop body proper, a plain field read would be hoisted too; it shows
    # in the preamble, in bridges, in function traces and after residual
    # calls, so this test looks at every operation of every trace.)
    # Without the technique the preamble reads the cell's fields
    # (getfield on GlobalCell) and guards the closure.
    run = jit.run("""
        fun inc(x) { return x + 1; }
        { var i = 0; while (i < 100) i = inc(i); print i; }
    """)
    assert run.output == "100\n"
    assert global_cell_reads(run) == 0, run.render()
    run.check_simple_loop(with_polls({
        'float_add': 1, 'float_lt': 1, 'guard_not_invalidated': 1,
        'guard_true': 1, 'jump': 1}, 1))


def test_reassigned_global_turns_mutable_and_unboxed():
    # A global written in the loop stops being a constant after a few
    # changes (GlobalCell.MAX_CHANGES) instead of invalidating the loop at
    # every write, and, having only held numbers, stores its float unboxed:
    # a setfield of a float per global, no W_Number allocated (without it:
    # a new_with_vtable and a setfield of its value per global).  `g` is
    # read again after `other` was written (the optimiser does not assume
    # that two cells are different objects): the getfield_gc_f.
    run = jit.run("""
        var g = 0;
        var other = 0;
        while (g < 100) { g = g + 1; other = g; }
        print other;
    """)
    assert run.output == "100\n"
    run.check_simple_loop(with_polls({
        'float_add': 1, 'float_lt': 1, 'getfield_gc_f': 1,
        'guard_not_invalidated': 1, 'guard_true': 1, 'jump': 1,
        'setfield_gc': 2}, 1))


def test_number_field_is_unboxed():
    # Map storage strategy: a field that has only held numbers keeps its
    # float unboxed in a number field of the instance itself (`f0`, `f1`
    # of its storage class, see W_Instance).  A field update is a float
    # write: no W_Number allocated (new_with_vtable), no array and no
    # length check, no guard.  (The values read are carried from the
    # previous iteration, so no getfield remains.)
    run = jit.run("""
        class P { init() { this.y = 0; this.x = 0; } }
        { var p = P();
          var i = 0;
          while (i < 100) { p.x = p.x + 1; p.y = p.y + 2; i = i + 1; }
          print p.x + p.y; }
    """)
    assert run.output == "300\n"
    run.check_simple_loop(with_polls({
        'float_add': 3, 'float_lt': 1, 'guard_true': 1, 'jump': 1,
        'setfield_gc': 2}, 1))


def test_fields_past_the_inline_ones_go_to_arrays():
    # A class without methods gives no guess of its fields (see
    # W_Class.guess_size): its first instance has no inline field, and
    # its fields live in the overflow arrays, sized by the map (one
    # `setarrayitem_gc` per write and an `arraylen_gc` the backend emits
    # no code for).  Later instances of the class get them inline.
    run = jit.run("""
        class P {}
        { var p = P(); p.y = 0; p.x = 0;
          var i = 0;
          while (i < 100) { p.x = p.x + 1; p.y = p.y + 2; i = i + 1; }
          print p.x + p.y; }
    """)
    assert run.output == "300\n"
    run.check_simple_loop(with_polls({
        'arraylen_gc': 1, 'float_add': 3, 'float_lt': 1, 'guard_true': 1,
        'jump': 1, 'setarrayitem_gc': 2}, 1))


def test_fields_of_two_instances_stay_in_registers():
    # Inline fields, with a storage class per size: `v` (3 number fields)
    # and `t` (1) are of different RPython classes, whose fields are
    # different fields for the optimiser, so writing `t.sum` cannot
    # change `v.a`: every field value stays in a register from one
    # iteration to the next, and the loop only writes (4 setfield_gc, no
    # getfield).  With the fields of all instances in arrays of one type
    # (or in fields every instance shares), a write into `t` makes the
    # optimiser read `v`'s fields again on every iteration.
    run = jit.run("""
        class V { init() { this.a = 1; this.b = 2; this.c = 3; } }
        class T { init() { this.sum = 0; } }
        { var v = V(); var t = T(); var i = 0;
          while (i < 100) { var x = v.a; v.a = v.b; v.b = v.c; v.c = x;
                            t.sum = t.sum + v.a; i = i + 1; }
          print t.sum; }
    """)
    assert run.output == "200\n"
    run.check_simple_loop(with_polls({
        'float_add': 2, 'float_lt': 1, 'guard_true': 1, 'jump': 1,
        'setfield_gc': 4}, 1))


def test_field_kind_change_deoptimises():
    # A field stored unboxed that is given a non-number moves the instance
    # to a map where it is an object field (Map.generalised): the loop
    # compiled for the float layout fails its map guard and the program
    # goes on with the right values.
    run = jit.run("""
        class P {}
        { var p = P(); p.x = 0; p.y = 0;
          var i = 0;
          while (i < 100) {
            if (i == 50) { var old = p.x; p.x = nil; p.x = old * 2; }
            p.x = p.x + 1; p.y = p.y + 1; i = i + 1;
          }
          print p.x + p.y; }
    """)
    assert run.output == "250\n"
    assert len(run.loops) >= 1


def test_one_guard_reaches_fields_and_class():
    # The Map holds the class: one promote (guard_value on the map) gives
    # the field layout and the method.  The receiver changes every
    # iteration (read from a field), so the loop checks that it is an
    # instance (guard_nonnull, guard_class) and its map (one guard_value),
    # then reads `v` from `floats` and `next` from `objects`.  With the
    # class in a field of its own, the method lookup needed a second
    # guard_value, on the class.
    run = jit.run("""
        class Node { value() { return this.v; } }
        { var a = Node(); var b = Node();
          a.v = 1; a.next = b; b.v = 2; b.next = a;
          var n = a; var total = 0; var i = 0;
          while (i < 100) { total = total + n.value(); n = n.next;
                            i = i + 1; }
          print total; }
    """)
    assert run.output == "150\n"
    run.check_loop("in script", with_polls({
        'float_add': 2, 'float_lt': 1, 'getarrayitem_gc_f': 1,
        'getarrayitem_gc_r': 1, 'getfield_gc_r': 3, 'guard_class': 1,
        'guard_nonnull': 1, 'guard_not_invalidated': 1, 'guard_true': 1,
        'guard_value': 1, 'jump': 1}, 1))


def test_instance_is_one_object():
    # Inline fields: building an instance with two fields that escapes
    # allocates one object, the instance of its storage class with its
    # fields in it: no array (new_array_clear), no resizable list (`new`
    # plus its array).  The class is W_Instance_2_2: `init` stores its
    # parameters, which the compiler's guess (CodeBuilder.guess_field, codebuilder.py)
    # cannot tell objects from numbers, so it leaves room for either.
    run = jit.run("""
        class Node { init(l, r) { this.l = l; this.r = r; } }
        { var keep = Node(nil, nil); var i = 0;
          while (i < 100) { keep.l = Node(keep, nil); i = i + 1; }
          print i; }
    """)
    assert run.output == "100\n"
    loop = run.the_loop("in script")
    counts = run.counts(loop)
    allocations = dict((name, counts.get(name, 0)) for name in
                       ('new_with_vtable', 'new_array_clear', 'new_array',
                        'new'))
    assert allocations == {'new_with_vtable': 1, 'new_array_clear': 0,
                           'new_array': 0, 'new': 0}, run.render()
    assert [op for op in loop.ops if op.name == 'new_with_vtable'
            and 'W_Instance_2_2' in op.text], run.render()


def test_captured_counter_is_unboxed():
    # Cell storage strategy: a captured variable that holds a number keeps
    # the float unboxed, so a closure counting in a captured variable
    # writes a float into its cell and allocates nothing (without it: a
    # W_Number per write, new_with_vtable).
    run = jit.run("""
        fun make() {
          var count = 0;
          fun next() { count = count + 1; return count; }
          return next;
        }
        { var counter = make(); var i = 0;
          while (i < 100) { counter(); i = i + 1; }
          print counter() - 1; }
    """)
    assert run.output == "100\n"
    run.check_loop("in script", with_polls({
        'arraylen_gc': 1, 'float_add': 2, 'float_lt': 1, 'guard_true': 1,
        'jump': 1, 'setfield_gc': 1}, 1))


def test_class_per_call_keeps_its_traces():
    # A class declared inside a method is a new class at every call, and
    # this one gets its fields from outside (as Lox.lox's List.add and
    # Stack.push do).  Its first instance's fields used to enlarge the new
    # class's quasi-immutable `storage` right after the trace had read it
    # to allocate the instance, so each such trace was thrown away when
    # optimised ("quasi immutable field changed during tracing") and
    # started again for the next class.  Now the CLASS instruction keeps
    # the sizes its last class reached (ClassSite, classes.py): a new class
    # starts with room for them and its storage is not written.
    run = jit.run("""
        class Stack {
          init() { this.head = nil; }
          push(value) {
            class Node { }
            var node = Node();
            node.value = value;
            node.next = this.head;
            this.head = node;
          }
        }
        var total = 0;
        for (var i = 0; i < 60; i = i + 1) {
          var s = Stack();
          s.push(i); s.push(i + 1);
          total = total + s.head.value;
        }
        print total;
    """)
    assert run.output == "1830\n"
    assert run.log.invalid == [], run.render()
    assert run.loops, run.render()
