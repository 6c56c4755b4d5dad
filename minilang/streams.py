"""Standard output and error, buffered the same way on both Pythons.

`print` appends to a buffer that is written out in large pieces (a system
call per `print` would dominate a loop that prints); the buffer is flushed
before anything goes to standard error and when the program ends, so the
order a user sees is the order things happened.

If standard output is a pipe whose reader has gone (`minilang f | head
-1`), writing fails with EPIPE (SIGPIPE is ignored, in the binary as in
CPython), or with EBADF if it was closed (`>&-`): the output is dropped and
`OutputClosed` ends the run quietly.
An error writing standard error is ignored: there is nowhere to report it.
"""

import errno

from minilang.errors import OutputClosed
from minilang.rlib.streamio import write_bytes

FLUSH_AT = 8192


class Output(object):
    def __init__(self, fd):
        self.fd = fd
        self.pieces = []
        self.size = 0

    def write(self, text):
        self.pieces.append(text)
        self.size += len(text)
        if self.size >= FLUSH_AT:
            self.flush()

    def flush(self):
        if self.size > 0 or len(self.pieces) > 0:
            data = "".join(self.pieces)
            self.pieces = []
            self.size = 0
            try:
                write_bytes(self.fd, data)
            except OSError as e:
                if e.errno == errno.EPIPE or e.errno == errno.EBADF:
                    raise OutputClosed()
                raise


stdout = Output(1)


def write_error_line(text):
    """One line to standard error, after everything printed so far."""
    stdout.flush()
    try:
        write_bytes(2, text + "\n")
    except OSError:
        pass
