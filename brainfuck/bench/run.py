"""Time Brainfuck programs on interpreters: each program of this folder
(NAME.b, with its expected output NAME.expected) on each binary, RUNS
times; prints the best time of each, as CPU time (user + system, from
getrusage: what a loaded machine changes least) and wall-clock time
(make bench-bf).

    python3 brainfuck/bench/run.py [--runs N] LABEL=BINARY...
"""

import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    args = argv[1:]
    runs = 3
    if args[:1] == ["--runs"]:
        runs = int(args[1])
        args = args[2:]
    columns = [a.split("=", 1) for a in args]
    if not columns or any(len(c) != 2 for c in columns):
        sys.stderr.write(__doc__)
        return 64
    programs = sorted(n[:-2] for n in os.listdir(HERE) if n.endswith(".b"))
    print("%-12s" % "program" + "".join("%24s" % (label + " cpu / wall")
                                         for label, _ in columns))
    for name in programs:
        with open(os.path.join(HERE, name + ".expected"), "rb") as f:
            expected = f.read()
        row = "%-12s" % name
        for label, binary in columns:
            best = None
            for _ in range(runs):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.time()
                out = subprocess.run([binary, os.path.join(HERE, name + ".b")],
                                     stdout=subprocess.PIPE, check=True).stdout
                wall = time.time() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime + after.ru_stime
                       - before.ru_utime - before.ru_stime)
                if out != expected:
                    sys.stderr.write("%s printed %r, not %r\n"
                                     % (label, out, expected))
                    return 1
                best = (cpu, wall) if best is None else min(best, (cpu, wall))
            row += "%13.3f s / %5.2f s" % best
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
