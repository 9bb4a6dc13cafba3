#!/usr/bin/env python3
"""Benchmark of `sitegen serve` (figures, not tests).

1. Save-to-reload latency: a client listens on /__sitegen/events; the script edits one
   paragraph of one chapter of a temporary copy of the content (a word added to a paragraph
   in the middle of the longest chapter, then taken out again, a different paragraph each
   time) and measures the time from the save to the `reload` event reaching the client.
   Prints the median, min and max of --edits edits, and the median time of each stage of
   those rebuilds (`sitegen serve --timings`).
2. Throughput: `wrk -t2 -c32 -d5s` on a chapter page over loopback; requests per second
   and errors (skip it with --no-throughput).

The content is the shipped content/ by default, `--content DIR` (copied first), or
`--corpus N`: the shipped content with every chapter N times, made by Benchmarks/corpus.py
into a temporary folder (e.g. `--corpus 100`, 27 MB of Markdown).

Usage: Benchmarks/serve/run [--corpus N | --content DIR] [--chapter report/NN-x.md]
                            [--edits N] [--duration S] [--no-throughput] [--no-build]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRATCH = ROOT / ".build-release"
BINARY = SCRATCH / "release" / "sitegen"
WORD = " Benchmarked"
CHAPTER_NAME = re.compile(r"^\d+-(.+)\.md$")
TIMINGS = re.compile(r"^\s+((?:[a-z]+ [\d.]+ ms(?:, )?)+)$")
BUILD = re.compile(r"^Build (\d+)")
DEFERRED = re.compile(r"^\s+search ([\d.]+) ms \(after the reload")


def build() -> None:
    print("Building sitegen (release)…", flush=True)
    swift = shutil.which("swift") or "/opt/swift/usr/bin/swift"
    subprocess.run([swift, "build", "-c", "release", "--product", "sitegen", "--scratch-path", str(SCRATCH)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("Installing wrk (Debian package)…", flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    return shutil.which("wrk") or "wrk"


class EventListener(threading.Thread):
    """Reads /__sitegen/events and records when each reload event arrives."""

    def __init__(self, port: int):
        super().__init__(daemon=True)
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.sendall(b"GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        self.reloads: list[float] = []
        self.hello = threading.Event()
        self.changed = threading.Condition()

    def run(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            now = time.perf_counter()
            if not chunk:
                return
            buffer += chunk
            while b"\n\n" in buffer:
                event, buffer = buffer.split(b"\n\n", 1)
                if b"event: hello" in event:
                    self.hello.set()
                elif b"event: reload" in event:
                    with self.changed:
                        self.reloads.append(now)
                        self.changed.notify_all()

    def wait_for_reload(self, count: int, timeout: float) -> float | None:
        with self.changed:
            self.changed.wait_for(lambda: len(self.reloads) >= count, timeout)
            return self.reloads[count - 1] if len(self.reloads) >= count else None


def longest_chapter(content: Path) -> str:
    """The relative path of the longest chapter file under report/."""
    chapters = [path for path in (content / "report").iterdir() if CHAPTER_NAME.match(path.name)]
    if not chapters:
        sys.exit(f"no chapter files in {content / 'report'}")
    return str(max(chapters, key=lambda path: (path.stat().st_size, path.name)).relative_to(content))


def paragraphs(text: str) -> list[int]:
    """Indexes of the lines that end a paragraph of prose in the body: after the front
    matter, not a heading, list, quote, table, fence, HTML, figure or note definition."""
    lines = text.split("\n")
    start = 0
    if lines and lines[0] == "---":
        start = next((i for i in range(1, len(lines)) if lines[i] == "---"), 0) + 1
    ends = []
    fenced = False
    for i in range(start, len(lines)):
        line = lines[i]
        if line.startswith("```") or line.startswith("~~~"):
            fenced = not fenced
            continue
        if fenced or not line.strip():
            continue
        if not (line[0].isalpha() or line[0] in "\"'‘“("):
            continue
        if i + 1 < len(lines) and lines[i + 1].strip():
            continue  # not the paragraph's last line
        if line.rstrip().endswith(("|", ">", ":")):
            continue
        ends.append(i)
    return ends


class Editor:
    """Edits one paragraph per save: even edits add a word to a paragraph (a different one
    each time, from the middle of the chapter outwards), odd edits restore the text."""

    def __init__(self, chapter: Path):
        self.chapter = chapter
        self.original = chapter.read_text(encoding="utf-8")
        ends = paragraphs(self.original)
        if not ends:
            sys.exit(f"{chapter}: no paragraph of prose to edit")
        middle = len(ends) // 2
        self.order = sorted(ends, key=lambda i: (abs(ends.index(i) - middle), i))

    def text(self, index: int) -> str:
        if index % 2 == 1:
            return self.original
        lines = self.original.split("\n")
        target = self.order[(index // 2) % len(self.order)]
        line = lines[target].rstrip()
        # Before the sentence's final punctuation (and any note reference after it).
        match = re.search(r"([.!?…][”’\")]*(?:\[\^[^\]]+\])*)$", line)
        cut = match.start() if match else len(line)
        lines[target] = line[:cut] + WORD + line[cut:]
        return "\n".join(lines)


def measure_latency(port: int, content: Path, chapter: str, edits: int, timeout: float) -> list[float]:
    listener = EventListener(port)
    listener.start()
    if not listener.hello.wait(10):
        sys.exit("no hello event from the server")
    editor = Editor(content / chapter)
    latencies = []
    for index in range(edits):
        # Random pauses, so that saves fall at every phase of the watcher's polling.
        time.sleep(random.uniform(0.25, 0.45))
        text = editor.text(index)
        saved = time.perf_counter()
        editor.chapter.write_text(text, encoding="utf-8")
        arrived = listener.wait_for_reload(index + 1, timeout=timeout)
        if arrived is None:
            sys.exit(f"edit {index + 1}: no reload event within {timeout:g} s")
        latencies.append((arrived - saved) * 1000)
    return latencies


class ServerLog(threading.Thread):
    """Reads the server's standard output; keeps each build's stage timings."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream = stream
        self.pending: dict[str, float] | None = None
        self.builds: list[tuple[str, dict[str, float]]] = []
        self.deferred: list[float] = []
        self.lock = threading.Lock()

    def run(self) -> None:
        for line in self.stream:
            line = line.rstrip("\n")
            timings = TIMINGS.match(line)
            deferred = DEFERRED.match(line)
            if deferred:
                with self.lock:
                    self.deferred.append(float(deferred.group(1)))
            elif timings:
                self.pending = {name: float(ms) for name, ms in
                                (part.rsplit(" ", 2)[:2] for part in timings.group(1).split(", "))}
            elif BUILD.match(line):
                with self.lock:
                    self.builds.append((line, self.pending or {}))
                self.pending = None

    def snapshot(self) -> list[tuple[str, dict[str, float]]]:
        with self.lock:
            return list(self.builds)


def run_wrk(wrk: str, url: str, duration: int) -> dict[str, str]:
    result = subprocess.run([wrk, "-t2", "-c32", f"-d{duration}s", "--timeout", "5s", url],
                            check=True, capture_output=True, text=True, timeout=duration + 30)
    out = result.stdout
    figures = {
        "requests/s": re.search(r"Requests/sec:\s+([\d.]+)", out).group(1),
        "transfer/s": re.search(r"Transfer/sec:\s+(\S+)", out).group(1),
        "latency (avg)": re.search(r"Latency\s+(\S+)", out).group(1),
        "requests": re.search(r"(\d+) requests in", out).group(1),
    }
    socket_errors = re.search(r"Socket errors: (.*)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = []
    if socket_errors:
        errors.append(socket_errors.group(1))
    if non_2xx:
        errors.append(f"{non_2xx.group(1)} non-2xx/3xx")
    figures["errors"] = ", ".join(errors) if errors else "0"
    return figures


def prepare_content(args, work: Path) -> str:
    """Puts the content to serve into work/content; returns how to name it in the report."""
    if args.corpus is not None and args.corpus > 1:
        print(f"Generating the {args.corpus}x corpus…", flush=True)
        subprocess.run([sys.executable, str(ROOT / "Benchmarks" / "corpus.py"), "sitegen", str(ROOT / "content"),
                        str(args.corpus), str(work / "content")], check=True, stdout=subprocess.DEVNULL)
        return f"the {args.corpus}x corpus"
    source = Path(args.content).resolve() if args.content else ROOT / "content"
    shutil.copytree(source, work / "content")
    return "the shipped content" if not args.content else f"the content of {args.content}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--corpus", type=int, help="serve the shipped content with every chapter N times (Benchmarks/corpus.py)")
    which.add_argument("--content", help="serve a copy of this content folder")
    parser.add_argument("--templates", help="the templates folder (default: templates/)")
    parser.add_argument("--chapter", help="the chapter to edit, relative to the content (default: the longest)")
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--duration", type=int, default=5, help="seconds of load for wrk (default 5)")
    parser.add_argument("--no-throughput", action="store_true", help="measure the reload latency only")
    parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for each reload event (default 120)")
    parser.add_argument("--binary", help="the sitegen binary to run (default: the release build; implies --no-build)")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
    args = parser.parse_args()

    binary = Path(args.binary).resolve() if args.binary else BINARY
    if not args.binary and (not args.no_build or not BINARY.exists()):
        build()
    wrk = None if args.no_throughput else ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="sitegen-bench-serve-"))
    try:
        described = prepare_content(args, work)
        shutil.copytree(Path(args.templates).resolve() if args.templates else ROOT / "templates", work / "templates")
        chapter = args.chapter or longest_chapter(work / "content")
        slug = CHAPTER_NAME.match(Path(chapter).name)
        chapter_url = f"report/{slug.group(1)}/" if slug else ""
        server = subprocess.Popen([str(binary), "serve", "--port", "0", "--timings",
                                   "--content", "content", "--templates", "templates"],
                                  cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    try:
        url = None
        start = time.monotonic()
        first_build = ""
        while url is None and time.monotonic() - start < 600:
            line = server.stdout.readline()
            if not line:
                sys.exit("sitegen serve exited before serving")
            if BUILD.match(line):
                first_build = line.strip()
            match = re.match(r"Serving (http://\S+)", line)
            url = match.group(1) if match else None
        port = int(re.search(r":(\d+)/", url).group(1))
        log = ServerLog(server.stdout)
        log.start()

        latencies = measure_latency(port, work / "content", chapter, args.edits, args.timeout)
        time.sleep(0.2)
        builds = log.snapshot()
        deferred = list(log.deferred)
        figures = run_wrk(wrk, url + chapter_url, args.duration) if wrk else None
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)

    in_order = " ".join(f"{value:.0f}" for value in latencies)
    latencies.sort()
    print()
    print(f"sitegen serve on {described}, editing {chapter} ({os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')})")
    print()
    print("| figure | value |")
    print("| --- | --- |")
    print(f"| save → reload event, median of {len(latencies)} edits | {statistics.median(latencies):.0f} ms |")
    print(f"| save → reload event, min / max | {latencies[0]:.0f} / {latencies[-1]:.0f} ms |")
    print(f"| save → reload event, each edit in order | {in_order} ms |")
    stages: dict[str, list[float]] = {}
    for _, timings in builds:
        for name, ms in timings.items():
            stages.setdefault(name, []).append(ms)
    if stages:
        total = sum(statistics.median(values) for values in stages.values())
        shown = ", ".join(f"{name} {statistics.median(values):.1f}" for name, values in stages.items())
        print(f"| rebuild stages, median of {len(builds)} rebuilds (ms) | {shown} (sum {total:.1f}) |")
    if deferred:
        print(f"| search index after the reload, median of {len(deferred)} (ms) | {statistics.median(deferred):.1f} |")
    if first_build:
        print(f"| first build | {first_build} |")
    if builds:
        print(f"| last rebuild | {builds[-1][0]} |")
    if figures:
        print(f"| wrk -t2 -c32 -d{args.duration}s {chapter_url}: requests/s | {figures['requests/s']} |")
        print(f"| wrk: requests, transfer/s, average latency | {figures['requests']}, {figures['transfer/s']}, {figures['latency (avg)']} |")
        print(f"| wrk: errors | {figures['errors']} |")


if __name__ == "__main__":
    main()
