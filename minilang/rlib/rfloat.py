"""Numbers to text and back, as C does them (rpython.rlib.rfloat)."""

from minilang.rlib import host


def parse_number(s):
    """A number literal's value (RPython's float() of a string is C's)."""
    return float(s)


if host.HAVE_RPYTHON:
    from rpython.rlib.rfloat import formatd as _formatd

    def format_exponent(x, digits):
        """C's printf("%.*e", digits, x) for a finite x."""
        return _formatd(x, 'e', digits)

else:
    def format_exponent(x, digits):
        return "%.*e" % (digits, x)
