import { env } from 'cloudflare:test';
import { SELF } from '../helpers/worker';
import { describe, expect, it } from 'vitest';
import { browserFor, createTestUser, formBody, loginAs, loginWith, sessionCookieOf, TEST_PASSWORD } from '../helpers/auth';
import { get, ORIGIN } from '../helpers/http';

describe('login and sessions', () => {
  it('logs in with username or email and sets a __Host- HttpOnly Secure SameSite=Lax cookie', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    const res = await loginWith(user.username.toUpperCase(), TEST_PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/admin');
    const set = res.headers.getSetCookie().find((h) => h.startsWith('__Host-sesi='))!;
    expect(set).toMatch(/; Path=\//);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; Secure/);
    expect(set).toMatch(/; SameSite=Lax/);
    expect(set).not.toMatch(/Domain=/i);
    const admin = await SELF.fetch(`${ORIGIN}/admin`, { headers: { Cookie: sessionCookieOf(res)! }, redirect: 'manual' });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('Cache-Control')).toBe('no-store');
    expect(admin.headers.get('X-Cache')).toBeNull();
  });

  it('refuses wrong passwords and unknown users with the same Indonesian message', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    const wrong = await loginWith(user.username, 'salah-sekali-12345');
    const unknown = await loginWith('tidak.ada.orangnya', 'salah-sekali-12345');
    expect(wrong.status).toBe(422);
    expect(unknown.status).toBe(422);
    const a = await wrong.text();
    expect(a).toContain('Nama pengguna atau kata sandi salah');
    expect(a).toContain(`value="${user.username}"`); // keeps what was typed
    expect(sessionCookieOf(wrong)).toBeNull();
  });

  it('redirects anonymous admin visits to /masuk and never accepts a forged token', async () => {
    const res = await get('/admin/pengguna');
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe('/masuk?lanjut=%2Fadmin%2Fpengguna');
    const forged = await get('/admin', { Cookie: '__Host-sesi=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    expect(forged.status).toBe(303);
    const htmx = await get('/admin', { 'HX-Request': 'true' });
    expect(htmx.status).toBe(401);
    expect(htmx.headers.get('HX-Redirect')).toContain('/masuk');
  });

  it('only follows same-site /admin destinations after login', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    for (const [lanjut, expected] of [
      ['/admin/akun', '/admin/akun'],
      ['https://evil.example/', '/admin'],
      ['//evil.example', '/admin'],
      ['/admin/../x', '/admin'],
    ] as const) {
      const res = await SELF.fetch(`${ORIGIN}/masuk`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: formBody({ login: user.username, password: TEST_PASSWORD, lanjut }),
      });
      expect(res.headers.get('Location'), lanjut).toBe(expected);
    }
  });

  it('logout really ends the session: the old cookie no longer works', async () => {
    const b = await loginAs([['operator_desa', '64.08.04.2012']]);
    expect((await b.get('/admin')).status).toBe(200);
    const out = await b.post('/keluar', {});
    expect(out.status).toBe(303);
    expect(out.headers.get('Location')).toBe('/masuk?keluar=1');
    expect((await b.get('/admin')).status).toBe(303);
    const revoked = await env.DB.prepare('SELECT COUNT(*) AS n FROM revoked_sessions').first<{ n: number }>();
    expect(revoked!.n).toBeGreaterThan(0);
  });

  it('makes the same account and client wait after 5 failures with a clear message, even with the right password', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    for (let i = 0; i < 5; i++) expect((await loginWith(user.username, `salah-${i}-abcdefgh`)).status).toBe(422);
    const blocked = await loginWith(user.username, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('Retry-After')).toBe('15');
    expect(await blocked.text()).toContain('Terlalu banyak percobaan masuk');
    expect(sessionCookieOf(blocked)).toBeNull();
  });

  it('throttles per IP across accounts', async () => {
    const ip = { 'CF-Connecting-IP': '203.0.113.77', 'Content-Type': 'application/x-www-form-urlencoded' };
    for (let i = 0; i < 20; i++) {
      const r = await SELF.fetch(`${ORIGIN}/masuk`, {
        method: 'POST',
        headers: ip,
        body: formBody({ login: `akun${i}`, password: 'salah-salah-salah' }),
        redirect: 'manual',
      });
      expect(r.status).toBe(422);
    }
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    const r = await SELF.fetch(`${ORIGIN}/masuk`, {
      method: 'POST',
      headers: ip,
      body: formBody({ login: user.username, password: TEST_PASSWORD }),
      redirect: 'manual',
    });
    expect(r.status).toBe(429);
  });

  it('forces a temporary password to be changed, then ends other sessions', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']], { mustChangePassword: true });
    const res = await loginWith(user.username, TEST_PASSWORD);
    expect(res.headers.get('Location')).toBe('/admin/akun');
    const b = await browserFor(user.username, TEST_PASSWORD, user.id);
    const other = await browserFor(user.username, TEST_PASSWORD, user.id);
    expect((await b.get('/admin')).headers.get('Location')).toBe('/admin/akun');
    const weak = await b.post('/admin/akun', { current: TEST_PASSWORD, password: 'password123' });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('terlalu umum');
    const short = await b.post('/admin/akun', { current: TEST_PASSWORD, password: 'pendek' });
    expect(await short.text()).toContain('minimal 10 karakter');
    const ok = await b.post('/admin/akun', { current: TEST_PASSWORD, password: 'Sungai-Sangatta-Jernih-77' });
    expect(ok.status).toBe(303);
    b.cookie = sessionCookieOf(ok) ?? b.cookie;
    expect((await b.get('/admin')).status).toBe(200);
    expect((await other.get('/admin')).status).toBe(303); // the other session ended
  });
});

describe('CSRF', () => {
  it('rejects state changes without the session token, or from another origin', async () => {
    const b = await loginAs([['diskominfo', '64.08']]);
    const noToken = await b.post('/admin/wilayah/tahap', { codes: '64.08.01.2001', stage: 'pendampingan', reason: 'uji tanpa token' }, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('Formulir kedaluwarsa');
    const wrong = await b.post(
      '/admin/wilayah/tahap',
      { codes: '64.08.01.2001', stage: 'pendampingan', reason: 'uji token salah', _csrf: 'x'.repeat(43) },
      { csrf: false },
    );
    expect(wrong.status).toBe(403);
    const cross = await b.post(
      '/admin/wilayah/tahap',
      { codes: '64.08.01.2001', stage: 'pendampingan', reason: 'uji lintas situs' },
      { headers: { Origin: 'https://evil.example' } },
    );
    expect(cross.status).toBe(403);
    const viaHeader = await SELF.fetch(`${ORIGIN}/admin/wilayah/tahap`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: b.cookie, 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': b.csrf, 'HX-Request': 'true' },
      body: formBody({ codes: '64.08.01.2001', stage: 'pendampingan', reason: 'uji via header htmx' }),
    });
    expect(viaHeader.status).toBe(303);
    const stage = await env.DB.prepare("SELECT stage FROM regions WHERE code = '64.08.01.2001'").first<{ stage: string }>();
    expect(stage!.stage).toBe('pendampingan');
  });

  it('rejects a cross-site login attempt', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    const r = await SELF.fetch(`${ORIGIN}/masuk`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
      body: formBody({ login: user.username, password: TEST_PASSWORD }),
    });
    expect(r.status).toBe(403);
  });
});
