"""A headless Chromium for the tests of jitview's page (jitview/html.py),
driven by Selenium (setup.cfg's test extras) through Debian's chromedriver.

`make test` installs the browser (Makefile: .env/chromium.ok, Debian's
chromium and chromium-driver packages); elsewhere the tests that need it
skip, saying what is missing.  Chromium runs as root here, without a
network: hence --no-sandbox, the switches that stop it from reaching out,
and a fresh profile directory for each browser.
"""

import os
import shutil
import tempfile

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SWITCHES = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync",
            "--window-size=1400,900"]


def missing():
    """Why no browser can be started here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return ("the Python package selenium is not installed "
                "(pip install -e .[test])")
    for path, package in ((CHROMIUM, "chromium"),
                          (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            return ("no %s (Debian: apt-get install -y chromium "
                    "chromium-driver; `make test` installs them)" % path)
    return None


class Browser(object):
    def __init__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        self.profile = tempfile.mkdtemp(prefix="jitview-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for switch in SWITCHES + ["--user-data-dir=" + self.profile]:
            options.add_argument(switch)
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER),
                                       options=options)

    def open(self, path):
        """Open a page from disk; the seconds until its script finished
        (window.jitviewReady, set as its last step), measured in the page."""
        self.driver.get("file://" + os.path.abspath(path))
        return self.driver.execute_script(
            "return window.jitviewReady === undefined ? null : "
            "window.jitviewReady / 1000")

    def quit(self):
        self.driver.quit()
        shutil.rmtree(self.profile, ignore_errors=True)


def browser_fixture():
    """A pytest fixture body: one browser for a module, or a skip."""
    why = missing()
    if why:
        pytest.skip("no browser for the page's tests: " + why)
    browser = Browser()
    yield browser
    browser.quit()
