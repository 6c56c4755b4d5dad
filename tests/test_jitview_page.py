"""jitview's page (jitview/html.py) made from stored logs of bin/minilang,
and opened in a headless Chromium (tests/browser.py; the browser tests
skip, saying why, where there is none: `make test` installs it).

tests/jitlog/markup.log: `PYPYLOG=jit-log-opt,jit-backend,jit-summary:
markup.log bin/minilang markup.lox` run in tests/jitlog, less its
jit-backend-dump and jit-backend-addr sections (machine code):
    sed -i '/{jit-backend-dump$/,/ jit-backend-dump}$/d;
            /{jit-backend-addr$/,/ jit-backend-addr}$/d' markup.log
tests/jitlog/richards.log.xz: the same for bench/richards.lox (21 loops,
422 bridges), compressed with xz -9 (its page is made without the program:
bench/ arrives at step 15 of the tutorial, these tests at step 9).
"""

import json
import lzma
import os
import re
import subprocess
import sys
import time

import pytest

from jitview import html
from jitview import log as jitlog

from tests import browser as chromium

HERE = os.path.join(os.path.dirname(__file__), "jitlog")
ROOT = os.path.join(os.path.dirname(__file__), os.pardir)
SCRIPT = '"</script><script>alert(1)</script>"'
IMG = '"<img src=x onerror=alert(2)> & &amp;"'


def read(name):
    with open(os.path.join(HERE, name), "rb") as f:
        return f.read().decode("latin-1")


def richards_log():
    with lzma.open(os.path.join(HERE, "richards.log.xz")) as f:
        return f.read().decode("latin-1")


def make_page(tmpdir, *args):
    """Run `python -m jitview --html PAGE ARGS...`: (page path, the
    finished process)."""
    page = os.path.join(str(tmpdir), "page.html")
    done = subprocess.run([sys.executable, "-m", "jitview", "--html", page]
                          + list(args), cwd=ROOT, capture_output=True)
    return page, done


def page_data(path):
    """The JSON the page embeds, read back."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.index('id="jitview-data">') + len('id="jitview-data">')
    return json.loads(text[start:text.index("</script>", start)])


# ------------------------------------------------------- without a browser

def test_counts_are_read_from_jit_backend_counts():
    counts = html.read_counts(read("markup.log"))
    assert counts["entry 1"] == 401
    assert sorted(v for k, v in counts.items()
                  if k.startswith("bridge ")) == [200, 398]


def test_each_bridge_sits_under_its_guard_with_its_share():
    data = html.from_log_text(read("markup.log"), "binary", "test")
    assert data["counted"]
    loop, = [t for t in data["traces"] if t["kind"] == "loop"]
    assert loop["runs"] == 1556 and loop["entries"] == 401
    bridges = [t for t in data["traces"] if t["kind"] == "bridge"]
    assert len(bridges) == 2
    for bridge in bridges:
        parent = data["traces"][bridge["parent"]]
        guard = parent["ops"][bridge["parentOp"]]
        assert guard[4] == bridge["guard"]             # the guard's name
        assert guard[5] == data["traces"].index(bridge)  # links to it
        assert bridge["share"] == pytest.approx(
            100.0 * bridge["runs"] / parent["runs"])


def test_lines_are_marked_by_what_the_jit_did():
    data = html.from_log_text(read("markup.log"), "binary", "test")
    lines = data["lines"]
    assert lines["5"][0] == 1                  # the for loop: in a loop
    assert lines["6"][0] == 1 and lines["6"][2] > 0
    assert "8" not in lines and "2" not in lines   # never compiled


def test_the_json_cannot_end_its_script_element():
    text = html.to_json({"s": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["s"].startswith("</script>")


def test_a_log_of_the_wrong_kind_is_refused(tmpdir):
    wrong = os.path.join(str(tmpdir), "wrong.log")
    with open(wrong, "w") as f:
        f.write("this is not a JIT log\n")
    page, done = make_page(tmpdir, "--log", wrong)
    assert done.returncode == 65
    assert b"not a JIT log" in done.stderr
    assert not os.path.exists(page)


def test_a_log_cut_short_is_shown_with_a_warning(tmpdir):
    text = read("markup.log")
    cut = os.path.join(str(tmpdir), "cut.log")
    with open(cut, "w", encoding="latin-1") as f:
        f.write(text[:text.index("jit-log-opt-bridge}")])  # inside a bridge
    page, done = make_page(tmpdir, "--log", cut)
    assert done.returncode == 0, done.stderr
    assert b"cut short" in done.stderr
    warnings = page_data(page)["builds"][0]["warnings"]
    assert any("cut short: it ends inside a jit-log-opt-bridge" in w
               for w in warnings)


# ----------------------------------------------------------- in a browser

@pytest.fixture(scope="module")
def browser():
    yield from chromium.browser_fixture()


def no_alert(driver):
    from selenium.common.exceptions import NoAlertPresentException
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def test_markup_in_the_program_is_shown_as_written(browser, tmpdir):
    page, done = make_page(tmpdir, "--log", os.path.join(HERE, "markup.log"),
                           os.path.join(HERE, "markup.lox"))
    assert done.returncode == 0, done.stderr
    ready = browser.open(page)
    driver = browser.driver
    assert ready is not None, driver.page_source[:2000]
    assert no_alert(driver)
    code = [e.text for e in driver.find_elements("css selector", "td.code")]
    assert code[1] == "var s = %s;" % SCRIPT
    assert code[2] == "var t = %s;" % IMG
    assert driver.find_elements("css selector", "img") == []
    # nothing was fetched: the page is the only resource
    assert driver.execute_script(
        "return performance.getEntriesByType('resource').length") == 0


def test_click_a_line_then_a_guard(browser, tmpdir):
    page, done = make_page(tmpdir, "--log", os.path.join(HERE, "markup.log"),
                           os.path.join(HERE, "markup.lox"))
    assert done.returncode == 0, done.stderr
    browser.open(page)
    driver = browser.driver
    row = driver.find_element("id", "line-6")
    assert "loop" in row.get_attribute("class").split()
    assert "loop" not in driver.find_element("id", "line-8") \
        .get_attribute("class")
    row.click()
    detail = driver.find_element("id", "detail")
    assert detail.text.startswith(
        "line 6 |   if (i < 2000) n = n + 1; else s = t;\n")
    assert "Loop 1" in detail.text
    guards = detail.find_elements("css selector", "div.op.guard")
    assert guards and all(g.text.startswith("GUARD") for g in guards)
    link = detail.find_element("css selector", "a.bridge-link")
    guard = link.get_attribute("data-guard")
    link.click()
    heading = driver.find_element("css selector", "#detail h2").text
    assert heading.startswith("Bridge from %s (guard_" % guard)
    assert re.search(r"run \d+ times, ~\d+% of its parent's runs",
                     driver.find_element("id", "detail").text)
    # the filter hides the operations that do not match
    box = driver.find_element("id", "filter")
    box.send_keys("jump")
    shown = [d.text for d in driver.find_elements(
        "css selector", "#detail div.op") if d.is_displayed()]
    assert shown and all("jump" in text for text in shown)
    # the summary and the aborts are on the page
    overview = driver.find_element("id", "overview")
    assert "1 loop, 2 bridges, 0 aborted traces" in overview.text


def test_markup_in_the_log_is_shown_as_written(browser, tmpdir):
    log = os.path.join(str(tmpdir), "markup-in-log.log")
    with open(log, "w") as f:
        f.write("[0] {jit-log-opt-loop\n"
                "# Loop 0 (<img src=x onerror=alert(3)> @1 (line 1 in "
                "script)) : loop with 3 ops\n[p0]\n"
                "label(p0, descr=TargetToken(7))\n"
                "debug_merge_point(0, 0, '<img src=x onerror=alert(3)> @1 "
                "(line 1 in </script>)')\n"
                "jump(p0, descr=TargetToken(7))\n"
                "[0] jit-log-opt-loop}\n"
                "[0] {jit-abort-tracing\n"
                "ABORT_TOO_LONG: <b>f</b> @3 (line 2 in script)\n"
                "[0] jit-abort-tracing}\n")
    page, done = make_page(tmpdir, "--log", log)
    assert done.returncode == 0, done.stderr
    assert b"no jit-summary" in done.stderr
    browser.open(page)
    driver = browser.driver
    assert no_alert(driver)
    assert driver.find_elements("css selector", "img") == []
    assert "aborted: ABORT_TOO_LONG at <b>f</b> @3 (line 2 in script)" in \
        driver.find_element("id", "overview").text
    assert driver.find_elements("css selector", "#overview b") == []
    assert "entered at <img src=x onerror=alert(3)> @1" in \
        driver.find_element("id", "traces").text
    driver.find_element("css selector", "a.trace").click()
    assert "(line 1 in </script>)" in \
        driver.find_element("id", "detail").text


def test_richards_opens_quickly_with_its_loops_sorted(browser, tmpdir):
    log = os.path.join(str(tmpdir), "richards.log")
    with open(log, "w", encoding="latin-1") as f:
        f.write(richards_log())
    page, done = make_page(tmpdir, "--log", log)   # no source: step 9 has no bench/
    assert done.returncode == 0, done.stderr
    assert b"21 loops, 422 bridges" in done.stdout
    start = time.time()
    ready = browser.open(page)
    assert ready is not None and ready < 2.0, ready
    assert time.time() - start < 4.0
    driver = browser.driver
    runs = driver.execute_script(
        "return Array.from(document.querySelectorAll("
        "'ul.traces > li.trace-item')).map(function (li) "
        "{ return li.dataset.runs; })")
    assert len(runs) == 21
    assert all(r != "" for r in runs)
    numbers = [int(r) for r in runs]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] > 10 ** 6
    assert len(driver.find_elements("css selector", "li.trace-item.bridge")) \
        == 422
