"""TAB through the page: only links and form controls take focus, focus is visible, every link is reachable."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from sitetools import PAGES, load

CONTROLS = {"a", "button", "input", "select", "textarea", "summary"}

FOCUSED_JS = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return null;
const first = !el.hasAttribute('data-tab-seen');
if (first) el.setAttribute('data-tab-seen', String(arguments[0]));
const cs = getComputedStyle(el);
const r = el.getBoundingClientRect();
return {first: first, tag: el.tagName.toLowerCase(),
        href: (el.tagName === 'A' && el.hasAttribute('href')) ? el.href : null,
        outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) || 0,
        boxShadow: cs.boxShadow, width: r.width, height: r.height,
        html: el.outerHTML.slice(0, 160)};
"""

LINKS_JS = """
const rendered = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
                         && !el.closest('[inert]');
const links = [...document.querySelectorAll('a[href]')];
return {all: links.filter(rendered).map(a => a.href),
        notRendered: links.filter(a => !rendered(a)).length,
        focusable: document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]').length};
"""


@pytest.mark.parametrize("page", ["home", "chapter", "search"])
def test_tab_order(driver, site, page):
    load(driver, site.url(PAGES[page]), settle=0.05)
    links = driver.execute_script(LINKS_JS)
    max_tabs = min(links["focusable"] + 25, 3000)
    actions = ActionChains(driver)
    focused, problems = [], []
    empties = 0
    for i in range(max_tabs):
        actions.send_keys(Keys.TAB).perform()
        info = driver.execute_script(FOCUSED_JS, i)
        if info is None:            # focus left the document (browser UI) …
            empties += 1
            if empties > 2:
                break
            continue
        if not info["first"]:       # … or came round to an element seen before: cycle done.
            break
        focused.append(info)
        what = f"tab {i + 1}: {info['html']}"
        if info["tag"] not in CONTROLS or (info["tag"] == "a" and info["href"] is None):
            problems.append(f"{what} — focused element is not a link or form control")
        visible_outline = info["outlineStyle"] != "none" and info["outlineWidth"] > 0
        if not visible_outline and info["boxShadow"] in ("none", ""):
            problems.append(f"{what} — no focus indicator (outline {info['outlineStyle']} "
                            f"{info['outlineWidth']}px, box-shadow {info['boxShadow']})")
        if info["width"] <= 1 or info["height"] <= 1:
            problems.append(f"{what} — focused element is not visible ({info['width']}x{info['height']})")
    else:
        problems.append(f"focus did not cycle within {max_tabs} tabs")
    assert focused, "TAB never focused anything"
    unreachable = sorted(set(links["all"]) - {f["href"] for f in focused if f["href"]})
    if unreachable:
        problems.append(f"{len(unreachable)} link targets never reached by TAB: {unreachable[:20]}")
    assert not problems, f"{page} ({len(focused)} focus stops):\n" + "\n".join(problems[:60])
