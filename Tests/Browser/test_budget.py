"""Page-weight budget over the built site, as a static host would serve it (gzip):
a chapter page's HTML + CSS under 60 KB; all JavaScript together under 15 KB (the search
index excluded)."""

from __future__ import annotations

import gzip
from pathlib import Path

from sitetools import chapter_slugs

CHAPTER_BUDGET = 60 * 1024
SCRIPT_BUDGET = 15 * 1024


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def test_chapter_pages_within_budget(site):
    css = sum(gz(p) for p in (site.public_dir / "assets").glob("*.css"))
    assert css > 0, "no stylesheet found"
    sizes = {}
    for slug in chapter_slugs():
        page = site.public_dir / "report" / slug / "index.html"
        sizes[slug] = gz(page) + css
    report = ", ".join(f"{slug}: {size / 1024:.1f} KB" for slug, size in sizes.items())
    assert max(sizes.values()) < CHAPTER_BUDGET, f"chapter HTML + CSS over 60 KB gzip: {report}"


def test_all_javascript_within_budget(site):
    scripts = [p for p in site.public_dir.rglob("*.js") if "search" not in p.relative_to(site.public_dir).parts[:1]
               or p.parent.name == "assets"]
    total = sum(gz(p) for p in scripts)
    listing = ", ".join(f"{p.relative_to(site.public_dir)}: {gz(p)} B" for p in scripts)
    assert total < SCRIPT_BUDGET, f"JavaScript over 15 KB gzip: {listing}"


def test_search_head_start_fits_in_one_packet(site):
    """search-prefetch.js is what the search page's first results wait for on a slow link
    (Benchmarks/README-search.md, section 4): its response, headers included, stays within one
    1,500-byte packet, so it is not held back by the styles and search.js that share its round."""
    size = len(gzip.compress((site.public_dir / "assets/search-prefetch.js").read_bytes(), compresslevel=6))
    assert size <= 1300, f"assets/search-prefetch.js is {size} B gzip: over one packet with the response headers"
