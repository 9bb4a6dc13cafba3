"""No request leaves the site's origin (no CDN, web fonts, analytics, …)."""

import pytest

from sitetools import PAGES, load

ENTRIES_JS = """
return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map(e => ({name: e.name, type: e.entryType, initiator: e.initiatorType || ''}));
"""

# Elements that make the browser fetch something (now or later: lazy images, prefetch, …).
STATIC_JS = """
const rels = /\\b(stylesheet|icon|apple-touch-icon|mask-icon|manifest|preload|modulepreload|prefetch|preconnect|dns-prefetch|prerender)\\b/i;
const urls = [];
for (const el of document.querySelectorAll('link[href]')) if (rels.test(el.rel)) urls.push(['link ' + el.rel, el.href]);
for (const el of document.querySelectorAll('script[src], img[src], source[src], iframe[src], video[src], audio[src], track[src], embed[src]')) urls.push([el.tagName.toLowerCase(), el.src]);
for (const el of document.querySelectorAll('object[data]')) urls.push(['object', el.data]);
for (const el of document.querySelectorAll('[srcset]')) for (const part of el.srcset.split(',')) if (part.trim()) urls.push(['srcset', new URL(part.trim().split(/\\s+/)[0], document.baseURI).href]);
return urls;
"""


@pytest.mark.parametrize("page", list(PAGES))
def test_requests_stay_on_origin(driver, site, page):
    url = site.url(PAGES[page])
    load(driver, url)
    entries = driver.execute_script(ENTRIES_JS)
    assert any(e["type"] == "navigation" for e in entries), "no navigation timing entry"
    outside = [e for e in entries if not e["name"].startswith(site.base_url)]
    assert not outside, f"{page}: requests outside {site.base_url}:\n" + "\n".join(
        f"  {e['type']}/{e['initiator']}: {e['name']}" for e in outside)


@pytest.mark.parametrize("page", list(PAGES))
def test_referenced_resources_are_on_origin(driver, site, page):
    load(driver, site.url(PAGES[page]), settle=0.05)
    urls = driver.execute_script(STATIC_JS)
    outside = [(kind, u) for kind, u in urls if not u.startswith(site.base_url)]
    assert not outside, f"{page}: resources referenced outside {site.base_url}: {outside}"
