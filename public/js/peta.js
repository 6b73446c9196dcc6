// Progressive enhancement of region maps (loaded only on map pages, after /vendor/maplibre-gl.js).
// - #peta (public {prefix}/peta): replaces the server-rendered SVG with an interactive maplibre map built from the
//   GeoJSON API: the region's boundary, its children (tap = open their page, names as HTML links), places (tap =
//   card) and optional point layers toggled by checkboxes. No glyphs, sprites or tiles from anywhere but this origin.
// - #peta-pilih (admin place form): tap the map or drag the marker to fill the latitude/longitude inputs.
// Without JavaScript or WebGL the page keeps its SVG map, list and plain inputs.
(() => {
  'use strict';

  const UI = {
    'Map.Title': 'Peta interaktif',
    'Marker.Title': 'Penanda',
    'NavigationControl.ZoomIn': 'Perbesar',
    'NavigationControl.ZoomOut': 'Perkecil',
    'NavigationControl.ResetBearing': 'Kembalikan arah utara',
    'AttributionControl.ToggleAttribution': 'Tampilkan atribusi',
    'Popup.Close': 'Tutup',
  };
  const EMPTY = { type: 'FeatureCollection', features: [] };

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function fetchJson(url) {
    const res = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status} ${url}`);
    return res.json();
  }

  function statusOf(root) {
    const node = root.querySelector('.peta-status') || root.appendChild(el('p', { class: 'peta-status hint', role: 'status' }));
    return (msg) => {
      node.textContent = msg || '';
      node.hidden = !msg;
      return node;
    };
  }

  /** Resolves when maplibre is available; the page offers a button (with its size) that loads it on request. */
  function ensureMaplibre(root, say) {
    if (window.maplibregl) return Promise.resolve();
    const js = root.dataset.maplibreJs;
    const css = root.dataset.maplibreCss;
    if (!js) return Promise.reject(new Error('maplibre missing'));
    return new Promise((resolve, reject) => {
      const note = say('Peta interaktif belum dimuat, untuk menghemat kuota.');
      const button = el('button', { type: 'button', class: 'button-secondary' }, 'Muat peta interaktif (± 280 KB)');
      note.append(' ', button);
      button.addEventListener('click', () => {
        button.disabled = true;
        say('Memuat peta interaktif…');
        if (css) document.head.appendChild(el('link', { rel: 'stylesheet', href: css }));
        const script = el('script', { src: js });
        script.addEventListener('load', () => resolve());
        script.addEventListener('error', () => reject(new Error('maplibre failed to load')));
        document.head.appendChild(script);
      });
    });
  }

  function baseStyle(root) {
    const style = { version: 8, sources: {}, layers: [{ id: 'latar', type: 'background', paint: { 'background-color': '#eef3f6' } }] };
    if (root.dataset.ubin) {
      style.sources.dasar = {
        type: 'raster',
        tiles: [location.origin + root.dataset.ubin],
        tileSize: 256,
        maxzoom: Number(root.dataset.ubinZoom) || 18,
        attribution: root.dataset.ubinAtribusi || '',
      };
      style.layers.push({ id: 'dasar', type: 'raster', source: 'dasar' });
    }
    return style;
  }

  function createMap(container, root, bounds) {
    const map = new window.maplibregl.Map({
      container,
      style: baseStyle(root),
      bounds,
      fitBoundsOptions: { padding: 16 },
      attributionControl: root.dataset.ubinAtribusi ? { compact: true } : false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      locale: UI,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new window.maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    return map;
  }

  function addRegionLayers(map, region, children, hasBase) {
    map.addSource('wilayah', { type: 'geojson', data: region });
    map.addSource('anak', { type: 'geojson', data: children });
    map.addLayer({ id: 'wilayah-isi', type: 'fill', source: 'wilayah', paint: { 'fill-color': '#dfece4', 'fill-opacity': hasBase ? 0.25 : 1 } });
    map.addLayer({ id: 'anak-isi', type: 'fill', source: 'anak', paint: { 'fill-color': '#f7fbf8', 'fill-opacity': hasBase ? 0.35 : 0.9 } });
    map.addLayer({ id: 'anak-garis', type: 'line', source: 'anak', paint: { 'line-color': '#5c7a6a', 'line-width': 1 } });
    map.addLayer({ id: 'wilayah-garis', type: 'line', source: 'wilayah', paint: { 'line-color': '#0b5d3b', 'line-width': 2.5 } });
  }

  function addPointLayer(map, id, data, color) {
    map.addSource(id, { type: 'geojson', data });
    map.addLayer({
      id,
      type: 'circle',
      source: id,
      paint: { 'circle-radius': 7, 'circle-color': color || ['get', 'color'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    });
  }

  function paragraphWith(child) {
    const p = el('p');
    p.append(child);
    return p;
  }

  /** Hides (until focused) every label that would overlap one already shown. */
  function declutter(labels) {
    const shown = [];
    for (const a of labels) {
      a.classList.remove('peta-label-sembunyi');
      const r = a.getBoundingClientRect();
      if (shown.some((s) => r.left < s.right && r.right > s.left && r.top < s.bottom && r.bottom > s.top)) a.classList.add('peta-label-sembunyi');
      else shown.push(r);
    }
  }

  function fact(dl, label, value) {
    if (!value) return;
    dl.append(el('dt', {}, label), el('dd', {}, value));
  }

  /** Fills the card next to the map from a feature's properties (text only, never HTML). */
  function showCard(card, props, kind) {
    card.replaceChildren();
    card.append(el('h2', {}, props.name || props.title || 'Tanpa nama'));
    if (kind === 'tempat') {
      card.append(el('p', { class: 'meta' }, props.category_label || ''));
      const dl = el('dl', { class: 'facts' });
      fact(dl, 'Alamat', props.address);
      fact(dl, 'Jam buka', props.opening_hours);
      fact(dl, 'Kontak', props.contact);
      if (dl.childElementCount) card.append(dl);
      if (props.description) card.append(el('p', {}, props.description));
      if (props.photo_url)
        card.append(el('img', { src: props.photo_url, alt: `Foto ${props.name}`, loading: 'lazy', width: '320', height: '200', class: 'peta-foto' }));
      const anchor = typeof props.url === 'string' ? props.url.split('#')[1] : '';
      if (anchor && document.getElementById(anchor)) card.append(paragraphWith(el('a', { href: `#${anchor}` }, 'Lihat di daftar tempat')));
    } else {
      if (props.subtitle) card.append(el('p', { class: 'meta' }, props.subtitle));
      if (props.url) card.append(paragraphWith(el('a', { href: props.url }, 'Buka rincian')));
    }
    const close = el('button', { type: 'button', class: 'link-button' }, 'Tutup keterangan');
    close.addEventListener('click', () => {
      card.hidden = true;
    });
    card.append(close);
    card.hidden = false;
  }

  async function initView(root) {
    const say = statusOf(root);
    const card = document.getElementById('peta-kartu');
    try {
      await ensureMaplibre(root, say);
    } catch {
      say('Peta interaktif tidak dapat dimuat. Peta sederhana di atas tetap dapat dipakai.');
      return;
    }
    say('Memuat peta interaktif…');
    let region;
    let children;
    let places;
    try {
      [region, children, places] = await Promise.all([
        fetchJson(root.dataset.wilayah),
        root.dataset.anak ? fetchJson(root.dataset.anak) : EMPTY,
        fetchJson(root.dataset.tempat),
      ]);
    } catch {
      say('Data peta tidak dapat dimuat. Periksa sambungan internet, lalu muat ulang halaman.');
      return;
    }
    const container = el('div', { class: 'peta-gl' });
    root.prepend(container);
    let map;
    try {
      map = createMap(container, root, region.bbox);
    } catch {
      container.remove();
      say('Peramban ini tidak mendukung peta interaktif (WebGL). Peta sederhana di atas tetap dapat dipakai.');
      return;
    }
    root.classList.add('peta-aktif');
    root.petaMap = map; // for tests and the browser console; not a global
    const pointLayers = ['tempat'];
    const kinds = { tempat: 'tempat' };

    map.on('load', () => {
      addRegionLayers(map, region, children, Boolean(root.dataset.ubin));
      addPointLayer(map, 'tempat', places);
      if (children.features.length <= 40) {
        // Larger regions first, so their names win when labels collide.
        const area = (f) => (f.bbox ? (f.bbox[2] - f.bbox[0]) * (f.bbox[3] - f.bbox[1]) : 0);
        const labels = [...children.features]
          .sort((p, q) => area(q) - area(p))
          .map((f) => {
            const a = el('a', { class: 'peta-label', href: f.properties.url, role: 'link', 'aria-label': f.properties.title }, f.properties.name);
            new window.maplibregl.Marker({ element: a, anchor: 'center' }).setLngLat(f.properties.label_point).addTo(map);
            return a;
          });
        declutter(labels);
        map.on('moveend', () => declutter(labels));
      }
      say('');
      root.dataset.siap = '1';
    });

    map.on('click', (e) => {
      const pad = 14;
      const box = [
        [e.point.x - pad, e.point.y - pad],
        [e.point.x + pad, e.point.y + pad],
      ];
      const layers = pointLayers.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const hits = layers.length ? map.queryRenderedFeatures(box, { layers }) : [];
      if (hits.length) {
        const dist = (f) => {
          const p = map.project(f.geometry.coordinates);
          return (p.x - e.point.x) ** 2 + (p.y - e.point.y) ** 2;
        };
        const hit = hits.reduce((a, b) => (dist(b) < dist(a) ? b : a));
        showCard(card, hit.properties, kinds[hit.layer.id]);
        return;
      }
      const child = map.getLayer('anak-isi') ? map.queryRenderedFeatures(e.point, { layers: ['anak-isi'] })[0] : undefined;
      if (child && child.properties.url) location.assign(child.properties.url);
    });
    map.on('mouseenter', 'anak-isi', () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', 'anak-isi', () => {
      map.getCanvas().style.cursor = '';
    });
    map.on('error', (e) => {
      if (e && e.error) console.warn('peta:', e.error.message);
    });

    // Layer toggles (rendered hidden by the server, shown once the map exists).
    const toggles = document.querySelector('.peta-lapisan');
    if (toggles) {
      toggles.hidden = false;
      for (const box of toggles.querySelectorAll('input[name="lapisan"]')) {
        box.addEventListener('change', async () => {
          const id = box.value;
          if (!map.getLayer(id) && box.dataset.url) {
            try {
              addPointLayer(map, id, await fetchJson(box.dataset.url), box.dataset.warna || '#c2410c');
              pointLayers.push(id);
              kinds[id] = 'lapisan';
            } catch {
              say('Lapisan peta tidak dapat dimuat.');
              box.checked = false;
              return;
            }
          }
          if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', box.checked ? 'visible' : 'none');
        });
      }
    }

    // "Tampilkan di peta" on each listed place.
    for (const item of document.querySelectorAll('li.place[data-tempat]')) {
      const feature = places.features.find((f) => f.id === item.dataset.tempat);
      if (!feature) continue;
      const button = el('button', { type: 'button', class: 'link-button' }, 'Tampilkan di peta');
      button.addEventListener('click', () => {
        map.flyTo({ center: feature.geometry.coordinates, zoom: Math.max(map.getZoom(), 15) });
        showCard(card, feature.properties, 'tempat');
        root.scrollIntoView({ block: 'start' });
      });
      item.append(button);
    }
  }

  async function initPicker(root) {
    const select = document.getElementById(root.dataset.pilihWilayah);
    const lat = document.getElementById(root.dataset.pilihLat);
    const lng = document.getElementById(root.dataset.pilihLng);
    if (!select || !lat || !lng || !window.maplibregl) return;
    root.hidden = false;
    const say = statusOf(root);
    const container = el('div', { class: 'peta-gl peta-gl-kecil' });
    root.prepend(container);
    let map;
    const marker = new window.maplibregl.Marker({ draggable: true, color: '#a4161a' });
    const num = (input) => Number(String(input.value).trim().replace(',', '.'));
    const fromInputs = () => {
      const [y, x] = [num(lat), num(lng)];
      if (map && lat.value && lng.value && Number.isFinite(x) && Number.isFinite(y) && Math.abs(y) <= 90 && Math.abs(x) <= 180)
        marker.setLngLat([x, y]).addTo(map);
    };
    const setPoint = (ll) => {
      lat.value = ll.lat.toFixed(6);
      lng.value = ll.lng.toFixed(6);
      marker.setLngLat(ll).addTo(map);
      say(`Titik dipilih: ${lat.value}, ${lng.value}`);
    };
    async function showRegion() {
      if (!select.value) {
        say('Pilih wilayah dahulu untuk menampilkan petanya.');
        return;
      }
      try {
        const region = await fetchJson(root.dataset.wilayahTemplate.replace('{kode}', encodeURIComponent(select.value)));
        if (!map) {
          map = createMap(container, root, region.bbox);
          map.on('load', () => {
            addRegionLayers(map, region, EMPTY, Boolean(root.dataset.ubin));
            fromInputs();
            root.dataset.siap = '1';
          });
          map.on('click', (e) => setPoint(e.lngLat));
          marker.on('dragend', () => setPoint(marker.getLngLat()));
          root.petaMap = map;
        } else {
          map.getSource('wilayah')?.setData(region);
          map.fitBounds(region.bbox, { padding: 16 });
        }
        say('Ketuk peta atau geser penanda untuk memilih titik.');
      } catch {
        say('Peta wilayah tidak dapat dimuat; isi lintang dan bujur secara manual.');
      }
    }
    select.addEventListener('change', showRegion);
    lat.addEventListener('change', fromInputs);
    lng.addEventListener('change', fromInputs);
    await showRegion();
  }

  const view = document.getElementById('peta');
  if (view) initView(view);
  const picker = document.getElementById('peta-pilih');
  if (picker) initPicker(picker);
})();
