"""The publishing documentation holds what it promises: the GitHub Pages workflow example is
valid YAML that builds sitegen and the site with --strict at the address Pages gives it and
uploads public/; the README's header list matches the `_headers` file the build writes."""

import os
import re
import subprocess
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_github_pages_workflow_builds_strict_and_uploads_public():
    workflow = yaml.safe_load((ROOT / "docs" / "deploy" / "github-pages.yml").read_text())
    jobs = workflow["jobs"]
    steps = jobs["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert any("swift build --product sitegen" in r for r in runs)
    build = next(r for r in runs if "sitegen build" in r)
    assert "--strict" in build and "steps.pages.outputs.base_url" in build
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "public"
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in jobs["deploy"]["steps"])


def test_readme_headers_are_the_ones_the_build_writes():
    binary = os.environ.get("SITEGEN", str(ROOT / ".build" / "debug" / "sitegen"))
    out = Path(tempfile.mkdtemp(prefix="sitegen-headers-")) / "site"
    subprocess.run([binary, "build", "--output", str(out)], cwd=ROOT, check=True, capture_output=True)
    written = (out / "_headers").read_text()
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"```\n(# Response headers.*?)```", readme, re.S)
    assert block, "README shows the _headers file"
    assert block.group(1) == written
