"""Metadata read in the browser: Highwire `citation_*` tags as Zotero's Embedded Metadata
translator reads them, the "Cite this report" copy button (and the text without
JavaScript), and the site served with the headers of its own `_headers` file (the
Content-Security-Policy among them) without a single CSP violation: the JSON-LD data block
is data, not script. A page with an inline script served under the same headers proves that
a violation would be seen."""

from __future__ import annotations

import fnmatch
import re
import threading
import urllib.parse
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import SiteRequestHandler
from sitetools import CONTENT_DIR, PAGES, load

# Zotero's Embedded Metadata translator (translators/Embedded Metadata.js), the part that
# reads Highwire tags: the item type from the tags present, authors split as Zotero splits
# them (cleanAuthor: "Last, First" at the comma, else at the last space), one ISBN list.
ZOTERO_READ = r"""
const tags = {};
for (const m of document.querySelectorAll('meta[name^="citation_"]')) {
  (tags[m.getAttribute('name')] ||= []).push(m.getAttribute('content'));
}
const one = k => (tags[k] || [])[0];
let itemType = 'webpage';
if (tags.citation_journal_title) itemType = 'journalArticle';
else if (tags.citation_technical_report_institution) itemType = 'report';
else if (tags.citation_inbook_title) itemType = 'bookSection';
else if (tags.citation_isbn) itemType = 'book';
const cleanAuthor = name => {
  name = name.trim();
  if (name.includes(',')) {
    const [last, first] = name.split(/,\s*/, 2);
    return {lastName: last, firstName: first || '', creatorType: 'author'};
  }
  const at = name.lastIndexOf(' ');
  return at < 0 ? {lastName: name, firstName: '', creatorType: 'author', fieldMode: 1}
                : {lastName: name.slice(at + 1), firstName: name.slice(0, at), creatorType: 'author'};
};
return {
  itemType,
  title: one('citation_title'),
  bookTitle: one('citation_inbook_title'),
  creators: (tags.citation_author || []).map(cleanAuthor),
  date: one('citation_publication_date'),
  publisher: one('citation_publisher'),
  institution: one('citation_technical_report_institution'),
  ISBN: (tags.citation_isbn || []).join(' '),
  language: one('citation_language'),
  url: location.href,
  attachments: (tags.citation_pdf_url || []).map(u => ({url: u, mimeType: 'application/pdf'})),
};
"""


def front_matter(key: str) -> str | None:
    text = (CONTENT_DIR / "index.md").read_text(encoding="utf-8").split("---")[1]
    match = re.search(rf"^{key}:\s*(.+?)\s*$", text, re.M)
    return match.group(1).strip('"') if match else None


def test_zotero_reads_the_home_page_as_a_report(driver, site):
    load(driver, site.url(PAGES["home"]))
    item = driver.execute_script(ZOTERO_READ)
    assert item["itemType"] == "report"
    assert item["title"] == f"{front_matter('title')}: {front_matter('subtitle')}"
    assert [(c["lastName"], c["firstName"]) for c in item["creators"]] == [("Kyed", "Helene Maria"), ("Lynn", "Ah")]
    assert item["date"] == front_matter("year")
    assert item["publisher"] == front_matter("publisher") == item["institution"]
    assert item["ISBN"] == f"{front_matter('isbn')} {front_matter('isbn_print')}"
    assert item["language"] == "en"


def test_zotero_reads_a_chapter_as_a_section_of_the_report(driver, site):
    load(driver, site.url(PAGES["chapter"]))
    item = driver.execute_script(ZOTERO_READ)
    assert item["itemType"] == "bookSection"
    assert item["title"] == driver.find_element("css selector", "h1").text
    assert item["bookTitle"].startswith(front_matter("title"))
    assert len(item["creators"]) == 2


def test_copy_button_copies_the_citation(driver, site):
    driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": site.origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    load(driver, site.url(PAGES["chapter"]))
    button = driver.find_element("css selector", "button.cite-copy")
    assert button.is_displayed()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    status = driver.find_element("css selector", ".cite-status")
    driver.implicitly_wait(0)
    for _ in range(50):
        if status.text:
            break
        driver.execute_script("return new Promise(r => setTimeout(r, 100))")
    assert status.text == "Copied"
    copied = driver.execute_async_script("navigator.clipboard.readText().then(arguments[0], e => arguments[0]('ERR ' + e))")
    expected = driver.find_element("css selector", "#cite-text").text
    assert copied == expected
    assert copied.startswith("Kyed, Helene Maria, and Ah Lynn. 2021. Soldier Defections in Myanmar")


def test_without_javascript_the_citation_is_text_and_no_button_shows(driver_nojs, site):
    load(driver_nojs, site.url(PAGES["home"]))
    assert not driver_nojs.find_element("css selector", "button.cite-copy").is_displayed()
    text = driver_nojs.find_element("css selector", "#cite-text").text
    assert text.startswith("Kyed, Helene Maria, and Ah Lynn. 2021.")
    links = {a.text: a.get_attribute("href") for a in driver_nojs.find_elements("css selector", ".cite-downloads a")}
    assert set(links) == {"BibTeX", "RIS", "CSL-JSON"}


# ---------------------------------------------------------------- the site under its _headers


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Netlify's format: a path pattern at the start of a line, indented `Name: value` lines."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


@pytest.fixture(scope="module")
def headers_site(site):
    """The built site served with the headers its `_headers` file gives each path, plus one
    extra page with an inline script (the control)."""
    rules = parse_headers_file((site.public_dir / "_headers").read_text(encoding="utf-8"))
    control = b"<!DOCTYPE html><title>control</title><script>document.title = 'ran'</script>"

    class Handler(SiteRequestHandler):
        site_root = site.public_dir
        prefix = "/"

        def end_headers(self):
            path = urllib.parse.urlsplit(self.path).path
            for pattern, headers in rules:
                if fnmatch.fnmatchcase(path, pattern):
                    for name, value in headers:
                        self.send_header(name, value)
            super().end_headers()

        def do_GET(self):
            if self.path == "/__csp-control__":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(control)
                return
            super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a, **kw: Handler(*a, directory=str(site.public_dir), **kw))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", rules
    server.shutdown()
    server.server_close()


def csp_violations(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser")
            if "Content Security Policy" in e["message"] or "Refused to" in e["message"]]


def test_headers_file_names_the_security_headers(headers_site):
    _, rules = headers_site
    everything = dict(next(headers for pattern, headers in rules if pattern == "/*"))
    assert everything["Content-Security-Policy"].startswith("default-src 'self'")
    assert everything["X-Content-Type-Options"] == "nosniff"
    assert everything["Referrer-Policy"] == "no-referrer"


def test_control_page_with_inline_script_is_reported(driver, headers_site):
    origin, _ = headers_site
    driver.get(origin + "__csp-control__")
    assert driver.title == "control"
    assert csp_violations(driver), "an inline script under the site's CSP must be refused and logged"


@pytest.mark.parametrize("page", ["home", "chapter", "full-report", "person", "organisation", "search", "sources"])
def test_pages_under_their_own_headers_report_no_csp_violation(driver, headers_site, page):
    origin, _ = headers_site
    load(driver, urllib.parse.urljoin(origin, PAGES[page]))
    # The JSON-LD block is there, parsed by the page's own origin as data.
    data = driver.execute_script(
        "const b = document.querySelector('script[type=\"application/ld+json\"]'); return b && JSON.parse(b.textContent)")
    assert data and data["@context"] == "https://schema.org"
    policy = driver.execute_script("return fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    assert policy and policy.startswith("default-src 'self'")
    assert csp_violations(driver) == []
