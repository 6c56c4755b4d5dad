"""What the JIT makes of minilang's loops: one test per technique and per
deoptimisation path.  See tests/jit/README.md for how to write one.

Each test runs a small Lox program with the JIT (jitview.harness: the
interpreter is built for the JIT once per session; a program then takes a
few seconds), checks what it printed, and asserts the exact operations of
the compiled loop body (or bridge): counts by operation name, as RPython's
check_simple_loop counts them, except that pure operations whose result is
unused are left out (the backend emits no code for them).  A wrong
expectation fails with the actual counts and the annotated listing of
every trace.

The counts are those of the current interpreter; the comment of each test
says which technique they show and what would appear without it.  Every
loop also polls for Ctrl-C at its backward jump (three operations, see
interpreter.check_interrupt; a call the tracer inlines does not poll):
`with_polls(counts, n)` adds n of them.
"""

from jitview.harness import Harness, with_polls

jit = Harness()


def test_counting_loop_is_unboxed():
    # Locals live in the virtualizable frame and W_Number boxes do not
    # escape, so the loop is float arithmetic and one guard: no
    # allocation (new_with_vtable), no read or write of the frame.
    run = jit.run("{ var i = 0; while (i < 100) i = i + 1; print i; }")
    assert run.output == "100\n"
    run.check_simple_loop(with_polls({
        'float_add': 1, 'float_lt': 1, 'guard_true': 1, 'jump': 1}, 1))


def test_call_is_inlined():
    # A call inside the loop is traced through (call_closure is not
    # opaque to the JIT): the callee's Code is a constant of the trace, so
    # its frame is virtual, never allocated, and no call remains; what is
    # left of `inc` is its float_add.  (The constant Code comes from
    # call_closure's promote, and also from the JIT itself: an inlined
    # call's greens are made constants.  Removing the promote leaves this
    # test passing; the recursion test needs it.)
    run = jit.run("""
        fun inc(x) { return x + 1; }
        { var i = 0; while (i < 100) i = inc(i); print i; }
    """)
    assert run.output == "100\n"
    run.check_simple_loop(with_polls({
        'float_add': 1, 'float_lt': 1, 'guard_not_invalidated': 1,
        'guard_true': 1, 'jump': 1}, 1))


def test_recursion_calls_compiled_code():
    # Recursion deeper than the JIT inlines: the recursive function gets a
    # compiled entry of its own, and the loop calls it with call_assembler
    # (a direct call into compiled code, the callee's frame allocated for
    # it: new_with_vtable, new_array_clear) instead of a residual call to
    # the interpreter.  That needs the callee's Code to be a constant of the
    # trace, as for inlining.  `count` is a global never reassigned, so the
    # closure called is a constant too (globalscope.GlobalCell): no read of
    # the global and no guard on the closure.  One Ctrl-C poll, at the
    # loop's backward jump: the callee's compiled code polls as it starts.
    run = jit.run("""
        fun count(n) { if (n == 0) return 0; return 1 + count(n - 1); }
        { var i = 0; var s = 0;
          while (i < 20) { s = s + count(10); i = i + 1; }
          print s; }
    """)
    assert run.output == "200\n"
    run.check_loop("in script", with_polls({
        'call_assembler_r': 1, 'float_add': 2, 'float_lt': 1,
        'force_token': 1, 'getfield_gc_f': 1, 'guard_no_exception': 1,
        'guard_nonnull_class': 1, 'guard_not_forced': 1,
        'guard_not_invalidated': 1, 'guard_true': 1, 'jump': 1,
        'keepalive': 1, 'new_array_clear': 1, 'new_with_vtable': 1,
        'setarrayitem_gc': 2, 'setfield_gc': 7}, 1))


def test_only_compiled_entries_poll_for_ctrl_c():
    # A function's start polls for Ctrl-C (execute, `if pc == 0`), but not
    # in a call the tracer inlines (its frame is virtual).  A tree walk's
    # compiled entry inlines several levels of the recursion (float_sub:
    # one `n - 1` per level) and polls once, where it starts; the bridges
    # that go deeper call that entry with call_assembler and do not poll
    # themselves: every path of the recursion through machine code passes
    # the entry's poll, so Ctrl-C still stops it.  Polling at every call
    # instead, the entry had a poll per inlined call.
    run = jit.run("""
        fun walk(n) { if (n < 1) return 1; return walk(n - 1) + walk(n - 1); }
        var s = 0;
        for (var i = 0; i < 30; i = i + 1) s = s + walk(10);
        print s;
    """)
    assert run.output == "30720\n"
    entry = run.the_loop("in walk")
    assert entry.loop_type == "entry bridge"
    counts = entry.counts(0)
    assert counts['float_sub'] >= 4, run.render()
    assert counts['getfield_raw_i'] == 1, run.render()
    calls = 0
    for bridge in run.bridges:
        counts = bridge.counts(0)
        assert counts.get('getfield_raw_i', 0) == 0, run.render()
        calls += counts.get('call_assembler_r', 0)
    assert calls >= 2


def test_strings_of_different_lengths_compare_without_a_call():
    # W_String.equals compares the lengths first: `w == "while"` with a
    # 4-letter w is a strlen and a guard, no call; the lengths are
    # equal only for "this", whose characters are compared by a call of
    # RPython's string equality (call_i).  The words are built at run
    # time, so none is the literal's object, and the loop goes round a
    # ring of two, so no comparison is the same every iteration.
    run = jit.run("""
        class Node { init(text) { this.text = text; } }
        var a = Node("th" + "is");
        var b = Node("t" + "his");
        a.next = b;
        b.next = a;
        {
          var node = a;
          var n = 0;
          for (var i = 0; i < 100; i = i + 1) {
            var w = node.text;
            if (w == "while") n = n + 1;
            if (w == "class") n = n + 2;
            if (w == "this") n = n + 4;
            node = node.next;
          }
          print n;
        }
    """)
    assert run.output == "400\n"
    counts = run.the_loop().counts(run.the_loop().body_start())
    assert counts.get('call_i', 0) == 1, run.render()
    assert counts.get('strlen', 0) <= 1, run.render()


def test_global_lookup_is_folded():
    # Globals: the name -> cell lookup is @elidable on a quasi-immutable
    # version, so in the loop only the cell's value is written: no call (no
    # dictionary lookup), no read of the Globals object.  `g` changes every
    # iteration, so its cell stopped being a constant and holds its float
    # unboxed (GlobalCell): one setfield of a float, no W_Number allocated;
    # the value read is the one written in the previous iteration.
    run = jit.run("var g = 0; while (g < 100) g = g + 1; print g;")
    assert run.output == "100\n"
    run.check_simple_loop(with_polls({
        'float_add': 1, 'float_lt': 1, 'guard_not_invalidated': 1,
        'guard_true': 1, 'jump': 1, 'setfield_gc': 1}, 1))


def test_new_global_invalidates_the_loop():
    # The loop in `work` relied on the set of global names (Globals.version
    # is quasi-immutable: guard_not_invalidated, no code).  Defining a new
    # global changes the version: the compiled loop is invalidated, and the
    # second call of `work` traces and compiles it again.
    run = jit.run("""
        fun work() { var i = 0; while (i < 100) i = i + step; return i; }
        var step = 1;
        print work();
        var other = 2;
        print work();
    """)
    assert run.output == "100\n100\n"
    assert len(run.loops) == 2, run.render()
    for loop in run.loops:
        assert "in work" in loop.name
        run.check(loop, with_polls({
            'float_add': 1, 'float_lt': 1, 'guard_not_invalidated': 1,
            'guard_true': 1, 'jump': 1}, 1))


def test_method_lookup_is_folded():
    # `a.m` then a call: the class is promoted and find_method is
    # @elidable behind the class's quasi-immutable version, so the lookup
    # leaves nothing in the loop; the bound method is virtual and the call
    # inlined.  Only the additions and the loop test remain.
    run = jit.run("""
        class A { m() { return 1; } }
        var a = A();
        { var i = 0; var s = 0;
          while (i < 100) { var f = a.m; s = s + f(); i = i + 1; }
          print s; }
    """)
    assert run.output == "100\n"
    run.check_simple_loop(with_polls({
        'float_add': 2, 'float_lt': 1, 'guard_not_invalidated': 1,
        'guard_true': 1, 'jump': 1}, 1))


def test_invoke_is_folded():
    # `a.m()` compiles to INVOKE: method lookup and call in one
    # instruction, no bound method.  The class is a constant, its version
    # quasi-immutable: nothing of the lookup is left in the loop.
    run = jit.run("""
        class A { m() { return 1; } }
        var a = A();
        { var i = 0; var s = 0;
          while (i < 100) { s = s + a.m(); i = i + 1; }
          print s; }
    """)
    assert run.output == "100\n"
    run.check_simple_loop(with_polls({
        'float_add': 2, 'float_lt': 1, 'guard_not_invalidated': 1,
        'guard_true': 1, 'jump': 1}, 1))


def test_super_call_is_folded():
    # `super.m()` (SUPER_INVOKE): the superclass comes from a captured
    # cell; find_method promotes it, so the lookup folds as for INVOKE and
    # both methods are inlined.
    run = jit.run("""
        class A { m() { return 1; } }
        class B < A { m() { return super.m() + 1; } }
        var b = B();
        { var i = 0; var s = 0;
          while (i < 100) { s = s + b.m(); i = i + 1; }
          print s; }
    """)
    assert run.output == "200\n"
    run.check_simple_loop(with_polls({
        'float_add': 2, 'float_lt': 1, 'guard_not_invalidated': 1,
        'guard_true': 1, 'jump': 1}, 1))


def test_captured_local_lives_in_a_cell():
    # `i` is captured by `get`, so it lives in a Cell (MAKE_CELL): the loop
    # writes the cell's value (setfield; the value read is the one written
    # in the previous iteration).  The cell keeps a number unboxed
    # (functions.Cell), so no W_Number is allocated.  An uncaptured local
    # costs nothing at all (test_counting_loop_is_unboxed).
    run = jit.run("""
        { var i = 0; fun get() { return i; }
          while (i < 100) i = i + 1;
          print get(); }
    """)
    assert run.output == "100\n"
    run.check_simple_loop(with_polls({
        'float_add': 1, 'float_lt': 1, 'guard_true': 1, 'jump': 1,
        'setfield_gc': 1}, 1))


def test_closure_upvalue():
    # A closure called in a loop, updating a variable it captured
    # (GET_UPVALUE / SET_UPVALUE).  The call is inlined, and finding the
    # Cell (closure -> cells list -> cell) is loop-invariant, done once
    # before the loop: every iteration writes the cell's value only, an
    # unboxed float (no W_Number allocated).  Two Ctrl-C polls: the loop's
    # backward jump and the inlined call.
    run = jit.run("""
        fun make() { var n = 0; fun inc() { n = n + 1; return n; }
                     return inc; }
        var c = make();
        { var i = 0; while (i < 100) { c(); i = i + 1; } print c(); }
    """)
    assert run.output == "101\n"
    run.check_loop("in script", with_polls({
        'float_add': 2, 'float_lt': 1, 'guard_not_invalidated': 1,
        'guard_true': 1, 'jump': 1, 'setfield_gc': 1}, 1))


def test_field_access_uses_the_map():
    # Instances keep fields in arrays laid out by their Map (a hidden
    # class).  The map is promoted and its lookups are @elidable, so in
    # the loop a field access is a read or write of an array: no call, no
    # dictionary, not even a guard on the map (it was checked once, before
    # the loop).  The field has only held numbers, so the map stores it
    # unboxed in the `floats` array: no W_Number allocated.  (The
    # arraylen_gc is the optimiser re-deriving the array's length for the
    # next iteration; the x86 backend emits no code for it.)
    run = jit.run("""
        class P {}
        { var p = P(); p.y = 0; p.x = 0;
          var i = 0;
          while (i < 100) { p.x = p.x + 1; i = i + 1; }
          print p.x; }
    """)
    assert run.output == "100\n"
    run.check_simple_loop(with_polls({
        'arraylen_gc': 1, 'float_add': 2, 'float_lt': 1, 'guard_true': 1,
        'jump': 1, 'setarrayitem_gc': 1}, 1))


def test_field_type_change_compiles_a_new_loop():
    # The loop in `f` was compiled while `p.x` and `s` held numbers: `p` is
    # a global never reassigned (a constant), its map says `x` is a float
    # field (read unboxed; loop-invariant, so hoisted out of the body), and
    # `s`, reassigned every iteration, is a mutable global cell holding an
    # unboxed float.  Storing a string into `p.x` moves `p` to a more
    # general map, so the first loop's guard on the map (in its preamble)
    # fails on the second call of `f`; the JIT traces the loop again and
    # compiles a second one, for strings: concatenation (newstr,
    # copystrcontent) and a new W_String per iteration.
    run = jit.run("""
        class P {}
        var p = P(); p.x = 0; var s = 0;
        fun f() { var i = 0; while (i < 50) { s = s + p.x; i = i + 1; } }
        f(); p.x = "a"; s = ""; f();
        print s;
    """)
    assert run.output == "a" * 50 + "\n"
    loops = [loop for loop in run.loops if "in f" in loop.name]
    assert len(loops) == 2, run.render()
    run.check(loops[0], with_polls({
        'arraylen_gc': 1, 'float_add': 2, 'float_lt': 1,
        'guard_not_invalidated': 1, 'guard_true': 1, 'jump': 1,
        'setfield_gc': 1}, 1))
    run.check(loops[1], with_polls({
        'arraylen_gc': 1, 'copystrcontent': 2, 'float_add': 1, 'float_lt': 1,
        'getfield_gc_r': 1, 'guard_not_invalidated': 1, 'guard_true': 1,
        'int_add': 1, 'jump': 1, 'new_with_vtable': 1, 'newstr': 1,
        'setfield_gc': 2, 'strlen': 1}, 1))


def test_failing_guard_gets_a_bridge():
    # The loop was traced while `i < 30` held (guard_true); from then on
    # that guard fails every iteration, so after a few failures the JIT
    # compiles the other branch as a bridge that jumps back into the loop.
    # Both stay unboxed (locals in the virtualizable frame): the branch is
    # a comparison and a guard, its assignment one float_add.
    run = jit.run("""
        { var i = 0; var a = 0; var b = 0;
          while (i < 60) { if (i < 30) a = a + 1; else b = b + 1; i = i + 1; }
          print a + b; }
    """)
    assert run.output == "60\n"
    run.check_simple_loop(with_polls({
        'float_add': 2, 'float_lt': 2, 'guard_true': 2, 'jump': 1}, 1))
    run.check_bridges(1)
    run.check(run.bridges[0], with_polls({
        'float_add': 2, 'float_lt': 2, 'guard_false': 1, 'guard_true': 1,
        'jump': 1}, 1))


def test_closure_made_in_a_loop_is_virtual():
    # CLOSURE's operands (the function constant, then one (is_local, index)
    # pair per captured variable) are decoded from the immutable bytecode of
    # a green Code, so the decoding folds away; the new closure and the cell
    # of `x` do not escape, so neither is allocated: what is left is the
    # arithmetic.
    run = jit.run("""
        { var i = 0; var total = 0;
          while (i < 100) {
            var x = i;
            fun f() { return x + 1; }
            total = total + f();
            i = i + 1;
          }
          print total; }
    """)
    assert run.output == "5050\n"
    run.check_simple_loop(with_polls({
        'float_add': 2, 'float_lt': 1, 'guard_true': 1, 'jump': 1}, 1))
