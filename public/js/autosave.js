// Local copy of admin forms marked data-autosave="<key>" (src/admin/autosave.tsx): the text fields are kept in this
// browser's localStorage while typing, so a closed tab or a dropped connection loses nothing even before the server
// autosave (htmx) has answered. On the next visit a button offers to put the local copy back. A page that confirms a
// save (data-autosave-saved="<key> <key>…") clears those copies. No inline script (CSP); loaded on editor pages only.
(function () {
  'use strict';
  var store;
  try {
    store = window.localStorage;
    store.setItem('draf:test', '1');
    store.removeItem('draf:test');
  } catch (e) {
    return;
  }
  var PREFIX = 'draf:';
  var SKIP = { _csrf: 1, _draf_kunci: 1 };

  function fieldsOf(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || SKIP[el.name] || el.type === 'file' || el.type === 'submit' || el.type === 'hidden' || el.type === 'password') return;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) return;
      out[el.name] = el.value;
    });
    return out;
  }

  function fill(form, values) {
    Object.keys(values).forEach(function (name) {
      var el = form.elements.namedItem(name);
      if (el && 'value' in el && el.type !== 'file') el.value = values[name];
    });
  }

  var saved = document.querySelector('[data-autosave-saved]');
  if (saved) {
    saved
      .getAttribute('data-autosave-saved')
      .split(' ')
      .forEach(function (k) {
        if (k) store.removeItem(PREFIX + k);
      });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-autosave]'), function (form) {
    var key = PREFIX + form.getAttribute('data-autosave');
    var raw = store.getItem(key);
    if (raw) {
      try {
        var copy = JSON.parse(raw);
        var now = fieldsOf(form);
        var differs = Object.keys(copy.values || {}).some(function (k) {
          return (copy.values[k] || '') !== (now[k] || '');
        });
        if (differs) {
          var status = document.getElementById('autosave-status');
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'button-secondary';
          button.textContent = 'Pulihkan teks dari perangkat ini (' + new Date(copy.at).toLocaleString('id-ID') + ')';
          button.addEventListener('click', function () {
            fill(form, copy.values);
            button.remove();
          });
          if (status) status.insertAdjacentElement('afterend', button);
        }
      } catch (e) {
        store.removeItem(key);
      }
    }
    form.addEventListener('input', function () {
      try {
        store.setItem(key, JSON.stringify({ at: Date.now(), values: fieldsOf(form) }));
      } catch (e) {
        /* storage full: the server autosave still runs */
      }
    });
  });
})();
