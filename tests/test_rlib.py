"""minilang/rlib/: one module per part of rpython.rlib, each with two sides.

Each module (but host.py, which decides) has one `if host.HAVE_RPYTHON:`
whose body is the real side and whose `else:` the stand-ins.  This reads
the modules' source on CPython 3, where only the stand-ins can be
imported: both branches must bind the same public names, with the same
arguments where both define a function.  tests/jit/test_rlib.py compares
the two sides as imported (on Python 2.7 with RPython and on CPython 3).
"""

import ast
import os
import re

from runner import ROOT
import rlib_sides

PACKAGE = os.path.join(ROOT, "minilang", "rlib")


def parse(module):
    path = os.path.join(PACKAGE, module + ".py")
    with open(path) as f:
        return ast.parse(f.read(), path)


def is_side_choice(node):
    """`if host.HAVE_RPYTHON:`"""
    return (isinstance(node, ast.If) and isinstance(node.test, ast.Attribute)
            and isinstance(node.test.value, ast.Name)
            and node.test.value.id == "host"
            and node.test.attr == "HAVE_RPYTHON")


def bound(statements):
    """{public name: its arguments if a `def`, else None} bound by these
    top-level statements."""
    names = {}
    for node in statements:
        if isinstance(node, ast.FunctionDef):
            names[node.name] = [a.arg for a in node.args.args] + [
                "*" + (node.args.vararg.arg if node.args.vararg else ""),
                "**" + (node.args.kwarg.arg if node.args.kwarg else "")]
        elif isinstance(node, ast.ClassDef):
            names[node.name] = None
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        names[name.id] = None
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                names[alias.asname or alias.name] = None
    return dict((name, value) for name, value in names.items()
                if not name.startswith("_"))


def sides(module):
    """(real side's names, stand-in side's names) of a module."""
    tree = parse(module)
    choices = [node for node in tree.body if is_side_choice(node)]
    assert len(choices) == 1, \
        "%s.py: no one `if host.HAVE_RPYTHON:` at top level" % module
    return bound(choices[0].body), bound(choices[0].orelse)


def static_differences(real, stand_in):
    found = []
    for name in sorted(set(real) ^ set(stand_in)):
        found.append("%s: only on the %s side" % (
            name, "real" if name in real else "stand-in"))
    for name in sorted(set(real) & set(stand_in)):
        if real[name] is not None and stand_in[name] is not None and \
                real[name] != stand_in[name]:
            found.append("%s: arguments %s, but %s in the stand-in"
                         % (name, real[name], stand_in[name]))
    return found


def test_every_module_has_two_sides_with_the_same_names():
    modules = rlib_sides.module_names()
    assert "jit" in modules
    for module in modules:
        real, stand_in = sides(module)
        assert real, module
        found = static_differences(real, stand_in)
        assert found == [], "%s.py: %s" % (module, "; ".join(found))


def test_a_missing_name_or_argument_is_found():
    real, stand_in = sides("signals")
    del stand_in["restore_signal_handlers"]
    stand_in["request_interrupt"] = ["signum", "*", "**"]
    assert static_differences(real, stand_in) == [
        "restore_signal_handlers: only on the real side",
        "request_interrupt: arguments ['*', '**'], but "
        "['signum', '*', '**'] in the stand-in"]


def test_only_host_asks_whether_rpython_is_there():
    """The other modules import rpython only on the real side, so a failing
    import there is an error (host.py tried `import rpython` alone)."""
    for module in rlib_sides.module_names():
        tree = parse(module)
        for node in tree.body:
            if is_side_choice(node):
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Try):
                    raise AssertionError("%s.py: a try at top level" % module)
                if isinstance(inner, (ast.Import, ast.ImportFrom)):
                    names = [inner.module or ""] if isinstance(
                        inner, ast.ImportFrom) else [
                        a.name for a in inner.names]
                    for name in names:
                        assert not name.startswith("rpython"), module
        choice = [node for node in tree.body if is_side_choice(node)][0]
        for node in ast.walk(ast.Module(body=choice.orelse, type_ignores=[])):
            if isinstance(node, ast.ImportFrom):
                assert not node.module.startswith("rpython"), module


def test_rlib_uses_nothing_else_of_minilang():
    """The package stands alone: its modules import only each other."""
    for name in os.listdir(PACKAGE):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(PACKAGE, name)) as f:
            tree = ast.parse(f.read())
        for node in ast.walk(tree):
            modules = []
            if isinstance(node, ast.ImportFrom):
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            for module in modules:
                if module.split(".")[0] == "minilang":
                    assert module.startswith("minilang.rlib"), (name, module)


def test_the_package_docstring_lists_its_modules():
    """(All of them: in a tutorial step some arrive later.)"""
    with open(os.path.join(PACKAGE, "__init__.py")) as f:
        text = f.read()
    listed = re.findall(r"^    (\w+)\.py ", text, re.M)
    present = [name[:-3] for name in os.listdir(PACKAGE)
               if name.endswith(".py") and name != "__init__.py"]
    assert "host" in listed and "jit" in listed
    assert sorted(set(present) - set(listed)) == []


def test_the_package_reexports_nothing():
    import minilang.rlib
    public = [name for name in vars(minilang.rlib)
              if not name.startswith("_")]
    # (Submodules imported so far appear as attributes of the package.)
    assert all(name in rlib_sides.module_names() + ["host"]
               for name in public), public
