"""What each module of minilang/rlib/ gives: its public names, and for each
callable its arguments.  Imported by the tests on either Python; run as a
script, it prints the description of the side this Python gets as JSON.

tests/jit/test_rlib.py compares the two sides: the real one (Python 2.7
with RPython) and the stand-ins (CPython 3).
"""

import importlib
import inspect
import json
import os
import sys
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(ROOT, "minilang", "rlib")
# Not a side of anything: the package, and the module that picks the side.
NOT_SIDED = ["__init__.py", "host.py"]


def module_names():
    """The modules of the package that have two sides."""
    return sorted(name[:-3] for name in os.listdir(PACKAGE)
                  if name.endswith(".py") and name not in NOT_SIDED)


def arguments(func, drop_first=False):
    """[argument names, has *args, has **kwargs, number of defaults]."""
    if sys.version_info[0] >= 3:
        spec = inspect.getfullargspec(func)
        varkw = spec.varkw
    else:
        spec = inspect.getargspec(func)
        varkw = spec.keywords
    args = list(spec.args)
    if drop_first:
        args = args[1:]
    return [args, spec.varargs is not None, varkw is not None,
            len(spec.defaults or ())]


def is_exception(value):
    """Whether `except value:` catches something: an exception class, or a
    tuple of them (rpython's StackOverflow is one, untranslated)."""
    if isinstance(value, tuple):
        return len(value) > 0 and all(is_exception(v) for v in value)
    return isinstance(value, type) and issubclass(value, BaseException)


def describe_value(value):
    if is_exception(value):
        return {"kind": "exception"}
    if isinstance(value, type):
        methods = {}
        for name, method in vars(value).items():
            if not name.startswith("_") and inspect.isfunction(method):
                methods[name] = arguments(method, drop_first=True)
        init = vars(value).get("__init__")
        return {"kind": "callable",
                "arguments": (arguments(init, drop_first=True)
                              if inspect.isfunction(init) else None),
                "methods": methods}
    if inspect.isfunction(value):
        return {"kind": "callable", "arguments": arguments(value),
                "methods": {}}
    return {"kind": "value", "type": type(value).__name__}


def describe(module):
    """{public name: its description} for one module."""
    found = {}
    for name, value in vars(module).items():
        if name.startswith("_") or isinstance(value, types.ModuleType):
            continue
        found[name] = describe_value(value)
    return found


def describe_all():
    return dict((name, describe(importlib.import_module("minilang.rlib." +
                                                        name)))
                for name in module_names())


def differences(real, stand_in):
    """What differs between two sides' descriptions (from describe_all),
    as sentences; a stand-in class may lack methods of the real one."""
    found = []
    for module in sorted(set(real) | set(stand_in)):
        r = real.get(module, {})
        s = stand_in.get(module, {})
        for name in sorted(set(r) - set(s)):
            found.append("%s.%s: only on the real side" % (module, name))
        for name in sorted(set(s) - set(r)):
            found.append("%s.%s: only on the stand-in side" % (module, name))
        for name in sorted(set(r) & set(s)):
            a, b = r[name], s[name]
            where = "%s.%s" % (module, name)
            if a["kind"] != b["kind"]:
                found.append("%s: %s, but a %s stand-in"
                             % (where, a["kind"], b["kind"]))
            elif a["kind"] == "value" and a["type"] != b["type"]:
                found.append("%s: a %s, but a %s stand-in"
                             % (where, a["type"], b["type"]))
            elif a["kind"] == "callable":
                if a["arguments"] != b["arguments"]:
                    found.append("%s: arguments %s, but %s in the stand-in"
                                 % (where, a["arguments"], b["arguments"]))
                for method in sorted(b["methods"]):
                    if a["methods"].get(method) != b["methods"][method]:
                        found.append(
                            "%s.%s: arguments %s, but %s in the stand-in"
                            % (where, method, a["methods"].get(method),
                               b["methods"][method]))
    return found


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    json.dump(describe_all(), sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
