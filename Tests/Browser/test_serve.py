"""`sitegen serve` in a real browser: an edit shows up in the open tab by itself, a broken
file shows its diagnostics in an overlay over the last good page, and the fix clears it.
No console errors on the way (the preview sends `Content-Security-Policy: default-src 'self'`,
so the reload script and its overlay must live with it)."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import threading
import time

import pytest
from selenium.common.exceptions import WebDriverException

from conftest import sitegen_bin
from sitetools import REPO_ROOT, severe_console_entries, wait_until

CHAPTER = "content/report/01-introduction.md"
CHAPTER_PATH = "report/introduction/"


@pytest.fixture
def preview(tmp_path):
    """`sitegen serve --port 0` on a copy of the shipped content; yields (root, url)."""
    shutil.copytree(REPO_ROOT / "content", tmp_path / "content")
    shutil.copytree(REPO_ROOT / "templates", tmp_path / "templates")
    proc = subprocess.Popen([str(sitegen_bin()), "serve", "--port", "0", "--content", "content",
                             "--templates", "templates"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = None
        deadline = time.monotonic() + 60
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                pytest.fail("sitegen serve exited before serving", pytrace=False)
            match = re.match(r"Serving (http://\S+)", line)
            url = match.group(1) if match else None
        assert url, "sitegen serve did not print its URL"
        threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
        yield tmp_path, url
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            pytest.fail("sitegen serve did not stop on SIGINT")


def eventually(predicate, timeout: float, what: str):
    """Wait until predicate() holds (errors while the page reloads count as not yet)."""
    def attempt():
        try:
            return predicate()
        except WebDriverException:
            return False
    assert wait_until(attempt, timeout=timeout), f"timed out after {timeout} s waiting for {what}"


def main_text(driver) -> str:
    return driver.find_element("tag name", "main").text


def overlay_text(driver) -> str | None:
    return driver.execute_script(
        "const o = document.getElementById('sitegen-error-overlay'); return o ? o.textContent : null;")


def test_edit_reloads_the_open_tab_and_errors_show_in_an_overlay(driver, preview):
    root, url = preview
    chapter = root / CHAPTER
    original = chapter.read_text(encoding="utf-8")
    driver.get(url + CHAPTER_PATH)
    eventually(lambda: driver.execute_script("return document.readyState") == "complete", 30, "the page")
    h1 = driver.find_element("css selector", "h1").text
    # Mark the document: a reload replaces it, so the mark disappears.
    driver.execute_script("document.documentElement.dataset.before = 'yes'")
    # The reload script ran; give it a moment to connect to the event stream (a stream that
    # never ends does not show in resource timing).
    eventually(lambda: driver.execute_script(
        "return performance.getEntriesByType('resource').some(e => e.name.includes('/__sitegen/reload.js'))"),
        10, "the reload script")
    time.sleep(0.5)

    # 1. An edit: the tab reloads by itself and shows the new text.
    chapter.write_text(original.replace("## ", "## Edited in the browser test: ", 1), encoding="utf-8")
    eventually(lambda: "Edited in the browser test" in main_text(driver), 10, "the edit to show")
    assert driver.execute_script("return document.documentElement.dataset.before") is None
    assert overlay_text(driver) is None

    # 2. Broken front matter: an overlay lists the diagnostic; the page under it is the last good one.
    chapter.write_text("---\ntitle: [broken\n---\nText.\n", encoding="utf-8")
    eventually(lambda: overlay_text(driver) is not None, 10, "the error overlay")
    text = overlay_text(driver)
    assert "content/report/01-introduction.md:3:1: error[front-matter-invalid]" in text
    assert "the build failed" in text
    # The notes the chapter cited, no longer cited by its new text: one warning for the run of them.
    assert "1 warning besides: see the terminal" in text
    assert driver.find_element("css selector", "h1").text == h1
    assert "Edited in the browser test" in main_text(driver)
    # A new tab on the broken site: the last good page, with the overlay at once.
    driver.refresh()
    eventually(lambda: overlay_text(driver) is not None, 10, "the overlay after a refresh")
    assert "Edited in the browser test" in main_text(driver)

    # 3. The fix: the overlay goes, the fixed text shows.
    chapter.write_text(original.replace("## ", "## Fixed in the browser test: ", 1), encoding="utf-8")
    eventually(lambda: "Fixed in the browser test" in main_text(driver), 10, "the fix to show")
    eventually(lambda: overlay_text(driver) is None, 10, "the overlay to go")

    entries = severe_console_entries(driver)
    assert not entries, "console errors:\n" + "\n".join(e["message"] for e in entries)
