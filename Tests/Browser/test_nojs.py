"""With JavaScript disabled, the content, the notes and the navigation still work."""

from selenium.webdriver.common.by import By

from sitetools import PAGES, chapter_slugs, current_hash, in_viewport, load, viewport_state, wait_until

VISIBLE_JS = """
const el = arguments[0];
const cs = getComputedStyle(el);
return el.getClientRects().length > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'
       && parseFloat(cs.opacity) > 0 && !el.closest('[hidden], [inert]');
"""


def _visible(driver, el):
    return driver.execute_script(VISIBLE_JS, el)


def test_chapter_content_and_notes_visible_without_js(driver_nojs, site):
    d = driver_nojs
    load(d, site.url(PAGES["chapter"]))
    paras = d.find_elements(By.CSS_SELECTOR, "main p[id]")
    assert len(paras) >= 5, f"only {len(paras)} paragraphs with an id in <main> without JavaScript"
    hidden = [p.get_attribute("id") for p in paras if not _visible(d, p)]
    assert not hidden, f"paragraphs not visible without JavaScript: {hidden[:20]}"
    notes = [e for e in d.find_elements(By.CSS_SELECTOR, '[id^="note-"]')
             if e.get_attribute("id")[5:].isdigit()]
    assert notes, "no note elements on the chapter page without JavaScript"
    hidden_notes = [n.get_attribute("id") for n in notes if not _visible(d, n)]
    assert not hidden_notes, f"notes not visible without JavaScript: {hidden_notes[:20]}"


def test_reference_moves_to_note_without_js(driver_nojs, site):
    d = driver_nojs
    load(d, site.url(PAGES["chapter"]))
    ref = d.find_element(By.ID, "ref-1-1")
    ref.click()
    assert wait_until(lambda: current_hash(d) == "#note-1", 3), f"hash is {current_hash(d)!r}"
    assert wait_until(lambda: in_viewport(d, "note-1"), 3), (
        f"note-1 not in viewport: {viewport_state(d, 'note-1')}")
    back = d.find_element(By.ID, "note-1").find_element(By.CSS_SELECTOR, 'a[href$="#ref-1-1"]')
    back.click()
    assert wait_until(lambda: current_hash(d) == "#ref-1-1", 3), f"hash is {current_hash(d)!r}"
    assert wait_until(lambda: in_viewport(d, "ref-1-1"), 3), (
        f"ref-1-1 not in viewport: {viewport_state(d, 'ref-1-1')}")


def test_next_chapter_link_without_js(driver_nojs, site):
    d = driver_nojs
    slugs = chapter_slugs()
    assert len(slugs) >= 2 and slugs[0] == "introduction", f"unexpected chapters in content/report: {slugs}"
    expected = site.url(f"report/{slugs[1]}/")
    load(d, site.url(PAGES["chapter"]))
    candidates = [a for a in d.find_elements(By.CSS_SELECTOR, "a[href]")
                  if a.get_property("href") == expected and _visible(d, a)]
    assert candidates, f"no visible link to the next chapter {expected} without JavaScript"
    rel_next = [a for a in candidates if "next" in (a.get_attribute("rel") or "").split()]
    link = (rel_next or candidates)[-1]
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    assert wait_until(lambda: d.current_url == expected, 10), (
        f"next-chapter link led to {d.current_url}, expected {expected}")
    assert d.find_elements(By.CSS_SELECTOR, "main p[id]"), "next chapter shows no paragraphs"


def test_navigation_visible_without_js(driver_nojs, site):
    """Links in <nav> are visible (or inside a <details> the reader can open) without JS."""
    d = driver_nojs
    problems = []
    for page in ("home", "chapter", "document"):
        load(d, site.url(PAGES[page]), settle=0.05)
        navs = d.find_elements(By.CSS_SELECTOR, "nav")
        if not navs:
            problems.append(f"{page}: no <nav> element")
            continue
        for a in d.find_elements(By.CSS_SELECTOR, "nav a[href]"):
            if _visible(d, a):
                continue
            in_details = d.execute_script(
                "const det = arguments[0].closest('details');"
                "return !!det && !det.open && getComputedStyle(det).display !== 'none'", a)
            # The phone menu repeats the links of the wide-screen list: hidden at one width,
            # a link is fine when its twin in the same navigation is shown.
            twin_shown = d.execute_script(
                "const a = arguments[0], nav = a.closest('nav');"
                "return [...nav.querySelectorAll('a[href]')].some(b => b !== a && b.href === a.href"
                " && b.getClientRects().length && getComputedStyle(b).visibility !== 'hidden')", a)
            if not in_details and not twin_shown:
                problems.append(f"{page}: navigation link {a.get_attribute('href')!r} "
                                f"({a.get_attribute('textContent').strip()[:40]!r}) is hidden without JavaScript")
    assert not problems, "\n".join(problems)
