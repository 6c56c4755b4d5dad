"""What the JIT makes of a loop that reads standard input with `read()`
(minilang/builtins.py, streams.Input).  The program's standard input is a
temporary file put in place of file descriptor 0 for the run: the
interpreter under the JIT reads the real descriptor, as the binary does.
"""

import os
import tempfile

from jitview.harness import Harness, with_polls

jit = Harness()


def run_with_stdin(data, source):
    with tempfile.TemporaryFile() as f:
        f.write(data)
        f.seek(0)
        saved = os.dup(0)
        os.dup2(f.fileno(), 0)
        try:
            return jit.run(source)
        finally:
            os.dup2(saved, 0)
            os.close(saved)


def test_read_loop_takes_bytes_from_the_buffer_without_a_call():
    # read() is no residual call: the tracer inlines Input.read_byte, so a
    # byte costs a guard that the buffer still has one (guard_false of
    # position >= length), a strgetitem and the write of the new position
    # into the Input (a prebuilt constant; its buffer is read once, before
    # the loop).  Refilling the buffer (a system call) is the guard's
    # failure path.  The W_Number of the byte is never allocated (its value
    # is the cast_int_to_float), and `b != nil` is folded away: the trace
    # knows b is a number.  The global `read` is a constant of the trace,
    # kept valid by guard_not_invalidated (globalscope.py), so the native
    # called is known and its call is traced through.
    run = run_with_stdin(b"ab" * 100, """
    {
      var sum = 0;
      var n = 0;
      var b = read();
      while (b != nil) {
        sum = sum + b;
        n = n + 1;
        b = read();
      }
      print n;
      print sum;
    }
    """)
    assert run.output == "200\n19500\n"
    run.check_simple_loop(with_polls({
        'cast_int_to_float': 1, 'float_add': 2, 'guard_false': 1,
        'guard_not_invalidated': 1,
        'int_add': 1, 'int_ge': 1, 'setfield_gc': 1, 'strgetitem': 1,
        'jump': 1}, 1))
