"""`python -m minilang [--dis] [FILE]`: minilang on the host Python
(untranslated).  The translated binary's entry point is in targets/."""

import sys
#> step 2 deep recursion
import threading
#< step 2

from minilang.commandline import main
#> step 4 Ctrl-C
from minilang.rlib.signals import (install_signal_handlers,
                                   restore_signal_handlers)
#< step 4


def run_main(argv):
    #before step 2: """main(argv)."""
    #before step 2: return main(argv)
    #> step 2 deep recursion
    """main(argv) with room for deep recursion, in a thread with a large
    stack and a high recursion limit: the parser recurses as deep as the
    program nests.
    #> step 4
    Lox calls nest up to interpreter.MAX_CALL_DEPTH deep, and each is a
    few Python calls.
    #< step 4
    """
    sys.setrecursionlimit(200000)
    threading.stack_size(512 * 1024 * 1024)
    result = []
    #> step 4 Ctrl-C
    # Ctrl-C reaches the main thread: its handler sets the flag that the
    # interpreter, in the other thread, polls.
    saved = install_signal_handlers()
    try:
        thread = threading.Thread(target=lambda: result.append(main(argv)))
        thread.start()
        thread.join()
    finally:
        restore_signal_handlers(saved)
    #< step 4
    #before step 4: thread = threading.Thread(target=lambda: result.append(main(argv)))
    #before step 4: thread.start()
    #before step 4: thread.join()
    return result[0] if result else 70
    #< step 2


def console_main():
    return run_main(sys.argv)


if __name__ == "__main__":
    sys.exit(console_main())
