"""A float's 64 bits as an integer and back (rpython.rlib.longlong2float)."""

from minilang.rlib import host

if host.HAVE_RPYTHON:
    from rpython.rlib.longlong2float import (longlong2float as _to_float,
                                              float2longlong as _to_bits)
    from rpython.rlib.rarithmetic import r_int64 as _r_int64

    def float_to_bits(x):
        return _to_bits(x)

    def bits_to_float(n):
        return _to_float(_r_int64(n))

else:
    import struct as _struct

    def float_to_bits(x):
        return _struct.unpack("<q", _struct.pack("<d", x))[0]

    def bits_to_float(n):
        return _struct.unpack("<d", _struct.pack("<q", n))[0]
