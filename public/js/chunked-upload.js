// Chunked uploads for the document form (input[data-chunked]): a file larger than one part (5 MB) is sent in parts
// to /admin/dokumen/unggahan (R2 multipart) before the form is submitted, with a progress bar. A part that fails is
// retried alone with a growing pause; a dropped connection, a closed tab or an expired session loses only the part
// in flight: the session id is kept on the phone (localStorage, by region + file name, size and date), and when the
// officer picks the same file again the server says which parts it has and the upload continues from there. The
// completed upload's id goes into the hidden `upload_id` field and the form is submitted without the file.
// Without JavaScript the file goes with the form as before (up to the same size limit). "Batalkan unggahan" stops
// the upload, asks the server to abort the R2 multipart upload (DELETE) and forgets the session kept on the phone.
(function () {
  'use strict';
  var input = document.querySelector('input[type="file"][data-chunked]');
  if (!input || !input.form || typeof FormData !== 'function' || typeof XMLHttpRequest !== 'function' || !window.Blob || !Blob.prototype.slice) return;
  var form = input.form;
  var partSize = parseInt(input.getAttribute('data-chunked'), 10);
  var maxBytes = parseInt(input.getAttribute('data-chunked-max'), 10);
  var hidden = form.querySelector('input[data-upload-id]');
  var box = form.querySelector('[data-upload-progress]');
  var csrfField = form.querySelector('input[name="_csrf"]');
  if (!partSize || !hidden || !box || !csrfField) return;
  var bar = box.querySelector('progress');
  var text = box.querySelector('[data-upload-text]');
  var cancelButton = box.querySelector('[data-upload-cancel]');
  var BASE = '/admin/dokumen/unggahan';
  var STORE = 'portal:unggahan:';
  var KEEP_MS = 3 * 24 * 60 * 60 * 1000; // the server forgets a session after three days
  var MAX_RETRIES = 6; // pauses of 1, 2, 4, 8, 16 and 30 s: about a minute without a connection
  var busy = false;
  var submitting = false;
  var cancelled = false;
  var active = null; // the request in flight (aborted by a cancel)
  var current = null; // { id, key } of the session being sent or found on the server

  function cancelError() {
    var err = new Error('Unggahan dibatalkan.');
    err.cancelled = true;
    return err;
  }
  function track(id, key) {
    current = { id: id, key: key };
    if (cancelButton) cancelButton.hidden = false;
  }

  function mb(n) {
    return (n / 1048576).toFixed(1).replace('.', ',') + ' MB';
  }
  function show(done, total, message, isError) {
    box.hidden = false;
    bar.max = total || 1;
    bar.value = done;
    text.textContent = message;
    text.setAttribute('role', isError ? 'alert' : 'status');
  }
  function regionCode() {
    var select = form.querySelector('select[name="region_code"]');
    return select ? select.value : input.getAttribute('data-region') || '';
  }
  function storeKey(file, region) {
    return STORE + region + '|' + file.name + '|' + file.size + '|' + file.lastModified;
  }
  function recall(key) {
    try {
      var v = JSON.parse(localStorage.getItem(key) || 'null');
      return v && v.id && Date.now() - v.at < KEEP_MS ? v.id : null;
    } catch (e) {
      return null;
    }
  }
  function remember(key, id) {
    try {
      localStorage.setItem(key, JSON.stringify({ id: id, at: Date.now() }));
    } catch (e) {
      /* private mode: the upload still works, it just cannot resume after the tab closes */
    }
  }
  function forget(key) {
    try {
      localStorage.removeItem(key);
    } catch (e) {
      /* ignore */
    }
  }

  // One request; `onProgress(bytesSent)` for part uploads. Rejects with err.status (none when the network failed).
  function request(method, path, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      active = xhr;
      xhr.open(method, path);
      xhr.setRequestHeader('X-CSRF-Token', csrfField.value);
      xhr.setRequestHeader('Accept', 'application/json');
      if (typeof body === 'string') xhr.setRequestHeader('Content-Type', 'application/json');
      if (onProgress && xhr.upload) {
        xhr.upload.onprogress = function (e) {
          onProgress(e.loaded);
        };
      }
      xhr.onload = function () {
        var data = null;
        try {
          data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
        } catch (e) {
          data = null;
        }
        // An expired login answers with the login page (a followed redirect), not JSON: keep the parts, ask to log in.
        var expired = /\/masuk(\?|$)/.test(xhr.responseURL || '') || (xhr.status === 200 && xhr.responseText && data === null);
        if (xhr.status >= 200 && xhr.status < 300 && !expired) return resolve(data);
        var err = new Error(
          (data && (data.detail || data.title)) ||
            (expired || xhr.status === 401
              ? 'Sesi Anda berakhir. Masuk lagi, lalu pilih berkas yang sama untuk melanjutkan.'
              : 'Server menolak unggahan (' + xhr.status + ').'),
        );
        err.status = expired ? 401 : xhr.status;
        reject(err);
      };
      xhr.onerror = xhr.ontimeout = function () {
        reject(new Error('Koneksi terputus.'));
      };
      xhr.onabort = function () {
        reject(cancelError());
      };
      xhr.send(body || null);
    });
  }
  function retryable(err) {
    return !err.status || err.status >= 500 || err.status === 408 || err.status === 429;
  }
  function pause(ms) {
    return new Promise(function (resolve) {
      var done = false;
      function go() {
        if (done) return;
        done = true;
        window.removeEventListener('online', go);
        resolve();
      }
      setTimeout(go, ms);
      window.addEventListener('online', go); // back online: try at once
    });
  }
  function withRetry(fn, progress) {
    var attempt = 0;
    function go() {
      if (cancelled) return Promise.reject(cancelError());
      return fn().catch(function (err) {
        if (cancelled) throw cancelError();
        if (!retryable(err) || attempt >= MAX_RETRIES) throw err;
        attempt++;
        var delay = Math.min(30000, 1000 * Math.pow(2, attempt - 1));
        progress('Koneksi terputus. Mencoba lagi dalam ' + Math.round(delay / 1000) + ' detik (percobaan ' + attempt + ' dari ' + MAX_RETRIES + ')…');
        return pause(delay).then(go);
      });
    }
    return go();
  }

  // The session for this file: the one kept on the phone if the server still has it, else a new one.
  function sessionFor(file, key, region, say) {
    var kept = recall(key);
    var existing = kept
      ? withRetry(function () {
          return request('GET', BASE + '/' + kept);
        }, say).catch(function (err) {
          if (err.status === 404) {
            forget(key);
            return null;
          }
          throw err;
        })
      : Promise.resolve(null);
    return existing.then(function (s) {
      if (s) return s;
      var body = JSON.stringify({ region_code: region, name: file.name, size: file.size, type: file.type || undefined });
      return withRetry(function () {
        return request('POST', BASE, body);
      }, say).then(function (created) {
        remember(key, created.id);
        return created;
      });
    });
  }

  function upload(file) {
    var region = regionCode();
    if (!region) return Promise.reject(new Error('Pilih wilayah dahulu, lalu kirim lagi.'));
    var key = storeKey(file, region);
    var sent = 0;
    function say(message) {
      show(sent, file.size, message);
    }
    say('Menyiapkan unggahan…');
    return sessionFor(file, key, region, say)
      .then(function (s) {
        track(s.id, key);
        if (s.status === 'complete') return s;
        var have = {};
        s.parts.forEach(function (n) {
          have[n] = true;
        });
        sent = s.received_bytes;
        if (s.parts.length) say('Melanjutkan unggahan: ' + s.parts.length + ' dari ' + s.part_count + ' bagian sudah diterima server.');
        var chain = Promise.resolve();
        for (var n = 1; n <= s.part_count; n++) {
          if (!have[n]) chain = chain.then(sendPart.bind(null, s, n));
        }
        function sendPart(session, n) {
          var blob = file.slice((n - 1) * session.part_size, Math.min(file.size, n * session.part_size));
          var before = sent;
          return withRetry(function () {
            var body = new FormData();
            body.append('bagian', blob, 'bagian-' + n);
            return request('PUT', BASE + '/' + session.id + '/bagian/' + n, body, function (loaded) {
              var now = before + Math.min(loaded, blob.size);
              show(
                now,
                file.size,
                'Mengunggah bagian ' +
                  n +
                  ' dari ' +
                  session.part_count +
                  ': ' +
                  mb(now) +
                  ' dari ' +
                  mb(file.size) +
                  ' (' +
                  Math.floor((now / file.size) * 100) +
                  '%).',
              );
            });
          }, say).then(function () {
            sent = before + blob.size;
            say(
              'Bagian ' +
                n +
                ' dari ' +
                session.part_count +
                ' terkirim: ' +
                mb(sent) +
                ' dari ' +
                mb(file.size) +
                ' (' +
                Math.floor((sent / file.size) * 100) +
                '%).',
            );
          });
        }
        return chain.then(function () {
          say('Semua bagian terkirim. Server memeriksa berkas…');
          return withRetry(function () {
            return request('POST', BASE + '/' + s.id + '/selesai');
          }, say);
        });
      })
      .then(
        function (done) {
          show(file.size, file.size, 'Berkas terunggah lengkap (' + mb(file.size) + '). Menyimpan dokumen…');
          return done;
        },
        function (err) {
          // A refused file (wrong type, too large) starts over next time; anything else resumes from the parts kept.
          if (err.cancelled) throw err;
          if (err.status && !retryable(err) && err.status !== 401 && err.status !== 403) forget(key);
          throw err;
        },
      );
  }

  // Picking the same file again after an interruption says what is already on the server.
  input.addEventListener('change', function () {
    hidden.value = '';
    var kept = form.querySelector('[data-upload-kept]');
    if (kept) kept.hidden = true;
    var file = input.files && input.files[0];
    box.hidden = true;
    if (!file || file.size <= partSize || !regionCode()) return;
    var key = storeKey(file, regionCode());
    var id = recall(key);
    if (!id) return;
    request('GET', BASE + '/' + id).then(
      function (s) {
        if (s.parts.length) track(s.id, key);
        if (s.parts.length)
          show(
            s.received_bytes,
            file.size,
            'Unggahan sebelumnya ditemukan: ' + s.parts.length + ' dari ' + s.part_count + ' bagian sudah diterima server. Kirim formulir untuk melanjutkan.',
          );
      },
      function () {
        /* checked again on submit */
      },
    );
  });

  form.addEventListener('submit', function (e) {
    if (submitting) return;
    var file = input.files && input.files[0];
    if (!file || file.size <= partSize) return; // small files go with the form
    e.preventDefault();
    if (busy) return;
    if (maxBytes && file.size > maxBytes) {
      show(0, 1, 'Berkas terlalu besar (' + mb(file.size) + '). Ukuran maksimal ' + mb(maxBytes) + '.', true);
      return;
    }
    var submitter = e.submitter;
    busy = true;
    cancelled = false;
    if (submitter) submitter.disabled = true;
    upload(file).then(
      function (done) {
        if (cancelButton) cancelButton.hidden = true;
        hidden.value = done.id;
        input.disabled = true; // the file is on the server: the form goes without it
        submitting = true;
        busy = false;
        if (submitter) submitter.disabled = false;
        if (form.requestSubmit) form.requestSubmit(submitter || undefined);
        else form.submit();
      },
      function (err) {
        busy = false;
        if (submitter) submitter.disabled = false;
        if (err.cancelled) return; // the cancel says what happened
        var resumable = !err.status || retryable(err) || err.status === 401 || err.status === 403;
        show(
          bar.value,
          bar.max,
          err.message +
            (resumable
              ? ' Bagian yang sudah terkirim tetap tersimpan: kirim lagi (atau pilih berkas yang sama nanti) untuk melanjutkan.'
              : ' Pilih berkas lain.'),
          true,
        );
      },
    );
  });

  // "Batalkan unggahan": stop sending, abort the multipart upload on the server, forget the session on the phone.
  if (cancelButton) {
    cancelButton.addEventListener('click', function () {
      var target = current;
      cancelled = true;
      if (active) active.abort();
      cancelButton.disabled = true;
      show(0, 1, 'Membatalkan unggahan…');
      function finished(message) {
        if (target) forget(target.key);
        current = null;
        hidden.value = '';
        cancelButton.hidden = true;
        cancelButton.disabled = false;
        show(0, 1, message);
      }
      if (!target) return finished('Unggahan dibatalkan.');
      request('DELETE', BASE + '/' + target.id).then(
        function () {
          finished('Unggahan dibatalkan. Bagian yang sudah terkirim dihapus dari server.');
        },
        function (err) {
          if (err.status === 404) return finished('Unggahan dibatalkan.');
          cancelButton.disabled = false;
          show(0, 1, 'Unggahan dihentikan, tetapi server belum dapat menghapusnya (' + err.message + '). Coba batalkan lagi.', true);
        },
      );
    });
  }
})();
