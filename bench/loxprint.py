"""Print values the way clox's `print` statement does.

The same helper as ../shared/bench/loxprint.py (kept as a copy so that each
NAME.py here runs on its own, from any directory): numbers with C's "%g"
(so 10000002 prints as "1e+07"), booleans as true/false, None as nil.
"""


def show(value):
    if value is True or value is False:
        print("true" if value else "false")
    elif value is None:
        print("nil")
    elif isinstance(value, (int, float)):
        print("%g" % value)
    else:
        print(value)
