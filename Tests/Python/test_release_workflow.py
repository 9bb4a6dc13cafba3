"""The release workflow the README shows ("Use in CI") is the file in docs/deploy, valid YAML
that downloads the archive `make dist` names for the current version, checks its SHA-256
before unpacking, builds the site with --strict at the address Pages gives it and publishes
public/."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "docs" / "deploy" / "github-pages-release.yml"


def readme_workflow():
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Use in CI\n"):]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_readme_shows_the_workflow_file():
    text = WORKFLOW.read_text()
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    assert body == readme_workflow()


def test_the_workflow_downloads_checks_builds_strict_and_publishes():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    build = workflow["jobs"]["build"]
    assert "container" not in build, "the release file needs no Swift image"
    steps = build["steps"]
    install = next(s["run"] for s in steps if "sha256sum" in s.get("run", ""))
    lines = [line.strip() for line in install.splitlines() if line.strip()]
    assert [i for i, line in enumerate(lines) if line.startswith("sha256sum -c")] < \
        [i for i, line in enumerate(lines) if line.startswith("tar ")], "checked before unpacked"
    assert any("$GITHUB_PATH" in line for line in lines)
    assert not any("swift" in s.get("run", "") for s in steps)
    run = next(s["run"] for s in steps if "sitegen build" in s.get("run", ""))
    assert "--strict" in run and "steps.pages.outputs.base_url" in run
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "public"
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in workflow["jobs"]["deploy"]["steps"])


def test_the_workflow_names_the_archive_make_dist_writes_for_this_version():
    version = re.search(r'static let version = "([^"]+)"', (ROOT / "Sources/sitegen/BuildInfo.swift").read_text()).group(1)
    env = yaml.safe_load(WORKFLOW.read_text())["jobs"]["build"]["env"]
    assert env["SITEGEN"] == f"sitegen-{version}-linux-x86_64"
    assert env["RELEASE"].endswith(f"/v{version}")
    dist = (ROOT / "scripts" / "dist.sh").read_text()
    assert "NAME=sitegen-$version-linux-x86_64" in dist and 'ARCHIVE=dist/$NAME.tar.gz' in dist
    assert "$NAME.tar.gz.sha256" in dist
