#!/usr/bin/env python3
"""Shard sizes against bytes per first query: the index of a built site re-split at other sizes.

Reads the term shards (`search/terms-N.H.json`) and text chunks (`search/text-N.H.json`) of a
build, joins them back into one term list and one text list, cuts them again at each size asked
for (the rule of SearchIndexFiles: a file is closed once its raw content passes the size), and
prints, per layout: the number of files, the median compressed file (gzip -6, as a static host
sends it), and what the queries fetch on a first visit: the shards their words need (the rule
of search.js and search-prefetch.js: the shard a word falls in, and for a word of two letters or
more outside quotes every following shard whose first term begins with it) and the text chunks of
the results the search page shows (its first 10, ranked as search.js ranks them, without phrase
filtering).

Usage: python3 Benchmarks/search/shards.py SITE [--terms 4096 16384 …] [--texts 4096 …] [--queries Q …]
SITE is a built output folder (`sitegen build --output SITE`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import statistics
from pathlib import Path

QUERIES = ["Nyi Thuta", "Bunthe", "defect", "Tatmadaw", '"choose this path"', "CDM", "Naypyidaw", "Min Aung Hlaing",
           "People's Embrace", "soldiers families"]
WORD = re.compile(r"[^\W_]+(?:['\u2019\u2018\u02bc][^\W_]+)*")
ALPHABET = {c: i for i, c in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_")}


def gz(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0))


def fold(word: str) -> str:
    w = word.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w.replace("'", "")


def units(query: str) -> list[tuple[str, bool]]:
    """(folded word, searched as a prefix) for each word of the query."""
    segs = re.split(r"[\"\u201c\u201d\u201e]", query)
    out = []
    for i, seg in enumerate(segs):
        quoted = i % 2 == 1 and not (len(segs) % 2 == 0 and i == len(segs) - 1)
        for m in WORD.finditer(seg):
            w = fold(m.group(0))
            if w:
                out.append((w, not quoted and len(w) >= 2))
    return out


def utf16(s: str) -> bytes:
    return s.encode("utf-16-be")


def decode(postings: str) -> list[tuple[int, int]]:
    nums, v = [], 0
    for c in postings:
        d = ALPHABET[c]
        v = v * 32 + (d & 31)
        if d >= 32:
            nums.append(v)
            v = 0
    out, rec = [], 0
    for i in range(0, len(nums) - 1, 2):
        rec += nums[i]
        out.append((rec, nums[i + 1]))
    return out


def load(site: Path):
    meta = json.loads((site / "search/meta.json").read_text(encoding="utf-8"))
    terms, postings = [], []
    for name in meta["shardFiles"]:
        shard = json.loads((site / "search" / name).read_text(encoding="utf-8"))
        terms += shard["terms"]
        postings += shard["postings"]
    texts = []
    for name in meta["chunkFiles"]:
        texts += json.loads((site / "search" / name).read_text(encoding="utf-8"))
    return terms, postings, texts


def split_terms(terms, postings, limit):
    """(first term of each shard, compressed size of each shard)."""
    starts, sizes, cur_t, cur_p, size = [], [], [], [], 0
    def close():
        nonlocal cur_t, cur_p, size
        if cur_t:
            sizes.append(gz(json.dumps({"terms": cur_t, "postings": cur_p}, ensure_ascii=False, separators=(",", ":"))))
            cur_t, cur_p, size = [], [], 0
    for t, p in zip(terms, postings):
        if not cur_t:
            starts.append(t)
        cur_t.append(t)
        cur_p.append(p)
        size += len(t.encode()) + len(p.encode()) + 6
        if size >= limit:
            close()
    close()
    return starts, sizes


def split_texts(texts, limit):
    """(first record of each chunk, compressed size of each chunk)."""
    starts, sizes, cur, size = [], [], [], 0
    def close():
        nonlocal cur, size
        if cur:
            sizes.append(gz(json.dumps(cur, ensure_ascii=False, separators=(",", ":"))))
            cur, size = [], 0
    for i, t in enumerate(texts):
        if not cur:
            starts.append(i)
        cur.append(t)
        size += len((t if isinstance(t, str) else t[0]).encode())
        if size >= limit:
            close()
    close()
    return starts, sizes


def last_le(keys, x, key=lambda v: v):
    lo, hi = 0, len(keys)
    while lo < hi:
        m = (lo + hi) // 2
        if key(keys[m]) <= key(x):
            lo = m + 1
        else:
            hi = m
    return lo - 1


def needed_shards(starts, query):
    need = set()
    for w, prefix in units(query):
        k = max(0, last_le(starts, w, utf16))
        need.add(k)
        if prefix:
            while k + 1 < len(starts) and starts[k + 1].startswith(w):
                k += 1
                need.add(k)
    return need


def shown_results(terms, postings, count, query, limit=10):
    """The first `limit` records search.js shows (word units; scores as SearchEngine)."""
    idf = lambda df: math.log(1 + (count - df + 0.5) / (df + 0.5))  # noqa: E731
    order = sorted(range(len(terms)), key=lambda i: utf16(terms[i]))
    sorted_terms = [terms[i] for i in order]
    matched, score = {}, {}
    for w, prefix in units(query):
        k = max(0, last_le(sorted_terms, w, utf16))
        if sorted_terms[k] != w:
            k += 1
        ex = []
        while k < len(sorted_terms) and (sorted_terms[k].startswith(w) if prefix else sorted_terms[k] == w):
            t = sorted_terms[k]
            ex.append((decode(postings[order[k]]), 1 if t == w else 0.5 + 0.4 * len(w) / len(t), t))
            k += 1
        every = {r for p, _, _ in ex for r, _ in p}
        best = {}
        for p, wt, t in ex:
            f = 1 if t == w else wt * idf(len(every)) / idf(len(p))
            for r, s in p:
                best[r] = max(best.get(r, 0), s * f)
        for r, s in best.items():
            matched[r] = matched.get(r, 0) + 1
            score[r] = score.get(r, 0) + s
    return sorted(score, key=lambda r: (-matched[r], -score[r], r))[:limit]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site")
    parser.add_argument("--terms", type=int, nargs="+", default=[4096, 8192, 16384, 32768, 65536])
    parser.add_argument("--texts", type=int, nargs="+", default=[4096])
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    args = parser.parse_args()
    terms, postings, texts = load(Path(args.site))
    results = {q: shown_results(terms, postings, len(texts), q) for q in args.queries}
    print(f"{args.site}: {len(terms)} terms, {len(texts)} records; queries: {len(args.queries)}")
    print()
    print("| terms file (raw) | files | median terms file (gz) | text file (raw) | files | median text file (gz) "
          "| shards per first query (median) | files per first query (median) | shards + texts per first query (median) | max |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for tl in args.terms:
        starts, sizes = split_terms(terms, postings, tl)
        for xl in args.texts:
            cstarts, csizes = split_texts(texts, xl)
            shard_bytes, totals, counts = [], [], []
            for q in args.queries:
                need = needed_shards(starts, q)
                s = sum(sizes[k] for k in need)
                chunks = {last_le(cstarts, r) for r in results[q]}
                shard_bytes.append(s)
                counts.append(len(need) + len(chunks))
                totals.append(s + sum(csizes[c] for c in chunks))
            print(f"| {tl / 1024:g} KB | {len(sizes)} | {statistics.median(sizes) / 1000:.1f} KB | {xl / 1024:g} KB "
                  f"| {len(csizes)} | {statistics.median(csizes) / 1000:.1f} KB | {statistics.median(shard_bytes) / 1000:.1f} KB "
                  f"| {statistics.median(counts):g} | {statistics.median(totals) / 1000:.1f} KB | {max(totals) / 1000:.1f} KB |")


if __name__ == "__main__":
    main()
