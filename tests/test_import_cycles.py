"""No module of minilang/ (the rlib package included) imports itself
through others: the import graph, read from the source with `ast`
(imports inside functions too), has no cycle."""

import ast
import os

from runner import ROOT

PACKAGE = os.path.join(ROOT, "minilang")


def module_files():
    """{dotted module name: path} for every module of minilang/."""
    found = {}
    for directory, _, names in os.walk(PACKAGE):
        for name in names:
            if not name.endswith(".py"):
                continue
            path = os.path.join(directory, name)
            parts = os.path.relpath(path, ROOT)[:-3].split(os.sep)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imported(tree, modules):
    """The modules of `modules` that a module's syntax tree imports, with
    the packages they are in (importing a.b.c runs a/__init__.py and
    a/b/__init__.py first)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module)
            # `from package import module` imports the module.
            names.update(node.module + "." + alias.name
                         for alias in node.names)
    found = set()
    for name in names:
        parts = name.split(".")
        for end in range(1, len(parts) + 1):
            prefix = ".".join(parts[:end])
            if prefix in modules:
                found.add(prefix)
    return found


def import_graph():
    modules = module_files()
    graph = {}
    for name, path in modules.items():
        with open(path) as f:
            tree = ast.parse(f.read(), path)
        graph[name] = imported(tree, modules) - {name}
    return graph


def find_cycle(graph):
    """One cycle of the graph as a list of its nodes (first repeated at
    the end), or None."""
    state = {}                  # node -> "open" while on the path, "done"
    path = []

    def visit(node):
        state[node] = "open"
        path.append(node)
        for successor in sorted(graph[node]):
            if state.get(successor) == "open":
                return path[path.index(successor):] + [successor]
            if successor not in state:
                cycle = visit(successor)
                if cycle:
                    return cycle
        path.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_find_cycle_finds_one():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_the_graph_sees_imports_inside_functions():
    tree = ast.parse("def f():\n    from minilang import streams\n")
    modules = {"minilang": "", "minilang.streams": ""}
    assert imported(tree, modules) == {"minilang", "minilang.streams"}


def test_the_graph_has_the_rlib_package():
    graph = import_graph()
    assert "minilang.rlib.streamio" in graph["minilang.streams"]
    #> step 8 (before it, rlib/ holds only the stand-ins: no host.py)
    assert "minilang.rlib" in graph["minilang.rlib.jit"]
    #< step 8


def test_no_import_cycle_in_minilang():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)
