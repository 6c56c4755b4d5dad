"""`python -m minilang [--dis] [FILE]`: minilang on the host Python
(untranslated).  The translated binary's entry point is in targets/."""

import sys
import threading

from minilang.commandline import main
from minilang.rlib.signals import (install_signal_handlers,
                                   restore_signal_handlers)


def run_main(argv):
    """main(argv) with room for deep recursion: Lox calls nest up to
    interpreter.MAX_CALL_DEPTH deep, and each is a few Python calls, so
    this runs in a thread with a large stack and a high recursion limit."""
    sys.setrecursionlimit(200000)
    threading.stack_size(512 * 1024 * 1024)
    result = []
    # Ctrl-C reaches the main thread: its handler sets the flag that the
    # interpreter, in the other thread, polls.
    saved = install_signal_handlers()
    try:
        thread = threading.Thread(target=lambda: result.append(main(argv)))
        thread.start()
        thread.join()
    finally:
        restore_signal_handlers(saved)
    return result[0] if result else 70


def console_main():
    return run_main(sys.argv)


if __name__ == "__main__":
    sys.exit(console_main())
