// Keeps the page's files on the phone so the member code opens without a network. Files are
// fetched fresh when online (the copy is updated), and from the copy when offline. The API
// is never cached.
const CACHE = 'memberdesk-phone-v1';
const FILES = [
  './', 'index.html', 'app.js', 'api.js', 'code.js', 'device.js', 'i18n.js', 'store.js',
  'style.css', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'vendor/qrcode.mjs',
  'vendor/noble-ed25519.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

// The page that installed the copy is served from it at once (offline from the first visit).
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/phone/api/')) {
    return;
  }
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        const copy = response.clone();
        if (response.ok) caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        return response;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true })),
  );
});
