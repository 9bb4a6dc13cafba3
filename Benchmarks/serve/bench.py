#!/usr/bin/env python3
"""Benchmark of `sitegen serve` on the shipped content (figures, not tests).

1. Save-to-reload latency: a client listens on /__sitegen/events; the script appends or
   removes a word in a chapter of a temporary copy of content/ and measures the time from
   the save to the `reload` event reaching the client. Prints the median of --edits edits.
2. Throughput: `wrk -t2 -c32 -d5s` on a chapter page over loopback; requests per second
   and errors.

Usage: Benchmarks/serve/run [--edits N] [--duration S] [--no-build]
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
CHAPTER = "report/03-why-leave-the-army.md"
CHAPTER_URL = "report/why-leave-the-army/"
WORD = " Benchmarked."


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


def measure_latency(port: int, content: Path, edits: int) -> list[float]:
    listener = EventListener(port)
    listener.start()
    if not listener.hello.wait(10):
        sys.exit("no hello event from the server")
    chapter = content / CHAPTER
    original = chapter.read_text(encoding="utf-8")
    latencies = []
    for index in range(edits):
        # Random pauses, so that saves fall at every phase of the watcher's polling.
        time.sleep(random.uniform(0.25, 0.45))
        text = original + WORD if index % 2 == 0 else original
        saved = time.perf_counter()
        chapter.write_text(text, encoding="utf-8")
        arrived = listener.wait_for_reload(index + 1, timeout=10)
        if arrived is None:
            sys.exit(f"edit {index + 1}: no reload event within 10 s")
        latencies.append((arrived - saved) * 1000)
    return latencies


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--duration", type=int, default=5, help="seconds of load for wrk (default 5)")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
    args = parser.parse_args()

    if not args.no_build or not BINARY.exists():
        build()
    wrk = ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="sitegen-bench-serve-"))
    shutil.copytree(ROOT / "content", work / "content")
    shutil.copytree(ROOT / "templates", work / "templates")
    server = subprocess.Popen([str(BINARY), "serve", "--port", "0", "--content", "content", "--templates", "templates"],
                              cwd=work, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = None
        start = time.monotonic()
        while url is None and time.monotonic() - start < 30:
            line = server.stdout.readline()
            if not line:
                sys.exit("sitegen serve exited before serving")
            match = re.match(r"Serving (http://\S+)", line)
            url = match.group(1) if match else None
        port = int(re.search(r":(\d+)/", url).group(1))
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()

        latencies = measure_latency(port, work / "content", args.edits)
        figures = run_wrk(wrk, url + CHAPTER_URL, args.duration)
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
    print(f"sitegen serve on the shipped content ({os.cpu_count()} cores, {time.strftime('%Y-%m-%d')})")
    print()
    print("| figure | value |")
    print("| --- | --- |")
    print(f"| save → reload event, median of {len(latencies)} edits | {statistics.median(latencies):.0f} ms |")
    print(f"| save → reload event, min / max | {latencies[0]:.0f} / {latencies[-1]:.0f} ms |")
    print(f"| save → reload event, each edit in order | {in_order} ms |")
    print(f"| wrk -t2 -c32 -d{args.duration}s {CHAPTER_URL}: requests/s | {figures['requests/s']} |")
    print(f"| wrk: requests, transfer/s, average latency | {figures['requests']}, {figures['transfer/s']}, {figures['latency (avg)']} |")
    print(f"| wrk: errors | {figures['errors']} |")


if __name__ == "__main__":
    main()
