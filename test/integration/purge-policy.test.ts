import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { drainPendingPurges, purgeRegionPages } from '../../src/cache/purge';
import { createDb } from '../../src/db/client';
import { formBody, loginAs } from '../helpers/auth';
import { get, ORIGIN } from '../helpers/http';

/** The page cache during a KV outage: reads still answer, listing and deleting keys fail (so every purge fails). */
function kvThatCannotPurge(kv: KVNamespace): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      if (prop === 'list' || prop === 'delete') return () => Promise.reject(new Error('KV tidak tersedia'));
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const pending = async (code: string) =>
  env.DB.prepare('SELECT region_code, attempts, last_error FROM pending_purges WHERE region_code = ?')
    .bind(code)
    .first<{ region_code: string; attempts: number; last_error: string }>();

const PROFILE = {
  officer_name: 'Sekretaris Kecamatan Sangatta Utara',
  superior_name: 'Camat Sangatta Utara',
  address: 'Jl. Yos Sudarso II, Sangatta Utara',
  phone: '(0549) 21000',
  email: 'ppid.sangattautara@kutaitimurkab.go.id',
  office_hours: 'Senin–Jumat 08.00–15.00 WITA',
  maklumat: 'Kami siap melayani.',
  cost: 'Tanpa biaya',
};

describe('one purge path, one failure policy', () => {
  it('a committed change answers 303 when KV fails; the purge is recorded, then drained and the page refreshed', async () => {
    const officer = await loginAs([['ppid', '64.08.04']]);
    await get('/sangatta-utara/ppid');
    expect((await get('/sangatta-utara/ppid')).headers.get('X-Cache')).toBe('HIT');

    const outage = createApp();
    const officerName = `Pejabat PPID ${crypto.randomUUID().slice(0, 8)}`;
    const res = await outage.request(
      `${ORIGIN}/admin/ppid/profil?wilayah=64.08.04`,
      {
        method: 'POST',
        headers: { Cookie: officer.cookie, Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: formBody({ ...PROFILE, officer_name: officerName, _csrf: officer.csrf }),
      },
      { ...env, PAGE_CACHE: kvThatCannotPurge(env.PAGE_CACHE) },
    );
    expect(res.status).toBe(303); // saved, and said so: never a 500 because of the cache

    const row = await pending('64.08.04');
    // Recorded, then retried once by the same admin request's drain (the KV still down): still pending.
    expect(row).toMatchObject({ region_code: '64.08.04', attempts: 2 });
    expect(row?.last_error).toContain('KV tidak tersedia');
    const stale = await get('/sangatta-utara/ppid');
    expect(stale.headers.get('X-Cache')).toBe('HIT'); // the old page, until the purge is retried
    expect(await stale.text()).not.toContain(officerName);

    expect(await drainPendingPurges({ db: createDb(env.DB), env })).toEqual({ purged: 1, failed: 0 }); // KV is back
    expect(await pending('64.08.04')).toBeNull();
    const fresh = await get('/sangatta-utara/ppid');
    expect(fresh.headers.get('X-Cache')).toBe('MISS');
    expect(await fresh.text()).toContain(officerName);
  });

  it('a purge that fails again stays pending with its attempts counted', async () => {
    const broken = { db: createDb(env.DB), env: { ...env, PAGE_CACHE: kvThatCannotPurge(env.PAGE_CACHE) } };
    expect(await purgeRegionPages(broken, '64.08.02')).toBe(0);
    expect(await purgeRegionPages(broken, '64.08.02')).toBe(0);
    expect(await pending('64.08.02')).toMatchObject({ attempts: 2 });
    expect((await drainPendingPurges(broken)).purged).toBe(0);
    expect(await pending('64.08.02')).toMatchObject({ attempts: 3 });
    expect(await drainPendingPurges({ db: createDb(env.DB), env })).toMatchObject({ failed: 0 });
    expect(await pending('64.08.02')).toBeNull();
  });

  it('never throws, even when D1 is unavailable too (the change is already committed)', async () => {
    const deadD1 = new Proxy(env.DB, {
      get: () => () => {
        throw new Error('D1 tidak tersedia');
      },
    });
    await expect(purgeRegionPages({ db: createDb(deadD1), env: { ...env, PAGE_CACHE: kvThatCannotPurge(env.PAGE_CACHE) } }, '64.08.05')).resolves.toBe(0);
  });

  it('the next admin request drains pending purges after answering', async () => {
    await purgeRegionPages({ db: createDb(env.DB), env: { ...env, PAGE_CACHE: kvThatCannotPurge(env.PAGE_CACHE) } }, '64.08.05');
    expect(await pending('64.08.05')).not.toBeNull();
    const officer = await loginAs([['operator_kecamatan', '64.08.05']]);
    const ctx = createExecutionContext();
    const res = await createApp().request(`${ORIGIN}/admin`, { headers: { Cookie: officer.cookie } }, env, ctx);
    expect(res.status).toBe(200);
    await waitOnExecutionContext(ctx);
    expect(await pending('64.08.05')).toBeNull();
  });
});

/** KV down entirely: every read and write fails. */
function kvDown(kv: KVNamespace): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      if (prop === 'get' || prop === 'getWithMetadata' || prop === 'put' || prop === 'list' || prop === 'delete')
        return () => Promise.reject(new Error('KV tidak tersedia'));
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('the page cache never breaks a page', () => {
  it('serves the rendered page when KV reads and writes fail', async () => {
    const app = createApp();
    for (const path of ['/', '/sangatta-utara', '/sangatta-utara/swarga-bara', '/sangatta-utara/pengaduan/daftar']) {
      const res = await app.request(`${ORIGIN}${path}`, {}, { ...env, PAGE_CACHE: kvDown(env.PAGE_CACHE) });
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('<h1');
    }
  });
});
