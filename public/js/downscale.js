// Downscales large photos in the browser before upload (input[type=file][data-downscale="<max side px>"], ≈1024 px
// by default): a 4–6 MB camera photo becomes ≈150–250 KB, upright (EXIF orientation applied by the decoder) and
// without metadata (a canvas keeps none). Progressive enhancement: without this script (or on any error) the original
// file is sent and the server's image pipeline does the same work. No inline script (CSP script-src 'self').
// When the smaller files are in place the input gets a `portal:photos-ready` event (send.js saves the draft then).
(function () {
  'use strict';
  if (typeof DataTransfer !== 'function' || typeof HTMLCanvasElement === 'undefined') return;
  var RESIZABLE = /^image\/(jpeg|png|webp)$/;
  var QUALITY = 0.7;
  var DEFAULT_SIDE = 1024;
  var pending = new WeakMap();

  function say(input, text) {
    var el = document.getElementById(input.id + '-status');
    if (el) el.textContent = text;
  }

  function decode(file) {
    if (typeof createImageBitmap === 'function') {
      return createImageBitmap(file, { imageOrientation: 'from-image' });
    }
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var img = new Image();
      img.onload = function () {
        URL.revokeObjectURL(url);
        resolve(img);
      };
      img.onerror = function () {
        URL.revokeObjectURL(url);
        reject(new Error('decode'));
      };
      img.src = url;
    });
  }

  function shrink(file, maxSide) {
    return decode(file).then(function (img) {
      var w = img.width,
        h = img.height;
      var scale = Math.min(1, maxSide / Math.max(w, h));
      if (scale === 1 && file.size <= 1024 * 1024) return null; // already small enough
      var canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(w * scale));
      canvas.height = Math.max(1, Math.round(h * scale));
      var ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff'; // JPEG has no transparency
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      if (img.close) img.close();
      return new Promise(function (resolve) {
        canvas.toBlob(
          function (blob) {
            if (!blob || blob.size >= file.size) return resolve(null); // no gain: keep the original
            var name = file.name.replace(/\.[^.]*$/, '') + '.jpg';
            resolve(new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified }));
          },
          'image/jpeg',
          QUALITY,
        );
      });
    });
  }

  // Every selected file is processed (inputs with `multiple` keep all their photos, in order).
  function handle(input) {
    var files = Array.prototype.slice.call(input.files || []);
    var maxSide = parseInt(input.getAttribute('data-downscale'), 10) || DEFAULT_SIDE;
    if (
      !files.some(function (f) {
        return RESIZABLE.test(f.type);
      })
    )
      return Promise.resolve();
    say(input, 'Memperkecil foto…');
    var before = 0,
      after = 0,
      changed = 0;
    // One at a time: decoding several camera photos at once can exhaust a phone's memory.
    return files
      .reduce(function (chain, file, i) {
        return chain.then(function (out) {
          before += file.size;
          if (!RESIZABLE.test(file.type)) {
            after += file.size;
            out[i] = file;
            return out;
          }
          return shrink(file, maxSide).then(
            function (smaller) {
              out[i] = smaller || file;
              after += out[i].size;
              if (smaller) changed++;
              return out;
            },
            function () {
              out[i] = file;
              after += file.size;
              return out;
            },
          );
        });
      }, Promise.resolve([]))
      .then(function (out) {
        if (!changed) return say(input, '');
        var dt = new DataTransfer();
        out.forEach(function (f) {
          dt.items.add(f);
        });
        input.files = dt.files;
        input.setAttribute('data-downscaled', String(after));
        input.dispatchEvent(new CustomEvent('portal:photos-ready', { bubbles: true }));
        say(
          input,
          (changed > 1 ? changed + ' foto' : 'Foto') + ' diperkecil dari ' + Math.round(before / 1024) + ' KB menjadi ' + Math.round(after / 1024) + ' KB.',
        );
      })
      .catch(function () {
        say(input, '');
      });
  }

  document.addEventListener('change', function (e) {
    var input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.hasAttribute('data-downscale')) return;
    var job = handle(input);
    if (input.form) pending.set(input.form, job);
  });

  // A submit while a photo is still being processed waits for it, then continues with the same button.
  document.addEventListener(
    'submit',
    function (e) {
      var form = e.target;
      var job = pending.get(form);
      if (!job) return;
      e.preventDefault();
      pending.delete(form);
      var submitter = e.submitter;
      job.then(function () {
        // A new task: a submit requested while this submit event is still being dispatched would be ignored.
        setTimeout(function () {
          if (form.requestSubmit) form.requestSubmit(submitter || undefined);
          else form.submit();
        }, 0);
      });
    },
    true,
  );
})();
