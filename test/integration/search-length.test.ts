import { describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';
import { get } from '../helpers/http';

// D1 refuses LIKE patterns over 50 bytes; a longer search text must be a clear 400, never a 500.
const LONG = 'Sangatta Utara Sangatta Selatan Bengalon Kaliorang Kaubun'; // 57 characters
const WIDE = 'ꦱꦔꦠ'.repeat(6); // 18 characters, 54 bytes in UTF-8

describe('search text length', () => {
  it('the regions API answers a problem, not a 500', async () => {
    for (const q of [LONG, WIDE, '%'.repeat(30)]) {
      const res = await get(`/api/v1/regions?q=${encodeURIComponent(q)}`);
      expect([400, 422], q).toContain(res.status);
      const body = (await res.json()) as { errors?: { name?: string; field?: string; detail?: string; message?: string }[]; detail?: string };
      expect(JSON.stringify(body)).toContain('terlalu panjang');
    }
    expect((await get(`/api/v1/regions?q=${encodeURIComponent('Sangatta')}`)).status).toBe(200);
  });

  it('the admin lists answer 400 with an Indonesian message (the audit log shows it above its filters)', async () => {
    const b = await loginAs([['diskominfo', '64.08']]);
    for (const path of ['/admin/tempat', '/admin/pengguna', '/admin/audit']) {
      for (const [param, q] of [
        ['q', LONG],
        ['q', WIDE],
        ['pengguna', LONG],
      ] as const) {
        const res = await b.get(`${path}?${param}=${encodeURIComponent(q)}`);
        expect(res.status, `${path}?${param}=`).toBeLessThan(500);
        if (path === '/admin/audit' ? param === 'pengguna' : param === 'q') {
          expect(res.status, `${path}?${param}=${q}`).toBe(path === '/admin/audit' ? 200 : 400);
          expect(await res.text()).toContain('terlalu panjang');
        }
      }
      expect((await b.get(`${path}?q=Sangatta`)).status).toBe(200);
    }
  });
});
