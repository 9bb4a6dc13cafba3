#!/usr/bin/env python3
"""Design study (not the shipped format): term shards that carry snippet windows.

Simulates, on a built site, a layout in which each term shard carries, for the top K postings of
each of its terms (score descending, record ascending: the postings that can rank in a first page
of a one-word query), a window of W characters of the record's text around the term's first
occurrence. A first query then fetches its term shards and, only for shown results that no
window of a query term covers (multi-word queries) or for phrase queries (which need whole texts),
text chunks cut at the given raw size. Prints files, median compressed file and, per first query
of the benchmark queries, bytes (gzip -6) and requests; compare with `shards.py SITE --terms 4096`
(today's layout). The window position is approximate (a lowercase find of the term), enough for sizes.

Usage: python3 Benchmarks/search/snippets.py SITE [--shards 16000 24000 …] [--texts 4096 …] [-k 10] [-w 180]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from shards import QUERIES, decode, gz, last_le, load, needed_shards, shown_results, split_texts, units  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site")
    parser.add_argument("--shards", type=int, nargs="+", default=[16000, 24000, 32000], help="raw bytes a shard closes at")
    parser.add_argument("--texts", type=int, nargs="+", default=[4096], help="raw bytes a text chunk closes at")
    parser.add_argument("-k", type=int, default=10, help="windows per term")
    parser.add_argument("-w", type=int, default=180, help="window length (characters)")
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    args = parser.parse_args()
    terms, postings, texts = load(Path(args.site))
    plain = [t if isinstance(t, str) else t[0] for t in texts]
    entries = []
    for term, p in zip(terms, postings):
        top = sorted(decode(p), key=lambda x: (-x[1], x[0]))[:args.k]
        windows = {}
        for r, _ in top:
            at = max(0, plain[r].lower().find(term) - args.w // 4)
            windows[r] = plain[r][at:at + args.w]
        entries.append((term, p, windows))
    results = {q: shown_results(terms, postings, len(texts), q) for q in args.queries}
    print(f"{args.site}: {len(terms)} terms, {len(texts)} records, {sum(len(e[2]) for e in entries)} windows "
          f"(K={args.k}, W={args.w}); queries: {len(args.queries)}")
    print()
    print("| shard (raw) | shards | median shard (gz) | text file (raw) | text files | median text (gz) "
          "| bytes per first query (median) | max | requests per first query (median) | max |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for limit in args.shards:
        starts, sizes, covered_by, current, size = [], [], [], [], 0

        def close():
            nonlocal current, size
            if current:
                sizes.append(gz(json.dumps([[t, p, [x for r, w in ws.items() for x in (r, w)]] for t, p, ws in current],
                                           ensure_ascii=False, separators=(",", ":"))))
                covered_by.append({t: set(ws) for t, _, ws in current})
                current, size = [], 0
        for entry in entries:
            if not current:
                starts.append(entry[0])
            current.append(entry)
            size += len(entry[0].encode()) + len(entry[1]) + sum(len(w.encode()) + 4 for w in entry[2].values())
            if size >= limit:
                close()
        close()
        for text_limit in args.texts:
            chunk_starts, chunk_sizes = split_texts(texts, text_limit)
            totals, requests = [], []
            for q in args.queries:
                need = needed_shards(starts, q)
                words = [w for w, _ in units(q)]
                covered = set()
                for k in need:
                    for t, rs in covered_by[k].items():
                        if any(t.startswith(w) for w in words):
                            covered |= rs
                phrase = '"' in q and len(words) > 1
                chunks = {last_le(chunk_starts, r) for r in results[q] if phrase or r not in covered}
                totals.append(sum(sizes[k] for k in need) + sum(chunk_sizes[c] for c in chunks))
                requests.append(len(need) + len(chunks))
            print(f"| {limit / 1024:g} KiB | {len(sizes)} | {statistics.median(sizes) / 1000:.1f} KB | {text_limit / 1024:g} KiB "
                  f"| {len(chunk_sizes)} | {statistics.median(chunk_sizes) / 1000:.1f} KB | {statistics.median(totals) / 1000:.1f} KB "
                  f"| {max(totals) / 1000:.1f} KB | {statistics.median(requests):g} | {max(requests)} |")


if __name__ == "__main__":
    main()
