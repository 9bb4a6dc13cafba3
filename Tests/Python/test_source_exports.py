"""The Sources page's exports are valid: sources.bib reads back with bibtexparser, and
sources.json (CSL-JSON) renders with citeproc-py in a standard style (Harvard, Cite Them Right, bundled with citeproc-py)."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site():
    binary = os.environ.get("SITEGEN", str(ROOT / ".build" / "debug" / "sitegen"))
    if not Path(binary).exists():
        subprocess.run(["swift", "build"], cwd=ROOT, check=True)
    out = Path(tempfile.mkdtemp(prefix="sitegen-exports-")) / "site"
    subprocess.run([binary, "build", "--output", str(out)], cwd=ROOT, check=True, capture_output=True)
    return out


def test_sources_page_links_both_exports(site):
    page = (site / "sources" / "index.html").read_text()
    assert 'href="/sources/sources.bib"' in page
    assert 'href="/sources/sources.json"' in page


def test_bibtex_reads_back(site):
    import bibtexparser

    text = (site / "sources" / "sources.bib").read_text()
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks][:3]
    entries = library.entries
    assert len(entries) > 50
    keys = [e.key for e in entries]
    assert len(keys) == len(set(keys))
    # Every entry says which notes cite it and has a title or an author.
    for entry in entries:
        fields = {f.key for f in entry.fields}
        assert "note" in fields and ("title" in fields or "author" in fields), entry.key


def test_csl_json_renders_in_a_standard_style(site):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads((site / "sources" / "sources.json").read_text())
    assert len(items) > 50
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    # A journal article renders with its author and year.
    article = next(i for i in items if i["type"] == "article-journal" and "family" in i.get("author", [{}])[0])
    assert article["author"][0]["family"] in " ".join(rendered)
