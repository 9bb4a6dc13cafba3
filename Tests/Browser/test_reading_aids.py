"""Reading a long report (issue 15): margin notes, previews that stay in the window and work
on touch, way-finding, the phone menu, sizes and contrast measured in the browser, print."""

import base64
import re
import subprocess
import unicodedata

import pytest
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from sitetools import PAGES, chapter_slugs, current_hash, load, wait_until

CHAPTER3 = f"report/{chapter_slugs()[2]}/"
CHAPTER1 = f"report/{chapter_slugs()[0]}/"


@pytest.fixture
def sized(driver):
    """The shared browser, its window size restored after the test."""
    yield driver
    driver.set_window_size(1280, 900)
    emulate(driver, scheme=None)


def emulate(driver, scheme=None, media=""):
    features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media, "features": features})


def set_width(driver, width, height=900):
    driver.set_window_size(width, height)
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:  # the window frame: make the viewport itself `width` wide
        driver.set_window_size(width + (width - inner), height)


MARGIN_JS = """
const body = document.querySelector('.chapter-body').getBoundingClientRect();
const notes = [...document.querySelectorAll('.margin-note')].filter(n => n.getClientRects().length);
return {bodyRight: body.right, total: document.querySelectorAll('.margin-note').length,
  notes: notes.map(n => {
    const r = n.getBoundingClientRect();
    const ref = n.previousElementSibling.querySelector('a').getBoundingClientRect();
    return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,
            refTop: ref.top + scrollY, label: n.querySelector('.margin-note-number').textContent,
            sources: !!n.querySelector('.note-sources')};
  })};
"""


@pytest.mark.parametrize("width", [1280, 1680])
def test_margin_notes_stand_beside_their_reference_without_overlap(sized, site, width):
    set_width(sized, width)
    load(sized, site.url(CHAPTER3))
    state = sized.execute_script(MARGIN_JS)
    notes = state["notes"]
    assert len(notes) == state["total"] > 50, f"{len(notes)} of {state['total']} margin notes shown at {width}px"
    assert len({n["label"] for n in notes}) == len(notes), "a note stands twice in the margin"
    for n in notes:
        assert n["left"] >= state["bodyRight"] + 16, f"note {n['label']} overlaps the text ({n['left']} < {state['bodyRight']})"
        assert n["right"] <= width, f"note {n['label']} leaves the window at {width}px"
        assert n["top"] >= n["refTop"] - 8, f"note {n['label']} starts above its reference"
    for a, b in zip(notes, notes[1:]):
        assert b["top"] >= a["bottom"], f"notes {a['label']} and {b['label']} overlap"
    # The first note of the chapter stands level with its reference.
    assert abs(notes[0]["top"] - notes[0]["refTop"]) < 20, notes[0]
    assert sum(n["sources"] for n in notes) > 20, "margin notes lack their source line"


def test_margin_notes_hidden_below_the_breakpoint_and_shown_without_javascript(sized, site, driver_nojs):
    set_width(sized, 1024)
    load(sized, site.url(CHAPTER3))
    assert sized.execute_script(MARGIN_JS)["notes"] == [], "margin notes shown at 1024px"
    set_width(driver_nojs, 1280)
    load(driver_nojs, site.url(CHAPTER3))
    state = driver_nojs.execute_script(MARGIN_JS)
    assert len(state["notes"]) == state["total"] > 50, "margin notes need JavaScript"
    driver_nojs.set_window_size(1280, 900)


def test_no_layout_shift_on_load(sized, site):
    set_width(sized, 1280)
    script = sized.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
      window.__shift = 0;
      new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({type: 'layout-shift', buffered: true});"""})
    try:
        load(sized, site.url(CHAPTER3))
        shift = sized.execute_script("return window.__shift")
    finally:
        sized.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    assert shift is not None and shift < 0.01, f"cumulative layout shift {shift}"


PREVIEW_JS = """
const p = document.getElementById('note-preview');
if (!p || p.hidden) return null;
const r = p.getBoundingClientRect();
return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, vh: innerHeight, vw: innerWidth,
        placement: p.dataset.placement, text: p.textContent};
"""


def test_preview_near_the_bottom_of_the_window_opens_above(sized, site):
    set_width(sized, 1024)
    load(sized, site.url(CHAPTER3))
    ref = sized.find_element(By.ID, "ref-194-1")
    sized.execute_script("const r = arguments[0].getBoundingClientRect(); scrollBy(0, r.top - innerHeight + 40);", ref)
    sized.execute_script("arguments[0].focus({preventScroll: true})", ref)
    state = wait_until(lambda: sized.execute_script(PREVIEW_JS), 3)
    assert state, "no preview for note 194"
    assert state["placement"] == "above", state
    assert 0 <= state["top"] and state["bottom"] <= state["vh"], f"preview leaves the window: {state}"
    assert 0 <= state["left"] and state["right"] <= state["vw"], state


def test_preview_links_are_reachable_with_tab(sized, site):
    set_width(sized, 1024)
    load(sized, site.url(CHAPTER3))
    ref = sized.find_element(By.ID, "ref-89-1")
    sized.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", ref)
    assert wait_until(lambda: sized.execute_script(PREVIEW_JS), 3)
    links = sized.find_elements(By.CSS_SELECTOR, "#note-preview a")
    assert links and links[-1].get_attribute("class") == "note-preview-go"
    for _ in range(len(links)):
        sized.switch_to.active_element.send_keys(Keys.TAB)
    active = sized.switch_to.active_element
    assert active.get_attribute("class") == "note-preview-go", active.get_attribute("outerHTML")[:200]
    assert sized.execute_script(PREVIEW_JS), "the preview closed while tabbing through it"


def tap(driver, element):
    finger = PointerInput(interaction.POINTER_TOUCH, "finger")
    actions = ActionBuilder(driver, mouse=finger)
    actions.pointer_action.move_to(element).pointer_down().pause(0.05).pointer_up()
    actions.perform()


def test_touch_first_tap_opens_the_preview_second_tap_goes_to_the_note(sized, site):
    set_width(sized, 375, 800)
    load(sized, site.url(CHAPTER3))
    ref = sized.find_element(By.ID, "ref-90-1")
    sized.execute_script("arguments[0].scrollIntoView({block: 'center'})", ref)
    tap(sized, ref)
    state = wait_until(lambda: sized.execute_script(PREVIEW_JS), 3)
    assert state, "the first tap did not open the preview"
    assert current_hash(sized) == "", f"the first tap navigated to {current_hash(sized)}"
    assert state["left"] >= 0 and state["right"] <= state["vw"] and state["bottom"] <= state["vh"], state
    tap(sized, ref)
    assert wait_until(lambda: current_hash(sized) == "#note-90", 3), f"second tap: hash {current_hash(sized)!r}"


@pytest.mark.parametrize("page", ["person", "sources"])
def test_links_to_notes_on_other_pages_have_previews(sized, site, page):
    set_width(sized, 1280)
    load(sized, site.url(PAGES[page]))
    link = sized.find_element(By.CSS_SELECTOR, "main a[href*='/report/notes/#note-']")
    number = link.get_attribute("href").rsplit("#note-", 1)[1]
    sized.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", link)
    state = wait_until(lambda: sized.execute_script(PREVIEW_JS), 5)
    assert state, f"no preview for a link to note {number} on the {page} page"
    assert state["text"].startswith(f"Note {number}"), state["text"][:80]
    assert len(state["text"]) > 30


def test_wide_screen_hover_marks_the_margin_note_instead_of_a_preview(sized, site):
    set_width(sized, 1280)
    load(sized, site.url(CHAPTER1))
    ref = sized.find_element(By.ID, "ref-2-1")
    sized.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", ref)
    assert wait_until(lambda: sized.execute_script(
        "return !!document.querySelector('.margin-note.is-current')"), 3), "the margin note is not marked"
    assert sized.execute_script(PREVIEW_JS) is None, "a preview covers the margin note"


def test_chapter_contents_stay_in_view_and_mark_the_current_section(sized, site):
    set_width(sized, 1280)
    load(sized, site.url(CHAPTER3))
    links = sized.find_elements(By.CSS_SELECTOR, ".chapter-toc a")
    assert len(links) >= 3
    target = links[2].get_attribute("href").split("#")[1]
    sized.execute_script("document.getElementById(arguments[0]).scrollIntoView(); scrollBy(0, 200);", target)
    assert wait_until(lambda: links[2].get_attribute("aria-current") == "location", 3), "scroll-spy did not mark the section"
    assert sum(1 for l in links if l.get_attribute("aria-current")) == 1
    top = sized.execute_script("return document.querySelector('.chapter-toc').getBoundingClientRect().top")
    assert 0 <= top < 100, f"the chapter contents scrolled away (top {top})"


def test_phone_pager_before_the_notes_and_back_to_top(sized, site):
    set_width(sized, 375, 800)
    load(sized, site.url(CHAPTER3))
    eyebrow = sized.find_element(By.CSS_SELECTOR, ".page-header .eyebrow").text
    assert re.search(r"3\D+5", eyebrow), eyebrow
    pager = sized.find_element(By.CSS_SELECTOR, "article .pager").rect
    notes = sized.find_element(By.CSS_SELECTOR, ".footnotes").rect
    assert pager["y"] + pager["height"] <= notes["y"], "previous/next stand after the notes"
    top = sized.find_element(By.CSS_SELECTOR, ".back-to-top a")
    assert top.get_attribute("href").endswith("#top")


def test_returning_to_a_reference_highlights_it_with_room_above(sized, site):
    set_width(sized, 1024)
    load(sized, site.url(CHAPTER3) + "#note-90")
    back = sized.find_element(By.CSS_SELECTOR, "#note-90 a.note-backref")
    sized.execute_script("arguments[0].click()", back)
    assert wait_until(lambda: current_hash(sized) == "#ref-90-1", 3)
    state = sized.execute_script("""
      const a = document.getElementById('ref-90-1'), p = a.closest('p');
      return {top: a.getBoundingClientRect().top, bg: getComputedStyle(a).backgroundColor,
              other: getComputedStyle(document.querySelector('.note-ref a:not(:target)')).backgroundColor};""")
    assert state["top"] >= 48, f"the reference is at the top edge ({state['top']}px)"
    assert state["bg"] != state["other"], "the reference is not highlighted"


INDEX_PAGES = ["report/full/", "report/notes/", "sources/", "figures/", "timeline/", "documents/", "people/", "organisations/"]


@pytest.mark.parametrize("page", list(PAGES))
def test_every_index_page_is_in_the_menu(driver, site, page):
    load(driver, site.url(PAGES[page]), settle=0.05)
    hrefs = driver.execute_script("return [...document.querySelectorAll('.site-nav-list a')].map(a => a.pathname)")
    for index in INDEX_PAGES:
        assert "/" + index in hrefs, f"{page}: no menu link to /{index}"


def test_no_empty_href_anywhere_in_the_built_site(driver, site):
    """An empty href is a value missing from a template (or one taken from an outer context)."""
    empty = [str(p.relative_to(site.public_dir)) for p in site.public_dir.rglob("*.html")
             if re.search(r"""\bhref\s*=\s*(""|'')""", p.read_text(encoding="utf-8"))]
    assert not empty, f"href=\"\" in {len(empty)} pages: {empty[:10]}"
    for page in PAGES:
        load(driver, site.url(PAGES[page]), settle=0.05)
        assert driver.execute_script("return document.querySelectorAll('[href=\"\"], [src=\"\"]').length") == 0, page


def test_phone_menu_shows_every_item_without_javascript(sized, site, driver_nojs):
    for drv in (sized, driver_nojs):
        set_width(drv, 375, 800)
        load(drv, site.url(PAGES["organisations-index"]))
        summary = drv.find_element(By.CSS_SELECTOR, ".site-menu > summary")
        assert summary.is_displayed() and summary.rect["height"] >= 24
        assert not drv.find_element(By.CSS_SELECTOR, ".site-nav-list").is_displayed()
        summary.click()
        items = drv.find_elements(By.CSS_SELECTOR, ".site-menu a")
        assert len(items) >= len(INDEX_PAGES) + 1
        for item in items:
            r = item.rect
            assert item.is_displayed() and r["x"] >= 0 and r["x"] + r["width"] <= 375, item.text
            assert r["height"] >= 24, item.text
        current = drv.find_element(By.CSS_SELECTOR, ".site-menu a[aria-current='page']")
        assert current.text == "Organisations"
    driver_nojs.set_window_size(1280, 900)


# ------------------------------------------------------------------ measured sizes and contrast

TARGETS_JS = """
const sel = '.note-ref a, .note-backref, a.permalink, .site-nav-list a, .site-menu summary, .pager a, '
          + '.chapter-toc a, .back-to-top a, .site-search button, .site-search input, .note-preview-go';
return [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map(e => { const r = e.getBoundingClientRect(); return {w: r.width, h: r.height, html: e.outerHTML.slice(0, 100)}; })
  .filter(r => r.w < 23.5 || r.h < 23.5);
"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("page", [CHAPTER3, "report/notes/", "report/full/"])
def test_tap_targets_at_least_24px(sized, site, width, page):
    set_width(sized, width, 800)
    load(sized, site.url(page), settle=0.05)
    small = sized.execute_script(TARGETS_JS)
    assert not small, f"{len(small)} targets under 24×24 px at {width}px, e.g. {small[:3]}"


HEADINGS_JS = """
const body = parseFloat(getComputedStyle(document.querySelector('.prose p, main p')).fontSize);
return [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
  .filter(h => h.getClientRects().length)
  .map(h => ({size: parseFloat(getComputedStyle(h).fontSize), text: h.textContent.slice(0, 40), body}))
  .filter(h => h.size < body);
"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("page", ["chapter", "person", "timeline", "notes", "sources", "document"])
def test_headings_never_smaller_than_body_text(sized, site, width, page):
    set_width(sized, width, 800)
    load(sized, site.url(PAGES[page]), settle=0.05)
    small = sized.execute_script(HEADINGS_JS)
    assert not small, f"{page} at {width}px: headings smaller than body text: {small[:5]}"


CHART_JS = """
const svg = document.querySelector('svg.chart'), vb = svg.viewBox.baseVal;
const scale = vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
return [...svg.querySelectorAll('text')].filter(t => t.getClientRects().length)
  .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
"""


@pytest.mark.parametrize("width", [320, 375, 768, 1280])
def test_chart_labels_at_least_12px(sized, site, width):
    set_width(sized, width, 900)
    load(sized, site.url("figures/"), settle=0.05)
    sizes = sized.execute_script(CHART_JS)
    assert sizes and min(sizes) >= 12, f"chart labels at {width}px: smallest {min(sizes):.1f}px"
    assert sized.execute_script("return document.documentElement.scrollWidth") <= width


CONTRAST_JS = """
function rgba(s) { const m = s.match(/[\\d.]+/g).map(Number); return m.length === 3 ? [...m, 1] : m; }
function lum([r, g, b]) { return [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
  .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0); }
function over(top, bottom) { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat(1); }
function background(el) {
  const layers = [];
  for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c[3] > 0) layers.push(c); }
  let c = rgba(getComputedStyle(document.documentElement).backgroundColor);
  if (c[3] === 0) c = matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18, 1] : [255, 255, 255, 1];
  for (const l of layers.reverse()) c = over(l, c);
  return c;
}
function opacity(el) { let o = 1; for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity); return o; }
function ratio(fg, bg) { const a = lum(fg) + 0.05, b = lum(bg) + 0.05; return Math.max(a, b) / Math.min(a, b); }
const out = [];
function check(el, fgString, label) {
  const bg = background(el), o = opacity(el);
  if (o === 0) return;
  let fg = rgba(fgString); fg = over([fg[0], fg[1], fg[2], fg[3] * o], bg);
  const cs = getComputedStyle(el), size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight) >= 700;
  const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5, r = ratio(fg, bg);
  if (r < need) out.push({label, ratio: Math.round(r * 100) / 100, need, html: el.outerHTML.slice(0, 90)});
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const seen = new Set();
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!n.textContent.trim() || seen.has(el) || !el.getClientRects().length || el.closest('svg, [hidden], .skip-link')) continue;
  const cs = getComputedStyle(el);
  if (cs.visibility === 'hidden') continue;
  seen.add(el);
  check(el, cs.color, 'text');
}
for (const input of document.querySelectorAll('input[placeholder]')) check(input, getComputedStyle(input, '::placeholder').color, 'placeholder');
return out;
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", [CHAPTER3, "search/?q=Nyi%20Thuta", "sources/", "person"])
def test_text_contrast_in_both_schemes(sized, site, scheme, page):
    emulate(sized, scheme=scheme)
    set_width(sized, 1280)
    load(sized, site.url(PAGES.get(page, page)), settle=0.3)
    if "search" in page:
        wait_until(lambda: sized.execute_script("return document.querySelectorAll('main mark').length"), 10)
        assert sized.execute_script("return document.querySelectorAll('main mark').length"), "no highlighted search terms"
    low = sized.execute_script(CONTRAST_JS)
    assert not low, f"{page} ({scheme}): {len(low)} texts below the contrast minimum, e.g. {low[:4]}"


def test_paragraph_marks_have_contrast_on_touch_screens(sized, site):
    sized.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": [{"name": "hover", "value": "none"}]})
    load(sized, site.url(CHAPTER3), settle=0.05)
    state = sized.execute_script("const a = document.querySelector('a.permalink'); return getComputedStyle(a).opacity")
    assert float(state) == 1.0, f"¶ at opacity {state} where there is no hover"
    low = [x for x in sized.execute_script(CONTRAST_JS) if "permalink" in x["html"]]
    assert not low, low[:3]


# ------------------------------------------------------------------ illustrations and Burmese


def test_illustrations_without_pictures_say_so(driver, site):
    load(driver, site.url(CHAPTER3), settle=0.05)
    figures = driver.find_elements(By.CSS_SELECTOR, ".chapter-body figure")
    assert figures
    for figure in figures:
        if figure.find_elements(By.TAG_NAME, "img"):
            continue
        notice = figure.find_element(By.CSS_SELECTOR, ".figure-missing")
        assert notice.text.startswith("Image not reproduced"), notice.text
        assert notice.find_element(By.TAG_NAME, "a").get_attribute("href")


def test_myanmar_font_loads_only_where_burmese_text_stands(driver, site):
    def fetched():
        return driver.execute_script(
            "return performance.getEntriesByType('resource').some(e => e.name.includes('noto-sans-myanmar.woff2'))")
    load(driver, site.url(CHAPTER1))
    assert not fetched(), "the Myanmar font was fetched for a page without Burmese text"
    slug = chapter_slugs()[1]
    load(driver, site.url(f"report/{slug}/"))
    assert driver.find_elements(By.CSS_SELECTOR, "[lang='my']"), "no Burmese text on the test page"
    assert wait_until(fetched, 5), "the Myanmar font was not fetched for Burmese text"
    # The site's own style sheet (content/assets/burmese.css) declares the face; it is loaded.
    assert wait_until(lambda: driver.execute_script(
        "return [...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Report Noto Sans Myanmar' && f.status === 'loaded')"), 5), \
        "the Burmese face of the site's style sheet did not load"


# ------------------------------------------------------------------ print


def pdf_text(driver, url, tmp_path):
    load(driver, url)
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "displayHeaderFooter": False})["data"])
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def test_print_has_page_numbers_running_heads_and_short_lines(driver, site, tmp_path):
    pages = [p for p in pdf_text(driver, site.url(CHAPTER3), tmp_path) if p.strip()]
    assert len(pages) > 5
    total = len(pages)
    title = driver.find_element(By.TAG_NAME, "h1").text
    for number, page in enumerate(pages, start=1):
        lines = [l.strip() for l in page.splitlines() if l.strip()]
        assert any(re.fullmatch(rf"{number}\s*/\s*{total}", l) for l in lines[-3:]), f"page {number}: no number in {lines[-3:]}"
        assert title[:30] in lines[0], f"page {number}: running head {lines[0]!r}"
    def length(line):  # characters as a reader counts them: combining marks belong to their letter
        return sum(1 for c in re.sub(r"\s+", " ", line) if unicodedata.category(c) not in ("Mn", "Mc"))
    body = [l.strip() for p in pages for l in p.splitlines()[1:-1] if len(l.strip()) > 20 and "http" not in l]
    longest = max(body, key=length)
    assert length(longest) < 80, f"a printed line of {length(longest)} characters: {longest!r}"
    assert any("Notes" == l.strip() for p in pages for l in p.splitlines()), "no endnotes in print"
