"""The repository stands on its own: every relative link in its Markdown
documents leads to a file or folder inside it (and a `#fragment` to a
heading of the linked document), so a fresh clone has everything its docs
point to."""

import os
import re

from runner import ROOT

# Folders that are not the project's documents: environments, build output.
SKIP_DIRS = {".env", ".git", ".pytest_cache", "build", "bin", "__pycache__",
             "node_modules"}

INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?"
                         r"(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def markdown_files():
    for directory, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(files):
            if name.endswith(".md"):
                yield os.path.join(directory, name)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def links(text):
    """The link targets of a Markdown text, outside code blocks and code
    spans (where `[a](b)` is not a link)."""
    text = FENCE.sub("", text)
    text = CODE_SPAN.sub(lambda m: " " * len(m.group(0)) if "](" in
                         m.group(0) else m.group(0), text)
    return INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped,
    spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    text = FENCE.sub("", read(path))
    return {slug(m) for m in re.findall(r"^#{1,6}\s+(.*?)\s*#*\s*$", text,
                                        re.M)}


def broken_links(path):
    problems = []
    for target in links(read(path)):
        if SCHEME.match(target):
            continue                     # http:, https:, mailto: ...
        file_part, _, fragment = target.partition("#")
        if file_part:
            resolved = os.path.normpath(
                os.path.join(os.path.dirname(path), file_part))
        else:
            resolved = path
        inside = os.path.commonpath([ROOT, resolved]) == ROOT
        if not inside:
            problems.append("%s leaves the repository" % target)
        elif not os.path.exists(resolved):
            problems.append("%s does not exist" % target)
        elif fragment and resolved.endswith(".md") and \
                fragment not in anchors(resolved):
            problems.append("%s: no heading #%s" % (target, fragment))
    return problems


def test_there_are_docs():
    names = [os.path.relpath(p, ROOT) for p in markdown_files()]
    assert "README.md" in names
    assert os.path.join("docs", "LANGUAGE.md") in names


def test_every_relative_link_resolves_inside_the_repository():
    problems = []
    for path in markdown_files():
        for problem in broken_links(path):
            problems.append("%s: %s" % (os.path.relpath(path, ROOT), problem))
    assert problems == []


def test_the_readme_links_the_language_spec():
    assert "docs/LANGUAGE.md" in links(read(os.path.join(ROOT, "README.md")))


def test_the_spec_lists_every_command_line_option():
    # Section 9's table and commandline.OPTIONS (which makes --help) name the same
    # options, short forms included.
    from minilang.commandline import OPTIONS
    text = read(os.path.join(ROOT, "docs", "LANGUAGE.md"))
    section = text[text.index("## 9. Command line"):text.index("## 10.")]
    rows = re.findall(r"^\s*\| (`-.*?) \|", section, re.M)
    documented = sorted(re.findall(r"`(-[^`\s]*)", " ".join(rows)))
    declared = sorted([o.name for o in OPTIONS] +
                      [o.short for o in OPTIONS if o.short])
    assert documented == declared


# The checker itself, on made-up documents: it must be able to fail.

def test_link_checker_finds_broken_and_outside_links(tmp_path, monkeypatch):
    import test_docs
    monkeypatch.setattr(test_docs, "ROOT", str(tmp_path))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "A.md").write_text("# Title\n\n## 2. Two words\n")
    doc = tmp_path / "README.md"
    doc.write_text(
        "[ok](docs/A.md) [ok](docs/A.md#2-two-words) [ok](#top)\n"
        "[web](https://example.org/x) `[code](nowhere.md)`\n"
        "```\n[fenced](nowhere.md)\n```\n"
        "[gone](docs/B.md) [out](../outside/LANGUAGE.md)\n"
        "[anchor](docs/A.md#three)\n\n# Top\n\n[ref]: missing/\n")
    assert broken_links(str(doc)) == [
        "docs/B.md does not exist",
        "../outside/LANGUAGE.md leaves the repository",
        "docs/A.md#three: no heading #three",
        "missing/ does not exist"]


# ------------------------------------------------------ the module tour

def tour_names(docstring):
    """The file names the tour of minilang/__init__.py lists, in order (its
    reading order, then what to skip on a first read): the first word of
    each line indented four spaces that names a .py file or a folder/."""
    return re.findall(r"^    (\S+\.py|\S+/)\s", docstring, re.M)


def test_the_module_tour_names_every_module_once():
    import minilang
    package = os.path.join(ROOT, "minilang")
    modules = [name for name in os.listdir(package)
               if name.endswith(".py") and name != "__init__.py"]
    modules += [name + "/" for name in os.listdir(package)
                if os.path.isfile(os.path.join(package, name, "__init__.py"))]
    tour = tour_names(minilang.__doc__)
    assert len(tour) == len(set(tour)), "named twice: %s" % tour
    missing = sorted(set(modules) - set(tour))
    unknown = sorted(set(tour) - set(modules))
    assert not missing, "modules the tour does not name: %s" % missing
    assert not unknown, "the tour names modules that do not exist: %s" % unknown


def test_the_tour_check_sees_a_missing_module():
    assert tour_names("x\n\n    lexer.py          tokens\n    rlib/   stand-"
                      "ins\n    clox_size  a column\n") == ["lexer.py", "rlib/"]
