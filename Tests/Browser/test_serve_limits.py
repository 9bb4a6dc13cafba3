"""`sitegen serve` under a lowered limit of open files (issue 10): idle connections past the
limit do not stop it answering, it says so once on standard error, and an edit still rebuilds.
The limit is set with util-linux's `prlimit`, as an editor's shell would with `ulimit -n`."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request

import pytest

from conftest import sitegen_bin
from sitetools import REPO_ROOT

FILE_LIMIT = 128
IDLE_CONNECTIONS = 300   # more than the server may hold open, well past the limit of files


@pytest.fixture
def limited_preview(tmp_path):
    if shutil.which("prlimit") is None:
        pytest.skip("prlimit (util-linux) is not installed")
    shutil.copytree(REPO_ROOT / "content", tmp_path / "content")
    stderr = open(tmp_path / "stderr.txt", "w+")
    proc = subprocess.Popen(["prlimit", f"--nofile={FILE_LIMIT}", str(sitegen_bin()), "serve", "--port", "0",
                             "--content", "content"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=stderr, text=True)
    try:
        url = None
        deadline = time.monotonic() + 120
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                pytest.fail("sitegen serve exited before serving", pytrace=False)
            match = re.match(r"Serving (http://\S+)", line)
            url = match.group(1) if match else None
        assert url, "sitegen serve did not print its URL"
        threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
        yield tmp_path, url, tmp_path / "stderr.txt"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        stderr.close()


def get(url: str, timeout: float = 20) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read()


def test_idle_connections_past_the_file_limit_do_not_stop_serve(limited_preview):
    root, url, stderr = limited_preview
    host, port = re.match(r"http://([^:/]+):(\d+)/", url).groups()
    idle = []
    try:
        for _ in range(IDLE_CONNECTIONS):
            idle.append(socket.create_connection((host, int(port)), timeout=10))
        time.sleep(1)
        # Every request is answered, each within its own timeout, while the idle sockets stay open.
        for _ in range(10):
            status, body = get(url)
            assert status == 200 and b"<html" in body
        # An edit still rebuilds: the watcher and the build can open files.
        chapter = root / "content" / "report" / "01-introduction.md"
        chapter.write_text(chapter.read_text(encoding="utf-8") + "\nA paragraph added under a low file limit.\n",
                           encoding="utf-8")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            _, page = get(url + "report/introduction/")
            if b"A paragraph added under a low file limit." in page:
                break
            time.sleep(0.5)
        else:
            pytest.fail("the edit was not rebuilt under the lowered file limit")
    finally:
        for s in idle:
            s.close()
    text = stderr.read_text(encoding="utf-8")
    assert f"the limit of open files is {FILE_LIMIT}" in text, text
    assert "content-missing" not in text, text
