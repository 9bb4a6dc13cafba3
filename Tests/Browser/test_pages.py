"""Every page type exists at its URL; missing URLs get the site's 404 page with status 404."""

import pytest

from sitetools import PAGES, fetch


@pytest.mark.parametrize("page", [p for p in PAGES if p != "404"])
def test_page_type_is_served(site, page):
    status, final_url, html = fetch(site.url(PAGES[page]))
    assert status == 200, f"{page}: GET {site.url(PAGES[page])} -> {status}"
    assert "<title>" in html.lower() or "<title " in html.lower(), f"{page}: no <title>"


@pytest.mark.parametrize("path", [PAGES["404"], "report/no-such-chapter/", "no-such-file.html"])
def test_missing_url_serves_404_page(site, path):
    status, _, html = fetch(site.url(path))
    assert status == 404, f"GET {site.url(path)} -> {status}, expected 404"
    assert html == (site.public_dir / "404.html").read_text(encoding="utf-8")
