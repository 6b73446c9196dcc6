// Complaint pages, progressive enhancement only (every form works without JavaScript):
// - "Gunakan lokasi saya" fills latitude/longitude from the phone;
// - htmx forms marked data-swap-errors: a 422 (form with errors) is swapped in like a success; other errors and
//   lost connections are shown inside the form, so nothing typed is lost;
// - after a swap, focus moves to the new heading or the error summary.
(function () {
  'use strict';

  function showGeo(root) {
    if (!navigator.geolocation || !root.querySelectorAll) return;
    root.querySelectorAll('[data-geolocate]').forEach(function (b) {
      b.hidden = false;
    });
  }
  showGeo(document);
  document.addEventListener('htmx:load', function (e) {
    showGeo(e.target);
  });

  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('[data-geolocate]') : null;
    if (!button || !button.form) return;
    var form = button.form;
    var status = form.querySelector('[data-geolocate-status]');
    var say = function (t) {
      if (status) status.textContent = t;
    };
    say('Mencari lokasi Anda…');
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        form.elements.lat.value = pos.coords.latitude.toFixed(6);
        form.elements.lng.value = pos.coords.longitude.toFixed(6);
        form.elements.lng.dispatchEvent(new Event('change', { bubbles: true })); // send.js keeps it in the draft
        say('Lokasi terisi (ketelitian sekitar ' + Math.round(pos.coords.accuracy) + ' m).');
      },
      function () {
        say('Lokasi tidak dapat diambil. Isi keterangan tempat saja.');
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  });

  function errorBox(elt) {
    var form = elt && elt.closest ? elt.closest('form[data-swap-errors]') : null;
    return form ? form.querySelector('[data-form-error]') : null;
  }

  document.addEventListener('htmx:beforeSwap', function (e) {
    var d = e.detail;
    var elt = d.requestConfig && d.requestConfig.elt;
    if (!elt || !elt.closest || !elt.closest('form[data-swap-errors]')) return;
    if (d.xhr.status === 422) {
      d.shouldSwap = true;
      d.isError = false;
    } else if (d.xhr.status >= 400) {
      var box = errorBox(elt);
      if (!box) return;
      d.shouldSwap = true;
      d.isError = false;
      d.target = box;
      d.swapOverride = 'innerHTML';
    }
  });

  document.addEventListener('htmx:sendError', function (e) {
    var box = errorBox(e.target);
    if (box) box.textContent = 'Koneksi terputus. Periksa sinyal lalu tekan kirim lagi — laporan tidak akan tercatat dua kali.';
  });

  document.addEventListener('htmx:afterSwap', function () {
    var el = document.querySelector('[data-autofocus]') || document.querySelector('.error-summary');
    if (el && el.focus) el.focus();
  });
})();
