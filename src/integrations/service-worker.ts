// The service worker's source, as a pure function of the file list so it can be unit-tested.
// It names no base: sw.js sits in the site's root folder, so that folder is new URL('./',
// self.location) wherever the site was copied, and every file is listed relative to it.

/** The address of a built file relative to the site's root folder: pages by their folder, files as they are. */
export function urlForFile(file: string): string {
  if (file === 'index.html') return '';
  if (file.endsWith('/index.html')) return file.slice(0, -'index.html'.length);
  return file;
}

export function serviceWorkerSource({ version, urls }: { version: string; urls: string[] }): string {
  return `// Generated at build time by src/integrations/offline.ts. Precaches the whole course.
const CACHE = 'nine-parameters-${version}';
// The site's root folder is this file's folder, wherever the site was copied.
const ROOT = new URL('./', self.location.href).href;
const URLS = ${JSON.stringify(urls)}.map((url) => new URL(url, ROOT).href);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(URLS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('nine-parameters-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Pages: network first (a teacher's update arrives), cache when offline. Everything else:
// cache first (file names of scripts and styles change with their content).
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const key = url.origin + url.pathname;
  if (request.method !== 'GET' || !key.startsWith(ROOT)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(key, { ignoreSearch: true }).then((hit) => hit || caches.match(ROOT + '404.html')),
      ),
    );
    return;
  }
  event.respondWith(caches.match(key, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
`;
}
