/* sitegen offline reading: the service worker, at the site's root so that it controls every
   page. Registered only when a reader saves the site (assets/offline.js). Serves every GET of
   the site from the complete stored copy (the cache holding offline.json), a folder address
   from its index.html, and anything not stored from the network; offline.json itself always
   from the network, so that a changed site is noticed, and so are the files offline.js is
   storing (`?sitegen-offline`). Without a stored copy it does nothing. */
'use strict';
const ROOT = new URL('./', self.location).href, PREFIX = 'sitegen-offline ' + ROOT + ' ', LIST = ROOT + 'offline.json';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', e => e.waitUntil(self.clients.claim()));
const copy = async () => {
  for (const name of (await caches.keys()).reverse()) {
    if (!name.startsWith(PREFIX)) continue;
    const cache = await caches.open(name);
    if (await cache.match(LIST)) return cache;
  }
  return null;
};
self.addEventListener('fetch', e => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || !url.href.startsWith(ROOT) || url.href.split('?')[0] === LIST
      || url.search === '?sitegen-offline') return; // offline.js storing a file
  e.respondWith(copy().then(async cache => {
    if (!cache) return fetch(e.request);
    const key = url.origin + url.pathname + (url.pathname.endsWith('/') ? 'index.html' : '');
    const hit = await cache.match(key);
    if (hit) return hit;
    return fetch(e.request).catch(async err => (await cache.match(ROOT + '404.html')) || Promise.reject(err));
  }));
});
