// Throttled page loads for `npm run bench`: Debian's Chromium (playwright-core, never a downloaded browser) on a
// 360×740 phone, with CDP network emulation — Slow 3G (400 kbps, 400 ms) and 2G (250 kbps, 800 ms) — the HTTP cache
// disabled and the service worker bypassed, so every run is a first visit. For each key public page: bytes on the
// wire, requests, first contentful paint and load. Then a complaint with one phone photo sent with JavaScript on
// Slow 3G: from the tap on "Kirim" to the confirmation (the browser downscales the photo first).
import { readFileSync } from 'node:fs';

export const PROFILES = [
  { name: 'Slow 3G', kbps: 400, latency: 400, fcpTarget: 2000 },
  { name: '2G', kbps: 250, latency: 800, fcpTarget: 3000 },
];
export const FIRST_VIEW_BUDGET = 100 * 1024;
export const SEND_TARGET_MS = 8000;

/** Emulation for one CDP session; `kbps` in kilobits per second, applied both ways. */
async function throttle(cdp, { kbps, latency }) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.setBypassServiceWorker', { bypass: true });
  const bytesPerSecond = (kbps * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
}

async function phonePage(browser) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  return { context, page, cdp: await context.newCDPSession(page) };
}

/** One first visit: bytes (encoded, as sent on the wire), requests, FCP and load in ms. */
export async function measurePage(browser, url, profile) {
  const { context, page, cdp } = await phonePage(browser);
  try {
    await throttle(cdp, profile);
    let bytes = 0;
    let requests = 0;
    const kinds = {};
    const types = new Map();
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
      requests += 1;
      const t = types.get(e.requestId) ?? 'Other';
      kinds[t] = (kinds[t] ?? 0) + e.encodedDataLength;
    });
    const res = await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: fcp ? fcp.startTime : NaN, load: nav ? nav.loadEventEnd : NaN };
    });
    // Late finishers of the load (e.g. the favicon) still count as the first view.
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    return { status: res?.status() ?? 0, bytes, requests, ...timing, kinds, overflow };
  } finally {
    await context.close();
  }
}

/**
 * One complaint with one photo sent from a fresh phone page: fill the form (not timed), then time from choosing the
 * photo to the confirmation's tracking number on screen, with where the time went. `profile` null: no throttling.
 */
async function sendComplaint(browser, formUrl, photoPath, profile) {
  const { context, page, cdp } = await phonePage(browser);
  try {
    await page.goto(formUrl, { waitUntil: 'load', timeout: 120_000 });
    if (profile) await throttle(cdp, profile);
    await page.getByLabel('Judul laporan').fill('Lampu jalan padam di depan sekolah');
    await page.getByLabel('Isi laporan').fill('Lampu jalan di depan SD padam sejak tiga hari, jalan gelap dan rawan kecelakaan pada malam hari.');
    const category = page.getByLabel('Kategori');
    const firstCategory = await category.locator('option').nth(1).getAttribute('value');
    if (firstCategory) await category.selectOption(firstCategory);
    await page.getByLabel('Kirim sebagai anonim').check();
    // The POST's start, response headers and end as the page sees them.
    const post = {};
    page.on('request', (r) => {
      if (r.method() === 'POST') post.sent ??= Date.now();
    });
    page.on('response', (r) => {
      if (r.request().method() === 'POST') post.headers ??= Date.now();
    });
    page.on('requestfinished', async (r) => {
      if (r.method() !== 'POST' || post.finished) return;
      post.finished = Date.now();
      post.sizes = await r.sizes().catch(() => null);
    });
    // In the page: when the file input changed and when the downscaled photo was in place (page clock).
    await page.evaluate(() => {
      const marks = {};
      window.__sendMarks = marks;
      document.addEventListener('change', () => (marks.changed ??= Date.now()), true);
      document.addEventListener('portal:photos-ready', () => (marks.ready ??= Date.now()), true);
    });
    const started = Date.now();
    // By path, as a phone's file picker hands over a file: a buffer would first travel base64-encoded through the
    // DevTools protocol (seconds for a camera photo on a busy machine), a cost no citizen pays.
    await page.setInputFiles('input[type=file][name=photos]', photoPath);
    // The downscaler marks the input with the bytes it will send; read it here, before the page is replaced by the
    // confirmation (null: it did not finish within 30 s and the original goes out).
    const sentBytes = await page
      .locator('input[type=file][name=photos][data-downscaled]')
      .getAttribute('data-downscaled', { timeout: 30_000 })
      .then(Number)
      .catch(() => null);
    const downscaled = Date.now();
    const marks = await page.evaluate(() => window.__sendMarks);
    await page.getByRole('button', { name: /Kirim laporan/ }).click();
    await page
      .getByText(/ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/)
      .first()
      .waitFor({ timeout: 120_000 });
    const ended = Date.now();
    const sent = post.sent ?? ended;
    const headers = post.headers ?? ended;
    const finished = post.finished ?? ended;
    return {
      ms: ended - started,
      sentPhotoBytes: sentBytes,
      requestBytes: post.sizes ? post.sizes.requestBodySize + post.sizes.requestHeadersSize : null,
      responseBytes: post.sizes ? post.sizes.responseBodySize + post.sizes.responseHeadersSize : null,
      breakdown: {
        handOver: (marks.changed ?? downscaled) - started,
        inPage: marks.changed && marks.ready ? marks.ready - marks.changed : NaN,
        downscale: downscaled - started,
        tapToRequest: sent - downscaled,
        requestToHeaders: headers - sent,
        responseBody: finished - headers,
        toScreen: ended - finished,
      },
    };
  } finally {
    await context.close();
  }
}

/**
 * A complaint with one phone photo, JavaScript on, on `profile` (Slow 3G): from choosing the photo to the tracking
 * number on screen. Then the same send unthrottled, whose request-to-headers span is the server's own time (loopback),
 * so the report can split the throttled span into upload, latency and server. `photoPath`: a camera JPEG on disk.
 */
export async function measureComplaintSend(browser, formUrl, photoPath, profile) {
  const photo = readFileSync(photoPath);
  const throttled = await sendComplaint(browser, formUrl, photoPath, profile);
  const local = await sendComplaint(browser, formUrl, photoPath, null);
  // The request's own size counts the form fields only (not the file part): add the photo the browser sent.
  const uploadBytes = (throttled.sentPhotoBytes ?? photo.length) + (throttled.requestBytes ?? 0);
  const uploadMs = Math.round((uploadBytes * 8) / profile.kbps);
  return {
    ...throttled,
    photoBytes: photo.length,
    uploadBytes,
    uploadMs,
    serverMs: local.breakdown.requestToHeaders,
    localDownscaleMs: local.breakdown.downscale,
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sec = (v) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : 'n/a');
const mark = (ok) => (ok ? '✓' : '✗');

/** Paths of the throttled run: the key public pages, plus the newest news article (found on the village's list). */
export async function throttledPages(baseUrl, desa) {
  const pages = ['/', '/sangatta-utara', desa, `${desa}/berita`, `${desa}/peta`, `${desa}/pengaduan`, `${desa}/ppid`, `${desa}/dokumen`, '/wilayah'];
  const list = await fetch(`${baseUrl}${desa}/berita`)
    .then((r) => r.text())
    .catch(() => '');
  const article = new RegExp(`href="(${desa.replace(/[/-]/g, '\\$&')}/berita/[a-z0-9-]+)"`).exec(list)?.[1];
  if (article) pages.splice(4, 0, article);
  return pages;
}

/**
 * Runs every page on every profile and the complaint send; returns the report's Markdown lines and whether every
 * target was met. `photoPath`: a camera JPEG for the complaint.
 */
export async function throttledReport({ chromium, executablePath, baseUrl, pages, formPath, photoPath, log }) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const lines = ['## Throttled first visits (Chromium, phone 360×740, HTTP cache off)', ''];
  let allOk = true;
  try {
    for (const profile of PROFILES) {
      lines.push(
        `### ${profile.name} (${profile.kbps} kbps, ${profile.latency} ms) — targets: ≤ ${FIRST_VIEW_BUDGET / 1024} KB, FCP ≤ ${profile.fcpTarget / 1000} s`,
        '',
      );
      lines.push('| Page | HTTP | Bytes | Requests | FCP | Load | ≤ 100 KB | FCP target | Sideways at 360 px |');
      lines.push('| --- | ---: | ---: | ---: | ---: | ---: | :---: | :---: | :---: |');
      for (const path of pages) {
        log(`${profile.name} ${path}`);
        const r = await measurePage(browser, `${baseUrl}${path}`, profile);
        const okBytes = r.bytes <= FIRST_VIEW_BUDGET;
        const okFcp = r.fcp <= profile.fcpTarget;
        allOk &&= okBytes && okFcp && r.status === 200;
        lines.push(
          `| \`${path}\` | ${r.status} | ${kb(r.bytes)} | ${r.requests} | ${sec(r.fcp)} | ${sec(r.load)} | ${mark(okBytes)} | ${mark(okFcp)} | ${r.overflow ? '✗ scrolls' : '✓ no'} |`,
        );
      }
      lines.push('');
    }
    log('pengaduan dengan satu foto (Slow 3G)');
    const send = await measureComplaintSend(browser, `${baseUrl}${formPath}`, photoPath, PROFILES[0]);
    const ok = send.ms <= SEND_TARGET_MS;
    allOk &&= ok;
    lines.push(
      '### A complaint with one phone photo, JavaScript on, Slow 3G',
      '',
      `Photo ${kb(send.photoBytes)} straight from the camera; the browser sent ${send.sentPhotoBytes ? kb(send.sentPhotoBytes) : 'the original'}. ` +
        `From choosing the photo (its downscaling included) to the tracking number on screen: **${sec(send.ms)}** (target ≤ ${SEND_TARGET_MS / 1000} s) ${mark(ok)}.`,
      '',
      `Where the time went (throttled run): downscaling in the browser ${sec(send.breakdown.downscale)}; tap to request ${sec(send.breakdown.tapToRequest)}; ` +
        `request to response headers ${sec(send.breakdown.requestToHeaders)} — uploading the ${kb(send.uploadBytes)} form at ${PROFILES[0].kbps} kbps takes ≥ ${sec(send.uploadMs)}, ` +
        `the server ${sec(send.serverMs)} (same send unthrottled, request to headers), the rest latency; ` +
        `response ${send.responseBytes === null ? '?' : kb(send.responseBytes)} in ${sec(send.breakdown.responseBody)}; onto the screen ${sec(send.breakdown.toScreen)}.`,
      '',
    );
  } finally {
    await browser.close();
  }
  return { lines, allOk };
}

/** Report lines for the image pipeline's peak memory (scripts/lib/bench-media.mjs results). */
export function memoryLines(results, workerMemory) {
  const lines = ['## Image pipeline: peak memory per photo', ''];
  lines.push(
    "Each photo in a fresh Node process running the Worker's own pipeline code (esbuild bundle of `src/media`); growth of peak resident memory over the process before processing (input bytes already loaded), to compare with the Worker's 128 MB. It includes compiling the codecs, which a warm isolate has already done.",
    '',
  );
  lines.push('| Photo | Size | Decoded at | Time | Peak growth | Within 128 MB | Outputs (thumb / article, WebP · JPEG) | Metadata left |');
  lines.push('| --- | ---: | ---: | ---: | ---: | :---: | --- | :---: |');
  for (const r of results) {
    if (r.error) {
      lines.push(`| ${r.name} | — | — | — | — | ✗ | ${r.error} | — |`);
      continue;
    }
    const of = (size, format) => r.derivatives.find((d) => d.size === size && d.format === format);
    const outs = ['thumb', 'article']
      .map((s) => `${of(s, 'webp')?.w}×${of(s, 'webp')?.h}: ${kb(of(s, 'webp')?.bytes ?? 0)} · ${kb(of(s, 'jpeg')?.bytes ?? 0)}`)
      .join(' / ');
    const clean = r.derivatives.every((d) => d.clean);
    lines.push(
      `| ${r.name} | ${r.width}×${r.height} | ${r.decoded.join('×')} | ${(r.ms / 1000).toFixed(2)} s | ${(r.growth / 1048576).toFixed(1)} MB | ${mark(r.growth < workerMemory)} | ${outs} | ${clean ? 'none' : '✗'} |`,
    );
  }
  lines.push('');
  return lines;
}
