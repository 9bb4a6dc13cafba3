"""Offline reading: the shipped site (offline_reading: true) served by a server this test owns.
A reader sees the size, saves, the server stops, and the chapter, a note preview and a search
still work; a changed site is noticed and updated; the copy can be removed. From file:// the
button stays hidden (service workers do not work there)."""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import ThreadingHTTPServer

import pytest
from selenium.webdriver.common.by import By

from conftest import SiteRequestHandler
from sitetools import PAGES, load, wait_until

STATUS_JS = "const s = document.querySelector('.offline-status'); return s ? s.textContent : null"


class Server:
    def __init__(self, folder, port=0):
        handler = type("Handler", (SiteRequestHandler,), {"site_root": folder, "prefix": "/"})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), lambda *a, **kw: handler(*a, directory=str(folder), **kw))
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def footer(driver):
    return driver.find_element(By.CSS_SELECTOR, ".offline-reading")


def test_button_hidden_from_a_folder(driver, site):
    load(driver, (site.public_dir / "index.html").as_uri(), settle=0.1)
    assert footer(driver).get_attribute("hidden") is not None


def test_save_read_offline_update_and_remove(driver, site):
    manifest = json.loads((site.public_dir / "offline.json").read_text(encoding="utf-8"))
    server = Server(site.public_dir)
    root = f"http://127.0.0.1:{server.port}/"
    try:
        load(driver, root, settle=0.1)
        box = footer(driver)
        assert wait_until(lambda: box.get_attribute("hidden") is None, timeout=5), "no offline button"
        save = box.find_element(By.CSS_SELECTOR, ".offline-save")
        save.click()
        # The size, before anything is stored.
        asked = wait_until(lambda: driver.execute_script(STATUS_JS), timeout=10)
        megabytes = f"{manifest['bytes'] / 1e6:.1f}"
        assert megabytes in asked and megabytes in save.text, (asked, save.text)
        assert driver.execute_script("return caches.keys()") == []
        # Progress while saving, then the saved state.
        save.click()
        seen = set()
        def done():
            text = driver.execute_script(STATUS_JS)
            seen.add(text)
            return text == box.get_attribute("data-saved")
        assert wait_until(done, timeout=120, interval=0.02), seen
        assert any(box.get_attribute("data-saving").split("…")[0] in s and "MB" in s for s in seen if s), seen
        assert box.find_element(By.CSS_SELECTOR, ".offline-remove").is_displayed()
        assert not save.is_displayed()
        wait_until(lambda: driver.execute_script("return !!navigator.serviceWorker.controller"), timeout=10)
    finally:
        server.stop()

    # The server is gone: a chapter, a note preview, a search.
    driver.set_window_size(1024, 900)
    load(driver, root + PAGES["chapter"], settle=0.1)
    assert driver.find_element(By.CSS_SELECTOR, "main h1").text
    ref = driver.find_element(By.CSS_SELECTOR, "a[role='doc-noteref']")
    driver.execute_script("window.scrollTo(0, 0); arguments[0].focus();", ref)
    assert wait_until(lambda: driver.execute_script(
        "const p = document.getElementById('note-preview'); return p && !p.hidden && p.textContent.length > 20"), timeout=5)
    driver.set_window_size(1280, 900)
    load(driver, root + "search/?q=" + urllib.parse.quote("choose this path"), settle=0.1)
    results = wait_until(lambda: driver.execute_script(
        "return [...document.querySelectorAll('#search-results a')].map(a => a.href)"), timeout=10)
    assert results, driver.find_element(By.ID, "search-status").text
    load(driver, results[0], settle=0.1)
    assert driver.find_element(By.CSS_SELECTOR, "main h1").text

    # The site changes: a new version is noticed on the next visit and stored.
    page = site.public_dir / "report" / "introduction" / "index.html"
    original_page = page.read_bytes()
    original_manifest = (site.public_dir / "offline.json").read_bytes()
    changed = original_page.replace(b"</main>", b"<p id=\"offline-test-change\">changed</p></main>", 1)
    entries = [[p, len(changed), "0badc0de"] if p == "report/introduction/index.html" else [p, n, h] for p, n, h in manifest["files"]]
    server = Server(site.public_dir, port=int(root.split(":")[2].strip("/")))
    try:
        page.write_bytes(changed)
        (site.public_dir / "offline.json").write_text(json.dumps({"version": "changed", "bytes": manifest["bytes"], "files": entries}))
        load(driver, root, settle=0.1)
        box = footer(driver)
        assert wait_until(lambda: driver.execute_script(STATUS_JS) == box.get_attribute("data-saved")
                          and driver.execute_script("return caches.keys()").__len__() == 1
                          and "changed" in driver.execute_script("return caches.keys()")[0], timeout=60), \
            (driver.execute_script(STATUS_JS), driver.execute_script("return caches.keys()"))
    finally:
        server.stop()
        page.write_bytes(original_page)
        (site.public_dir / "offline.json").write_bytes(original_manifest)
    load(driver, root + PAGES["chapter"], settle=0.1)
    assert driver.find_elements(By.ID, "offline-test-change"), "the updated page is not the one stored"

    # Removed: nothing stored, the worker unregistered.
    load(driver, root, settle=0.1)
    box = footer(driver)
    remove = box.find_element(By.CSS_SELECTOR, ".offline-remove")
    assert wait_until(lambda: remove.is_displayed(), timeout=5)
    remove.click()
    assert wait_until(lambda: driver.execute_script(STATUS_JS) == box.get_attribute("data-removed"), timeout=10)
    assert driver.execute_script("return caches.keys()") == []
    assert driver.execute_script("return navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
