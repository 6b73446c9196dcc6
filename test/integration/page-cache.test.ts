import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { purgeRegionPages } from '../../src/cache/purge';
import { createDb } from '../../src/db/client';
import { get, ORIGIN } from '../helpers/http';
import { SELF } from '../helpers/worker';
import { insertPost } from '../helpers/seed';

const deps = () => ({ db: createDb(env.DB), env });

describe('KV page cache', () => {
  it('answers MISS then HIT with the same ETag, and 304 on If-None-Match', async () => {
    const first = await get('/kaubun');
    expect(first.status).toBe(200);
    expect(first.headers.get('X-Cache')).toBe('MISS');
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get('Cache-Control')).toContain('public');
    const body = await first.text();

    const second = await get('/kaubun');
    expect(second.headers.get('X-Cache')).toBe('HIT');
    expect(second.headers.get('ETag')).toBe(etag);
    expect(await second.text()).toBe(body);

    const conditional = await get('/kaubun', { 'If-None-Match': etag! });
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe('');
    expect((await get('/kaubun', { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  it('serves a hit without touching D1 (a direct D1 change is invisible until purge)', async () => {
    await get('/bengalon');
    await env.DB.prepare("UPDATE regions SET profile = 'PROFIL-BARU-TANPA-PURGE' WHERE code = '64.08.09'").run();
    const hit = await get('/bengalon');
    expect(hit.headers.get('X-Cache')).toBe('HIT');
    expect(await hit.text()).not.toContain('PROFIL-BARU-TANPA-PURGE');

    const deleted = await purgeRegionPages(deps(), '64.08.09');
    expect(deleted).toBeGreaterThan(0);
    const miss = await get('/bengalon');
    expect(miss.headers.get('X-Cache')).toBe('MISS');
    expect(await miss.text()).toContain('PROFIL-BARU-TANPA-PURGE');
  });

  it('purges a region and its ancestors, but not siblings', async () => {
    const pages = ['/sangatta-utara/swarga-bara', '/sangatta-utara', '/', '/sangatta-utara/singa-gembara', '/muara-wahau'];
    for (const p of pages) await get(p);
    for (const p of pages) expect((await get(p)).headers.get('X-Cache'), p).toBe('HIT');

    const title = `Purge ${crypto.randomUUID()}`;
    await insertPost({ regionCode: '64.08.04.2012', title, purge: false });
    expect(await (await get('/sangatta-utara')).text()).not.toContain(title); // still the cached page
    await purgeRegionPages(deps(), '64.08.04.2012');

    for (const p of ['/sangatta-utara/swarga-bara', '/sangatta-utara', '/']) {
      const res = await get(p);
      expect(res.headers.get('X-Cache'), p).toBe('MISS');
      expect(await res.text(), p).toContain(title);
    }
    expect((await get('/sangatta-utara/singa-gembara')).headers.get('X-Cache')).toBe('HIT');
    expect((await get('/muara-wahau')).headers.get('X-Cache')).toBe('HIT');
  });

  it('keeps separate variants for htmx partials and Save-Data', async () => {
    const full = await get('/wilayah');
    expect(full.headers.get('X-Cache')).toBe('MISS');
    const partial = await get('/wilayah', { 'HX-Request': 'true' });
    expect(partial.headers.get('X-Cache')).toBe('MISS');
    const partialBody = await partial.text();
    expect(partialBody).not.toContain('<html');
    expect(partialBody).toContain('class="district"');
    expect(partialBody).not.toContain('id="hasil"');
    expect(partial.headers.get('Vary')).toContain('HX-Request');
    const saveData = await get('/wilayah', { 'Save-Data': 'on' });
    expect(saveData.headers.get('X-Cache')).toBe('MISS');
    expect((await get('/wilayah', { 'HX-Request': 'true' })).headers.get('X-Cache')).toBe('HIT');
  });

  it('does not cache errors, unknown query parameters, or searches', async () => {
    expect((await get('/tidak-ada')).headers.get('X-Cache')).toBeNull();
    expect((await get('/tidak-ada')).status).toBe(404);
    expect((await get('/kaliorang?utm=x')).headers.get('X-Cache')).toBe('BYPASS');
    expect((await get('/wilayah?q=bara')).headers.get('X-Cache')).toBe('BYPASS');
    expect((await get('/berita?halaman=abc')).status).toBe(422);
    expect((await get('/berita?halaman=abc')).headers.get('X-Cache')).toBeNull();
  });
});

describe('Host header and the page cache', () => {
  it('a forged Host never poisons the cached feed served to the real host', async () => {
    const forged = await SELF.fetch('https://penyerang.example/berita.xml');
    expect(forged.status).toBe(200);
    expect(await forged.text()).toContain('https://penyerang.example/');
    const real = await SELF.fetch(`${ORIGIN}/berita.xml`);
    const body = await real.text();
    expect(body).not.toContain('penyerang.example');
    expect(body).toContain(`${ORIGIN}/berita`);
  });

  it('deploy refuses to run without an https APP_ORIGIN', async () => {
    const { appOriginProblem, configuredAppOrigin } = await import('../../scripts/lib/app-origin.mjs');
    expect(appOriginProblem('')).toContain('APP_ORIGIN belum diisi');
    expect(appOriginProblem('http://portal.kutaitimurkab.go.id')).toContain('https');
    expect(appOriginProblem('https://portal.kutaitimurkab.go.id/berita')).toContain('tanpa path');
    expect(appOriginProblem('https://portal.kutaitimurkab.go.id')).toBeNull();
    expect(configuredAppOrigin({}, 'APP_ORIGIN = ""\n')).toBe('');
    expect(configuredAppOrigin({}, 'APP_ORIGIN = "https://a.example"\n')).toBe('https://a.example');
    expect(configuredAppOrigin({ APP_ORIGIN: 'https://b.example' }, 'APP_ORIGIN = ""')).toBe('https://b.example');
  });
});
