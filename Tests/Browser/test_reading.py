"""The reading experience: note previews (focus, Esc), paragraph permalinks and
highlighting of a linked paragraph, the chart's accessible name and data table."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from sitetools import PAGES, load, wait_until


def preview_state(driver):
    return driver.execute_script(
        "var p = document.getElementById('note-preview');"
        "return p ? {hidden: p.hidden, text: p.textContent, role: p.getAttribute('role')} : null;")


def narrow(driver):
    """Below the margin-note breakpoint: references show previews (wider, the note stands beside them)."""
    driver.set_window_size(1024, 900)


def test_note_preview_opens_on_focus_and_closes_with_escape(driver, site):
    narrow(driver)
    load(driver, site.url(PAGES["chapter"]))
    ref = driver.find_element(By.ID, "ref-1-1")
    driver.execute_script("arguments[0].focus();", ref)
    assert wait_until(lambda: (preview_state(driver) or {}).get("hidden") is False, 3), "no preview after focusing ref-1-1"
    state = preview_state(driver)
    note_text = driver.find_element(By.ID, "note-1").get_attribute("textContent")
    assert state["role"] == "dialog"
    assert "Tatmadaw is usually translated as" in state["text"] and "Tatmadaw is usually translated as" in note_text
    assert "↩" not in state["text"], "the preview repeats the back-links"
    assert ref.get_attribute("aria-describedby") == "note-preview", "the preview is not announced with the reference"
    ref.send_keys(Keys.ESCAPE)
    assert wait_until(lambda: (preview_state(driver) or {}).get("hidden") is True, 3), "Esc did not close the preview"
    assert driver.switch_to.active_element == ref, "focus did not stay on the reference after Esc"
    assert ref.get_attribute("aria-describedby") == "notes-label"
    driver.set_window_size(1280, 900)


def test_note_preview_opens_on_hover(driver, site):
    narrow(driver)
    load(driver, site.url(PAGES["chapter"]))
    ref = driver.find_element(By.ID, "ref-2-1")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", ref)
    from selenium.webdriver.common.action_chains import ActionChains
    ActionChains(driver).move_to_element(ref).perform()
    assert wait_until(lambda: (preview_state(driver) or {}).get("hidden") is False, 3), "no preview on hover"
    assert "Anecdotal evidence" in preview_state(driver)["text"]
    driver.set_window_size(1280, 900)


def test_linked_paragraph_is_highlighted_and_has_a_permalink(driver, site):
    load(driver, site.url(PAGES["chapter"]) + "#introduction-p3")
    target = driver.find_element(By.ID, "introduction-p3")
    other = driver.find_element(By.ID, "introduction-p4")
    highlight = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor;", target)
    normal = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor;", other)
    assert highlight != normal, f"the linked paragraph is not highlighted ({highlight} vs {normal})"
    links = target.find_elements(By.CSS_SELECTOR, "a.permalink")
    assert len(links) == 1 and links[0].get_attribute("href").endswith("#introduction-p3")


def test_chart_has_an_accessible_name_and_a_data_table(driver, site):
    load(driver, site.url("figures/"))
    svg = driver.find_element(By.CSS_SELECTOR, "svg.chart")
    assert svg.get_attribute("role") == "img"
    name = driver.execute_script(
        "return arguments[0].getAttribute('aria-labelledby').split(' ')"
        ".map(function (id) { return document.getElementById(id).textContent; }).join(' ');", svg)
    assert "defected" in name and "2,000" in name, name
    rows = driver.find_elements(By.CSS_SELECTOR, "table.data-table tbody tr")
    points = svg.find_elements(By.CSS_SELECTOR, "a")
    assert len(rows) >= 4 and len(rows) == len(points), f"{len(rows)} rows for {len(points)} points"
    href = driver.execute_script("return arguments[0].getAttribute('href')", points[0])
    assert "#ref-" in href, href
