"""How Lox prints a number: C's printf("%g"), the same on both Pythons.

clox prints numbers with "%g".  RPython's own "%g" (rfloat.formatd with
'g') keeps a trailing zero that C drops (1000405 gives "1.00040e+06", not
"1.0004e+06"), so the rule is spelt out here on top of "%.5e", which
both Pythons format exactly as C does (rlib/rfloat.py, format_exponent).
"""

from minilang.rlib.jit import dont_look_inside
from minilang.rlib.rfloat import format_exponent


# Never hot (print_value in interpreter.py calls it, out of the JIT's reach
# already): the JIT should not even look at the formatting code.
@dont_look_inside
def format_number(x):
    """C's printf("%g", x): what Lox's `print` shows for a number.

    Built on "%.5e" (C's own rounding, from RPython's formatd or Python's
    %) by the rule C's standard gives for %g with precision P = 6: with X
    the exponent "%.5e" shows, the number is written as "%.*f" with P-1-X
    decimals if -4 <= X < P, else as "%.5e"; then trailing zeros of the
    fraction are removed, and the point if nothing follows it.  "%.*f" with
    P-1-X decimals rounds at the same digit as "%.5e", so its digits are
    the six of the mantissa, and they are reused here.
    """
    if x != x:
        return "nan"
    if x - x != 0.0:
        if x > 0.0:
            return "inf"
        return "-inf"
    text = format_exponent(x, 5)           # [-]d.ddddde[+-]XX
    sign = ""
    if text[0] == "-":
        sign = "-"
        text = text[1:]
    e = text.find("e")
    assert e >= 0
    digits = text[0] + text[2:e]           # the six significant digits
    exponent = 0
    for c in text[e + 2:]:
        exponent = exponent * 10 + (ord(c) - ord("0"))
    if text[e + 1] == "-":
        exponent = -exponent
    if -4 <= exponent < 6:
        if exponent >= 0:
            whole = digits[:exponent + 1]
            fraction = digits[exponent + 1:]
        else:
            whole = "0"
            fraction = "0" * (-exponent - 1) + digits
        return sign + whole + _point_and(_strip_zeros(fraction))
    return (sign + digits[0] + _point_and(_strip_zeros(digits[1:])) +
            text[e:])


def _strip_zeros(fraction):
    end = len(fraction)
    while end > 0 and fraction[end - 1] == "0":
        end -= 1
    assert end >= 0
    return fraction[:end]


def _point_and(fraction):
    if fraction == "":
        return ""
    return "." + fraction
