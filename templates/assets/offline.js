/* sitegen offline reading (site.yml offline_reading: true). Where service workers work (not from
   file://), shows the footer's "Save for offline reading"; the first press fetches offline.json
   and says how much the whole site weighs, the second stores every file it lists in Cache
   Storage, with progress. The copy is complete only once offline.json itself is stored (last);
   offline-worker.js at the site root then serves pages, assets and the search index from it.
   On each later visit the list is fetched again: a new version means the site changed, and the
   files whose fingerprint changed are fetched into a new copy before the old one is dropped.
   The words come from the page (data-* attributes, interface strings offline_*). */
(() => {
  'use strict';
  const box = document.querySelector('.offline-reading'), me = document.currentScript;
  if (!box || !me || !('serviceWorker' in navigator) || !self.caches || location.protocol === 'file:') return;
  const root = new URL('../', me.src).href, PREFIX = 'sitegen-offline ' + root + ' ', LIST = root + 'offline.json';
  const save = box.querySelector('.offline-save'), remove = box.querySelector('.offline-remove'), status = box.querySelector('.offline-status');
  const say = (key, values = {}) => { status.textContent = box.dataset[key].replace(/\{(\w+)\}/g, (m, k) => values[k] ?? m); };
  const size = n => new Intl.NumberFormat(document.documentElement.lang || undefined,
    {style: 'unit', unit: 'megabyte', maximumFractionDigits: 1}).format(n / 1e6);
  const fetchList = () => fetch(LIST, {cache: 'no-store'}).then(r => { if (!r.ok) throw new Error(r.status); return r.json(); });
  // The complete copy (the one holding offline.json), as [name, its list].
  const saved = async () => {
    for (const name of (await caches.keys()).reverse()) {
      if (!name.startsWith(PREFIX)) continue;
      const hit = await (await caches.open(name)).match(LIST);
      if (hit) return [name, await hit.json()];
    }
    return null;
  };
  const show = isSaved => { save.hidden = isSaved; remove.hidden = !isSaved; box.hidden = false; };
  let list = null, busy = false;
  const store = async (next, old, key) => {
    busy = true;
    save.disabled = true;
    const name = PREFIX + next.version, cache = await caches.open(name);
    const before = old ? new Map(old[1].files.map(f => [f[0], f[2]])) : new Map(), oldCache = old && await caches.open(old[0]);
    let done = 0, i = 0;
    const total = next.bytes, report = () => say(key, {done: size(done), total: size(total)});
    report();
    try {
      await navigator.serviceWorker.register(root + 'offline-worker.js', {scope: root});
      const one = async ([path, bytes, hash]) => {
        const url = root + path, kept = before.get(path) === hash && await oldCache.match(url);
        const response = kept || await fetch(url + '?sitegen-offline', {cache: 'no-cache'}); // past the worker
        if (!response.ok) throw new Error(response.status + ' ' + path);
        await cache.put(url, response);
        done += bytes;
        report();
      };
      const worker = async () => { while (i < next.files.length) await one(next.files[i++]); };
      await Promise.all([worker(), worker(), worker(), worker()]);
      await cache.put(LIST, new Response(JSON.stringify(next), {headers: {'Content-Type': 'application/json'}}));
      for (const other of await caches.keys()) if (other.startsWith(PREFIX) && other !== name) await caches.delete(other);
      say('saved');
      show(true);
    } catch (e) {
      await caches.delete(name);
      say('failed');
    }
    save.disabled = false;
    busy = false;
  };
  save.addEventListener('click', async () => {
    if (busy) return;
    if (!list) {
      try { list = await fetchList(); } catch (e) { say('failed'); return; }
      say('ask', {size: size(list.bytes)});
      save.textContent = box.dataset.confirm.replace('{size}', size(list.bytes));
      return;
    }
    store(list, await saved(), 'saving');
  });
  remove.addEventListener('click', async () => {
    for (const name of await caches.keys()) if (name.startsWith(PREFIX)) await caches.delete(name);
    const registration = await navigator.serviceWorker.getRegistration(root);
    if (registration && registration.scope === root) await registration.unregister();
    list = null;
    save.textContent = save.getAttribute('data-label');
    say('removed');
    show(false);
  });
  save.setAttribute('data-label', save.textContent);
  saved().then(async old => {
    show(!!old);
    if (!old) return;
    say('saved');
    const next = await fetchList().catch(() => null); // offline: the stored copy stays as it is
    if (next && next.version !== old[1].version) store(next, old, 'updating');
  });
})();
