"""Internal links resolve (HTTP 200, existing #fragment), at the root and under a sub-path."""

import urllib.parse

import pytest

from sitetools import PAGES, SUBPATH, fetch, parse_page, same_origin, fragment_present


def _check_links(site_obj, page_urls, require_prefix):
    """Check every internal link/resource of the given pages. Returns a list of problems."""
    problems, cache = [], {}

    def get(url):
        if url not in cache:
            status, _, body = fetch(url)
            ids = parse_page(url, body)[1] if status == 200 else set()
            cache[url] = (status, ids)
        return cache[url]

    for page_url in page_urls:
        status, _, html = fetch(page_url)
        if status != 200:
            problems.append(f"{page_url}: HTTP {status}")
            continue
        links, ids = parse_page(page_url, html)
        cache[page_url] = (200, ids)
        internal = [(tag, raw, u) for tag, raw, u in links if same_origin(u, site_obj.origin)]
        if not internal:
            problems.append(f"{page_url}: no internal links at all")
        for tag, raw, absolute in internal:
            target, fragment = urllib.parse.urldefrag(absolute)
            path = urllib.parse.urlsplit(target).path
            if require_prefix and not path.startswith(require_prefix):
                problems.append(f"{page_url}: <{tag}> {raw!r} -> {absolute} is outside {require_prefix}")
                continue
            t_status, t_ids = get(target)
            if t_status != 200:
                problems.append(f"{page_url}: <{tag}> {raw!r} -> {target}: HTTP {t_status}")
            elif fragment and not fragment_present(t_ids, fragment):
                problems.append(f"{page_url}: <{tag}> {raw!r} -> no element #{fragment} on {target}")
    return problems


def test_subpath_links_home_and_chapter(subpath_site):
    assert subpath_site.base_url.endswith(SUBPATH)
    pages = [subpath_site.url(PAGES["home"]), subpath_site.url(PAGES["chapter"])]
    problems = _check_links(subpath_site, pages, require_prefix=SUBPATH)
    assert not problems, "\n".join(problems[:80])


def test_subpath_site_root_is_not_the_site(subpath_site):
    """Guard for the fixture itself: outside the sub-path there is nothing (so links that
    drop the sub-path cannot pass by accident)."""
    status, _, _ = fetch(subpath_site.origin + "/" + PAGES["chapter"])
    assert status == 404


@pytest.mark.parametrize("variant", ["root", "subpath"])
def test_all_pages_internal_links_resolve(request, variant):
    site_obj = request.getfixturevalue("site" if variant == "root" else "subpath_site")
    prefix = urllib.parse.urlsplit(site_obj.base_url).path
    pages = [site_obj.url(p) for name, p in PAGES.items() if name != "404"]
    # The 404 page is served at arbitrary depths: its links must work from there too.
    problems = _check_links(site_obj, pages, require_prefix=prefix)
    deep = site_obj.url("deep/missing/page/")
    status, _, html = fetch(deep)
    assert status == 404
    links, own_ids = parse_page(deep, html)
    for tag, raw, u in links:
        target, fragment = urllib.parse.urldefrag(u)
        if target == deep:          # same-document link, e.g. a skip link to #main
            if not fragment_present(own_ids, fragment):
                problems.append(f"404 page: <{tag}> {raw!r} -> no element #{fragment} on the page")
        elif same_origin(u, site_obj.origin):
            t_status, _, _ = fetch(target)
            if t_status != 200:
                problems.append(f"404 page at a deep URL: <{tag}> {raw!r} -> {u}: HTTP {t_status}")
    assert not problems, "\n".join(problems[:80])
