// The service worker: keeps every file of the site, so that after the first visit it opens and
// runs with no connection. The cache is named after the content of the files (mk/site.mk), so
// that a new build replaces it at the next visit; it only ever fetches this site's own files.
'use strict';

const CACHE = 'numbfoot-@SITE_VERSION@';
const FILES = ['./', @SITE_FILES@];

self.addEventListener('install', (ev) => {
  // Past the browser's HTTP cache: the copy kept must be this build's.
  ev.waitUntil(caches.open(CACHE)
    .then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (ev) => {
  ev.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('numbfoot-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (ev) => {
  const rq = ev.request;
  if (rq.method !== 'GET' || new URL(rq.url).origin !== self.location.origin) return;
  ev.respondWith(caches.open(CACHE).then(async (c) =>
    (await c.match(rq, { ignoreSearch: true })) || (rq.mode === 'navigate' && await c.match('./')) || fetch(rq)));
});
