"""`make trace ... HTML=PAGE` (jitview --html, untranslated on Python 2.7),
its page opened in a headless Chromium (tests/browser.py).

Each make trace builds the JIT (a minute or more), so this runs in the docs
stage (`make test-docs`, next to the docs' own `make trace` commands), not
in `make test-cpython` (setup.cfg leaves it out).  Without a browser the
browser checks skip, saying why; the pages are made and read all the same.
"""

import json
import os
import subprocess

import pytest

from tests import browser as chromium

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
POINTS = "docs/tutorial/examples/ch13-maps-and-methods/points.lox"


def make_trace(tmpdir, *assignments):
    page = os.path.join(str(tmpdir), "page.html")
    done = subprocess.run(["make", "-s", "trace", "HTML=" + page]
                          + list(assignments), cwd=ROOT,
                          capture_output=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    with open(page, encoding="utf-8") as f:
        text = f.read()
    start = text.index('id="jitview-data">') + len('id="jitview-data">')
    return page, done, json.loads(text[start:text.index("</script>", start)])


@pytest.fixture(scope="module")
def loop_page(tmp_path_factory):
    return make_trace(tmp_path_factory.mktemp("loop"),
                      "FILE=examples/loop.lox")


@pytest.fixture(scope="module")
def maps_page(tmp_path_factory):
    return make_trace(tmp_path_factory.mktemp("maps"), "WITHOUT=maps",
                      "FILE=" + POINTS)


@pytest.fixture(scope="module")
def browser():
    yield from chromium.browser_fixture()


def test_untranslated_page_counts_the_runs(loop_page):
    page, done, data = loop_page
    assert b"jitview: wrote " in done.stdout
    build, = data["builds"]
    assert build["counted"], build["countsNote"]
    loop, = [t for t in build["traces"] if t["kind"] == "loop"]
    # examples/loop.lox: 100000 iterations, traced on the 3rd
    assert loop["entries"] == 1
    assert 99990 <= loop["runs"] <= 100000


def test_untranslated_page_in_a_browser(loop_page, browser):
    page, done, data = loop_page
    assert browser.open(page) is not None
    driver = browser.driver
    lines = [n for n, s in data["builds"][0]["lines"].items() if s[0]]
    driver.find_element("id", "line-%s" % lines[0]).click()
    detail = driver.find_element("id", "detail").text
    assert detail.startswith("line %s | " % lines[0])
    assert "Loop 1 entered at" in detail and "run " in detail


def test_with_and_without_a_technique(maps_page):
    page, done, data = maps_page
    default, without = data["builds"]
    assert default["name"] == "default build"
    assert without["name"] == "without maps"
    # chapter 13: without maps, `p.x` (line 17) is a dictionary lookup,
    # residual calls where the default build reads a field
    calls = []
    for build in (default, without):
        calls.append(sum(1 for t in build["traces"] for op in t["ops"]
                         if op[2] == 17 and op[1] == "call"))
    assert calls[0] < calls[1], calls


def test_with_and_without_in_a_browser(maps_page, browser):
    page, done, data = maps_page
    assert browser.open(page) is not None
    driver = browser.driver
    row = driver.find_element("id", "line-17")
    cells = [td.text for td in row.find_elements("css selector", "td")]
    default, without = data["builds"]
    a = default["lines"]["17"][2] + default["lines"]["17"][3]
    b = without["lines"]["17"][2] + without["lines"]["17"][3]
    assert cells[2:5] == [str(a), str(b),
                          ("+" if a > b else "") + str(a - b)], cells
    row.click()
    columns = driver.find_elements("css selector", "#detail .columns > div")
    assert [c.text.split("\n")[0] for c in columns] == [
        "default build", "without maps"]
