import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { login } from '../../src/auth/login';
import { PUBLIC_ACTOR } from '../../src/auth/actor';
import { createDb } from '../../src/db/client';
import { createTestUser, formBody, loginAs, sessionCookieOf, TEST_PASSWORD } from '../helpers/auth';
import { ORIGIN } from '../helpers/http';
import { SELF } from '../helpers/worker';

function loginFrom(ip: string, login: string, password: string): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/masuk`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, 'CF-Connecting-IP': ip },
    body: formBody({ login, password }),
    redirect: 'manual',
  });
}

async function emailOf(userId: string, email: string) {
  await env.DB.prepare('UPDATE users SET email = ? WHERE id = ?').bind(email, userId).run();
}

describe('login throttling per account and IP pair', () => {
  it('a stranger failing from another IP never locks the owner out', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    for (let i = 0; i < 12; i++) {
      const r = await loginFrom('198.51.100.10', user.username, `salah-${i}-abcdefgh`);
      expect([422, 429]).toContain(r.status);
    }
    const owner = await loginFrom('203.0.113.5', user.username, TEST_PASSWORD);
    expect(owner.status).toBe(303);
    expect(sessionCookieOf(owner)).not.toBeNull();
  });

  it('slows the attacking pair with a growing wait and a clear Indonesian message', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    const ip = '198.51.100.20';
    for (let i = 0; i < 5; i++) expect((await loginFrom(ip, user.username, `salah-${i}-abcdefgh`)).status).toBe(422);
    const waiting = await loginFrom(ip, user.username, TEST_PASSWORD);
    expect(waiting.status).toBe(429);
    const first = Number(waiting.headers.get('Retry-After'));
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThan(900);
    expect(await waiting.text()).toContain('Terlalu banyak percobaan masuk');
    // After the wait, each further failure doubles it.
    await env.DB.prepare('UPDATE login_throttle SET next_allowed_at = 0').run();
    expect((await loginFrom(ip, user.username, 'salah-lagi-abcdefgh')).status).toBe(422);
    const second = Number((await loginFrom(ip, user.username, TEST_PASSWORD)).headers.get('Retry-After'));
    expect(second).toBeGreaterThan(first);
  });

  it('counts one account once, whether named by username or e-mail', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    await emailOf(user.id, `${user.username}@contoh.go.id`);
    const ip = '198.51.100.30';
    for (let i = 0; i < 5; i++) {
      const name = i % 2 === 0 ? user.username : `${user.username}@contoh.go.id`;
      expect((await loginFrom(ip, name, `salah-${i}-abcdefgh`)).status).toBe(422);
    }
    expect((await loginFrom(ip, `${user.username}@contoh.go.id`, 'salah-x-abcdefgh')).status).toBe(429);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM login_throttle WHERE key LIKE 'pair:%' AND key LIKE ?").bind(`%|${ip}`).first<{ n: number }>();
    expect(rows!.n).toBe(1);
  });

  it('runs at most five password checks for parallel wrong attempts (atomic counter)', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    const db = createDb(env.DB);
    const spy = vi.spyOn(crypto.subtle, 'deriveBits');
    try {
      const ctx = { actor: PUBLIC_ACTOR, requestId: 'uji', now: Date.now() };
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          login({ db, iterations: 1000 }, { login: user.username, password: `salah-${i}-abcdefgh`, ip: '198.51.100.40' }, ctx),
        ),
      );
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      expect(spy.mock.calls.length).toBeLessThanOrEqual(5);
    } finally {
      spy.mockRestore();
    }
  });

  it('an administrator password reset clears the wait', async () => {
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    const ip = '198.51.100.50';
    for (let i = 0; i < 6; i++) await loginFrom(ip, user.username, `salah-${i}-abcdefgh`);
    expect((await loginFrom(ip, user.username, TEST_PASSWORD)).status).toBe(429);
    const admin = await loginAs([['diskominfo', '64.08']]);
    const reset = await admin.post(`/admin/pengguna/${user.id}/sandi`, { password: 'Sungai-Mahakam-Biru-2031' });
    expect(reset.status).toBe(303);
    const after = await loginFrom(ip, user.username, 'Sungai-Mahakam-Biru-2031');
    expect(after.status).toBe(303);
  });

  it('still throttles one IP spraying many accounts', async () => {
    const ip = '198.51.100.60';
    for (let i = 0; i < 20; i++) expect((await loginFrom(ip, `akun${i}.semprot`, 'salah-salah-salah')).status).toBe(422);
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    expect((await loginFrom(ip, user.username, TEST_PASSWORD)).status).toBe(429);
    expect((await loginFrom('198.51.100.61', user.username, TEST_PASSWORD)).status).toBe(303);
  });

  it('treats an IPv6 /64 as one client', async () => {
    for (let i = 0; i < 20; i++) expect((await loginFrom(`2001:db8:aa:bb::${(i + 1).toString(16)}`, `akun${i}.enam`, 'salah-salah-salah')).status).toBe(422);
    const user = await createTestUser([['operator_desa', '64.08.04.2012']]);
    expect((await loginFrom('2001:db8:aa:bb:ffff:1:2:3', user.username, TEST_PASSWORD)).status).toBe(429);
    expect((await loginFrom('2001:db8:aa:cc::1', user.username, TEST_PASSWORD)).status).toBe(303);
  });
});

describe('login timing', () => {
  it('an unknown account costs the same PBKDF2 work as a real one', async () => {
    const db = createDb(env.DB);
    const spy = vi.spyOn(crypto.subtle, 'deriveBits');
    try {
      const ctx = { actor: PUBLIC_ACTOR, requestId: 'uji', now: Date.now() };
      await expect(
        login({ db, iterations: 100_000 }, { login: 'tidak.ada.siapa-siapa', password: 'salah-salah-salah', ip: '198.51.100.70' }, ctx),
      ).rejects.toThrow();
      const params = spy.mock.calls.map((c) => (c[0] as Pbkdf2Params).iterations);
      expect(params).toEqual([100_000]);
    } finally {
      spy.mockRestore();
    }
  });
});
