"""Search: the box on every page, the search page, folding shared with the Swift index.

Queries are typed into the real page in headless Chromium; the expected results are derived
from the built site (paragraph ids) and from content/ (which file holds a term), so the
tests follow the content rather than hard-coded ids.
"""

from __future__ import annotations

import gzip
import json
import re
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from sitetools import CONTENT_DIR, PAGES, REPO_ROOT, current_hash, fetch, in_viewport, load, wait_until

FOLDING_TABLE = REPO_ROOT / "Tests/SitegenTests/Fixtures/search-folding.json"

RESULTS_JS = """
const list = document.getElementById(arguments[0]) || document.querySelector(arguments[0]);
const status = arguments[1] ? document.querySelector(arguments[1]) : null;
if (!list || (status && !status.textContent)) return null;
const links = [...list.querySelectorAll('a')].map(a => ({href: a.href, text: a.textContent}));
return status ? {links} : (links.length ? links : null);
"""


def page_results(driver, timeout=10.0):
    """Links in #search-results once the status line says how many there are."""
    found = wait_until(lambda: driver.execute_script(RESULTS_JS, "search-results", "#search-status"), timeout)
    return found["links"] if found else []


def search_page(driver, site, query):
    load(driver, site.url("search/?q=" + urllib.parse.quote(query)), settle=0.1)
    return page_results(driver)


def paragraph_id(site, page: str, text: str) -> str:
    """The id of the paragraph of a built page that contains `text`."""
    html = (site.public_dir / page / "index.html").read_text(encoding="utf-8")
    for m in re.finditer(r'<p id="([^"]+)"[^>]*>(.*?)</p>', html, re.S):
        if text.lower() in re.sub(r"<[^>]+>", "", m.group(2)).lower():
            return m.group(1)
    raise AssertionError(f"no paragraph with {text!r} in {page}")


def content_files_with(word: str) -> list[str]:
    return sorted(str(p.relative_to(CONTENT_DIR)) for p in CONTENT_DIR.rglob("*.md")
                  if re.search(rf"\b{re.escape(word)}\b", p.read_text(encoding="utf-8"), re.I))


def describe(results, n=5):
    return "\n".join(f"  {i + 1}. {r['href']}  {r['text'][:120]!r}" for i, r in enumerate(results[:n]))


# ---------------------------------------------------------------- the cases of the issue


def test_person_name_first(driver, site):
    results = search_page(driver, site, "Nyi Thuta")
    assert results, "no results for Nyi Thuta"
    assert "Nyi Thuta" in results[0]["text"], f"first result does not mention Nyi Thuta:\n{describe(results)}"
    profile = site.url("people/nyi-thuta/")
    if (site.public_dir / "people/nyi-thuta/index.html").is_file():
        assert profile in [r["href"] for r in results[:3]], f"profile not in the top three:\n{describe(results)}"


def test_partial_name(driver, site):
    full = search_page(driver, site, "Nyi Thuta")
    partial = search_page(driver, site, "Nyi Thu")
    assert partial, "no results for Nyi Thu"
    assert full[0]["href"] in [r["href"] for r in partial[:3]], (
        f"'Nyi Thu' misses the first result for 'Nyi Thuta' ({full[0]['href']}) in its top three:\n{describe(partial)}")


def test_word_typed_without_its_diacritic(driver, site):
    assert content_files_with("Bünthe"), "content no longer cites Bünthe"
    results = search_page(driver, site, "Bunthe")
    assert results, "no results for Bunthe"
    assert "Bünthe" in results[0]["text"], f"first result for Bunthe:\n{describe(results)}"
    # The author the notes spell Bünthe has a profile (Bünthe among its aliases); the notes
    # that cite him follow it.
    assert any("#note-" in r["href"] and "Bünthe" in r["text"] for r in results[:3]), (
        f"no note citing Bünthe in the top three:\n{describe(results)}")
    marks = driver.execute_script(
        "return [...document.querySelectorAll('#search-results li:first-child mark')].map(m => m.textContent)")
    assert "Bünthe" in marks, f"Bünthe is not highlighted in the first result: {marks}"


def test_phrase_in_quotes(driver, site):
    target = site.url("report/introduction/#" + paragraph_id(site, "report/introduction", "Choose this path"))
    results = search_page(driver, site, '"choose this path"')
    assert results and results[0]["href"] == target, f"expected {target} first:\n{describe(results)}"
    # The same words without quotes match more; in quotes only where they stand together.
    loose = search_page(driver, site, "choose this path")
    assert len(loose) > len(results)


def test_term_only_in_a_note(driver, site):
    assert content_files_with("Woods") == ["report/notes.md"], "pick another term: 'Woods' is no longer only in the notes"
    results = search_page(driver, site, "Woods")
    assert results, "no results for Woods"
    assert results[0]["href"].startswith(site.url("report/notes/#note-")), describe(results)


def test_enter_follows_the_first_result_to_its_paragraph(driver, site):
    pid = paragraph_id(site, "report/introduction", "Choose this path")
    load(driver, site.url(PAGES["notes"]), settle=0.05)
    box = driver.find_element(By.ID, "site-search")
    box.click()
    box.send_keys('"choose this path"')
    first = wait_until(lambda: driver.execute_script(RESULTS_JS, ".site-search-panel ol", None), 10)
    assert first and first[0]["href"].endswith("#" + pid), f"panel results: {first}"
    box.send_keys(Keys.ENTER)
    assert wait_until(lambda: current_hash(driver) == "#" + pid, 10), f"at {driver.current_url}, expected #{pid}"
    assert driver.current_url == site.url("report/introduction/#" + pid)
    assert wait_until(lambda: in_viewport(driver, pid), 5), f"{pid} is not in view"


def test_search_page_without_javascript(driver_nojs, site):
    d = driver_nojs
    load(d, site.url("search/?q=Nyi+Thuta"), settle=0.05)
    main = d.find_element(By.TAG_NAME, "main")
    assert "Search needs JavaScript" in main.text, f"no notice without JavaScript:\n{main.text[:500]}"
    hrefs = {a.get_property("href") for a in main.find_elements(By.CSS_SELECTOR, "a[href]") if a.is_displayed()}
    for path in ("", "report/notes/"):
        assert site.url(path) in hrefs, f"the notice does not link to {site.url(path)}: {sorted(hrefs)}"
    assert not d.find_element(By.ID, "search-query").is_displayed(), "a search form that cannot work is shown"


def test_header_box_submits_to_the_search_page_without_javascript(driver_nojs, site):
    d = driver_nojs
    load(d, site.url(PAGES["chapter"]), settle=0.05)
    box = d.find_element(By.ID, "site-search")
    box.send_keys("Bunthe", Keys.ENTER)
    assert wait_until(lambda: "/search/" in d.current_url, 10), d.current_url
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(d.current_url).query).get("q") == ["Bunthe"]
    assert "Search needs JavaScript" in d.find_element(By.TAG_NAME, "main").text


# ---------------------------------------------------------------- behaviour of the box


def _search_requests(driver):
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/search/'))")


def test_index_loads_only_when_the_box_is_focused(driver, site):
    load(driver, site.url(PAGES["chapter"]))
    assert _search_requests(driver) == [], "the index was fetched before the box was focused"
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    assert driver.execute_script("return document.activeElement.id") == "site-search", "'/' does not focus the box"
    assert wait_until(lambda: len(_search_requests(driver)) >= 2, 5), _search_requests(driver)
    assert sorted(_search_requests(driver)) == [site.url("search/meta.json"), site.url("search/records.json")]


def test_first_query_fetches_only_part_of_the_index(driver, site):
    load(driver, site.url("search/?q=Bunthe"), settle=0.2)
    assert page_results(driver)
    fetched = _search_requests(driver)
    total = len(list((site.public_dir / "search").glob("*.json")))
    assert fetched, "no index file fetched"
    assert len(fetched) < total / 4, f"{len(fetched)} of {total} index files fetched for one word: {fetched}"


# ---------------------------------------------------------------- the index on a slow network

HASHED_NAME = re.compile(r"/search/(terms|text)-\d+\.[0-9a-f]{8}\.json$")


def _meta(site) -> dict:
    return json.loads((site.public_dir / "search/meta.json").read_text(encoding="utf-8"))


def test_the_search_page_carries_the_index_metadata_and_records_in_data_blocks(driver, site):
    load(driver, site.url("search/?q=Bunthe"), settle=0.05)
    assert page_results(driver), "no results"
    blocks = driver.execute_script("""
        const read = id => { const el = document.getElementById(id); return el && {type: el.type, json: JSON.parse(el.textContent)}; };
        return {meta: read('search-meta'), records: read('search-records')};""")
    meta = _meta(site)
    records = json.loads((site.public_dir / "search/records.json").read_text(encoding="utf-8"))
    assert blocks["meta"] is not None, "the search page has no #search-meta data block"
    assert blocks["records"] is not None, "the search page has no #search-records data block"
    assert blocks["meta"]["type"] == blocks["records"]["type"] == "application/json"
    assert blocks["meta"]["json"] == meta and blocks["records"]["json"] == records
    fetched = _search_requests(driver)
    assert site.url("search/meta.json") not in fetched, "the search page fetched the metadata it carries"
    assert site.url("search/records.json") not in fetched, "the search page fetched the records it carries"
    preload = driver.execute_script(
        "return [...document.querySelectorAll('link[rel=preload]')].map(l => [l.href, l.as, l.crossOrigin])")
    assert preload == [[site.url("assets/search-prefetch.js"), "script", None]], preload
    # The preloaded head start is the one that runs: one request for it, not two.
    entries = driver.execute_script(
        "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/search-prefetch.js')).length")
    assert entries == 1, f"search-prefetch.js requested {entries} times (the preload was not used)"


def test_the_search_page_announces_the_head_start_first_and_loads_search_js_async_at_its_end(site):
    """The head start's preload is the first request the page makes, in its first packet (the
    first results wait for it); search.js comes after the style sheets, async at the end of the
    body (a defer script waits for the style sheets and their first layout), after the data
    blocks it reads; the other pages keep it defer in the head."""
    html = (site.public_dir / "search/index.html").read_text(encoding="utf-8")
    requests = re.findall(r'<(?:link|script)\b[^>]*?(?:href|src)="([^"]+)"', html)
    assert requests and requests[0].endswith("/assets/search-prefetch.js"), requests
    end = html.index(">", html.index('href="' + requests[0])) + 1
    assert len(gzip.compress(html[:end].encode("utf-8"), compresslevel=6)) <= 1000, "the head start's preload is not in the first packet"
    assert html.index("<meta charset") < end < html.index("<title>")
    script = re.findall(r'<script src="([^"]*/assets/search\.js)"([^>]*)></script>', html)
    assert [a for _, a in script] == [" async"], f"search.js on the search page: {script}"
    at = html.index('assets/search.js" async')
    assert html.index("</head>") < html.index('id="search-records"') < at < html.index("</body>")
    assert not [u for u in requests if u.endswith("/assets/search.js") and html.index(u) < html.index("</head>")], (
        "search.js is announced in the head of the search page")
    chapter = (site.public_dir / PAGES["chapter"].strip("/") / "index.html").read_text(encoding="utf-8")
    head = chapter[:chapter.index("</head>")]
    assert re.findall(r'<script src="[^"]*/assets/search\.js"([^>]*)></script>', chapter) == [" defer"]
    assert "/assets/search.js" in head and 'rel="preload"' not in chapter


@pytest.mark.parametrize("where", ["page", "box"])
def test_results_are_in_the_page_before_their_texts_are_asked_for(driver, site, where):
    """Asking for the text chunks (for the snippets) costs a slow phone tens of milliseconds of
    script time: the result links go into the page first, the texts are asked for after."""
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        new MutationObserver(() => {
          if (window.__firstResult === undefined && document.querySelector('#search-results a, .site-search-panel ol a'))
            window.__firstResult = performance.now();
        }).observe(document, {childList: true, subtree: true});"""})
    try:
        if where == "page":
            load(driver, site.url("search/?q=Bunthe"), settle=0.05)
        else:
            load(driver, site.url(PAGES["chapter"]), settle=0.05)
            driver.execute_script("""
                const box = document.getElementById('site-search');
                box.focus(); box.value = 'Bunthe'; box.dispatchEvent(new Event('input', {bubbles: true}));""")
        assert wait_until(lambda: driver.execute_script("return window.__firstResult"), 10), "no result"
        assert wait_until(lambda: driver.execute_script(
            "return performance.getEntriesByType('resource').some(e => e.name.includes('/text-'))"), 5), "no text chunk asked for"
        first, texts = driver.execute_script("""
            return [window.__firstResult, performance.getEntriesByType('resource').filter(e => e.name.includes('/text-'))
              .map(e => e.startTime)];""")
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    assert first <= min(texts), f"a text chunk was asked for at {min(texts):.0f} ms, before the first result ({first:.0f} ms)"


def _timed_requests(driver, url, ready):
    """Resource timings of the index files of a page opened with 150 ms of latency added, with an
    empty cache (files earlier tests fetched would otherwise come from it, without the latency)."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": False, "latency": 150, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        load(driver, url, settle=0.05)
        assert wait_until(ready, 20), "no results"
        wait_until(lambda: False, 1.5)  # the snippets' texts
        return driver.execute_script("""
            return performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'))
              .map(e => ({name: e.name, start: e.startTime, end: e.responseEnd}));""")
    finally:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                               {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def _overlapping(entries):
    """Every request started before any of them finished."""
    return max(e["start"] for e in entries) < min(e["end"] for e in entries)


def _shard(meta, word):
    starts = meta["shards"]
    return max([i for i, s in enumerate(starts) if s.encode("utf-16-be") <= word.encode("utf-16-be")] or [0])


def test_a_query_fetches_its_shards_and_texts_in_parallel(driver, site):
    meta = _meta(site)
    # Two words in different shards (checked, so that the test cannot pass vacuously).
    assert _shard(meta, "nyi") != _shard(meta, "thuta"), "pick two words of different shards"
    entries = _timed_requests(driver, site.url("search/?q=Nyi%20Thuta"),
                              lambda: driver.execute_script(RESULTS_JS, "search-results", "#search-status"))
    shards = [e for e in entries if "/terms-" in e["name"]]
    texts = [e for e in entries if "/text-" in e["name"]]
    assert len(shards) >= 2, entries
    assert _overlapping(shards), f"the shards were fetched one after the other: {shards}"
    assert len(texts) >= 2, entries
    assert _overlapping(texts), f"the texts were fetched one after the other: {texts}"
    # The texts of the shown results are asked for as soon as the shards are in, not one round later.
    assert min(e["start"] for e in texts) - max(e["end"] for e in shards) < 150, (shards, texts)


@pytest.mark.parametrize("latency", [0, 150])
def test_the_head_start_and_search_js_request_each_shard_once(driver, site, latency):
    """search-prefetch.js and search.js share their requests, whichever runs first."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": False, "latency": latency, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        load(driver, site.url("search/?q=Nyi%20Thuta"), settle=0.05)
        assert page_results(driver), "no results"
        wait_until(lambda: False, 0.5)
        state = driver.execute_script("""
            const names = performance.getEntriesByType('resource').map(e => e.name);
            return {prefetch: names.filter(n => n.endsWith('/search-prefetch.js')).length,
                    shards: names.filter(n => n.includes('/terms-')),
                    shared: self.sitegenShards ? [...self.sitegenShards.keys()] : null};""")
    finally:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                               {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    assert state["prefetch"] == 1, "the search page did not load search-prefetch.js"
    assert len(state["shards"]) >= 2 and len(set(state["shards"])) == len(state["shards"]), (
        f"a shard was requested twice: {state['shards']}")
    fetched = sorted(urllib.parse.urlsplit(u).path.rsplit("/", 1)[1] for u in state["shards"])
    assert sorted(n for n in state["shared"] if n.startswith("terms-")) == fetched, (state["shared"], fetched)


def _shards_requested(driver):
    return sorted({urllib.parse.urlsplit(e).path.rsplit("/", 1)[1] for e in driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/terms-'))")})


@pytest.mark.parametrize("query", ["Nyi Thuta", "Bünthe", "ဦး", '"choose this path"', "defect"])
def test_the_head_start_asks_for_exactly_the_shards_search_js_needs(driver, site, query):
    """The search page (head start + search.js) requests the same shards as the box of another
    page (search.js alone): the copy of the folding in search-prefetch.js agrees."""
    load(driver, site.url("search/?q=" + urllib.parse.quote(query)), settle=0.05)
    assert page_results(driver) is not None
    wait_until(lambda: False, 0.5)
    on_page = _shards_requested(driver)
    load(driver, site.url(PAGES["chapter"]), settle=0.05)
    driver.execute_script("""
        const box = document.getElementById('site-search');
        box.focus(); box.value = arguments[0]; box.dispatchEvent(new Event('input', {bubbles: true}));""", query)
    assert wait_until(lambda: driver.execute_script(
        "return document.querySelector('.site-search-panel .search-status').textContent"), 10)
    wait_until(lambda: False, 0.5)
    in_box = _shards_requested(driver)
    assert on_page and on_page == in_box, f"search page: {on_page}, header box: {in_box}"


def test_index_files_have_fingerprinted_names(driver, site):
    meta = _meta(site)
    names = meta["shardFiles"] + meta["chunkFiles"]
    on_disk = sorted(p.name for p in (site.public_dir / "search").glob("*.json") if p.name not in ("meta.json", "records.json"))
    assert sorted(names) == on_disk
    for name in names:
        assert HASHED_NAME.search("/search/" + name), name
    load(driver, site.url("search/?q=defect"), settle=0.2)
    assert page_results(driver)
    fetched = [url for url in _search_requests(driver) if not url.endswith("/records.json")]
    assert fetched
    for url in fetched:
        assert HASHED_NAME.search(urllib.parse.urlsplit(url).path), f"{url} has no fingerprint in its name"


def test_arrow_keys_and_escape(driver, site):
    load(driver, site.url(PAGES["home"]), settle=0.05)
    box = driver.find_element(By.ID, "site-search")
    box.click()
    box.send_keys("defect")
    links = wait_until(lambda: driver.execute_script(RESULTS_JS, ".site-search-panel ol", None), 10)
    assert links and len(links) >= 3
    active = lambda: driver.execute_script("return document.activeElement.href || document.activeElement.id")  # noqa: E731
    box.send_keys(Keys.ARROW_DOWN)
    assert active() == links[0]["href"]
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert active() == links[1]["href"]
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP, Keys.ARROW_UP)
    assert active() == "site-search"
    box.send_keys(Keys.ESCAPE)
    assert box.get_property("value") == ""
    assert not driver.find_element(By.CSS_SELECTOR, ".site-search-panel").is_displayed()


def test_search_page_keeps_the_query_in_the_address(driver, site):
    load(driver, site.url("search/"), settle=0.05)
    field = driver.find_element(By.ID, "search-query")
    assert field.is_displayed()
    field.send_keys("Tatmadaw")
    assert page_results(driver)
    assert wait_until(lambda: driver.current_url == site.url("search/?q=Tatmadaw"), 5), driver.current_url


def test_slash_focuses_the_search_page_field(driver, site):
    load(driver, site.url("search/"), settle=0.05)
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    assert driver.execute_script("return document.activeElement.id") == "search-query"


def test_results_work_under_a_sub_path(driver, subpath_site):
    results = search_page(driver, subpath_site, "Bunthe")
    assert results, "no results under the sub-path"
    for r in results[:5]:
        assert r["href"].startswith(subpath_site.base_url), r["href"]
        status, _, _ = fetch(r["href"].split("#")[0])
        assert status == 200, f"{r['href']} -> {status}"


def test_folding_agrees_with_the_swift_index(driver, site):
    """The table the Swift tests use (SearchTextTests) gives the same terms in search.js."""
    table = json.loads(FOLDING_TABLE.read_text(encoding="utf-8"))
    load(driver, site.url(PAGES["home"]), settle=0.05)
    got = driver.execute_script("return arguments[0].map(r => sitegenSearch.terms(r.text))", table)
    diffs = [(row["text"], terms, row["terms"]) for row, terms in zip(table, got) if terms != row["terms"]]
    assert not diffs, "search.js folds differently from the table:\n" + "\n".join(
        f"  {t!r}: {a} (expected {e})" for t, a, e in diffs)


@pytest.mark.parametrize("query", ["Nyi Thuta", '"choose this path"', "ဦး"])
def test_no_console_errors_while_searching(driver, site, query):
    search_page(driver, site, query)
    entries = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    assert not entries, entries
