// The portal's service worker: small on purpose, versioned with the deploy (registered as /sw.js?v=<generation>&a=<asset
// version> by outbox.js; a new deploy is a new script URL, so browsers install the new worker and old caches go).
// - Pages a citizen visited stay readable offline: network first (a slow answer falls back to the stored copy after a
//   few seconds while the network keeps trying to refresh it), else the stored copy, else the offline page.
// - Only pages the server marks `Cache-Control: public` are ever stored. Admin pages, login, the API, tracking pages,
//   anything `private`/`no-store` (every page with a private code or personal data) is never stored and never
//   answered from here: those requests are not even intercepted.
// - The CSS and the small scripts forms need are precached; public photos are kept as they are viewed.
// - Background Sync ("portal-outbox") sends the offline outbox (outbox-core.js) when the connection returns.
'use strict';
importScripts('/js/outbox-core.js');

var params = new URL(self.location.href).searchParams;
var BUILD = params.get('v') || '0';
var ASSETS = params.get('a') || '0';
var STATIC = 'portal-static-' + BUILD;
var PAGES = 'portal-pages-v1';
var MEDIA = 'portal-media-v1';
var MAX_PAGES = 40;
var MAX_MEDIA = 60;
var SLOW_MS = 4000;

var PRECACHE = [
  '/offline.html',
  '/css/site.css?v=' + ASSETS,
  '/vendor/htmx.min.js?v=' + ASSETS,
  '/js/outbox-core.js',
  '/js/outbox.js?v=' + BUILD,
  '/js/send.js?v=' + ASSETS,
  '/js/downscale.js?v=' + ASSETS,
  '/icons/logo.svg',
];

/** Paths whose responses may carry a session, a private code or personal data: never intercepted, never stored. */
var PRIVATE = [/^\/admin(\/|$)/, /^\/masuk(\/|$)/, /^\/keluar(\/|$)/, /^\/api(\/|$)/, /^\/sw\.js$/, /\/lacak(\/|$)/, /\/foto(\/|$)/, /^\/s\//];
function isPrivate(url) {
  return (
    PRIVATE.some(function (re) {
      return re.test(url.pathname);
    }) || url.searchParams.has('kode')
  );
}
function isStatic(url) {
  return /^\/(css|js|vendor|icons)\//.test(url.pathname) || url.pathname === '/offline.html' || url.pathname === '/manifest.webmanifest';
}
/** The server's word decides: only `public` responses without `private`/`no-store` are kept. */
function storable(res) {
  var cc = (res && res.headers.get('Cache-Control')) || '';
  return res && res.ok && res.type === 'basic' && /\bpublic\b/.test(cc) && !/\b(private|no-store)\b/.test(cc);
}

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches
      .open(STATIC)
      .then(function (c) {
        // One missing file must not block the rest (e.g. a script a deploy removed).
        return Promise.all(
          PRECACHE.map(function (u) {
            return c.add(new Request(u, { cache: 'reload' })).catch(function () {});
          }),
        );
      })
      .then(function () {
        return self.skipWaiting();
      }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        return Promise.all(
          keys
            .filter(function (k) {
              return k.indexOf('portal-static-') === 0 && k !== STATIC;
            })
            .map(function (k) {
              return caches.delete(k);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

function trim(cacheName, max) {
  return caches.open(cacheName).then(function (c) {
    return c.keys().then(function (keys) {
      return Promise.all(
        keys.slice(0, Math.max(0, keys.length - max)).map(function (k) {
          return c.delete(k);
        }),
      );
    });
  });
}

function page(event) {
  var req = event.request;
  var network = fetch(req).then(function (res) {
    if (storable(res)) {
      var copy = res.clone();
      event.waitUntil(
        caches
          .open(PAGES)
          .then(function (c) {
            return c.put(req, copy);
          })
          .then(function () {
            return trim(PAGES, MAX_PAGES);
          }),
      );
    }
    return res;
  });
  var stored = caches.open(PAGES).then(function (c) {
    return c.match(req);
  });
  var slow = new Promise(function (resolve) {
    setTimeout(resolve, SLOW_MS);
  });
  var offline = function () {
    return caches.match('/offline.html', { ignoreSearch: true });
  };
  return Promise.race([
    network,
    slow.then(function () {
      return stored;
    }),
  ]).then(
    function (first) {
      if (first) return first;
      return network.catch(function () {
        return stored.then(function (s) {
          return s || offline();
        });
      });
    },
    function () {
      return stored.then(function (s) {
        return s || offline();
      });
    },
  );
}

function staticAsset(event) {
  var req = event.request;
  return caches.open(STATIC).then(function (c) {
    return c.match(req).then(function (hit) {
      var refresh = fetch(req).then(function (res) {
        if (res.ok) c.put(req, res.clone());
        return res;
      });
      if (hit) {
        event.waitUntil(refresh.catch(function () {}));
        return hit;
      }
      // Another version of the same file (an older ?v=) is better than nothing offline.
      return refresh.catch(function () {
        return c.match(req, { ignoreSearch: true });
      });
    });
  });
}

function media(event) {
  var req = event.request;
  return caches.open(MEDIA).then(function (c) {
    return c.match(req).then(function (hit) {
      return (
        hit ||
        fetch(req).then(function (res) {
          if (storable(res))
            event.waitUntil(
              c.put(req, res.clone()).then(function () {
                return trim(MEDIA, MAX_MEDIA);
              }),
            );
          return res;
        })
      );
    });
  });
}

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') return; // form posts go to the network; the outbox handles failures
  var url = new URL(req.url);
  if (url.origin !== self.location.origin || isPrivate(url)) return;
  if (req.mode === 'navigate') return event.respondWith(page(event));
  if (req.headers.get('HX-Request')) return; // htmx fragments vary per request: the browser and server handle them
  if (isStatic(url)) return event.respondWith(staticAsset(event));
  if (/^\/media\/public\//.test(url.pathname)) return event.respondWith(media(event));
});

self.addEventListener('sync', function (event) {
  if (event.tag !== 'portal-outbox') return;
  event.waitUntil(
    self.PortalOutbox.flush().then(function (sent) {
      var tell =
        sent && sent.length
          ? self.clients.matchAll({ type: 'window' }).then(function (list) {
              list.forEach(function (client) {
                client.postMessage('portal-outbox-sent');
              });
            })
          : null;
      return Promise.resolve(tell)
        .then(function () {
          return self.PortalOutbox.all('outbox');
        })
        .then(function (left) {
          if (left.length) throw new Error('still waiting for a signal'); // the browser retries this sync later
        });
    }),
  );
});
