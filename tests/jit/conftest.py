# Run on Python 2.7 with rpython (make test-jit): make minilang and jitview
# importable.  The JIT is built once per session, by the first test that
# asks for it (jitview.harness.Harness is one object per process).
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
