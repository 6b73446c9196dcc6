// On every page (after outbox-core.js): registers the service worker, shows "1 laporan menunggu sinyal" while forms
// wait in the outbox, sends them when the connection returns (Background Sync where the browser has it, else on
// `online` and on the next visit), and shows each confirmation that came back. A confirmation (tracking number and
// private code) stays on the phone only until the citizen has seen it — or longer if they choose "Simpan di HP ini".
(function () {
  'use strict';
  var O = window.PortalOutbox;
  if (!O) return;

  var script = document.currentScript;
  if ('serviceWorker' in navigator && script) {
    var v = new URL(script.src).searchParams.get('v') || '0';
    var a = script.getAttribute('data-assets') || '0';
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js?v=' + encodeURIComponent(v) + '&a=' + encodeURIComponent(a), { scope: '/' }).catch(function () {});
    });
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      e.setAttribute(k, attrs[k]);
    });
    if (text) e.textContent = text;
    return e;
  }
  function box() {
    var b = document.getElementById('kotak-kirim');
    if (b) return b;
    var main = document.getElementById('isi');
    if (!main) return null;
    b = el('div', { id: 'kotak-kirim', class: 'outbox' });
    main.insertBefore(b, main.firstChild);
    return b;
  }

  function count(items) {
    var by = {};
    items.forEach(function (i) {
      by[i.value.label] = (by[i.value.label] || 0) + 1;
    });
    return Object.keys(by)
      .map(function (l) {
        return by[l] + ' ' + l;
      })
      .join(' dan ');
  }

  function showQueue(items) {
    var b = box();
    if (!b) return;
    var old = b.querySelector('[data-outbox-queue]');
    if (old) old.remove();
    if (!items.length) return;
    var p = el('div', { class: 'notice notice-wait', 'data-outbox-queue': '', role: 'status' });
    p.appendChild(el('p', {}, count(items) + ' menunggu sinyal. Akan terkirim sendiri saat ada sinyal — tidak perlu mengisi ulang.'));
    var btn = el('button', { type: 'button', class: 'button-secondary' }, 'Coba kirim sekarang');
    btn.addEventListener('click', function () {
      btn.disabled = true;
      btn.textContent = 'Mencoba…';
      run();
    });
    p.appendChild(btn);
    b.appendChild(p);
  }

  function confirmationOf(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var panel = doc.querySelector('[data-confirmation]') || doc.querySelector('main');
    return panel;
  }

  function showSent(list) {
    var b = box();
    if (!b) return;
    b.querySelectorAll('[data-outbox-sent]').forEach(function (n) {
      n.remove();
    });
    list.forEach(function (it) {
      var rec = it.value;
      var wrap = el('section', { class: 'notice notice-sent', 'data-outbox-sent': it.key, 'aria-labelledby': 'judul-' + it.key, tabindex: '-1' });
      var ok = rec.status < 300;
      wrap.appendChild(el('h2', { id: 'judul-' + it.key }, ok ? 'Kiriman Anda sudah diterima' : 'Kiriman Anda perlu diperbaiki'));
      var content = confirmationOf(rec.html);
      if (content) {
        var holder = el('div', { class: 'outbox-content' });
        holder.innerHTML = content.innerHTML; // our own server's page, same origin; CSP blocks any script in it
        holder.querySelectorAll('h1').forEach(function (h) {
          var h3 = el('h3', {}, h.textContent);
          h.replaceWith(h3);
        });
        wrap.appendChild(holder);
      }
      var row = el('p', { class: 'outbox-actions' });
      if (ok && !rec.kept) {
        var keep = el('button', { type: 'button' }, 'Simpan di HP ini');
        keep.addEventListener('click', function () {
          rec.kept = true;
          O.put('sent', it.key, rec).then(refresh);
        });
        row.appendChild(keep);
      }
      var drop = el('button', { type: 'button', class: 'button-secondary' }, rec.kept ? 'Hapus dari HP ini' : ok ? 'Sudah saya catat, hapus dari HP' : 'Tutup');
      drop.addEventListener('click', function () {
        O.del('sent', it.key).then(refresh);
      });
      row.appendChild(drop);
      wrap.appendChild(row);
      if (rec.kept) {
        var d = el('details', { class: 'outbox-kept', 'data-outbox-sent': it.key });
        d.appendChild(el('summary', {}, 'Tersimpan di HP ini: ' + (rec.label || 'kiriman') + ' ' + new Date(rec.sentAt).toLocaleDateString('id-ID')));
        d.appendChild(wrap);
        b.appendChild(d);
      } else {
        b.appendChild(wrap);
      }
    });
  }

  function refresh() {
    return Promise.all([O.all('outbox'), O.all('sent')])
      .then(function (r) {
        showQueue(r[0]);
        var unseen = r[1].filter(function (i) {
          return !i.value.kept;
        });
        showSent(
          unseen.concat(
            r[1].filter(function (i) {
              return i.value.kept;
            }),
          ),
        );
        var first = document.querySelector('#kotak-kirim [data-outbox-sent]:not(details)');
        if (first && unseen.length && !refresh.focused) {
          refresh.focused = true;
          first.focus();
        }
        document.dispatchEvent(new CustomEvent('portal:outbox', { detail: { queued: r[0].length, sent: r[1].length } }));
      })
      .catch(function () {});
  }

  function run() {
    if (!navigator.onLine) return refresh();
    return O.flush().then(refresh, refresh);
  }

  window.PortalOutboxUI = { refresh: refresh, run: run };
  window.addEventListener('online', run);
  document.addEventListener('portal:queued', function () {
    refresh();
    navigator.serviceWorker &&
      navigator.serviceWorker.ready
        .then(function (reg) {
          return reg.sync && reg.sync.register('portal-outbox');
        })
        .catch(function () {});
  });
  if (navigator.serviceWorker)
    navigator.serviceWorker.addEventListener('message', function (e) {
      if (e.data === 'portal-outbox-sent') refresh();
    });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();
