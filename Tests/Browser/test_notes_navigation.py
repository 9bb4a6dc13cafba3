"""Note reference -> note -> back-link -> the same reference, with JavaScript on."""

from selenium.webdriver.common.by import By

from sitetools import PAGES, current_hash, in_viewport, load, viewport_state, wait_until


def test_first_reference_goes_to_note_and_back(driver, site):
    load(driver, site.url(PAGES["chapter"]))
    refs = driver.find_elements(By.CSS_SELECTOR, 'a[href$="#note-1"]')
    assert refs, "no <a> whose href ends in #note-1 on the introduction"
    ref = refs[0]
    assert ref.get_attribute("id") == "ref-1-1", (
        f"first reference to note 1 has id {ref.get_attribute('id')!r}, expected 'ref-1-1'")

    ref.click()
    assert wait_until(lambda: current_hash(driver) == "#note-1", 3), (
        f"after clicking ref-1-1 the location hash is {current_hash(driver)!r}, expected '#note-1'")
    assert wait_until(lambda: in_viewport(driver, "note-1"), 3), (
        f"note-1 is not in the viewport after following the reference: {viewport_state(driver, 'note-1')}")

    note = driver.find_element(By.ID, "note-1")
    backs = note.find_elements(By.CSS_SELECTOR, 'a[href$="#ref-1-1"]')
    assert len(backs) == 1, f"note-1 has {len(backs)} back-links to #ref-1-1, expected 1"
    backs[0].click()
    assert wait_until(lambda: current_hash(driver) == "#ref-1-1", 3), (
        f"after clicking the back-link the hash is {current_hash(driver)!r}, expected '#ref-1-1'")
    assert wait_until(lambda: in_viewport(driver, "ref-1-1"), 3), (
        f"ref-1-1 is not in the viewport after the back-link: {viewport_state(driver, 'ref-1-1')}")
    # The element we are back at is the very reference we clicked.
    assert driver.find_element(By.ID, "ref-1-1") == ref
