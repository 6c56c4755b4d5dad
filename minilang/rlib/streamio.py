"""Files and file descriptors, in bytes (the job of rpython.rlib.streamio).

Under RPython a `str` is a byte string.  On CPython 3 the bytes are decoded
as latin-1, so that every byte is one character and encoding the output as
latin-1 gives back exactly the same bytes.
"""

import os as _os

from minilang.rlib import host
#> step 4 standard input, and Ctrl-C
from minilang.rlib.signals import interrupt_requested as _interrupt_requested
#< step 4

if host.HAVE_RPYTHON:
    import errno as _errno

    def read_file(path):
        """The whole file as a byte string; raises OSError if unreadable."""
        fd = _os.open(path, _os.O_RDONLY, 0o777)
        try:
            chunks = []
            while True:
                data = _os.read(fd, 65536)
                if not data:
                    break
                chunks.append(data)
        finally:
            _os.close(fd)
        return ''.join(chunks)

    def write_bytes(fd, s):
        """All of `s` to fd; raises OSError if it cannot."""
        while s:
            try:
                n = _os.write(fd, s)
            except OSError as e:
                # A Ctrl-C while waiting to write: write again (the
                # program sees the Ctrl-C at its next poll).
                if e.errno == _errno.EINTR:
                    continue
                raise
            s = s[n:]

    #> step 4 standard input
    def read_chunk(fd):
        """Up to 4 KB from fd; None if a Ctrl-C interrupted the wait."""
        while True:
            try:
                return _os.read(fd, 4096)
            except OSError as e:
                if e.errno != _errno.EINTR:
                    raise
                if _interrupt_requested():
                    return None
    #< step 4

else:
    #> step 4
    import select as _select
    #< step 4

    def read_file(path):
        """The whole file as a string; raises OSError if unreadable."""
        with open(path, 'rb') as f:
            return f.read().decode('latin-1')

    def write_bytes(fd, s):
        """All of `s` to fd; raises OSError if it cannot."""
        data = s.encode('latin-1')
        while data:
            n = _os.write(fd, data)
            data = data[n:]

    #> step 4 standard input
    def read_chunk(fd):
        """Up to 4 KB from fd; None if a Ctrl-C came while waiting."""
        # A program may read in a thread other than the main one (where
        # the signal handler runs), and a signal cannot interrupt a read
        # there, so this waits in short steps and checks for a Ctrl-C in
        # between.
        while True:
            ready = _select.select([fd], [], [], 0.05)[0]
            if _interrupt_requested():
                return None
            if ready:
                return _os.read(fd, 4096).decode('latin-1')
    #< step 4
