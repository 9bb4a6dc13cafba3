#!/usr/bin/env python3
"""Memory of `sitegen serve` over many rebuilds (a figure, not a test).

Starts `sitegen serve` on a temporary copy of content/ and templates/, then saves one
chapter --rebuilds times, alternating between two versions of it (the text as shipped, and
the text with one sentence added), and waits after each save for the server to print its
`Build N` line. The resident set size (VmRSS of /proc/PID/status) is sampled after every
rebuild. Prints the RSS at the start and the end, and the slope of a least-squares line
through the samples after the warm-up (--warmup rebuilds): kilobytes per rebuild. A serve
that keeps one site's worth of memory has a slope near 0.

An event-stream client stays connected throughout (as an open page would), so that the
reload path is exercised too.

Usage: Benchmarks/serve/memory [--rebuilds N] [--warmup N] [--binary PATH] [--chapter REL]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = "report/03-why-leave-the-army.md"
SENTENCE = "\n\nA sentence added by the memory benchmark, to make a second version of this chapter.\n"


def rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def slope(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    return sxy / sxx if sxx else 0.0


class Lines(threading.Thread):
    """Collects the server's standard output, line by line."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream = stream
        self.lines: list[str] = []
        self.cond = threading.Condition()

    def run(self) -> None:
        for raw in self.stream:
            with self.cond:
                self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self.cond.notify_all()

    def wait_for(self, predicate, start: int, timeout: float) -> tuple[int, str] | None:
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for index in range(start, len(self.lines)):
                    if predicate(self.lines[index]):
                        return index, self.lines[index]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self.cond.wait(remaining)


def drain_events(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(b"GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")

    def read() -> None:
        sock.settimeout(None)
        try:
            while sock.recv(65536):
                pass
        except OSError:
            pass

    threading.Thread(target=read, daemon=True).start()
    return sock


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuilds", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=100, help="rebuilds left out of the slope")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "sitegen"))
    parser.add_argument("--chapter", default=CHAPTER, help="file under content/ to edit")
    parser.add_argument("--samples", help="write 'rebuild rss_kb' lines to this file")
    args = parser.parse_args()
    if args.rebuilds <= args.warmup + 10:
        parser.error("--rebuilds must exceed --warmup by more than 10")
    binary = Path(args.binary).resolve()
    if not binary.exists():
        print(f"no binary at {binary}; build it first (swift build, or swift build -c release)", file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="sitegen-serve-memory-"))
    try:
        shutil.copytree(ROOT / "content", work / "content")
        shutil.copytree(ROOT / "templates", work / "templates")
        chapter = work / "content" / args.chapter
        versions = [chapter.read_text(encoding="utf-8")]
        versions.append(versions[0] + SENTENCE)
        server = subprocess.Popen([str(binary), "serve", "--port", "0", "--content", "content", "--templates", "templates"],
                                  cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        lines = Lines(server.stdout)
        lines.start()
        try:
            found = lines.wait_for(lambda l: l.startswith("Serving http://"), 0, 120)
            if not found:
                print("serve did not start", file=sys.stderr)
                return 1
            port = int(found[1].split()[1].split(":")[2].split("/")[0])
            events = drain_events(port)
            cursor = found[0] + 1
            samples: list[tuple[int, int]] = [(0, rss_kb(server.pid))]
            started = time.monotonic()
            for rebuild in range(1, args.rebuilds + 1):
                temporary = chapter.with_name("." + chapter.name + ".tmp")
                temporary.write_text(versions[rebuild % 2], encoding="utf-8")
                os.replace(temporary, chapter)
                done = lines.wait_for(lambda l: l.startswith("Build ") and "changed" in l, cursor, 60)
                if not done:
                    print(f"no build after save {rebuild}", file=sys.stderr)
                    return 1
                cursor = done[0] + 1
                samples.append((rebuild, rss_kb(server.pid)))
                if rebuild % 100 == 0:
                    print(f"  {rebuild} rebuilds, RSS {samples[-1][1] / 1024:.1f} MB", file=sys.stderr, flush=True)
            elapsed = time.monotonic() - started
            events.close()
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        if args.samples:
            Path(args.samples).write_text("".join(f"{n} {kb}\n" for n, kb in samples))
        measured = [(n, kb) for n, kb in samples if n > args.warmup]
        xs = [float(n) for n, _ in measured]
        ys = [float(kb) for _, kb in measured]
        half = len(measured) // 2
        print(f"binary: {binary}")
        print(f"rebuilds: {args.rebuilds} (alternating two versions of content/{args.chapter}), {elapsed:.0f} s")
        print(f"RSS: {samples[0][1] / 1024:.1f} MB at start, {samples[args.warmup][1] / 1024:.1f} MB after {args.warmup} rebuilds, "
              f"{samples[-1][1] / 1024:.1f} MB after {args.rebuilds}; peak {max(kb for _, kb in samples) / 1024:.1f} MB")
        print(f"slope after the warm-up: {slope(xs, ys):.2f} KB per rebuild "
              f"(first half {slope(xs[:half], ys[:half]):.2f}, second half {slope(xs[half:], ys[half:]):.2f})")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
