/* sitegen search: the box on every page and the search page (search/?q=…); nothing sent anywhere.
   Index files: Sources/Sitegen/Search/SearchIndexFiles.swift. Words, folding, queries and ranking:
   SearchText, SearchQuery and SearchEngine; keep them in step. */
(() => {
  'use strict';
  const box = document.getElementById('site-search');
  if (!box || !window.fetch) return;
  const searchPage = box.form.action, dir = new URL('.', searchPage).href; // <base>search/ (the page: with index.html in a relative-links build)
  const base = new URL('..', dir).href;

  // Words and folding (SearchText; search-prefetch.js has a copy).
  const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  // Latin letters NFKD leaves whole, lowercase (SearchText.letterFolds).
  const LETTER_FOLDS = {'ß': 'ss', 'æ': 'ae', 'ð': 'd', 'ø': 'o', 'þ': 'th', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ł': 'l',
    'ŋ': 'n', 'œ': 'oe', 'ŧ': 't', 'ƀ': 'b', 'ƒ': 'f', 'ǥ': 'g', 'ȷ': 'j', 'ɖ': 'd', 'ɗ': 'd', 'ɨ': 'i', 'ɫ': 'l', 'ʀ': 'r'};
  const LETTERS = new RegExp('[' + Object.keys(LETTER_FOLDS).join('') + ']', 'g');
  const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\u2018\u02bc][\p{L}\p{N}\p{M}]+)*/gu;
  const fold = w => w.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(/\u03c2/g, '\u03c3')
    .replace(LETTERS, c => LETTER_FOLDS[c]).replace(/[\u2019\u2018\u02bc]/g, "'").replace(/'s$/, '').replace(/'/g, '');
  // ASCII strings take the short way: the same words and folds without the Unicode tables,
  // which cost tens of milliseconds to load on a slow phone before the first results.
  const ASCII_WORD = /[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*/g, NON_ASCII = /[^\x00-\x7f]/;
  const foldASCII = w => w.toLowerCase().replace(/'s$/, '').replace(/'/g, '');
  const folded = new Map(), tokenised = new Map();
  const tokens = s => {
    let out = tokenised.get(s);
    if (out) return out;
    out = [];
    const ascii = !NON_ASCII.test(s);
    for (const m of s.matchAll(ascii ? ASCII_WORD : WORD)) {
      let t = folded.get(m[0]);
      if (t === undefined) folded.set(m[0], (t = ascii ? foldASCII(m[0]) : fold(m[0])));
      if (t) out.push([t, m.index, m.index + m[0].length]);
    }
    if (s.length > 40) tokenised.set(s, out); // texts of results, met again as the query grows
    return out;
  };
  const terms = s => tokens(s).map(t => t[0]);

  // Queries (SearchQuery): w = word (prefix too), e = exact word, p = phrase.
  const parse = q => {
    const segs = q.split(/["\u201c\u201d\u201e]/), quotes = segs.length - 1, units = [], seen = new Set();
    segs.forEach((seg, i) => {
      const ts = terms(seg), quoted = i % 2 === 1 && !(quotes % 2 === 1 && i === quotes);
      const add = !quoted ? ts.map(t => ({k: 'w', t})) : ts.length === 1 ? [{k: 'e', t: ts[0]}] : ts.length ? [{k: 'p', ws: ts}] : [];
      for (const u of add) {
        const key = u.k + (u.t || u.ws.join(' '));
        if (!seen.has(key)) { seen.add(key); units.push(u); }
      }
    });
    return units;
  };
  self.sitegenSearch = {fold, terms, parse};

  // The index files (SearchIndexFiles): the metadata from the page's data block if it has one.
  let meta = null, metaP = null, recs = null, recsP = null;
  const shards = new Map(), chunks = new Map(), texts = new Map();
  // From a folder (file://) fetch cannot read files: a relative-links build has each index file
  // also as a script (X.js beside X.json, SearchIndexScripts) that puts the data into self.sitegenIndex.
  const viaScript = url => new Promise((resolve, reject) => {
    const name = url.slice(url.lastIndexOf('/') + 1), store = self.sitegenIndex || (self.sitegenIndex = {});
    if (name in store) { resolve(store[name]); return; }
    const s = document.createElement('script');
    s.src = url.replace(/\.json$/, '.js');
    s.onload = () => { s.remove(); if (name in store) resolve(store[name]); else reject(new Error('no data in ' + s.src)); };
    s.onerror = () => { s.remove(); reject(new Error('cannot load ' + s.src)); };
    document.head.appendChild(s);
  });
  const json = url => location.protocol === 'file:' ? viaScript(url)
    : fetch(url).then(r => { if (!r.ok) throw new Error(r.status + ' ' + url); return r.json(); });
  const inPage = () => {
    const block = document.getElementById('search-meta');
    try { const m = block && JSON.parse(block.textContent); return m && m.shardFiles ? m : null; } catch (e) { return null; }
  };
  const loadMeta = () => metaP || (metaP = (m => m ? Promise.resolve(meta = m)
    : json(dir + 'meta.json').then(m => (meta = m), e => { metaP = null; throw e; }))(inPage()));
  const recordsInPage = () => {
    const block = document.getElementById('search-records');
    try { const r = block && JSON.parse(block.textContent); return r && r.records ? r : null; } catch (e) { return null; }
  };
  const loadRecords = () => recsP || (recsP = (r => r ? Promise.resolve(recs = r)
    : json(dir + 'records.json').then(r => (recs = r), e => { recsP = null; throw e; }))(recordsInPage()));
  const loadIndex = () => { const r = loadRecords(); return loadMeta().then(m => (r.catch(() => {}), m)); };
  // Requests shared with the search page's head start (search-prefetch.js): whichever script
  // runs first asks for a shard, the other takes its response over.
  const shared = self.sitegenShards || (self.sitegenShards = new Map());
  const get = name => shared.get(name) || shared.set(name, json(dir + name)).get(name);
  const once = (cache, files, i, then) => cache.get(i) || cache.set(i, get(meta[files][i]).then(then,
    e => { cache.delete(i); shared.delete(meta[files][i]); throw e; })).get(i);
  const loaded = [];
  const loadShard = i => once(shards, 'shardFiles', i, s => { s.dec = []; return (loaded[i] = s); });
  const loadChunk = i => once(chunks, 'chunkFiles', i, t => { t.forEach((e, k) => texts.set(meta.chunks[i] + k, e)); return t; });
  const last = (list, x) => { let lo = 0, hi = list.length; while (lo < hi) { const m = (lo + hi) >> 1; if (list[m] <= x) lo = m + 1; else hi = m; } return lo - 1; };
  const loadTexts = recs => Promise.all([...new Set(recs.filter(r => !texts.has(r)).map(r => last(meta.chunks, r)))].map(loadChunk));
  const DIGIT = {};
  [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_'].forEach((c, i) => { DIGIT[c] = i; });

  // The shards that may hold a word, or the words it begins.
  const shardsFor = (w, prefix) => {
    const s = meta.shards, first = Math.max(0, last(s, w));
    let end = first;
    if (prefix) while (end + 1 < s.length && s[end + 1].startsWith(w)) end++;
    return {first, end};
  };
  const isPrefix = u => u.k === 'w' && u.t.length >= 2;
  const shardsNeeded = units => {
    const need = new Set();
    for (const u of units) for (const w of u.ws || [u.t]) {
      const {first, end} = shardsFor(w, isPrefix(u));
      for (let i = first; i <= end; i++) need.add(i);
    }
    return [...need];
  };
  // Postings as a flat array: record, score, record, score, …
  const postings = (s, k) => {
    if (s.dec[k]) return s.dec[k];
    const str = s.postings[k], out = [];
    let v = 0, rec = 0, even = true;
    for (const c of str) {
      const d = DIGIT[c];
      v = v * 32 + (d & 31);
      if (d >= 32) {
        if (even) { rec += v; out.push(rec); } else out.push(v);
        even = !even;
        v = 0;
      }
    }
    return (s.dec[k] = out);
  };
  // The terms a word matches, with weights (SearchEngine.expansions).
  const expansions = (w, prefix) => {
    const out = [], {first, end} = shardsFor(w, prefix);
    for (let i = first; i <= end; i++) {
      const s = loaded[i], ts = s.terms;
      let k = last(ts, w);
      if (k < 0 || ts[k] !== w) k++;
      for (; k < ts.length && (prefix ? ts[k].startsWith(w) : ts[k] === w); k++) {
        out.push([postings(s, k), ts[k] === w ? 1 : 0.5 + 0.4 * w.length / ts[k].length, ts[k]]);
      }
    }
    return out;
  };

  // Ranking (SearchEngine.search).
  const idf = df => Math.log(1 + (meta.count - df + 0.5) / (df + 0.5));
  const scores = u => {
    if (u.k !== 'p') {
      const best = new Map(), ex = expansions(u.t, isPrefix(u)), all = new Set();
      for (const [p] of ex) for (let i = 0; i < p.length; i += 2) all.add(p[i]);
      for (const [p, wt, t] of ex) {
        const f = t === u.t ? 1 : wt * idf(all.size) / idf(p.length / 2);
        for (let i = 0; i < p.length; i += 2) {
          const s = p[i + 1] * f;
          if (!(best.get(p[i]) >= s)) best.set(p[i], s);
        }
      }
      return best;
    }
    let sums = null;
    for (const w of u.ws) {
      const next = new Map(), ex = expansions(w, false), p = ex.length ? ex[0][0] : [];
      for (let i = 0; i < p.length; i += 2) if (!sums || sums.has(p[i])) next.set(p[i], (sums ? sums.get(p[i]) : 0) + p[i + 1]);
      sums = next;
    }
    return sums;
  };
  const record = r => {
    const [kind, title, n, section, url, m] = recs.records[r], e = texts.get(r), str = recs.strings;
    return {kind: recs.kinds[kind], title: str[title] + (n < 0 ? '' : n), section: section < 0 ? '' : str[section],
      url: base + str[url] + (m < 0 ? '' : m), text: e === undefined ? null : typeof e === 'string' ? e : e[0], extras: typeof e === 'string' ? [] : (e || []).slice(1)};
  };
  const hasPhrase = (r, ws) => {
    const d = record(r);
    return [d.title, d.section, d.text, ...d.extras].some(f => {
      const ts = terms(f || '');
      for (let i = 0; i + ws.length <= ts.length; i++) if (ws.every((w, j) => ts[i + j] === w)) return true;
      return false;
    });
  };
  const search = async q => {
    const units = parse(q);
    if (!units.length) return {units, results: []};
    const records = loadRecords(); // in parallel with the shards: results show titles and URLs
    records.catch(() => {}); // awaited below; a failure of the shards is reported first
    await loadMeta();
    await Promise.all(shardsNeeded(units).map(loadShard));
    await records;
    const maps = units.map(scores);
    const phrases = units.map((u, i) => u.k === 'p' ? i : -1).filter(i => i >= 0);
    if (phrases.length) {
      await loadTexts(phrases.flatMap(i => [...maps[i].keys()]));
      for (const i of phrases) for (const r of [...maps[i].keys()]) if (!hasPhrase(r, units[i].ws)) maps[i].delete(r);
    }
    const matched = new Map(), score = new Map();
    for (const m of maps) for (const [r, s] of m) { matched.set(r, (matched.get(r) || 0) + 1); score.set(r, (score.get(r) || 0) + s); }
    const results = [...score.keys()].sort((a, b) => matched.get(b) - matched.get(a) || score.get(b) - score.get(a) || a - b);
    return {units, results};
  };

  // Display: text with the matching words in <mark>, cut to about `max` characters around them.
  const highlight = (el, text, units, max) => {
    const toks = tokens(text), hit = toks.map(([t]) => units.some(u => u.k !== 'p' && (t === u.t || (isPrefix(u) && t.startsWith(u.t)))));
    for (const u of units) if (u.k === 'p') {
      for (let i = 0; i + u.ws.length <= toks.length; i++) {
        if (u.ws.every((w, j) => toks[i + j][0] === w)) u.ws.forEach((w, j) => { hit[i + j] = true; });
      }
    }
    let start = 0, end = text.length;
    if (end > max) {
      let best = -1, most = 0;
      toks.forEach((t, i) => {
        if (!hit[i]) return;
        let n = 0;
        for (let j = i; j < toks.length && toks[j][2] - t[1] < max * 0.7; j++) n += hit[j];
        if (n > most) { most = n; best = i; }
      });
      const from = best < 0 ? 0 : toks[best][1] - max * 0.25, first = toks.find(t => t[1] >= from);
      start = best < 0 || !first ? 0 : first[1];
      end = start + max;
      const fits = toks.filter(t => t[2] <= end);
      end = end >= text.length ? text.length : fits.length ? fits[fits.length - 1][2] : end;
    }
    let pos = start;
    if (start > 0) el.append('… ');
    toks.forEach(([, i, j], k) => {
      if (!hit[k] || i < start || j > end) return;
      const m = document.createElement('mark');
      m.textContent = text.slice(i, j);
      el.append(text.slice(pos, i), m);
      pos = j;
    });
    el.append(text.slice(pos, end) + (end < text.length ? ' …' : ''));
  };
  // Words: the header form's data-* interface strings, {name} filled in.
  const words = document.querySelector('form.site-search');
  let rules;
  try { rules = new Intl.PluralRules(document.documentElement.lang); } catch (e) {}
  const say = (key, values, fallback = '') => {
    const t = words && words.getAttribute('data-' + key);
    return t == null ? fallback : t.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  };
  const span = (cls, parent) => parent.appendChild(Object.assign(document.createElement('span'), {className: cls}));

  // A place results are shown: the panel under the box, or the search page.
  const view = (input, list, status, limit) => ({input, list, status, limit, step: limit, seq: 0, results: []});
  const clear = v => { v.seq++; v.q = ''; v.results = []; v.list.replaceChildren(); v.status.textContent = ''; if (v.more) v.more.hidden = true; };
  const render = (v, q, {units, results}) => {
    v.q = q;
    v.results = results;
    const shown = results.slice(0, v.limit), fill = [];
    v.list.replaceChildren(...shown.map(r => {
      const d = record(r), li = document.createElement('li'), a = li.appendChild(document.createElement('a'));
      a.href = d.url;
      span('result-kind', a).textContent = say('kind-' + d.kind, {}, d.kind);
      const title = span('result-title', a);
      highlight(title, d.title, units, 1e9);
      if (d.section) highlight(span('result-section', title), d.section, units, 1e9);
      fill.push([span('result-snippet', a), r]);
      return li;
    }));
    const n = results.length;
    const w = {count: n, query: q.trim()}, cat = 'results-' + (rules ? rules.select(n) : 'other');
    v.status.textContent = n ? say(words && words.hasAttribute('data-' + cat) ? cat : 'results-other', w) : say('no-results', w);
    if (v.more) v.more.hidden = n <= v.limit;
    if (v.all) { v.all.hidden = !n; v.all.href = searchPage + '?q=' + encodeURIComponent(q.trim()); v.all.textContent = say('all-results', {count: n}); }
    const snippets = () => fill.forEach(([el, r]) => { const t = record(r).text; if (t && !el.firstChild) highlight(el, t, units, 180); });
    if (shown.every(r => texts.has(r))) snippets();
    else { // texts once the results are drawn (asking takes a slow phone tens of ms); no frames when hidden
      let asked;
      const seq = v.seq, go = () => { if (!asked && seq === v.seq) { asked = 1; loadTexts(shown).then(() => { if (seq === v.seq) snippets(); }, () => {}); } };
      requestAnimationFrame(() => setTimeout(go));
      setTimeout(go, 100);
    }
  };
  const run = async v => {
    const q = v.input.value, seq = ++v.seq;
    if (!q.trim()) { clear(v); return; }
    let res;
    try {
      res = await search(q);
    } catch (e) {
      if (seq === v.seq) v.status.textContent = say('unavailable', {});
      return;
    }
    if (seq === v.seq) { v.limit = v.step; render(v, q, res); }
  };
  // Arrow keys move between the box and the results, Enter follows the first result, Esc clears.
  const keys = (v, onClear) => e => {
    const links = [...v.list.querySelectorAll('a')], i = links.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (e.target !== v.input && i < 0) return;
      const next = e.key === 'ArrowDown' ? (i < 0 ? 0 : Math.min(i + 1, links.length - 1)) : i - 1;
      (next < 0 ? v.input : links[next] || v.input).focus();
      e.preventDefault();
    } else if (e.key === 'Escape' && (v.input.value || i >= 0)) {
      v.input.value = '';
      clear(v);
      if (onClear) onClear();
      v.input.focus();
      e.preventDefault();
    }
  };
  const follow = v => async e => {
    const q = v.input.value.trim();
    if (!q) return;
    e.preventDefault();
    if (v.q !== v.input.value) await run(v);
    const a = v.list.querySelector('a');
    if (a) location.assign(a.href);
    else if (v.input === box) location.assign(searchPage + '?q=' + encodeURIComponent(q));
  };

  // The box in the header: results in a panel under it.
  const form = box.form, panel = form.appendChild(document.createElement('div'));
  panel.className = 'site-search-panel';
  panel.hidden = true;
  const header = view(box, document.createElement('ol'), document.createElement('p'), 8);
  header.status.setAttribute('role', 'status');
  header.status.className = 'search-status';
  header.list.className = 'search-results';
  header.all = document.createElement('a');
  header.all.className = 'search-all';
  panel.append(header.status, header.list, header.all);
  const show = () => { panel.hidden = !box.value.trim(); };
  box.addEventListener('focus', () => { loadIndex().catch(() => {}); show(); });
  box.addEventListener('input', () => { show(); run(header); });
  form.addEventListener('keydown', keys(header, show));
  form.addEventListener('submit', follow(header));
  form.addEventListener('focusout', e => { if (!form.contains(e.relatedTarget)) panel.hidden = true; });
  let slash = box; // what '/' focuses: the box, or the search page's own field
  document.addEventListener('keydown', e => {
    const t = e.target;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    slash.focus();
    slash.select();
  });

  // The search page: results in #search-results, the query in the address.
  const list = document.getElementById('search-results'), input = document.getElementById('search-query');
  if (!list || !input) return;
  const page = view(input, list, document.getElementById('search-status'), 10);
  page.more = document.getElementById('search-more');
  input.form.hidden = false;
  slash = input;
  input.value = new URLSearchParams(location.search).get('q') || '';
  let address = 0;
  const update = () => {
    run(page);
    clearTimeout(address); // the address follows once typing pauses (replaceState is slow)
    address = setTimeout(() => {
      const q = input.value.trim();
      history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : location.pathname);
    }, 300);
  };
  input.addEventListener('input', update);
  input.form.addEventListener('submit', follow(page));
  const pageKeys = keys(page, () => history.replaceState(null, '', location.pathname));
  input.addEventListener('keydown', pageKeys);
  list.addEventListener('keydown', pageKeys);
  if (page.more) page.more.addEventListener('click', () => { page.limit += page.step; render(page, input.value, {units: parse(input.value), results: page.results}); });
  if (input.value.trim()) run(page); else loadIndex().catch(() => {});
})();
