import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { FEATURES } from '../../src/features';
import { featureWordsOf, mountOrder } from '../../src/features/descriptor';
import { parseRegionPath } from '../../src/regions/paths';
import { STUB_WORD, stubFeature } from '../fixtures/stub-feature';
import { loginAs } from '../helpers/auth';
import { ORIGIN } from '../helpers/http';

/** The registry with the stub feature's line added after every other (even after the site, which mounts last). */
const withStub = [...FEATURES, stubFeature];

describe('feature registry', () => {
  it('mounts a registered feature: public page, admin page with its menu entry and task, API route, reserved word', async () => {
    const app = createApp(withStub);
    const page = await app.request(`${ORIGIN}/${STUB_WORD}`, {}, env);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Halaman fitur contoh');

    const api = await app.request(`${ORIGIN}/api/v1/${STUB_WORD}`, {}, env);
    expect(api.status).toBe(200);
    expect(await api.json()).toEqual({ data: 'contoh' });
    const doc = await (await app.request(`${ORIGIN}/api/v1/openapi.json`, {}, env)).json<{ paths: Record<string, Record<string, { operationId: string }>> }>();
    expect(doc.paths[`/${STUB_WORD}`]?.get?.operationId).toBe('getStub'); // documented by registering it

    const officer = await loginAs([['operator_desa', '64.08.04.2012']]);
    const home = await app.request(`${ORIGIN}/admin`, { headers: { Cookie: officer.cookie } }, env);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain(`<a href="/admin/${STUB_WORD}">Fitur contoh</a>`);
    expect(html).toContain('Tugas dari fitur contoh');
    // The menu keeps the features' order: the stub (55) sits between PPID (50) and Pemantauan (60) where shown.
    expect(html.indexOf('>Beranda<')).toBeLessThan(html.indexOf('>Fitur contoh<'));
    const admin = await app.request(`${ORIGIN}/admin/${STUB_WORD}`, { headers: { Cookie: officer.cookie } }, env);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('aria-current="page">Fitur contoh');

    expect(featureWordsOf(withStub)).toContain(STUB_WORD);
    expect(parseRegionPath(`/${STUB_WORD}`)).toBeNull(); // never taken for a region slug, never cached under one
  });

  it('without its registry line the same paths are not served', async () => {
    const app = createApp(FEATURES);
    expect((await app.request(`${ORIGIN}/${STUB_WORD}`, {}, env)).status).toBe(404);
    expect((await app.request(`${ORIGIN}/api/v1/${STUB_WORD}`, {}, env)).status).toBe(404);
    const officer = await loginAs([['operator_desa', '64.08.04.2012']]);
    const html = await (await app.request(`${ORIGIN}/admin`, { headers: { Cookie: officer.cookie } }, env)).text();
    expect(html).toContain('>Beranda<');
    expect(html).not.toContain('Fitur contoh');
  });

  it('mounts features that match any region path last, wherever they are listed', () => {
    const order = mountOrder(withStub).map((f) => f.name);
    expect(order.at(-1)).toBe('site');
    expect(order.indexOf('stub')).toBeLessThan(order.indexOf('site'));
  });
});
