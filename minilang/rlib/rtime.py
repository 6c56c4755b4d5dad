"""The processor time used so far, in seconds (rpython.rlib.rtime)."""

from minilang.rlib import host

if host.HAVE_RPYTHON:
    from rpython.rlib import rtime as _rtime

    def processor_time():
        return _rtime.clock()

else:
    import time as _time

    def processor_time():
        return _time.process_time()
