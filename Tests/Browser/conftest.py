"""Fixtures for the browser tests of `pia serve`: a server on a free loopback
port over a copy of Examples/, and headless Chromium driven by Selenium.

Environment: PIA (the pia binary, default .build/debug/pia), CHROMIUM
(default /usr/lib/chromium/chromium), CHROMEDRIVER (default /usr/bin/chromedriver).
"""

import os
import pathlib
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
URL_LINE = re.compile(r"^pia serve: (http://127\.0\.0\.1:(\d+))/login\?token=([0-9a-f]{64})$")


class Server:
    """A running `pia serve` and the address it printed."""

    def __init__(self, process, base, login, workspace):
        self.process = process
        self.base = base
        self.login = login
        self.workspace = workspace


def start_server(workspace, extra=()):
    binary = os.environ.get("PIA", str(ROOT / ".build" / "debug" / "pia"))
    process = subprocess.Popen(
        [binary, "serve", "--workspace", str(workspace), "--port", "0", "--patterns", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    ready, _, _ = select.select([process.stdout], [], [], 60)
    if not ready:
        process.kill()
        raise RuntimeError("pia serve printed nothing within 60 s")
    line = process.stdout.readline().rstrip("\n")
    match = URL_LINE.match(line)
    if not match:
        process.kill()
        raise RuntimeError(f"unexpected first line: {line!r}; stderr: {process.stderr.read()}")
    return Server(process, match.group(1), line[len("pia serve: "):], workspace)


def stop_server(server):
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def server():
    workspace = pathlib.Path(tempfile.mkdtemp(prefix="pia-browser-"))
    for example in (ROOT / "Examples").glob("*.pia.yaml"):
        shutil.copy(example, workspace / example.name)
    running = start_server(workspace)
    yield running
    stop_server(running)
    shutil.rmtree(workspace, ignore_errors=True)


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/lib/chromium/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                 "--window-size=1000,900", "--lang=en-CA"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = webdriver.Chrome(service=service, options=options)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def signed_in(driver, server):
    driver.get(server.login)
    WebDriverWait(driver, 10).until(lambda d: d.current_url == server.base + "/")
    return driver


def wait_for_new_page(driver, action):
    """Runs `action` (which navigates) and waits until the new page has loaded."""
    driver.execute_script("window.__oldPage = true")
    action()
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return !window.__oldPage && document.readyState === 'complete'"))
