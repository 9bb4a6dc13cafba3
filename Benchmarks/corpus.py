#!/usr/bin/env python3
"""Generates benchmark inputs from the shipped content/.

  corpus.py sitegen CONTENT COPIES OUT   a sitegen content folder with every chapter COPIES times
  corpus.py hugo    CONTENT COPIES OUT   a minimal equivalent Hugo project of the same content

Copy 0 is the shipped text (labels and slugs unchanged). Copy k >= 1 of a chapter is
`report/NNNN-<slug>-kKKK.md`, its note references `[^N]` become `[^cK-N]`, and the matching
definitions `[^cK-N]: ...` are appended to report/notes.md (notes are global in sitegen, so
every label must be unique). Declared defects of the notes are declared again for each copy,
minus `note-out-of-sequence`, which sitegen only checks for numeric labels. Chapter prefixes are
zero-padded to one width so that file-name order is reading order (copy by copy).

The Hugo project holds the same pages: home (abstract + contents), one page per chapter with
its notes inlined as footnotes (goldmark resolves footnotes per page), the Notes page, the
single-page full report (a layout that shows every chapter's rendered content), abbreviations,
editorial notes, every other folder of pages (documents, people, organisations) with its list
page and the notes its pages cite, figures (a table), timeline (a list), sources (every note
listed again), a 404 page and the sitemap. No taxonomies, no RSS, no typographer; figure blocks
go through a code-block render hook. What sitegen derives beyond that (mentions linked to
profiles, notes parsed into citations, the SVG chart, note back-links) Hugo does not do.
"""

import json
import os
import re
import shutil
import sys

import yaml

REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]?", re.M)
EDITORIAL = re.compile(r"\[Editorial note: ([^\]]*)\]")
CHAPTER = re.compile(r"^(\d+)-(.+)\.md$")


def read_page(path):
    """(front matter dict, front matter text, body) of a Markdown file with YAML front matter."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.match(r"---\n(.*?)\n---\n?(.*)", text, re.S)
    if not m:
        return {}, "", text
    return yaml.safe_load(m.group(1)) or {}, m.group(1), m.group(2)


def chapters(content):
    """[(slug, path)] of the chapters in reading order."""
    folder = os.path.join(content, "report")
    out = []
    for name in sorted(os.listdir(folder)):
        m = CHAPTER.match(name)
        if m:
            out.append((m.group(2), os.path.join(folder, name)))
    return out


def note_definitions(body):
    """[(label, text)] of the notes body, in order; text is everything up to the next definition."""
    starts = list(DEF.finditer(body))
    out = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(body)
        out.append((m.group(1), body[m.end():end].rstrip("\n")))
    return out


def relabel(text, k):
    if k == 0:
        return text
    return REF.sub(lambda m: "[^c%d-%s]" % (k, m.group(1)), text)


def label(l, k):
    return l if k == 0 else "c%d-%s" % (k, l)


def yaml_front(d):
    # JSON is valid YAML: safe for any title.
    return "---\n" + "".join("%s: %s\n" % (k, json.dumps(v, ensure_ascii=False)) for k, v in d.items()) + "---\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def sitegen_corpus(content, copies, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    chs = chapters(content)
    chapter_paths = {p for _, p in chs}
    shutil.copytree(content, out, ignore=lambda d, names: [
        n for n in names if os.path.join(d, n) in chapter_paths or os.path.join(d, n) == os.path.join(content, "report", "notes.md")])
    width = max(4, len(str(copies * len(chs))))
    for k in range(copies):
        for i, (slug, path) in enumerate(chs):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            name = "%0*d-%s%s.md" % (width, k * len(chs) + i + 1, slug, "" if k == 0 else "-k%03d" % k)
            write(os.path.join(out, "report", name), relabel(text, k))

    meta, front, body = read_page(os.path.join(content, "report", "notes.md"))
    defs = note_definitions(body)
    declared = meta.get("declared") or []
    extra = []
    for k in range(1, copies):
        for d in declared:
            codes = [c for c in d.get("codes", []) if c != "note-out-of-sequence"]
            if codes:
                extra.append(dict(d, note=label(str(d["note"]), k), codes=codes))
    if extra:
        meta["declared"] = declared + extra
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10000).rstrip("\n")
    parts = [body.rstrip("\n")]
    for k in range(1, copies):
        for l, t in defs:
            parts.append("[^%s]: %s" % (label(l, k), t))
    write(os.path.join(out, "report", "notes.md"), "---\n" + front + "\n---\n" + "\n\n".join(parts) + "\n")


HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "en"
title = %(title)s
disableKinds = ["taxonomy", "term", "rss"]
enableRobotsTXT = true
[markup.goldmark.renderer]
  unsafe = false
[markup.goldmark.extensions]
  footnote = true
  table = true
  strikethrough = true
  linkify = true
  [markup.goldmark.extensions.typographer]
    disable = true
"""

HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
</head>
<body>
<header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav><ul><li><a href="/">Contents</a></li><li><a href="/report/full/">Full report</a></li><li><a href="/report/notes/">Notes</a></li><li><a href="/documents/">Documents</a></li></ul></nav></header>
<main>
"""
FOOT = "</main>\n</body>\n</html>\n"

LAYOUTS = {
    "page.html": HEAD + """<article><h1>{{ .Title }}</h1>
{{ .Content }}
</article>
{{ if eq .Params.kind "chapter" }}<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">Previous: {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">Next: {{ .Title }}</a>{{ end }}</nav>{{ end }}
""" + FOOT,
    "list.html": HEAD + """<h1>{{ .Title }}</h1>
{{ .Content }}
<ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.description }} {{ . }}{{ end }}</li>
{{ end }}</ol>
""" + FOOT,
    # The single-page report: every chapter's rendered content (Hugo renders each page once).
    "full.html": HEAD + """<h1>{{ .Title }}</h1>
{{ range where (where site.RegularPages "Section" "report") "Params.kind" "chapter" }}<section><h2>{{ .Title }}</h2>
{{ .Content }}</section>
{{ end }}
""" + FOOT,
    "404.html": HEAD + "<h1>Page not found</h1>\n" + FOOT,
    "_markup/render-codeblock-figure.html": "<figure>{{ .Inner | .Page.RenderString (dict \"display\" \"block\") }}</figure>\n",
}


def dedent_note(text):
    # Continuation paragraphs of a note are indented by four spaces.
    return re.sub(r"^    ", "", text, flags=re.M)


def hugo_site(content, copies, out):
    if os.path.exists(out):
        shutil.rmtree(out)
    pub, _, abstract = read_page(os.path.join(content, "index.md"))
    write(os.path.join(out, "hugo.toml"), HUGO_CONFIG % {"title": json.dumps(pub.get("title", "Report"), ensure_ascii=False)})
    for name, text in LAYOUTS.items():
        write(os.path.join(out, "layouts", name), text)

    c = os.path.join(out, "content")
    chs = chapters(content)
    nmeta, _, nbody = read_page(os.path.join(content, "report", "notes.md"))
    defs = note_definitions(nbody)
    deftext = dict(defs)

    # Home: the abstract, and the contents as a list (the list layout ranges over the home's
    # pages, which are its sections; the chapter list is written into the body instead).
    toc = []
    editorial = []
    weight = 0
    for k in range(copies):
        for slug, path in chs:
            weight += 1
            meta, _, body = read_page(path)
            s = slug if k == 0 else "%s-k%03d" % (slug, k)
            labels = [(label(l, k), l) for l in dict.fromkeys(m.group(1) for m in REF.finditer(body))]
            body = relabel(body, k)
            notes = "\n\n".join("[^%s]: %s" % (l, deftext[orig]) for l, orig in labels)
            title = meta.get("title", s)
            write(os.path.join(c, "report", s + ".md"),
                  yaml_front({"title": title, "weight": weight, "kind": "chapter"}) + body.rstrip("\n") + "\n\n" + notes + "\n")
            toc.append("%d. [%s](/report/%s/)" % (weight, title, s))
            for m in EDITORIAL.finditer(body):
                editorial.append("- %s ([%s](/report/%s/))" % (m.group(1), title, s))

    write(os.path.join(c, "_index.md"), yaml_front({"title": pub.get("title", "Report")}) + abstract.rstrip("\n")
          + "\n\n## Contents\n\n" + "\n".join(toc) + "\n")
    # The report section has no page of its own in sitegen: listed, never rendered.
    write(os.path.join(c, "report", "_index.md"), '---\ntitle: "Report"\nbuild:\n  render: never\n  list: always\n---\n')

    write(os.path.join(c, "report", "full.md"), yaml_front({"title": "Full report", "weight": 100000, "layout": "full"}))

    notes_list = []
    for k in range(copies):
        for l, t in defs:
            notes_list.append("**%s.** %s" % (label(l, k), dedent_note(t)))
            for m in EDITORIAL.finditer(t):
                editorial.append("- %s ([Notes](/report/notes/))" % m.group(1))
    write(os.path.join(c, "report", "notes.md"), yaml_front({"title": "Notes", "weight": 100001}) + "\n\n".join(notes_list) + "\n")

    ameta, _, _ = read_page(os.path.join(content, "report", "abbreviations.md"))
    rows = ["| Term | Expansion |", "| --- | --- |"] + [
        "| %s | %s |" % (a.get("term", ""), a.get("expansion", "")) for a in ameta.get("abbreviations", [])]
    write(os.path.join(c, "report", "abbreviations.md"), yaml_front({"title": "Abbreviations", "weight": 100002}) + "\n".join(rows) + "\n")

    emeta, _, ebody = read_page(os.path.join(content, "editorial-notes.md"))
    write(os.path.join(c, "editorial-notes.md"), yaml_front({"title": emeta.get("title", "Editorial notes")})
          + ebody.rstrip("\n") + "\n\n" + "\n".join(editorial) + "\n")

    # Every other folder of Markdown pages (documents/, people/, organisations/, …) becomes a
    # section with a list page; notes cited in a page are inlined as its footnotes.
    for folder in sorted(os.listdir(content)):
        src = os.path.join(content, folder)
        if folder == "report" or not os.path.isdir(src):
            continue
        names = sorted(n for n in os.listdir(src) if n.endswith(".md"))
        if not names:
            continue
        write(os.path.join(c, folder, "_index.md"), yaml_front({"title": folder.replace("-", " ").capitalize()}))
        for name in names:
            meta, _, body = read_page(os.path.join(src, name))
            fm = {"title": str(meta.get("title") or meta.get("name") or name[:-3])}
            if meta.get("description") or meta.get("summary"):
                fm["description"] = str(meta.get("description") or meta.get("summary"))
            labels = [l for l in dict.fromkeys(m.group(1) for m in REF.finditer(body)) if l in deftext]
            notes = "\n\n".join("[^%s]: %s" % (l, deftext[l]) for l in labels)
            write(os.path.join(c, folder, name), yaml_front(fm) + body.rstrip("\n") + "\n\n" + notes + "\n")

    # Data pages, when the content has them: the estimates as a table, the timeline as a list,
    # and a Sources page that lists every note again (sitegen's accounts for every note).
    data = os.path.join(content, "data")
    estimates = os.path.join(data, "defector-estimates.yml")
    if os.path.exists(estimates):
        with open(estimates, encoding="utf-8") as f:
            d = yaml.safe_load(f) or {}
        rows = ["| Date | When | Low | High | Who |", "| --- | --- | ---: | ---: | --- |"] + [
            "| %s | %s | %s | %s | %s |" % (p.get("date", ""), p.get("when", ""), p.get("low", ""), p.get("high", ""), p.get("who", ""))
            for p in d.get("points", [])]
        write(os.path.join(c, "figures.md"), yaml_front({"title": "Figures"}) + str(d.get("description", "")) + "\n\n" + "\n".join(rows) + "\n")
    timeline = os.path.join(data, "timeline.yml")
    if os.path.exists(timeline):
        with open(timeline, encoding="utf-8") as f:
            d = yaml.safe_load(f) or {}
        items = ["## %s\n\n**%s.** %s" % (e.get("when", ""), e.get("title", ""), e.get("text", "")) for e in d.get("events", [])]
        write(os.path.join(c, "timeline.md"), yaml_front({"title": "Timeline"}) + "\n\n".join(items) + "\n")
    if os.path.isdir(os.path.join(content, "people")) or os.path.exists(timeline):
        write(os.path.join(c, "sources.md"), yaml_front({"title": "Sources"}) + "\n\n".join(notes_list) + "\n")


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("sitegen", "hugo"):
        sys.exit(__doc__)
    kind, content, copies, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    (sitegen_corpus if kind == "sitegen" else hugo_site)(content, copies, out)


if __name__ == "__main__":
    main()
