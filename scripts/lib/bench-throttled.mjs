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
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'id-ID', serviceWorkers: 'block' });
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
 * A complaint with one phone photo, JavaScript on, Slow 3G: fill the form (not timed), then time from the tap on
 * "Kirim laporan" to the confirmation's tracking number on screen. `photoPath`: a camera JPEG on disk.
 */
export async function measureComplaintSend(browser, formUrl, photoPath, profile) {
  const { context, page, cdp } = await phonePage(browser);
  try {
    await page.goto(formUrl, { waitUntil: 'load', timeout: 120_000 });
    await throttle(cdp, profile);
    let uploaded = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.request.method === 'POST') uploaded += e.request.postData?.length ?? 0;
    });
    await page.getByLabel('Judul laporan').fill('Lampu jalan padam di depan sekolah');
    await page.getByLabel('Isi laporan').fill('Lampu jalan di depan SD padam sejak tiga hari, jalan gelap dan rawan kecelakaan pada malam hari.');
    const category = page.getByLabel('Kategori');
    const firstCategory = await category.locator('option').nth(1).getAttribute('value');
    if (firstCategory) await category.selectOption(firstCategory);
    await page.getByLabel('Kirim sebagai anonim').check();
    const photo = readFileSync(photoPath);
    const started = Date.now();
    await page.setInputFiles('input[type=file][name=photos]', { name: 'IMG_20260314_092653.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: /Kirim laporan/ }).click();
    await page.getByText(/ADU-[0-9A-Z]{4}-[0-9A-Z]{4}/).first().waitFor({ timeout: 120_000 });
    const ms = Date.now() - started;
    const sentBytes = await page.evaluate(() => {
      const input = document.querySelector('input[type=file][name=photos]');
      return input && input.getAttribute('data-downscaled') ? Number(input.getAttribute('data-downscaled')) : null;
    });
    return { ms, photoBytes: photo.length, sentPhotoBytes: sentBytes, uploaded };
  } finally {
    await context.close();
  }
}
