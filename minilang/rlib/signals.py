"""Ctrl-C: a signal handler that only records it, and a poll.

RPython's C signal handler (rpython.rlib.rsignal, pypysig_setflag) only
records the signal: it sets a flag and a counter to -1.  The interpreter
polls the counter where a program can run for long (backward jumps and
calls); reading it is one load from a fixed address, which the JIT keeps
in a compiled loop as a read and a guard (PyPy does the same).  Polling,
not exiting in the handler, lets a REPL abandon a line and keep the
session, and a run flush its output before it ends.  On CPython 3,
Python's handler runs in the main thread and only sets a flag, which the
interpreter polls in the same way.
"""

from minilang.rlib import host

if host.HAVE_RPYTHON:
    from rpython.rlib import rsignal as _rsignal

    def install_signal_handlers():
        """Record Ctrl-C for interrupt_requested, and ignore SIGPIPE (a
        closed pipe makes write() fail with EPIPE instead of killing the
        process).  Returns what to give restore_signal_handlers."""
        _rsignal.pypysig_setflag(_rsignal.SIGINT)
        _rsignal.pypysig_ignore(_rsignal.SIGPIPE)
        return None

    def restore_signal_handlers(saved):
        """Ctrl-C kills the process again."""
        _rsignal.pypysig_default(_rsignal.SIGINT)

    def interrupt_requested():
        """True once after each Ctrl-C."""
        occurred = _rsignal.pypysig_getaddr_occurred()
        if occurred.c_value >= 0:
            return False
        # (The loop is in another function: the JIT would not look inside
        # this one, and make even the check above a call.)
        return _take_interrupt(occurred)

    def _take_interrupt(occurred):
        occurred.c_value = 0
        found = False
        while True:
            signum = _rsignal.pypysig_poll()
            if signum < 0:
                return found
            if signum == _rsignal.SIGINT:
                found = True

    def request_interrupt():
        """As if Ctrl-C had been pressed."""
        _rsignal.pypysig_pushback(_rsignal.SIGINT)

else:
    import signal as _signal
    import threading as _threading

    _interrupt = [False]

    def _on_sigint(signum, frame):
        _interrupt[0] = True

    def install_signal_handlers():
        """Install the SIGINT handler (if this is the main thread; a program
        running in another thread needs its main thread to call this).
        Returns what to give restore_signal_handlers."""
        if _threading.current_thread() is not _threading.main_thread():
            return None
        _interrupt[0] = False
        # Python already ignores SIGPIPE: a closed pipe is an EPIPE error.
        return _signal.signal(_signal.SIGINT, _on_sigint)

    def restore_signal_handlers(saved):
        """The SIGINT handler from before install_signal_handlers."""
        if saved is not None:
            _signal.signal(_signal.SIGINT, saved)

    def interrupt_requested():
        """True once after each Ctrl-C."""
        if _interrupt[0]:
            _interrupt[0] = False
            return True
        return False

    def request_interrupt():
        """As if Ctrl-C had been pressed."""
        _interrupt[0] = True
