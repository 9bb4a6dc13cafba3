"""Fixtures: build the site with sitegen, serve it locally, drive headless Chromium.

Environment:
  SITEGEN_BIN        sitegen executable (default .build/debug/sitegen; relative paths
                     are taken relative to the repository root)
  CHROMIUM_BIN       default /usr/bin/chromium
  CHROMEDRIVER_BIN   default /usr/bin/chromedriver
"""

from __future__ import annotations

import dataclasses
import os
import socket
import subprocess
import threading
import urllib.parse
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from sitetools import REPO_ROOT, SUBPATH

# ---------------------------------------------------------------- static server


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serve `site_root` under the URL path `prefix`; missing files get 404.html with status 404."""

    site_root: Path = Path("/nonexistent")
    prefix: str = "/"

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".mjs": "text/javascript; charset=utf-8",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".webmanifest": "application/manifest+json",
        ".xml": "application/xml",
        ".txt": "text/plain; charset=utf-8",
    }

    def log_message(self, format, *args):  # noqa: A002 - quiet server
        pass

    def translate_path(self, path):
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(path).path)
        if url_path + "/" == self.prefix:
            rest = "/"  # e.g. /sub/path -> directory redirect to /sub/path/
        elif url_path.startswith(self.prefix):
            rest = "/" + url_path[len(self.prefix):]
        else:
            return str(self.site_root / "__outside-url-prefix__" / "missing")  # -> 404
        # SimpleHTTPRequestHandler.translate_path resolves against self.directory and
        # drops '..' segments.
        return super().translate_path(rest)

    def list_directory(self, path):
        # A folder without index.html is a missing page, not a listing.
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        page = self.site_root / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        else:
            super().send_error(code, message, explain)


@dataclasses.dataclass
class Site:
    base_url: str          # e.g. http://127.0.0.1:41234/ or http://127.0.0.1:41234/sub/path/
    origin: str            # e.g. http://127.0.0.1:41234
    public_dir: Path       # the build output
    build_log: str         # sitegen's stdout + stderr

    def url(self, path: str = "") -> str:
        return urllib.parse.urljoin(self.base_url, path)


def sitegen_bin() -> Path:
    value = os.environ.get("SITEGEN_BIN", ".build/debug/sitegen")
    p = Path(value)
    return p if p.is_absolute() else REPO_ROOT / p


def build_site(public_dir: Path, base_url: str) -> str:
    binary = sitegen_bin()
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        pytest.fail(f"sitegen binary not found or not executable: {binary} "
                    "(build it with `swift build` or set SITEGEN_BIN)", pytrace=False)
    cmd = [str(binary), "build", "--content", "content", "--templates", "templates",
           "--output", str(public_dir), "--base-url", base_url]
    try:
        proc = subprocess.run(cmd, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired as err:
        pytest.fail(f"sitegen build timed out: {' '.join(cmd)}\n{err.stdout}\n{err.stderr}", pytrace=False)
    log = f"$ {' '.join(cmd)}\n--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
    if proc.returncode != 0:
        pytest.fail(f"sitegen build failed with exit status {proc.returncode}\n{log}", pytrace=False)
    for required in ("index.html", "404.html"):
        if not (public_dir / required).is_file():
            pytest.fail(f"sitegen build produced no {required} in {public_dir}\n{log}", pytrace=False)
    return log


def _serve_built_site(tmp_path_factory, name: str, prefix: str):
    """Bind a free port, build the site for it, serve it in a background thread."""
    public_dir = tmp_path_factory.mktemp(name) / "public"
    handler = type("Handler", (SiteRequestHandler,), {"site_root": public_dir, "prefix": prefix})
    # Binding port 0 first reserves a free port for the build's --base-url (no race).
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0),
        lambda *a, **kw: handler(*a, directory=str(public_dir), **kw),
    )
    server.daemon_threads = True
    port = server.server_address[1]
    origin = f"http://127.0.0.1:{port}"
    base_url = origin + prefix
    try:
        log = build_site(public_dir, base_url)
    except BaseException:
        server.server_close()
        raise
    thread = threading.Thread(target=server.serve_forever, name=f"http-{name}", daemon=True)
    thread.start()
    try:
        yield Site(base_url=base_url, origin=origin, public_dir=public_dir, build_log=log)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built with base URL http://127.0.0.1:<port>/ and served at the root."""
    yield from _serve_built_site(tmp_path_factory, "site-root", "/")


@pytest.fixture(scope="session")
def base_url(site) -> str:
    return site.base_url


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory):
    """The site built with base URL http://127.0.0.1:<port>/sub/path/ and served under /sub/path/."""
    yield from _serve_built_site(tmp_path_factory, "site-subpath", SUBPATH)


@pytest.fixture(scope="session")
def subpath_base_url(subpath_site) -> str:
    return subpath_site.base_url


# ---------------------------------------------------------------- browsers


def make_chromium(javascript: bool = True) -> webdriver.Chrome:
    opts = Options()
    opts.binary_location = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--metrics-recording-only"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        opts.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
    drv = webdriver.Chrome(service=service, options=opts)
    drv.set_page_load_timeout(60)
    drv.set_script_timeout(180)
    return drv


def _reset(drv):
    drv.get("about:blank")
    drv.get_log("browser")  # drain entries of earlier tests


@pytest.fixture(scope="session")
def _chromium():
    drv = make_chromium(javascript=True)
    yield drv
    drv.quit()


@pytest.fixture(scope="session")
def _chromium_nojs():
    drv = make_chromium(javascript=False)
    # Prove that JavaScript really is off: a page script must not be able to run.
    drv.get("data:text/html,<title>before</title><script>document.title='js-ran'</script>")
    title = drv.title
    if title != "before":
        drv.quit()
        pytest.fail(f"JavaScript is not disabled in the no-JS browser (title {title!r})", pytrace=False)
    yield drv
    drv.quit()


@pytest.fixture
def driver(_chromium):
    """Headless Chromium (shared by the session), with an empty console log."""
    _reset(_chromium)
    return _chromium


@pytest.fixture
def driver_nojs(_chromium_nojs):
    """Headless Chromium with JavaScript disabled (shared by the session)."""
    _reset(_chromium_nojs)
    return _chromium_nojs
