// The service worker's source, as a pure function of the file list so it can be unit-tested.

/** The URL a built file is served at: pages by their folder (trailing slash), files as they are. */
export function urlForFile(base: string, file: string): string {
  if (file === 'index.html') return base;
  if (file.endsWith('/index.html')) return base + file.slice(0, -'index.html'.length);
  return base + file;
}

export function serviceWorkerSource({ version, urls, base }: { version: string; urls: string[]; base: string }): string {
  return `// Generated at build time by src/integrations/offline.ts. Precaches the whole course.
const CACHE = 'nine-parameters-${version}';
const BASE = ${JSON.stringify(base)};
const URLS = ${JSON.stringify(urls)};

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
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) return;
  const key = url.origin + url.pathname;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(key, { ignoreSearch: true }).then((hit) => hit || caches.match(BASE + '404.html')),
      ),
    );
    return;
  }
  event.respondWith(caches.match(key, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
});
`;
}
