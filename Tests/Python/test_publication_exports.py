"""The publication's metadata files ("Cite this report") read back with real parsers:
cite/publication.bib with bibtexparser, cite/publication.ris with rispy, and
cite/publication.json (CSL-JSON) rendered by citeproc-py in a standard style. The values are
compared with the front matter of content/index.md, read here with PyYAML-free parsing of
the few keys the test needs, so a change of the content is followed."""

import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://example.org/report/"


def front_matter_value(key):
    text = (ROOT / "content" / "index.md").read_text().split("---")[1]
    match = re.search(rf"^{key}:\s*(.+?)\s*$", text, re.M)
    return match.group(1).strip('"') if match else None


@pytest.fixture(scope="module")
def site():
    binary = os.environ.get("SITEGEN", str(ROOT / ".build" / "debug" / "sitegen"))
    if not Path(binary).exists():
        subprocess.run(["swift", "build"], cwd=ROOT, check=True)
    out = Path(tempfile.mkdtemp(prefix="sitegen-cite-")) / "site"
    subprocess.run([binary, "build", "--output", str(out), "--base-url", BASE], cwd=ROOT, check=True, capture_output=True)
    return out


def test_home_and_chapters_link_the_three_files(site):
    pages = [site / "index.html"] + sorted((site / "report").glob("*/index.html"))
    chapters = [p for p in pages if 'class="kind-chapter"' in p.read_text()]
    assert len(chapters) >= 2
    for page in [site / "index.html"] + chapters:
        html = page.read_text()
        for ext in ("bib", "ris", "json"):
            assert f'href="/report/cite/publication.{ext}"' in html, (page, ext)


def test_bibtex_reads_back(site):
    import bibtexparser

    library = bibtexparser.parse_string((site / "cite" / "publication.bib").read_text())
    assert not library.failed_blocks
    assert len(library.entries) == 1
    entry = library.entries[0]
    fields = {f.key: f.value for f in entry.fields}
    assert entry.entry_type == "techreport"
    assert fields["title"].strip("{}").startswith(front_matter_value("title"))
    assert fields["year"] == front_matter_value("year")
    assert fields["isbn"] == front_matter_value("isbn")
    assert fields["institution"] == front_matter_value("publisher")
    assert fields["url"] == BASE
    # Split names: BibTeX's "Family, Given"; a name given whole stays one braced name.
    library = bibtexparser.parse_string((site / "cite" / "publication.bib").read_text(),
                                        append_middleware=[bibtexparser.middlewares.SeparateCoAuthors(),
                                                           bibtexparser.middlewares.SplitNameParts()])
    names = library.entries[0].fields_dict["author"].value
    assert names[0].last == ["Kyed"] and names[0].first == ["Helene", "Maria"]
    assert names[1].last == ["{Ah Lynn}"] and names[1].first == []


def test_ris_reads_back(site):
    import rispy

    with open(site / "cite" / "publication.ris", encoding="utf-8") as f:
        entries = rispy.load(f)
    assert len(entries) == 1
    e = entries[0]
    assert e["type_of_reference"] == "RPRT"
    assert e["authors"] == ["Kyed, Helene Maria", "Ah Lynn"]
    assert e["title"].startswith(front_matter_value("title"))
    assert e["year"] == front_matter_value("year")
    assert e["publisher"] == front_matter_value("publisher")
    assert e["place_published"] == front_matter_value("place")
    assert e["issn"] == front_matter_value("isbn")  # rispy names SN "issn"; it holds the ISBN of a report
    assert e["urls"] == [BASE]


def test_csl_json_renders_in_a_standard_style(site):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads((site / "cite" / "publication.json").read_text())
    assert len(items) == 1 and items[0]["type"] == "report"
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 1
    text = rendered[0]
    assert "Kyed, H.M." in text or "Kyed, H. M." in text, text
    assert "Ah Lynn" in text, text
    assert "(2021)" in text and front_matter_value("title") in text, text
