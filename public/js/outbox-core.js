// Offline outbox and drafts, without the page: an IndexedDB store shared by the pages (window) and the service worker
// (importScripts). A citizen form sent without a connection is queued here and sent later — exactly once: each entry
// carries the form's own token, which the server uses as its idempotency key (a repeat answers the first result).
// Stores: drafts (what is being typed, per form), outbox (forms waiting for a signal), sent (confirmations received
// while the citizen was away; kept only until shown, or longer when the citizen chooses "Simpan di HP ini").
(function (root) {
  'use strict';
  var DB_NAME = 'portal-warga';
  var STORES = ['drafts', 'outbox', 'sent'];
  var dbPromise = null;

  function open() {
    if (dbPromise) return dbPromise;
    dbPromise = new Promise(function (resolve, reject) {
      if (!root.indexedDB) return reject(new Error('no IndexedDB'));
      var req = root.indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = function () {
        STORES.forEach(function (s) {
          if (!req.result.objectStoreNames.contains(s)) req.result.createObjectStore(s);
        });
      };
      req.onsuccess = function () {
        resolve(req.result);
      };
      req.onerror = function () {
        reject(req.error);
      };
    });
    dbPromise.catch(function () {
      dbPromise = null;
    });
    return dbPromise;
  }

  function tx(store, mode, fn) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(store, mode);
        var result;
        Promise.resolve(fn(t.objectStore(store))).then(function (r) {
          result = r;
        });
        t.oncomplete = function () {
          resolve(result);
        };
        t.onerror = t.onabort = function () {
          reject(t.error);
        };
      });
    });
  }
  function wrap(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () {
        resolve(req.result);
      };
      req.onerror = function () {
        reject(req.error);
      };
    });
  }
  var get = function (s, k) {
    return tx(s, 'readonly', function (o) {
      return wrap(o.get(k));
    });
  };
  var put = function (s, k, v) {
    return tx(s, 'readwrite', function (o) {
      o.put(v, k);
    });
  };
  var del = function (s, k) {
    return tx(s, 'readwrite', function (o) {
      o.delete(k);
    });
  };
  function all(s) {
    return tx(s, 'readonly', function (o) {
      return Promise.all([wrap(o.getAllKeys()), wrap(o.getAll())]).then(function (r) {
        return r[0].map(function (k, i) {
          return { key: k, value: r[1][i] };
        });
      });
    });
  }

  /** FormData → a structured-clonable list ([name, string] or [name, {file, name, type}]). */
  function serialize(fd) {
    var out = [];
    fd.forEach(function (v, k) {
      if (typeof v === 'string') out.push([k, v]);
      else if (v && v.size > 0) out.push([k, { blob: v, name: v.name, type: v.type }]);
    });
    return out;
  }
  function deserialize(fields) {
    var fd = new FormData();
    fields.forEach(function (f) {
      if (typeof f[1] === 'string') fd.append(f[0], f[1]);
      else fd.append(f[0], new File([f[1].blob], f[1].name, { type: f[1].type }));
    });
    return fd;
  }

  /** Queues a form; resolves its id. `label` is what the banner counts ("laporan", "permohonan"). */
  function enqueue(entry) {
    var id = 'o' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    var item = {
      url: entry.url,
      fields: entry.fields,
      key: entry.key,
      label: entry.label || 'kiriman',
      draftKey: entry.draftKey || null,
      queuedAt: Date.now(),
      attempts: 0,
    };
    return put('outbox', id, item).then(function () {
      return id;
    });
  }

  var MAX_ATTEMPTS = 20;
  function retryLater(id, item) {
    item.attempts += 1;
    return put('outbox', id, item).then(function () {
      return null;
    });
  }

  /**
   * Sends one queued form. No connection, a server error or "too many requests" → stays queued (the same token makes a
   * repeat harmless). Any other answer — the confirmation, or the form with errors to fix — leaves the queue.
   */
  function sendOne(id, item) {
    var headers = { Accept: 'text/html', 'X-Portal-Outbox': '1' };
    if (item.key) headers['Idempotency-Key'] = item.key;
    return fetch(item.url, { method: 'POST', body: deserialize(item.fields), headers: headers, credentials: 'same-origin' }).then(
      function (res) {
        if ((res.status >= 500 || res.status === 429) && item.attempts < MAX_ATTEMPTS) return retryLater(id, item);
        return res.text().then(function (html) {
          var record = { url: item.url, label: item.label, status: res.status, html: html, sentAt: Date.now(), kept: false };
          // The form (and its photos) leaves the phone as soon as the server answered; so does its draft.
          return put('sent', id, record)
            .then(function () {
              return del('outbox', id);
            })
            .then(function () {
              return item.draftKey ? del('drafts', item.draftKey) : null;
            })
            .then(function () {
              return { id: id, status: res.status };
            });
        });
      },
      function () {
        return retryLater(id, item);
      },
    );
  }

  var flushing = null;
  /** Sends everything queued, one at a time. Concurrent calls share one run; pages and the worker use a Web Lock. */
  function flush() {
    if (flushing) return flushing;
    var run = function () {
      return all('outbox').then(function (items) {
        return items.reduce(function (chain, it) {
          return chain.then(function (done) {
            return sendOne(it.key, it.value).then(function (r) {
              if (r) done.push(r);
              return done;
            });
          });
        }, Promise.resolve([]));
      });
    };
    var locks = root.navigator && root.navigator.locks;
    flushing = (locks ? locks.request('portal-outbox', run) : run()).then(
      function (r) {
        flushing = null;
        return r;
      },
      function (e) {
        flushing = null;
        throw e;
      },
    );
    return flushing;
  }

  root.PortalOutbox = { get: get, put: put, del: del, all: all, serialize: serialize, deserialize: deserialize, enqueue: enqueue, flush: flush };
})(typeof self !== 'undefined' ? self : this);
