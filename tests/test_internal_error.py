"""A bug inside minilang is reported as one: `minilang: internal error:`,
which exception and where, exit 70, never a Python traceback.

The bug is made by replacing a function of the untranslated interpreter,
so this runs on CPython only (make test-cpython); the binary's report of
the same kind of error (the exception's name, no place: translated code
has no tracebacks) comes from the same code in commandline.py.
"""

from runner import run


def run_source(tmp_path, source):
    path = tmp_path / "prog.lox"
    path.write_bytes(source.encode("latin-1"))
    return run([str(path)])


def test_internal_error_names_the_exception_and_where(tmp_path,
                                                      monkeypatch):
    from minilang import interpreter

    def broken(a, b):
        raise ZeroDivisionError("deliberate")
    monkeypatch.setattr(interpreter, "divide", broken)
    status, out, err = run_source(tmp_path, "print 1;\nprint 1 / 2;\n")
    assert (status, out) == (70, "1\n")
    assert err == ("minilang: internal error: unexpected ZeroDivisionError "
                   "(deliberate) at test_internal_error.py:%d in broken() (a "
                   "bug in minilang)\n" % (broken.__code__.co_firstlineno + 1))
    assert "Traceback" not in err
