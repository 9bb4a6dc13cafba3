"""The endnote / reference / back-link / paragraph-id markup contract, checked in the rendered DOM."""

import re
import urllib.parse
from collections import defaultdict

import pytest

from sitetools import NOTE_COUNT, PAGES, chapter_slugs, load

COLLECT_JS = r"""
const byId = (re) => [...document.querySelectorAll('[id]')].filter(e => re.test(e.id));
const noteEls = byId(/^note-\d+$/);
const refEls = byId(/^ref-\d+-\d+$/);
const inNote = (el) => noteEls.some(n => n.contains(el));
const allIds = [...document.querySelectorAll('[id]')].map(e => e.id);
const root = document.querySelector('main') || document.body;
const paras = [...root.querySelectorAll('p')].filter(p =>
    !inNote(p) && !p.closest('figure, nav, header, footer, aside'));
return {
  hasMain: !!document.querySelector('main'),
  duplicateIds: allIds.filter((id, i) => allIds.indexOf(id) !== i),
  notes: noteEls.map(n => ({
     id: n.id,
     backlinks: [...n.querySelectorAll('a[href*="#ref-"]')].map(a => a.href),
     followsRefs: refEls.filter(r => r.id.startsWith(n.id.replace('note', 'ref') + '-'))
                        .every(r => r.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING),
  })),
  refs: refEls.map(r => ({id: r.id, tag: r.tagName.toLowerCase(), href: r.href || null,
                          inNote: inNote(r)})),
  paragraphsWithoutId: paras.filter(p => !p.id).map(p => p.textContent.trim().slice(0, 80)),
  paragraphCount: paras.length,
};
"""


def _num(id_):
    return int(re.match(r"^(?:note|ref)-(\d+)", id_).group(1))


def _strip_hash(url):
    return urllib.parse.urldefrag(url)[0]


@pytest.fixture(scope="module")
def chapters(site, _chromium):
    """Rendered-DOM facts for every chapter page, keyed by chapter URL."""
    slugs = chapter_slugs()
    if not slugs:
        pytest.fail("no chapters found in content/report/NN-slug.md", pytrace=False)
    facts = {}
    for slug in slugs:
        url = site.url(f"report/{slug}/")
        load(_chromium, url, settle=0.1)
        facts[url] = _chromium.execute_script(COLLECT_JS)
    return facts


def test_chapter_pages_follow_the_contract(chapters):
    problems = []
    for url, f in chapters.items():
        where = url
        if f["duplicateIds"]:
            problems.append(f"{where}: duplicate ids {sorted(set(f['duplicateIds']))[:10]}")
        if not f["hasMain"]:
            problems.append(f"{where}: no <main> element")
        if f["paragraphCount"] == 0:
            problems.append(f"{where}: no body paragraphs found")
        if f["paragraphsWithoutId"]:
            problems.append(f"{where}: {len(f['paragraphsWithoutId'])} body paragraphs without id, "
                            f"e.g. {f['paragraphsWithoutId'][:3]}")
        note_ids = {n["id"] for n in f["notes"]}
        ref_ids = {r["id"] for r in f["refs"]}
        for r in f["refs"]:
            n = _num(r["id"])
            if r["tag"] != "a":
                problems.append(f"{where}: #{r['id']} is a <{r['tag']}>, not an <a>")
                continue
            if r["inNote"]:
                problems.append(f"{where}: reference #{r['id']} sits inside a note")
            if not (r["href"] or "").endswith(f"#note-{n}"):
                problems.append(f"{where}: #{r['id']} has href {r['href']!r}, expected …#note-{n}")
            elif _strip_hash(r["href"]) != url:
                problems.append(f"{where}: #{r['id']} points to another page: {r['href']}")
            if f"note-{n}" not in note_ids:
                problems.append(f"{where}: #{r['id']} cites note {n}, which is not on this page")
        for note in f["notes"]:
            n = _num(note["id"])
            if not note["followsRefs"]:
                problems.append(f"{where}: #{note['id']} does not come after all references to it")
            cited_here = sorted(i for i in ref_ids if _num(i) == n)
            targets = []
            for href in note["backlinks"]:
                m = re.search(r"#(ref-(\d+)-\d+)$", href)
                if not m:
                    problems.append(f"{where}: back-link {href!r} in #{note['id']} is not …#ref-N-K")
                    continue
                targets.append(m.group(1))
                if int(m.group(2)) != n:
                    problems.append(f"{where}: back-link {href!r} in #{note['id']} targets another note's reference")
                if _strip_hash(href) != url or m.group(1) not in ref_ids:
                    problems.append(f"{where}: back-link {href!r} in #{note['id']} has no target on this page")
            if sorted(targets) != cited_here:
                problems.append(f"{where}: #{note['id']} back-links {sorted(targets)} != references {cited_here}")
    assert not problems, "\n".join(problems[:80]) + (f"\n… {len(problems) - 80} more" if len(problems) > 80 else "")


def test_reference_numbering_across_chapters(chapters):
    ks = defaultdict(list)
    note_pages = defaultdict(list)
    for url, f in chapters.items():
        for r in f["refs"]:
            n, k = map(int, r["id"].split("-")[1:])
            ks[n].append(k)
        for note in f["notes"]:
            note_pages[_num(note["id"])].append(url)
    problems = []
    for n, found in sorted(ks.items()):
        if sorted(found) != list(range(1, len(found) + 1)):
            problems.append(f"note {n}: reference ids ref-{n}-K have K = {sorted(found)}, expected 1..{len(found)}")
        if not 1 <= n <= NOTE_COUNT:
            problems.append(f"reference to note {n}, outside 1..{NOTE_COUNT}")
    for n, pages in sorted(note_pages.items()):
        if len(pages) > 1:
            problems.append(f"note-{n} appears on several chapter pages: {pages}")
    assert ks, "no references ref-N-K found on any chapter page"
    assert not problems, "\n".join(problems[:80])


def test_notes_page_has_every_note_once(site, driver, chapters):
    load(driver, site.url(PAGES["notes"]), settle=0.1)
    f = driver.execute_script(COLLECT_JS)
    ids = [n["id"] for n in f["notes"]]
    expected = [f"note-{i}" for i in range(1, NOTE_COUNT + 1)]
    missing = sorted(set(expected) - set(ids), key=_num)
    extra = sorted(set(ids) - set(expected), key=_num)
    assert not missing and not extra, f"notes page: missing {missing[:30]}, unexpected {extra[:30]}"
    assert ids == expected, "notes page: notes out of order or repeated"
    assert not f["duplicateIds"], f"notes page: duplicate ids {sorted(set(f['duplicateIds']))[:10]}"

    # Back-links on the notes page lead to the reference on its chapter page.
    ref_location = {r["id"]: url for url, cf in chapters.items() for r in cf["refs"]}
    problems = []
    for note in f["notes"]:
        n = _num(note["id"])
        cited = sorted(i for i in ref_location if _num(i) == n)
        targets = []
        for href in note["backlinks"]:
            m = re.search(r"#(ref-\d+-\d+)$", href)
            if not m:
                problems.append(f"#{note['id']}: back-link {href!r} is not …#ref-N-K")
                continue
            targets.append(m.group(1))
            if ref_location.get(m.group(1)) != _strip_hash(href):
                problems.append(f"#{note['id']}: back-link {href} — that reference is on "
                                f"{ref_location.get(m.group(1))}")
        if sorted(targets) != cited:
            problems.append(f"#{note['id']}: back-links {sorted(targets)} != references in the chapters {cited}")
    assert not problems, "\n".join(problems[:80])
