"""jitview's page (jitview/html.py) of a real log of the binary: bench/
richards.lox (hundreds of loops and bridges) must open in under 2 s in a
headless Chromium, its loops sorted by how often they ran
(make test-binary only: MINILANG_BIN names the binary, and without it the
test fails rather than skips; without a browser, the browser check skips,
saying why).
"""

import os
import subprocess
import sys

import pytest

from jitview import html

from tests import browser as chromium

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                    os.pardir)
RICHARDS = os.path.join(ROOT, "bench", "richards.lox")
LOOP = os.path.join(ROOT, "examples", "loop.lox")


def binary():
    path = os.environ.get("MINILANG_BIN")
    assert path, ("MINILANG_BIN is not set: this test runs bin/minilang, "
                  "through `make test-binary`")
    return path


def log_of(tmpdir, program, categories):
    log = os.path.join(str(tmpdir), "jit.log")
    done = subprocess.run([binary(), program], capture_output=True,
                          env=dict(os.environ, PYPYLOG=categories + ":" + log))
    assert done.returncode == 0, done.stderr
    with open(log, "rb") as f:
        return log, f.read().decode("latin-1")


def test_counts_need_the_jit_backend_category(tmpdir):
    # What the README and reading-a-trace.md say: the backend counts only
    # when PYPYLOG names jit-backend (jit-backend-counts alone gives an
    # empty section with this RPython).
    log, text = log_of(tmpdir, LOOP, "jit-log-opt,jit-backend-counts,"
                                     "jit-summary")
    assert html.read_counts(text) == {}
    log, text = log_of(tmpdir, LOOP, "jit-log-opt,jit-backend,jit-summary")
    counts = html.read_counts(text)
    assert counts["entry 1"] == 1
    # the loop body: 100000 iterations less the ~1040 before it was compiled
    assert 98000 < max(counts.values()) < 100000


@pytest.fixture(scope="module")
def browser():
    yield from chromium.browser_fixture()


def test_richards_page_opens_in_under_two_seconds(tmpdir, browser):
    log, text = log_of(tmpdir, RICHARDS, "jit-log-opt,jit-backend,"
                                         "jit-summary")
    page = os.path.join(str(tmpdir), "richards.html")
    done = subprocess.run([sys.executable, "-m", "jitview", "--html", page,
                           "--log", log, RICHARDS], cwd=ROOT,
                          capture_output=True)
    assert done.returncode == 0, done.stderr
    ready = browser.open(page)
    assert ready is not None and ready < 2.0, ready
    runs = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll("
        "'ul.traces > li.trace-item.loop')).map(function (li) "
        "{ return li.dataset.runs; })")
    assert len(runs) > 10 and "" not in runs
    numbers = [int(r) for r in runs]
    assert numbers == sorted(numbers, reverse=True)
    assert len(browser.driver.find_elements(
        "css selector", "li.trace-item.bridge")) > 100
