"""Standard input, output and error, buffered the same way on both Pythons.

`print` appends to a buffer that is written out in large pieces (a system
call per `print` would dominate a loop that prints); the buffer is flushed
before anything goes to standard error and when the program ends, so the
order a user sees is the order things happened.

If standard output is a pipe whose reader has gone (`minilang f | head
-1`), writing fails with EPIPE (SIGPIPE is ignored, in the binary as in
CPython), or with EBADF if it was closed (`>&-`): the output is dropped and
`OutputClosed` ends the run quietly.
An error writing standard error is ignored: there is nowhere to report it.
#> step 4 standard input

Standard input is read in chunks into one buffer, `stdin`, shared by the
native `read()` (a byte at a time) and the REPL (a line at a time), so
neither loses what the other has read ahead: in the REPL, `read()` takes
the bytes that follow the line being run, and the REPL goes on after the
last byte `read()` took.  Before it waits for input, standard output is
flushed, so a prompt a program printed is seen.  End of input stays the
end: once a read returned nothing, `read()` gives `nil` from then on.  A
standard input that cannot be read (closed: `<&-`) is at its end.
#< step 4
"""

import errno

#before step 4: from minilang.errors import OutputClosed
#before step 4: from minilang.rlib.streamio import write_bytes
#> step 4
from minilang.errors import OutputClosed, Interrupted
from minilang.rlib.streamio import write_bytes, read_chunk
#< step 4

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
#> step 4 standard input


class Input(object):
    def __init__(self, fd):
        self.fd = fd
        self.buffer = ""
        self.position = 0          # of the next unread byte in buffer
        self.at_end = False

    def fill(self):
        """Read the next chunk; False at the end of input.  A Ctrl-C while
        waiting raises Interrupted."""
        if self.at_end:
            return False
        stdout.flush()
        try:
            chunk = read_chunk(self.fd)
        except OSError:
            chunk = ""
        if chunk is None:
            raise Interrupted()
        if len(chunk) == 0:
            self.at_end = True
            return False
        self.buffer = self.buffer[self.position:] + chunk
        self.position = 0
        return True

    def read_byte(self):
        """The next byte (0-255), or -1 at the end of input."""
        if self.position >= len(self.buffer):
            if not self.fill():
                return -1
        byte = ord(self.buffer[self.position])
        self.position += 1
        return byte

    def read_line(self):
        """(line, at_end): the next line with its newline, or what is left
        before the end of input (at_end is then True).  None for the line
        after a Ctrl-C, which drops what was typed of it."""
        while True:
            newline = self.buffer.find("\n", self.position)
            if newline >= 0:
                line = self.buffer[self.position:newline + 1]
                self.position = newline + 1
                return line, False
            try:
                more = self.fill()
            except Interrupted:
                self.buffer = ""
                self.position = 0
                return None, False
            if not more:
                line = self.buffer[self.position:]
                self.buffer = ""
                self.position = 0
                return line, True


stdin = Input(0)
#< step 4
