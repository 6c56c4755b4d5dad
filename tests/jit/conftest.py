# Run on Python 2.7 with rpython (make test-jit): make minilang importable.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
