#!/usr/bin/env python3
"""Search benchmark: sitegen's search against Pagefind on the same site, in headless Chromium.

Prints three figures (see Benchmarks/README-search.md):

1. Bytes a browser fetches to answer a first query: the script and the index files it
   requests, each gzip-compressed (level 6) as a static host serves text files; files that are
   compressed already (Pagefind's .pf_* and WebAssembly files) count as they are. Pagefind 1.5
   (`pip install pagefind-bin`, installed when missing) indexes a copy of the same public/ and
   answers the same query through its default UI, in the same browser, from the same server.
   CSS is left out on both sides (sitegen's search styles are part of site.css).
2. Time from keystroke to rendered results (DOM updated and laid out) on the search page, for
   every prefix of each query as if typed, once the index parts are loaded; the first pass,
   which may fetch index parts from the local server, is shown too.
3. The search stage's share of the whole build (`sitegen build --timings`, median of runs).

Usage: python3 Benchmarks/search/bench.py [--bin PATH] [--runs N] [--queries Q ...]
The sitegen binary defaults to $SITEGEN_BIN, else .build/release/sitegen, else .build/debug/sitegen.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "Tests/Browser"))

QUERIES = ["Nyi Thuta", "Bunthe", "defect", "Tatmadaw", '"choose this path"', "CDM", "Naypyidaw",
           "People's Embrace", "soldiers families", "Min Aung Hlaing"]
ALREADY_COMPRESSED = (".pf_meta", ".pf_index", ".pf_fragment", ".pagefind", ".wasm", ".gz", ".br")


# ---------------------------------------------------------------- helpers

def sitegen_binary(arg: str | None) -> Path:
    for candidate in (arg, os.environ.get("SITEGEN_BIN"), ".build/release/sitegen", ".build/debug/sitegen"):
        if candidate:
            path = Path(candidate) if Path(candidate).is_absolute() else REPO / candidate
            if path.is_file():
                return path
    sys.exit("no sitegen binary: run `swift build -c release --product sitegen` or pass --bin")


def pagefind_binary() -> Path:
    if importlib.util.find_spec("pagefind_bin") is None:
        print("installing pagefind-bin with pip …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pagefind-bin"], check=True)
    spec = importlib.util.find_spec("pagefind_bin")
    binary = Path(spec.origin).parent / "pagefind"
    if not binary.is_file():
        sys.exit(f"pagefind binary not found at {binary}")
    return binary


def served_size(path: Path) -> int:
    """What a static host sends: text gzip-compressed (level 6), compressed formats as they are."""
    data = path.read_bytes()
    if path.name.endswith(ALREADY_COMPRESSED):
        return len(data)
    return min(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


def serve(folder: Path):
    handler = partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves without caching and notes every path asked for: requests from web workers (Pagefind
    1.5 searches in one) do not show in the page's resource timing, but they reach the server."""
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".json": "application/json", ".wasm": "application/wasm"}
    requested: list[str] = []

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        QuietHandler.requested.append(urllib.parse.unquote(urllib.parse.urlsplit(self.path).path))
        super().do_GET()

    def log_message(self, *args):
        pass


def kb(n: float) -> str:
    return f"{n / 1000:.1f} KB"


def median(values):
    return statistics.median(values) if values else float("nan")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


# ---------------------------------------------------------------- builds

def build_times(binary: Path, runs: int, output: Path):
    """Median time per stage over `runs` builds (ms), and the median total."""
    stages: dict[str, list[float]] = {}
    totals = []
    for run in range(runs):
        # A fresh folder each time: replacing an existing output costs the write stage much more.
        folder = output if run == runs - 1 else output.with_name(f"{output.name}-{run}")
        proc = subprocess.run([str(binary), "build", "--timings", "--content", "content", "--templates", "templates",
                               "--output", str(folder)], cwd=REPO, capture_output=True, text=True, check=True)
        if folder != output:
            shutil.rmtree(folder)
        times = {m[1]: float(m[2]) for m in re.finditer(r"^\s+(\w+)\s+([\d.]+) ms$", proc.stdout, re.M)}
        for stage, ms in times.items():
            stages.setdefault(stage, []).append(ms)
        totals.append(sum(times.values()))
    return {stage: median(v) for stage, v in stages.items()}, median(totals), stages["search"], totals


def pagefind_index(binary: Path, site: Path, bundle: str, pages: list[str] | None = None) -> float:
    """Runs Pagefind over `site` into `site/<bundle>/`: all pages, or only `pages`."""
    command = [str(binary), "--site", str(site), "--output-subdir", bundle]
    if pages:
        command += ["--glob", "{" + ",".join(pages) + "}"]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def indexed_pages(site: Path) -> list[str]:
    """The HTML files sitegen's index links into (from search/meta.json)."""
    table = site / "search/records.json"  # since 2026-12; before, the records were in meta.json
    meta = json.loads((table if table.is_file() else site / "search/meta.json").read_text(encoding="utf-8"))
    def url(record):  # [kind, title, n, section, url stem, m] since 2026-12-03; [kind, title, section, url] before
        return record[3] if len(record) == 4 else meta["strings"][record[4]] + ("" if record[5] < 0 else str(record[5]))
    return sorted({url(record).split("#")[0] + "index.html" for record in meta["records"]})


API_JS = """
window.benchSearch = async (query, shown) => {
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, shown).map(r => r.data()));
  return data.length;
};
"""


def bench_page(site: Path, bundle: str):
    """A page with Pagefind's default UI over `bundle` (its script files, no inline script)."""
    (site / f"{bundle}-bench.html").write_text(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind</title>
<link href="/{bundle}/pagefind-ui.css" rel="stylesheet">
<script src="/{bundle}/pagefind-ui.js"></script>
<script src="/{bundle}-bench.js" defer></script>
</head><body><div id="search"></div></body></html>
""")
    (site / f"{bundle}-bench.js").write_text(
        "window.addEventListener('DOMContentLoaded', () => "
        f"{{ new PagefindUI({{element: '#search', bundlePath: '/{bundle}/'}}); }});\n")


# ---------------------------------------------------------------- browser measurements

def settle(timeout=10.0):
    """Wait until the server has had no new request for a while."""
    deadline, count, quiet = time.monotonic() + timeout, -1, 0
    while time.monotonic() < deadline and quiet < 4:
        time.sleep(0.15)
        n = len(QuietHandler.requested)
        quiet = quiet + 1 if n == count else 0
        count = n


def fetched_bytes(root: Path, keep) -> tuple[int, list[tuple[str, int]]]:
    """The files requested since the last call (each once), with their served sizes."""
    paths = list(dict.fromkeys(QuietHandler.requested))
    QuietHandler.requested.clear()
    files = [(path, served_size(root / path.lstrip("/"))) for path in paths if keep(path)]
    return sum(size for _, size in files), files


def wait_for(driver, script, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if driver.execute_script(script):
            return True
        time.sleep(0.05)
    return False


def sitegen_first_query(driver, base, root, query, where):
    """A fresh page: the search page with ?q=, or a chapter page where the query is typed into the box."""
    keep = lambda p: p.startswith("/search/") and p.endswith(".json") or p.endswith("/search.js")  # noqa: E731
    driver.get("about:blank")
    settle()
    QuietHandler.requested.clear()
    if where == "page":
        driver.get(base + "search/?q=" + urllib.parse.quote(query))
        ok = wait_for(driver, "return document.getElementById('search-status').textContent !== ''")
    else:
        driver.get(base + "report/introduction/")
        box = driver.find_element("id", "site-search")
        box.click()
        box.send_keys(query)
        ok = wait_for(driver, "return document.querySelector('.site-search-panel .search-status').textContent !== ''")
    settle()
    total, files = fetched_bytes(root, keep)
    if where == "page":
        block = data_block_bytes(root)
        if block:
            total += block
            files.append(("(search page's metadata data block)", block))
    results = driver.execute_script(
        "return document.querySelectorAll(arguments[0]).length",
        "#search-results a" if where == "page" else ".site-search-panel ol a")
    return ok, total, files, results


def data_block_bytes(root: Path) -> int:
    """What the index metadata the search page carries adds to the compressed page."""
    page = (root / "search/index.html").read_bytes()
    without = re.sub(rb'<script type="application/json" id="search-meta">.*?</script>', b"", page, flags=re.S)
    size = lambda data: len(gzip.compress(data, compresslevel=6, mtime=0))  # noqa: E731
    return size(page) - size(without) if without != page else 0


def pagefind_first_query(driver, base, root, query, bundle):
    keep = lambda p: p.startswith(f"/{bundle}/") and not p.endswith(".css")  # noqa: E731
    driver.get("about:blank")
    settle()
    QuietHandler.requested.clear()
    driver.get(base + f"{bundle}-bench.html")
    wait_for(driver, "return !!document.querySelector('.pagefind-ui__search-input')")
    driver.execute_script("""
        const input = document.querySelector('.pagefind-ui__search-input');
        input.value = arguments[0];
        input.dispatchEvent(new Event('input', {bubbles: true}));""", query)
    ok = wait_for(driver, "return document.querySelectorAll('.pagefind-ui__result').length > 0"
                          " || /No results/.test(document.querySelector('.pagefind-ui__message')?.textContent || '')")
    settle()
    total, files = fetched_bytes(root, keep)
    results = driver.execute_script("return document.querySelectorAll('.pagefind-ui__result').length")
    return ok, total, files, results


def pagefind_api_query(driver, base, root, query, shown=1):
    """Pagefind's JS API without its UI: search, then load the data of the first result only."""
    keep = lambda p: p.startswith("/pagefind/") and not p.endswith(".css")  # noqa: E731
    driver.get("about:blank")
    settle()
    QuietHandler.requested.clear()
    driver.get(base + "pagefind-api.html")
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; benchSearch(arguments[0], arguments[1]).then(done, e => done(-1));",
        query, shown)
    settle()
    total, files = fetched_bytes(root, keep)
    return results >= 0, total, files, results


KEYSTROKES_JS = """
const [values, done] = [arguments[0], arguments[arguments.length - 1]];
const input = document.getElementById('search-query');
const list = document.getElementById('search-results'), status = document.getElementById('search-status');
const one = value => new Promise(resolve => {
  let t0;
  const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, 5000);
  const observer = new MutationObserver(() => {
    void list.offsetHeight;                      // style and layout of the new results
    const t1 = performance.now();
    observer.disconnect();
    clearTimeout(timer);
    resolve(t1 - t0);
  });
  observer.observe(list, {childList: true});
  observer.observe(status, {childList: true, characterData: true, subtree: true});
  input.value = value;
  t0 = performance.now();
  input.dispatchEvent(new Event('input'));
});
(async () => {
  const out = [];
  for (const v of values) { out.push([v, await one(v)]); await new Promise(r => setTimeout(r, 20)); }
  done(out);
})();
"""


def keystroke_times(driver, base, queries):
    driver.get(base + "search/")
    wait_for(driver, "return !document.querySelector('.search-form').hidden")
    prefixes = [q[:i] for q in queries for i in range(1, len(q) + 1) if q[:i].strip()]
    first = driver.execute_async_script(KEYSTROKES_JS, prefixes)
    warm = driver.execute_async_script(KEYSTROKES_JS, prefixes)
    again = driver.execute_async_script(KEYSTROKES_JS, prefixes)
    pick = lambda rows: [t for _, t in rows if t is not None]  # noqa: E731
    return pick(first), pick(warm) + pick(again), len(prefixes)


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", help="sitegen binary")
    parser.add_argument("--runs", type=int, default=7, help="builds timed for the stage share")
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the files each first query fetched")
    args = parser.parse_args()

    binary = sitegen_binary(args.bin)
    pagefind = pagefind_binary()
    work = Path(tempfile.mkdtemp(prefix="sitegen-search-bench-"))
    try:
        public = work / "public"
        stages, total_ms, search_runs, totals = build_times(binary, args.runs, public)
        site = work / "site"            # public/ plus Pagefind's index, served together
        shutil.copytree(public, site)
        pagefind_ms = pagefind_index(pagefind, site, "pagefind-all")
        pagefind_index(pagefind, site, "pagefind", indexed_pages(site))
        bench_page(site, "pagefind-all")
        bench_page(site, "pagefind")
        (site / "pagefind-api.html").write_text('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                                                '<title>Pagefind API</title><script src="/pagefind-api.js"></script>'
                                                '</head><body></body></html>\n')
        (site / "pagefind-api.js").write_text(API_JS)
        server, base = serve(site)

        from conftest import make_chromium  # the browser suite's headless Chromium
        driver = make_chromium()
        try:
            rows = []
            for query in args.queries:
                page = sitegen_first_query(driver, base, site, query, "page")
                box = sitegen_first_query(driver, base, site, query, "box")
                pf = pagefind_first_query(driver, base, site, query, "pagefind")
                pf_all = pagefind_first_query(driver, base, site, query, "pagefind-all")
                api = pagefind_api_query(driver, base, site, query)
                rows.append((query, page, box, pf, pf_all, api))
                if args.verbose:
                    for name, (_, total, files, n) in (("sitegen page", page), ("sitegen box", box), ("pagefind", pf),
                                                       ("pagefind, all pages", pf_all), ("pagefind API", api)):
                        print(f"{query!r} {name}: {kb(total)}, {n} results")
                        for path, size in files:
                            print(f"    {size:8d}  {path}")
            first, warm, keystrokes = keystroke_times(driver, base, args.queries)
        finally:
            driver.quit()
            server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    chromium = subprocess.run([os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium"), "--version"],
                              capture_output=True, text=True).stdout.strip()
    pf_version = subprocess.run([str(pagefind), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"# Search benchmark, {time.strftime('%Y-%m-%d')}")
    print(f"{platform.node()}: {os.cpu_count()} cores, {platform.platform()}; {chromium}; {pf_version}; sitegen {binary}")
    print()
    print("## 1. Bytes fetched for a first query (script + index, gzip -6; CSS excluded)")
    print()
    print("Pagefind A: its default UI (5 results) over the pages sitegen indexes; B: the same UI over every")
    print("page of public/ (Pagefind's default, the full report on one page included); C: its JS API without")
    print("UI over the pages sitegen indexes, loading the first result only: the least Pagefind can fetch.")
    print()
    print("| query | sitegen page | sitegen box | Pagefind A | Pagefind B | Pagefind C | page / C | box / C | page / A |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for query, page, box, pf, pf_all, api in rows:
        flag = "" if all(r[0] for r in (page, box, pf, pf_all, api)) else " (timed out)"
        print(f"| `{query}`{flag} | {kb(page[1])} ({page[3]}) | {kb(box[1])} ({box[3]}) | {kb(pf[1])} ({pf[3]}) "
              f"| {kb(pf_all[1])} ({pf_all[3]}) | {kb(api[1])} (1) | {page[1] / api[1]:.2f} | {box[1] / api[1]:.2f} "
              f"| {page[1] / pf[1]:.2f} |")
    med = lambda i: median([r[i][1] for r in rows])  # noqa: E731
    print(f"| **median** | **{kb(med(1))}** | **{kb(med(2))}** | **{kb(med(3))}** | **{kb(med(4))}** | **{kb(med(5))}** "
          f"| **{med(1) / med(5):.2f}** | **{med(2) / med(5):.2f}** | **{med(1) / med(3):.2f}** |")
    print()
    print("(n): results shown with their text. sitegen's search page shows 10 (then 'More results'), its box 8.")
    print()
    print("## 2. Keystroke to rendered results (search page, every prefix of every query)")
    print()
    print("| | keystrokes | median | p95 | max | under 16 ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, values in (("index parts loaded", warm), ("first pass (may fetch parts)", first)):
        under = sum(v < 16 for v in values) / len(values) if values else 0
        print(f"| {name} | {len(values)} | {median(values):.1f} ms | {percentile(values, 95):.1f} ms "
              f"| {max(values):.1f} ms | {under:.0%} |")
    print()
    print(f"## 3. Index build time ({args.runs} builds, median)")
    print()
    print("| stage | ms |")
    print("| --- | ---: |")
    for stage, ms in stages.items():
        print(f"| {stage} | {ms:.1f} |")
    print(f"| **all stages** | **{total_ms:.1f}** |")
    share = median([s / t for s, t in zip(search_runs, totals)])
    print()
    print(f"search stage: {median(search_runs):.1f} ms = {share:.1%} of the build "
          f"(Pagefind indexing all of public/: {pagefind_ms:.0f} ms wall, its own process)")


if __name__ == "__main__":
    main()
