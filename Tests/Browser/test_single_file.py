"""The one-file edition, opened from a folder as a reader who received it by phone would:
nothing loads from anywhere (every resource is inside), the styles and the font apply, a note
reference leads to its note in the file and shows a preview, the chart is there."""

from __future__ import annotations

import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import sitegen_bin
from sitetools import REPO_ROOT, load, severe_console_entries, wait_until


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    folder = tmp_path_factory.mktemp("single")
    path = folder / "report.html"
    proc = subprocess.run([str(sitegen_bin()), "build", "--output", str(folder / "public"), "--single-file", str(path)],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return path


def test_single_file_is_self_contained_and_reads(driver, edition):
    assert edition.stat().st_size <= 1_000_000
    driver.set_window_size(1024, 900)
    load(driver, edition.as_uri(), settle=0.2)
    requested = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:'))")
    assert requested == [], requested
    # The stylesheet is inside (the skip link is moved out of view) and the font loaded from it.
    assert driver.execute_script("return getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"
    assert driver.execute_script("return [...document.styleSheets].some(s => [...s.cssRules].some("
                                 "r => r instanceof CSSFontFaceRule && r.cssText.includes('data:font/woff2')))")
    assert driver.find_elements(By.CSS_SELECTOR, "svg.chart"), "the chart is in the file"
    # A note reference: a preview on focus, and the link leads to the note in the same file.
    ref = driver.find_element(By.CSS_SELECTOR, "a[role='doc-noteref']")
    href = ref.get_attribute("href")
    assert href.startswith(edition.as_uri() + "#"), href
    driver.execute_script("window.scrollTo(0, 0); arguments[0].focus();", ref)
    preview = wait_until(lambda: driver.execute_script(
        "const p = document.getElementById('note-preview'); return p && !p.hidden ? p.textContent : null"), timeout=5)
    assert preview, "no note preview"
    driver.execute_script("arguments[0].click()", ref)
    target = href.split("#", 1)[1]
    assert wait_until(lambda: driver.execute_script("return location.hash") == "#" + target, timeout=5)
    assert driver.execute_script("return !!document.getElementById(arguments[0])", target)
    assert not severe_console_entries(driver)
    driver.set_window_size(1280, 900)
