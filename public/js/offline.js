// The offline page: lists the pages this phone can show without a signal (the service worker's page cache) and how
// many forms wait in the outbox. Reloads by itself when the signal returns.
(function () {
  'use strict';
  var retry = document.querySelector('[data-retry]');
  if (retry)
    retry.addEventListener('click', function () {
      location.reload();
    });
  window.addEventListener('online', function () {
    location.reload();
  });
  if (window.caches) {
    caches
      .open('portal-pages-v1')
      .then(function (c) {
        return c.keys();
      })
      .then(function (keys) {
        var list = document.querySelector('[data-visited-list]');
        if (!list || !keys.length) return;
        keys
          .slice(-20)
          .reverse()
          .forEach(function (req) {
            var url = new URL(req.url);
            var li = document.createElement('li');
            var a = document.createElement('a');
            a.href = url.pathname + url.search;
            a.textContent =
              decodeURIComponent(url.pathname) === '/'
                ? 'Beranda kabupaten'
                : decodeURIComponent(url.pathname).slice(1).replace(/\//g, ' › ').replace(/-/g, ' ');
            li.appendChild(a);
            list.appendChild(li);
          });
        document.querySelector('[data-visited]').hidden = false;
      })
      .catch(function () {});
  }
  var O = window.PortalOutbox;
  if (O)
    O.all('outbox')
      .then(function (items) {
        if (!items.length) return;
        var p = document.createElement('p');
        p.className = 'notice';
        p.setAttribute('role', 'status');
        p.textContent = items.length + ' kiriman menunggu sinyal di HP ini.';
        document.getElementById('kotak-kirim').appendChild(p);
      })
      .catch(function () {});
})();
