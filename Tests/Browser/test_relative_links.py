"""Relative links: one build with --relative-links, opened from a folder (file://) and served
under a sub-path it was not built for, without rebuilding. In both places a reader follows the
navigation, opens a note preview and searches (the header box and the search page).
"""

from __future__ import annotations

import re
import subprocess
import threading
import urllib.parse
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import SiteRequestHandler, sitegen_bin
from sitetools import REPO_ROOT, load, severe_console_entries, wait_until

SERVED_UNDER = "/some/sub/path/"


@pytest.fixture(scope="module")
def relative_site(tmp_path_factory) -> Path:
    """The shipped site built once with --relative-links (and no base URL)."""
    out = tmp_path_factory.mktemp("relative") / "public"
    proc = subprocess.run([str(sitegen_bin()), "build", "--strict", "--relative-links", "--output", str(out)],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def served(relative_site):
    """The same folder served by a small Python server under /some/sub/path/."""
    handler = type("Handler", (SiteRequestHandler,), {"site_root": relative_site, "prefix": SERVED_UNDER})
    server = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a, **kw: handler(*a, directory=str(relative_site), **kw))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SERVED_UNDER}"
    server.shutdown()
    server.server_close()


def test_no_page_names_the_root(relative_site):
    """Every internal address is relative: none starts with / (the build had base path /)."""
    offenders = []
    for page in relative_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for m in re.finditer(r'\s(href|src|action|poster)="(/[^"]*)"', html):
            if not m.group(2).startswith("//"):
                offenders.append(f"{page.relative_to(relative_site)}: {m.group(0).strip()}")
    assert not offenders, offenders[:10]
    # Every search index file has its script twin.
    for json_file in (relative_site / "search").glob("*.json"):
        script = json_file.with_suffix(".js")
        assert script.is_file(), script
        assert script.read_text(encoding="utf-8").startswith("(self.sitegenIndex=")


def roots(relative_site, served):
    return {"file": relative_site.as_uri() + "/", "subpath": served}


@pytest.mark.parametrize("where", ["file", "subpath"])
def test_navigation_note_preview_and_search(driver, relative_site, served, where):
    root = roots(relative_site, served)[where]
    load(driver, root + "index.html", settle=0.1)
    # Navigation: the header's link to the full report, then the site title back home.
    link = driver.find_element(By.CSS_SELECTOR, ".site-nav-list a[href$='report/full/index.html']")
    link.click()
    wait_until(lambda: driver.current_url.endswith("report/full/index.html"), timeout=10)
    assert driver.current_url == root + "report/full/index.html"
    assert driver.find_elements(By.CSS_SELECTOR, "link[rel=stylesheet]")
    # The stylesheet applied (it moves the skip link out of view): resolved from the page's folder.
    assert driver.execute_script("return getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"

    # A chapter, reached by its link in the contents of the home page.
    driver.find_element(By.CSS_SELECTOR, "a.site-title").click()
    wait_until(lambda: driver.current_url == root + "index.html", timeout=10)
    chapter = driver.find_element(By.CSS_SELECTOR, "main a[href^='report/'][href$='/index.html']")
    chapter.click()
    wait_until(lambda: "/report/" in driver.current_url, timeout=10)
    assert driver.current_url.startswith(root + "report/")

    # A note preview: focusing a note reference shows the note's text beside it (below the
    # margin-note breakpoint; wider, the note already stands beside the reference).
    driver.set_window_size(1024, 900)
    ref = driver.find_element(By.CSS_SELECTOR, "a[role='doc-noteref']")
    driver.execute_script("window.scrollTo(0, 0); arguments[0].focus();", ref)
    preview = wait_until(lambda: driver.execute_script(
        "const p = document.getElementById('note-preview'); return p && !p.hidden ? p.textContent : null"), timeout=5)
    note_id = urllib.parse.unquote(ref.get_attribute("href").split("#")[1])
    note_text = driver.execute_script("return document.getElementById(arguments[0]).textContent", note_id)
    assert preview, "no note preview"
    assert note_text.strip()[:40] in preview
    driver.set_window_size(1280, 900)

    # The search box: results from the index (scripts from file://, JSON over HTTP).
    box = driver.find_element(By.ID, "site-search")
    box.click()
    box.send_keys("defector")
    links = wait_until(lambda: driver.execute_script(
        "return [...document.querySelectorAll('.site-search-panel .search-results a')].map(a => a.href)"), timeout=10)
    assert links, driver.execute_script("return document.querySelector('.site-search-panel').textContent")
    assert all(h.startswith(root) and re.search(r"(index\.html|\.html)(#.*)?$", h) for h in links), links[:3]
    driver.get(links[0])
    wait_until(lambda: driver.execute_script("return document.readyState") == "complete", timeout=10)
    assert driver.find_elements(By.CSS_SELECTOR, "main h1, main h2")

    # The search page, with the query in its address.
    load(driver, root + "search/index.html?q=" + urllib.parse.quote("choose this path"), settle=0.1)
    results = wait_until(lambda: driver.execute_script(
        "return [...document.querySelectorAll('#search-results a')].map(a => a.href)"), timeout=10)
    assert results, driver.find_element(By.ID, "search-status").text
    assert "No results" not in driver.find_element(By.ID, "search-status").text
    errors = [e for e in severe_console_entries(driver) if "favicon" not in e["message"]]
    if where == "subpath":
        assert not errors, errors
