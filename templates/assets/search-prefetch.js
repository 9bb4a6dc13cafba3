// sitegen search page head start (one packet: keep it small): see search.js and templates/search.mustache.
(() => {
  'use strict';
  const block = document.getElementById('search-meta'), q = new URLSearchParams(location.search).get('q');
  if (!block || !q || !window.fetch || location.protocol === 'file:') return; // from a folder search.js loads scripts
  let meta;
  try { meta = JSON.parse(block.textContent); } catch (e) { return; }
  if (!meta || !meta.shardFiles) return;
  const dir = new URL('.', location.href).href;
  const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  const LETTER_FOLDS = {'ß': 'ss', 'æ': 'ae', 'ð': 'd', 'ø': 'o', 'þ': 'th', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ł': 'l',
    'ŋ': 'n', 'œ': 'oe', 'ŧ': 't', 'ƀ': 'b', 'ƒ': 'f', 'ǥ': 'g', 'ȷ': 'j', 'ɖ': 'd', 'ɗ': 'd', 'ɨ': 'i', 'ɫ': 'l', 'ʀ': 'r'};
  const LETTERS = new RegExp('[' + Object.keys(LETTER_FOLDS).join('') + ']', 'g');
  const ascii = !/[^\x00-\x7f]/.test(q);
  const WORD = ascii ? /[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*/g : /[\p{L}\p{N}\p{M}]+(?:['\u2019\u2018\u02bc][\p{L}\p{N}\p{M}]+)*/gu;
  const fold = w => ascii ? w.toLowerCase().replace(/'s$/, '').replace(/'/g, '') : w.normalize('NFKD').toLowerCase().replace(MARKS, '').replace(/\u03c2/g, '\u03c3')
    .replace(LETTERS, c => LETTER_FOLDS[c]).replace(/[\u2019\u2018\u02bc]/g, "'").replace(/'s$/, '').replace(/'/g, '');
  const last = (list, x) => { let lo = 0, hi = list.length; while (lo < hi) { const m = (lo + hi) >> 1; if (list[m] <= x) lo = m + 1; else hi = m; } return lo - 1; };
  const need = new Set(), s = meta.shards, segs = q.split(/["\u201c\u201d\u201e]/);
  segs.forEach((seg, i) => {
    const quoted = i % 2 === 1 && !(segs.length % 2 === 0 && i === segs.length - 1);
    for (const m of seg.matchAll(WORD)) {
      const w = fold(m[0]);
      if (!w) continue;
      let k = Math.max(0, last(s, w));
      need.add(k);
      if (!quoted && w.length >= 2) while (k + 1 < s.length && s[k + 1].startsWith(w)) need.add(++k);
    }
  });
  const shared = self.sitegenShards || (self.sitegenShards = new Map());
  for (const k of need) {
    const name = meta.shardFiles[k];
    if (shared.has(name)) continue;
    const p = fetch(dir + name).then(r => { if (!r.ok) throw new Error(r.status + ' ' + name); return r.json(); });
    p.catch(() => {}); // search.js reports failures
    shared.set(name, p);
  }
})();
