#!/usr/bin/env python3
"""Search on a slow phone: time to the first result, sitegen beside Pagefind, slow 3G emulated.

Headless Chromium (the browser suite's driver) with the network slowed by
`Network.emulateNetworkConditions` (400 ms round trip, 400 kb/s down and up) and the CPU slowed
4x by `Emulation.setCPUThrottlingRate`, the browser cache cleared before every page. Measured,
per query, from the start of the navigation to the moment the first result link is in the page
(a MutationObserver installed before any page script runs records `performance.now()`, which
counts from the navigation's start):

- sitegen page: `/search/?q=…` opened in a fresh tab state;
- sitegen box: a chapter page already loaded, the query put into the header box (focus, then
  the whole query at once, as a paste); time from the focus to the first result in the panel;
- Pagefind: its default UI on a minimal page over the pages sitegen indexes (Pagefind 1.5,
  `pip install pagefind-bin`, installed for the benchmark if missing), the query read from
  `?q=` by the page's own script and passed to `triggerSearch`.

The server compresses text with gzip (level 6) as a static host does (Pagefind's own files are
compressed already), sends `Content-Security-Policy: default-src 'self'` with sitegen's pages,
and the Cache-Control a host should send (see Benchmarks/README-search.md); the cache is cleared
before each page anyway.

It prints the medians and the ratio, then the request waterfall of one query for each side:
when each request started and ended (from Chromium's network log), its size on the wire, who
asked for it (the parser, a preload, or which script) and which response it waited for.

Usage: python3 Benchmarks/search/slow3g.py [--bin PATH | --public DIR] [--runs N] [--queries Q ...]
`--public` measures an existing build (made with `--base-url /`), e.g. of an older commit.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
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

QUERIES = ["Nyi Thuta", "Bunthe", "defect", "Tatmadaw", '"choose this path"', "CDM", "Naypyidaw", "Min Aung Hlaing"]
LATENCY_MS, KBITS = 400, 400
CPU_SLOWDOWN = 4
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")
HASHED = re.compile(r"\.[0-9a-f]{8,}\.(json|js)$")


# ---------------------------------------------------------------- site and server

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
    binary = Path(importlib.util.find_spec("pagefind_bin").origin).parent / "pagefind"
    if not binary.is_file():
        sys.exit(f"pagefind binary not found at {binary}")
    return binary


def indexed_pages(site: Path) -> list[str]:
    """The pages sitegen's index links into (search/records.json, or meta.json before it)."""
    table = site / "search/records.json"
    meta = json.loads((table if table.is_file() else site / "search/meta.json").read_text(encoding="utf-8"))
    def url(record):  # [kind, title, n, section, url stem, m] since 2026-12-03; [kind, title, section, url] before
        return record[3] if len(record) == 4 else meta["strings"][record[4]] + ("" if record[5] < 0 else str(record[5]))
    return sorted({url(record).split("#")[0] + "index.html" for record in meta["records"]})


PAGEFIND_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script>
<script src="/pagefind-slow3g.js" defer></script>
</head><body><div id="search"></div></body></html>
"""
PAGEFIND_JS = """window.addEventListener('DOMContentLoaded', () => {
  const ui = new PagefindUI({element: '#search', bundlePath: '/pagefind/'});
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
});
"""


class Handler(SimpleHTTPRequestHandler):
    """A static host: gzip for text, CSP on sitegen's pages, long-lived caching of hashed names."""
    protocol_version = "HTTP/1.1"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".html": "text/html; charset=utf-8",
                      ".json": "application/json", ".wasm": "application/wasm", ".css": "text/css"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        data = path.read_bytes()
        url = urllib.parse.urlsplit(self.path).path
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if path.suffix in TEXT_TYPES and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if HASHED.search(url) else "no-cache")
        if path.suffix == ".html" and not url.startswith("/pagefind"):
            self.send_header("Content-Security-Policy", "default-src 'self'")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def do_GET(self):
        Handler.seen.append((time.monotonic(), urllib.parse.urlsplit(self.path).path))
        super().do_GET()

    seen: list[tuple[float, str]] = []

    def log_message(self, *args):
        pass


def serve(folder: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# ---------------------------------------------------------------- browser

# Runs before any script of the page: notes when the first result link enters the page.
FIRST_RESULT_JS = """
(() => {
  const sel = '#search-results a, .site-search-panel ol a, .pagefind-ui__result-link';
  new MutationObserver((records, obs) => {
    if (window.__firstResult === undefined && document.querySelector(sel)) {
      window.__firstResult = performance.now();
    }
  }).observe(document, {childList: true, subtree: true});
})();
"""


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    opts = Options()
    opts.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=412,915",
                "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")), options=opts)
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_RESULT_JS})
    driver.execute_cdp_cmd("Network.enable", {})
    return driver


def throttle(driver, on: bool):
    rate = KBITS * 1000 / 8
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": LATENCY_MS if on else 0,
        "downloadThroughput": rate if on else -1, "uploadThroughput": rate if on else -1})
    driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN if on else 1})


def fresh(driver):
    """about:blank, unthrottled, with an empty cache and an empty network log."""
    throttle(driver, False)
    driver.get("about:blank")
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.get_log("performance")
    Handler.seen.clear()


def wait_result(driver, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        t = driver.execute_script("return window.__firstResult === undefined ? null : window.__firstResult")
        if t is not None:
            return t
        time.sleep(0.05)
    return None


def sitegen_page(driver, base, query):
    fresh(driver)
    throttle(driver, True)
    driver.get(base + "search/?q=" + urllib.parse.quote(query))
    return wait_result(driver)


def sitegen_box(driver, base, query):
    """A chapter page loaded (throttled, cold cache), then the query into the header box."""
    fresh(driver)
    throttle(driver, True)
    driver.get(base + "report/introduction/")
    time.sleep(0.5)  # the deferred scripts have run
    driver.get_log("performance")
    return driver.execute_async_script("""
        const [q, done] = [arguments[0], arguments[arguments.length - 1]];
        const box = document.getElementById('site-search'), t0 = performance.now();
        window.__firstResult = undefined;
        box.focus();
        box.value = q;
        box.dispatchEvent(new Event('input', {bubbles: true}));
        const poll = () => window.__firstResult !== undefined ? done(window.__firstResult - t0)
          : performance.now() - t0 > 30000 ? done(null) : setTimeout(poll, 20);
        poll();""", query)


def pagefind_page(driver, base, query):
    fresh(driver)
    throttle(driver, True)
    driver.get(base + "pagefind-slow3g.html?q=" + urllib.parse.quote(query))
    return wait_result(driver)


# ---------------------------------------------------------------- waterfall

def waterfall(driver):
    """Requests of the last page from the performance log: start, end, size, initiator; and the
    requests only the server saw (a web worker's), at the time they reached it (Chromium's
    timestamps and Python's time.monotonic() are both CLOCK_MONOTONIC on Linux)."""
    time.sleep(4)  # let the snippets' texts and other late requests finish
    requests: dict[str, dict] = {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, p = message["method"], message.get("params", {})
        rid = p.get("requestId")
        if method == "Network.requestWillBeSent":
            if p["request"]["url"].startswith(("data:", "about:")):
                continue
            initiator = p.get("initiator", {})
            kind = initiator.get("type", "other")
            where = initiator.get("url", "")
            frames = (initiator.get("stack") or {}).get("callFrames") or []
            if frames:
                where = frames[0].get("url", "")
            requests[rid] = {"url": p["request"]["url"], "start": p["timestamp"], "kind": kind,
                             "by": where.rsplit("/", 1)[-1].split("?")[0], "type": p.get("type", "")}
        elif rid in requests and method == "Network.loadingFinished":
            requests[rid]["end"] = p["timestamp"]
            requests[rid]["bytes"] = p.get("encodedDataLength", 0)
    browser = {urllib.parse.urlsplit(r["url"]).path for r in requests.values()}
    rows = list(requests.values()) + [{"url": path, "start": t, "kind": "worker", "by": "", "type": "", "seen": True}
                                      for t, path in Handler.seen if path not in browser]
    rows.sort(key=lambda r: r["start"])
    if not rows:
        return []
    t0 = min(r["start"] for r in rows if not r.get("seen"))
    for r in rows:
        for key in ("start", "end"):
            r[key] = (r[key] - t0) * 1000 if key in r else None
    return rows


def print_waterfall(title, rows, result_ms):
    print(f"### {title}")
    print()
    print("| # | requested | done | bytes | file | asked by | waited for |")
    print("| ---: | ---: | ---: | ---: | --- | --- | --- |")
    for i, r in enumerate(rows, 1):
        name = urllib.parse.urlsplit(r["url"]).path
        if r["kind"] == "parser":
            by = f"parser ({r['by'] or 'page'})"
        elif r["kind"] == "script":
            by = f"script {r['by']}"
        elif r.get("seen"):
            by = "a worker (reached the server)"
        else:
            by = r["kind"]
        before = [(q["end"], j) for j, q in enumerate(rows, 1) if q["end"] is not None and q["end"] <= r["start"] + 0.5
                  and not q["url"].endswith(("favicon.ico", "favicon.svg"))]
        if i == 1:
            waited = "navigation"
        elif before:
            end, j = max(before)
            waited = f"#{j} (done {end:.0f} ms) + {r['start'] - end:.0f} ms"
        else:
            waited = "nothing (first round)"
        fmt = lambda v: "–" if v is None else f"{v:.0f}"  # noqa: E731
        size = "–" if r.get("seen") else f"{r.get('bytes', 0) / 1000:.1f} KB"
        print(f"| {i} | {fmt(r['start'])} | {fmt(r['end'])} | {size} | `{name}` | {by} | {waited} |")
    print()
    print(f"First result in the page at {result_ms:.0f} ms after the navigation started." if result_ms is not None
          else "No result appeared.")
    shards = [r["end"] for r in rows if "/terms-" in r["url"] and r["end"] is not None]
    if shards and result_ms is not None:
        print(f"The last term shard was in at {max(shards):.0f} ms, the first result about {result_ms - max(shards):.0f} ms "
              "after it: the page's main thread at work (styles and their layout, scripts, the search itself).")
    print()


# ---------------------------------------------------------------- main

def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", help="sitegen binary")
    parser.add_argument("--public", help="an existing build (made with --base-url /) instead of building")
    parser.add_argument("--runs", type=int, default=3, help="rounds over the queries (each query once a round)")
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    parser.add_argument("--waterfall", default="Nyi Thuta", help="the query whose requests are listed")
    parser.add_argument("--before", help="also measure this build (made with --base-url /) in the same run, "
                                         "e.g. of the commit before a change")
    args = parser.parse_args()

    pagefind = pagefind_binary()
    work = Path(tempfile.mkdtemp(prefix="sitegen-slow3g-"))
    try:
        site = work / "site"
        if args.public:
            shutil.copytree(args.public, site)
            label = args.public
        else:
            binary = sitegen_binary(args.bin)
            subprocess.run([str(binary), "build", "--content", "content", "--templates", "templates", "--base-url", "/",
                            "--output", str(site)], cwd=REPO, check=True, capture_output=True)
            label = str(binary)
        subprocess.run([str(pagefind), "--site", str(site), "--output-subdir", "pagefind", "--glob",
                        "{" + ",".join(indexed_pages(site)) + "}"], check=True, capture_output=True)
        (site / "pagefind-slow3g.html").write_text(PAGEFIND_PAGE)
        (site / "pagefind-slow3g.js").write_text(PAGEFIND_JS)
        server, base = serve(site)
        servers = [server]
        sides = [("page", sitegen_page, base), ("box", sitegen_box, base), ("pagefind", pagefind_page, base)]
        if args.before:
            old_server, old_base = serve(Path(args.before))
            servers.append(old_server)
            sides += [("before page", sitegen_page, old_base), ("before box", sitegen_box, old_base)]
        driver = make_driver()
        times = {name: {} for name, _, _ in sides}
        falls = {}
        try:
            for run in range(args.runs):
                for query in args.queries:
                    for name, measure, url in sides:
                        t = measure(driver, url, query)
                        times[name].setdefault(query, []).append(t)
                        if run == 0 and query == args.waterfall and name in ("page", "pagefind", "before page"):
                            falls[name] = (waterfall(driver), t)
                        print(f"  {name:8} {query!r}: {'timeout' if t is None else f'{t:.0f} ms'}", file=sys.stderr)
        finally:
            driver.quit()
            for server in servers:
                server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    chromium = subprocess.run([os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium"), "--version"],
                              capture_output=True, text=True).stdout.strip()
    pf_version = subprocess.run([str(pagefind), "--version"], capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()
    print(f"# Search under slow 3G, {time.strftime('%Y-%m-%d %H:%M')}")
    print(f"{platform.node()}: {os.cpu_count()} cores, load {load[0]:.1f} {load[1]:.1f}; {chromium}; {pf_version}; sitegen {label}")
    print(f"{LATENCY_MS} ms round trip, {KBITS} kb/s, CPU {CPU_SLOWDOWN}x slower, cache cleared; "
          f"{args.runs} run(s) per query, the median of each query's runs below")
    print()
    names = list(times)
    columns = {"page": "sitegen page", "box": "sitegen box", "pagefind": "Pagefind",
               "before page": "before: page", "before box": "before: box"}
    print("| query | " + " | ".join(columns[n] for n in names) + " | page / Pagefind |"
          + (" before page / Pagefind |" if args.before else ""))
    print("| --- |" + " ---: |" * (len(names) + 1 + bool(args.before)))
    per = {name: {q: median(v) for q, v in d.items()} for name, d in times.items()}
    for q in args.queries:
        cells = " | ".join(f"{per[n][q]:.0f} ms" for n in names)
        extra = f" {per['before page'][q] / per['pagefind'][q]:.2f} |" if args.before else ""
        print(f"| `{q}` | {cells} | {per['page'][q] / per['pagefind'][q]:.2f} |{extra}")
    med = {name: median(list(d.values())) for name, d in per.items()}
    allv = {name: [t for v in d.values() for t in v if t is not None] for name, d in times.items()}
    cells = " | ".join(f"**{med[n]:.0f} ms**" for n in names)
    extra = f" **{med['before page'] / med['pagefind']:.2f}** |" if args.before else ""
    print(f"| **median** | {cells} | **{med['page'] / med['pagefind']:.2f}** |{extra}")
    cells = " | ".join(f"{max(allv[n], default=float('nan')):.0f} ms" for n in names)
    print(f"| max (all runs) | {cells} | |" + (" |" if args.before else ""))
    print()
    print("sitegen box: from focusing the header box of a loaded chapter page (the whole query put in at once) "
          "to the first result in its panel.")
    print()
    print(f"## Waterfall of {args.waterfall!r} (first run; times from the first request, ms)")
    print()
    for name, title in (("before page", "sitegen before the change, /search/?q="), ("page", "sitegen, /search/?q="),
                        ("pagefind", "Pagefind UI, minimal page")):
        if name in falls:
            print_waterfall(title, *falls[name])
    print("'waited for': the last response done before the request started, and the gap after it "
          "(the browser or a script at work). A web worker's requests (Pagefind searches in one) are not in the "
          "page's network log: they are listed when they reached the server, without end or size.")


if __name__ == "__main__":
    main()
