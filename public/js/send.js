// Citizen forms (form[data-send="laporan"|"permohonan"|…], after outbox-core.js and outbox.js). Progressive
// enhancement: without JavaScript the form posts normally.
// - Drafts: what the citizen types (and the photos, after downscale.js) is kept on the phone as they type, so a
//   reload, going back or closing the tab loses nothing; it is removed once the server has the form.
// - Sending: the button is disabled and shows "Mengirim… 45%"; errors appear beside it and take focus; nothing
//   scrolls away. The answer (confirmation or the form with errors) replaces the page's main content.
// - No connection (before or during sending), or a server error: the form goes to the offline outbox and is sent
//   by itself later, exactly once (the form's token is the server's idempotency key).
(function () {
  'use strict';
  var O = window.PortalOutbox;
  if (!O || typeof FormData !== 'function') return;
  var SAVE_DELAY = 400;

  function draftKey(form) {
    return 'draft:' + location.pathname + '#' + (form.id || form.getAttribute('action') || '');
  }
  function status(form) {
    var s = form.querySelector('[data-send-status]');
    if (!s) {
      var btn = form.querySelector('[type=submit]');
      s = document.createElement('p');
      s.setAttribute('data-send-status', '');
      s.className = 'send-status';
      s.setAttribute('tabindex', '-1');
      if (btn && btn.parentNode) btn.parentNode.insertBefore(s, btn.nextSibling);
      else form.appendChild(s);
    }
    return s;
  }
  function say(form, text, isError) {
    var s = status(form);
    s.textContent = text;
    s.setAttribute('role', isError ? 'alert' : 'status');
    s.classList.toggle('send-error', !!isError);
    if (isError) s.focus();
  }
  function formData(form, submitter) {
    try {
      return new FormData(form, submitter || undefined);
    } catch (e) {
      return new FormData(form);
    }
  }
  function draftable(form) {
    var fd = formData(form);
    form.querySelectorAll('[data-no-draft]').forEach(function (f) {
      fd.delete(f.name);
    });
    return O.serialize(fd);
  }

  // ---- drafts ----
  var timers = new WeakMap();
  function saveSoon(form) {
    clearTimeout(timers.get(form));
    timers.set(
      form,
      setTimeout(function () {
        O.put('drafts', draftKey(form), { fields: draftable(form), savedAt: Date.now() }).catch(function () {});
      }, SAVE_DELAY),
    );
  }
  function restore(form, fields) {
    var files = {};
    fields.forEach(function (f) {
      var name = f[0],
        v = f[1];
      var els = form.querySelectorAll('[name="' + name.replace(/"/g, '') + '"]');
      if (!els.length) return;
      if (typeof v !== 'string') {
        if (!files[name]) files[name] = [];
        files[name].push(new File([v.blob], v.name, { type: v.type }));
        return;
      }
      els.forEach(function (el) {
        if (el.type === 'radio' || el.type === 'checkbox') el.checked = el.value === v || el.checked;
        else if (el.type !== 'file') el.value = v;
      });
    });
    Object.keys(files).forEach(function (name) {
      var input = form.querySelector('input[type=file][name="' + name + '"]');
      if (!input || typeof DataTransfer !== 'function') return;
      var dt = new DataTransfer();
      files[name].forEach(function (f) {
        dt.items.add(f);
      });
      input.files = dt.files;
    });
  }
  function offerRestore(form) {
    // A form the server sent back with errors already holds what was typed: never overwrite it.
    if (form.querySelector('.error-summary, [aria-invalid="true"]')) return;
    O.get('drafts', draftKey(form))
      .then(function (d) {
        if (!d || !d.fields || !d.fields.length) return;
        restore(form, d.fields);
        var note = document.createElement('p');
        note.className = 'notice draft-note';
        note.setAttribute('role', 'status');
        note.textContent = 'Isian Anda sebelumnya dikembalikan dari HP ini. ';
        var clear = document.createElement('button');
        clear.type = 'button';
        clear.className = 'button-link';
        clear.textContent = 'Kosongkan formulir';
        clear.addEventListener('click', function () {
          O.del('drafts', draftKey(form)).then(function () {
            location.reload();
          });
        });
        note.appendChild(clear);
        form.insertBefore(note, form.firstChild);
      })
      .catch(function () {});
  }
  function init(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('form[data-send]').forEach(function (form) {
      if (form.hasAttribute('data-send-ready')) return;
      form.setAttribute('data-send-ready', '');
      offerRestore(form);
    });
  }
  document.addEventListener('input', function (e) {
    var f = e.target.form;
    if (f && f.hasAttribute('data-send')) saveSoon(f);
  });
  document.addEventListener('change', function (e) {
    var f = e.target.form;
    if (f && f.hasAttribute('data-send')) saveSoon(f);
  });
  // downscale.js tells when the smaller photos are in place.
  document.addEventListener('portal:photos-ready', function (e) {
    var f = e.target.form;
    if (f && f.hasAttribute('data-send')) saveSoon(f);
  });

  // ---- sending ----
  function queue(form, fd, why) {
    var token = form.elements.token && form.elements.token.value;
    return O.enqueue({
      url: form.action,
      fields: O.serialize(fd),
      key: token || null,
      label: form.getAttribute('data-send') || 'kiriman',
      draftKey: draftKey(form),
    })
      .then(function () {
        document.dispatchEvent(new CustomEvent('portal:queued'));
        say(form, why + ' Kiriman Anda disimpan di HP ini dan akan terkirim sendiri saat ada sinyal — Anda boleh menutup halaman ini.', true);
      })
      .catch(function () {
        say(form, why + ' Kiriman belum tersimpan. Periksa sinyal lalu tekan kirim lagi.', true);
      });
  }

  function swapMain(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var next = doc.getElementById('isi');
    var main = document.getElementById('isi');
    if (!next || !main) return false;
    main.replaceWith(document.adoptNode(next));
    if (doc.title) document.title = doc.title;
    window.scrollTo(0, 0);
    var focus = next.querySelector('.error-summary, [data-autofocus], h1');
    if (focus) {
      if (!focus.hasAttribute('tabindex')) focus.setAttribute('tabindex', '-1');
      focus.focus();
    }
    init(next);
    if (window.PortalOutboxUI) window.PortalOutboxUI.refresh();
    offerKeep(next, html);
    return true;
  }

  /** On a confirmation, the citizen may keep it on the phone (tracking number and private code). */
  function offerKeep(root, html) {
    var panel = root.querySelector('[data-confirmation]');
    if (!panel) return;
    var btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'button-secondary';
    btn.textContent = 'Simpan di HP ini';
    btn.addEventListener('click', function () {
      var id = 'k' + Date.now().toString(36);
      O.put('sent', id, { url: location.pathname, label: 'konfirmasi', status: 200, html: html, sentAt: Date.now(), kept: true }).then(function () {
        btn.replaceWith(Object.assign(document.createElement('p'), { textContent: 'Tersimpan di HP ini. Hapus kapan saja dari kotak di atas halaman.' }));
      });
    });
    panel.appendChild(btn);
  }

  function send(form, submitter) {
    // A draft save still waiting (the last keystroke or photo came just before the tap) must not write the draft
    // back after the server has the form: the next visit would find the sent report filled in again.
    clearTimeout(timers.get(form));
    var fd = formData(form, submitter);
    var button = submitter || form.querySelector('[type=submit]');
    var label = button ? button.textContent : '';
    var done = function () {
      if (button) {
        button.disabled = false;
        button.removeAttribute('aria-busy');
        button.textContent = label;
      }
    };
    if (!navigator.onLine) return queue(form, fd, 'Tidak ada sinyal.');
    if (button) {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      button.textContent = 'Mengirim… 0%';
    }
    say(form, '', false);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'text/html');
    var token = form.elements.token && form.elements.token.value;
    if (token) xhr.setRequestHeader('Idempotency-Key', token);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable && button) button.textContent = 'Mengirim… ' + Math.min(99, Math.round((e.loaded / e.total) * 100)) + '%';
    };
    xhr.onload = function () {
      var s = xhr.status;
      if (s >= 500 || s === 429) {
        done();
        return queue(form, fd, 'Server sedang sibuk.');
      }
      if (s < 300) O.del('drafts', draftKey(form)).catch(function () {});
      if (/text\/html/.test(xhr.getResponseHeader('Content-Type') || '') && swapMain(xhr.responseText)) return;
      done();
      say(form, 'Kiriman ditolak (kode ' + s + '). Periksa isian lalu kirim lagi.', true);
    };
    xhr.onerror = xhr.ontimeout = function () {
      done();
      queue(form, fd, 'Koneksi terputus.');
    };
    xhr.send(fd);
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute('data-send') || e.defaultPrevented) return;
    e.preventDefault();
    send(form, e.submitter);
  });

  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', function () {
      init(document);
    });
  else init(document);
})();
