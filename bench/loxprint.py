"""Print values the way clox's `print` statement does.

Every Python port NAME.py imports show() from here (Python finds this file
beside the script, from any working directory): numbers with C's "%g" (so
10000002 prints as "1e+07"), booleans as true/false, None as nil.
loxprint.lua does the same for the Lua ports.
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
