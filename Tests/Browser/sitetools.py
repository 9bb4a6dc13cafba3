"""Shared constants and helpers for the browser tests (imported by conftest and tests)."""

from __future__ import annotations

import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

# SITEGEN_REPO: the repository to build (default: the one holding these tests).
REPO_ROOT = Path(os.environ.get("SITEGEN_REPO") or Path(__file__).resolve().parents[2]).resolve()
CONTENT_DIR = REPO_ROOT / "content"

NOTE_COUNT = 321
SUBPATH = "/sub/path/"

# Page type -> URL path relative to the site's base URL.
PAGES = {
    "home": "",
    "chapter": "report/introduction/",
    "notes": "report/notes/",
    "editorial-notes": "editorial-notes/",
    "document": "documents/voa-soldiers-team-up/",
    "documents-index": "documents/",
    "full-report": "report/full/",
    "abbreviations": "report/abbreviations/",
    "people-index": "people/",
    "organisations-index": "organisations/",
    "person": "people/nyi-thuta/",
    "organisation": "organisations/peoples-soldiers/",
    "sources": "sources/",
    "figures": "figures/",
    "timeline": "timeline/",
    "search": "search/?q=Nyi%20Thuta",
    "404": "no-such-page/",
}
MISSING_PAGE = PAGES["404"]


def chapter_slugs() -> list[str]:
    """Chapter slugs in reading order, from content/report/NN-slug.md (see docs/content-format.md)."""
    files = sorted(p for p in (CONTENT_DIR / "report").glob("*.md") if re.match(r"^\d+-", p.name))
    return [re.sub(r"^\d+-", "", p.stem) for p in files]


# ---------------------------------------------------------------- browser helpers

def wait_until(predicate, timeout=5.0, interval=0.05):
    """Poll predicate() until it returns a truthy value or timeout; return the last value."""
    deadline = time.monotonic() + timeout
    value = predicate()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = predicate()
    return value


def load(driver, url: str, settle: float = 0.3):
    """Navigate and wait for the load event, then until resource timing stops growing."""
    driver.get(url)
    wait_until(lambda: driver.execute_script("return document.readyState") == "complete", timeout=30)
    # Give late requests (lazy resources, scripts that fetch) a chance to show up.
    count = -1
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        time.sleep(settle)
        n = driver.execute_script("return performance.getEntriesByType('resource').length")
        if n == count:
            break
        count = n


def severe_console_entries(driver):
    """Drain the browser log and return the SEVERE entries."""
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


RECT_JS = """
const el = document.getElementById(arguments[0]);
if (!el) return null;
const r = el.getBoundingClientRect();
return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
        width: r.width, height: r.height, vh: window.innerHeight, vw: window.innerWidth};
"""


def viewport_state(driver, element_id):
    return driver.execute_script(RECT_JS, element_id)


def in_viewport(driver, element_id) -> bool:
    """True if the element exists, is rendered and its top edge lies inside the viewport."""
    r = viewport_state(driver, element_id)
    return bool(r) and r["height"] > 0 and -1 <= r["top"] < r["vh"] and r["bottom"] > 0


def current_hash(driver) -> str:
    return driver.execute_script("return window.location.hash")


# ---------------------------------------------------------------- HTTP / static HTML helpers

def fetch(url: str, timeout: float = 10):
    """GET url; return (status, final_url, body as str). HTTP errors are returned, not raised."""
    req = urllib.request.Request(url, headers={"User-Agent": "sitegen-browser-tests"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.geturl(), resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, url, err.read().decode("utf-8", "replace")


class LinkCollector(HTMLParser):
    """Collect hrefs/srcs (with the tag they come from) and all ids of a page."""

    RESOURCE_ATTRS = {
        "a": ["href"], "area": ["href"], "link": ["href"], "script": ["src"],
        "img": ["src"], "source": ["src"], "iframe": ["src"], "video": ["src", "poster"],
        "audio": ["src"], "track": ["src"], "embed": ["src"], "object": ["data"],
        "form": ["action"],
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []   # (tag, raw url)
        self.ids: set[str] = set()
        self.base_href: str | None = None

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        if d.get("id"):
            self.ids.add(d["id"])
        if tag == "base" and d.get("href") and self.base_href is None:
            self.base_href = d["href"]
        for attr in self.RESOURCE_ATTRS.get(tag, []):
            if d.get(attr) is not None:
                self.links.append((tag, d[attr]))
        if d.get("srcset"):
            for part in d["srcset"].split(","):
                if part.strip():
                    self.links.append((tag, part.strip().split()[0]))

    handle_startendtag = handle_starttag


def parse_page(url: str, html: str):
    """Return (resolved links [(tag, raw, absolute url)], ids) of an HTML page."""
    p = LinkCollector()
    p.feed(html)
    base = urllib.parse.urljoin(url, p.base_href) if p.base_href else url
    links = []
    for tag, raw in p.links:
        raw_s = raw.strip()
        if not raw_s or raw_s.startswith(("mailto:", "tel:", "javascript:", "data:")):
            continue
        links.append((tag, raw, urllib.parse.urljoin(base, raw_s)))
    return links, p.ids


def same_origin(a: str, b: str) -> bool:
    pa, pb = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    return (pa.scheme, pa.netloc) == (pb.scheme, pb.netloc)


def fragment_present(html_ids: set[str], fragment: str) -> bool:
    frag = urllib.parse.unquote(fragment)
    return frag == "" or frag == "top" or frag in html_ids
