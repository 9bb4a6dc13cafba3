"""Every page type loads without console errors."""

import pytest

from sitetools import PAGES, load, severe_console_entries


@pytest.mark.parametrize("page", list(PAGES))
def test_no_console_errors(driver, site, page):
    url = site.url(PAGES[page])
    load(driver, url)
    entries = severe_console_entries(driver)
    if page == "404":
        # The only expected error: the browser logging the page's own 404 status.
        own_status = [e for e in entries
                      if e["message"].startswith(url) and "status of 404" in e["message"]]
        assert len(own_status) == 1, f"expected exactly one 404 log entry for {url}, got {entries}"
        entries = [e for e in entries if e not in own_status]
    assert not entries, f"{page} ({url}) console errors:\n" + "\n".join(
        f"  {e['level']} {e['source'] if 'source' in e else ''} {e['message']}" for e in entries)
