import { env } from 'cloudflare:test';
import { SELF } from '../helpers/worker';
import { Hono } from 'hono';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { requireScope } from '../../src/api/auth';
import { createDb } from '../../src/db/client';
import type { AppEnv } from '../../src/env';
import { signToken } from '../../src/lib/jwt';
import { formBody, loginAs } from '../helpers/auth';
import { get, ORIGIN } from '../helpers/http';

async function register(scopes: string[]) {
  const admin = await loginAs([['diskominfo', '64.08']]);
  const res = await admin.post('/admin/mitra', { name: `Mitra uji ${crypto.randomUUID().slice(0, 6)}`, scopes });
  expect(res.status).toBe(200);
  const html = await res.text();
  const clientId = /(mitra_[a-z0-9]{16})/.exec(html)![1]!;
  const secret = /(pks_[A-Za-z0-9_-]{20,})/.exec(html)![1]!;
  return { admin, clientId, secret };
}

function token(body: Record<string, string>, json = false, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded', ...headers },
    body: json ? JSON.stringify(body) : formBody(body),
  });
}

/** A probe app with one route per scope, using the real middleware and bindings. */
const probe = new Hono<AppEnv>();
probe.use('*', async (c, next) => {
  c.set('db', createDb(c.env.DB));
  await next();
});
probe.get('/complaints', requireScope('complaints:read'), (c) => c.json({ partner: c.get('partner')?.id }));
probe.onError((err, c) => c.json({ status: (err as { status?: number }).status ?? 500 }, ((err as { status?: number }).status ?? 500) as 401));
const call = (auth?: string) => probe.request('/complaints', { headers: auth ? { Authorization: auth } : {} }, env);

describe('partner clients and tokens', () => {
  it('registers a partner, shows the secret once and stores only its hash', async () => {
    const { admin, clientId, secret } = await register(['complaints:read', 'monitoring:read']);
    const row = await env.DB.prepare('SELECT * FROM partner_clients WHERE id = ?').bind(clientId).first<{ secret_hash: string; scopes: string }>();
    expect(row!.scopes).toBe('complaints:read monitoring:read');
    expect(row!.secret_hash).not.toContain(secret);
    const list = await (await admin.get('/admin/mitra')).text();
    expect(list).toContain(clientId);
    expect(list).not.toContain(secret);
  });

  it('issues a short-lived token for form, JSON and Basic clients; refuses bad requests with RFC 6749 §5.2 errors', async () => {
    const { clientId, secret } = await register(['complaints:read']);
    const ip = { 'CF-Connecting-IP': `203.0.113.${Math.floor(Math.random() * 250)}` };
    const res = await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }, false, ip);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = await res.json<{ access_token: string; token_type: string; expires_in: number; scope: string }>();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'complaints:read' });
    expect((await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }, true, ip)).status).toBe(200);
    const basicAuth = { Authorization: `Basic ${btoa(`${clientId}:${secret}`)}`, ...ip };
    const basic = await token({ grant_type: 'client_credentials' }, false, basicAuth);
    expect(basic.status).toBe(200);

    const oauthError = async (res: Response) => {
      expect(res.headers.get('Content-Type')).toContain('application/json');
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      return { status: res.status, ...(await res.json<{ error: string; error_description: string }>()) };
    };
    const bad = await oauthError(await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: 'pks_salah' }, false, ip));
    expect(bad).toMatchObject({ status: 401, error: 'invalid_client' });
    const badBasic = await token({ grant_type: 'client_credentials' }, false, { ...ip, Authorization: `Basic ${btoa(`${clientId}:salah`)}` });
    expect(badBasic.headers.get('WWW-Authenticate')).toMatch(/^Basic /);
    expect(await oauthError(badBasic)).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(await oauthError(await token({ grant_type: 'client_credentials' }, false, ip))).toMatchObject({ status: 401, error: 'invalid_client' });
    const creds = { client_id: clientId, client_secret: secret };
    expect(await oauthError(await token({ grant_type: 'password', ...creds }, false, ip))).toMatchObject({ status: 400, error: 'unsupported_grant_type' });
    expect(await oauthError(await token(creds, false, ip))).toMatchObject({ status: 400, error: 'invalid_request' });
    const scope = await token({ grant_type: 'client_credentials', ...creds, scope: 'tenders:write' }, false, ip);
    expect(await oauthError(scope)).toMatchObject({ status: 400, error: 'invalid_scope' });
    // Two client authentication methods in one request (RFC 6749 §2.3).
    const both = await token({ grant_type: 'client_credentials', client_secret: secret }, false, basicAuth);
    expect(await oauthError(both)).toMatchObject({ status: 400, error: 'invalid_request' });
    const repeated = await SELF.fetch(`${ORIGIN}/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...ip },
      body: `grant_type=client_credentials&grant_type=client_credentials&client_id=${clientId}&client_secret=${secret}`,
    });
    expect(await oauthError(repeated)).toMatchObject({ status: 400, error: 'invalid_request' });
    const broken = await SELF.fetch(`${ORIGIN}/api/v1/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...ip },
      body: '{not json',
    });
    expect(await oauthError(broken)).toMatchObject({ status: 400, error: 'invalid_request' });
    const wrongType = await SELF.fetch(`${ORIGIN}/api/v1/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'text/plain', ...ip }, body: 'x' });
    expect(await oauthError(wrongType)).toMatchObject({ status: 400, error: 'invalid_request' });
  });

  it('rate-limits failed client authentication per address, and only failures count', async () => {
    const { clientId, secret } = await register(['complaints:read']);
    const ip = { 'CF-Connecting-IP': '192.0.2.77' };
    const good = () => token({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }, false, ip);
    for (let i = 0; i < 12; i++) expect((await good()).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect((await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: `pks_salah_${i}` }, false, ip)).status).toBe(401);
    }
    const limited = await good();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(
      (await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }, false, { 'CF-Connecting-IP': '192.0.2.78' })).status,
    ).toBe(200);
  }, 30_000);

  it('checks tokens on scoped routes: 401 for missing/bad/alg-none/wrong-audience/expired, 403 for a missing scope', async () => {
    const { clientId, secret } = await register(['complaints:read']);
    const ok = await (await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret })).json<{ access_token: string }>();
    expect((await call(`Bearer ${ok.access_token}`)).status).toBe(200);
    // The scheme name is case-insensitive (RFC 6750 / RFC 9110 §11.1).
    expect((await call(`bearer ${ok.access_token}`)).status).toBe(200);
    expect((await call(`BEARER ${ok.access_token}`)).status).toBe(200);
    expect((await call()).status).toBe(401);
    expect((await call('Bearer rusak.rusak.rusak')).status).toBe(401);
    expect((await call('Basic abc')).status).toBe(401);
    const [h, p] = ok.access_token.split('.');
    const none = `${btoa(JSON.stringify({ alg: 'none', typ: 'JWT' })).replace(/=+$/, '')}.${p}.`;
    expect((await call(`Bearer ${none}`)).status).toBe(401);
    expect((await call(`Bearer ${h}.${p}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(401);
    const session = await signToken(env.SESSION_SECRET, 'session', { sub: clientId, jti: 'x1', scope: 'complaints:read', tv: 1 }, 300);
    expect((await call(`Bearer ${session}`)).status).toBe(401); // right key family, wrong audience
    const expired = await signToken(env.SESSION_SECRET, 'partner', { sub: clientId, jti: 'x2', scope: 'complaints:read', tv: 1 }, -60);
    expect((await call(`Bearer ${expired}`)).status).toBe(401);
    const foreign = await new SignJWT({ scope: 'complaints:read', tv: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(clientId)
      .setJti('x3')
      .setIssuer('portal-kutim')
      .setAudience('portal-kutim-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('kunci-lain-yang-tidak-sah-sama-sekali-123'));
    expect((await call(`Bearer ${foreign}`)).status).toBe(401);

    const other = await register(['monitoring:read']);
    const t2 = await (await token({ grant_type: 'client_credentials', client_id: other.clientId, client_secret: other.secret })).json<{
      access_token: string;
    }>();
    expect((await call(`Bearer ${t2.access_token}`)).status).toBe(403);
  });

  it('rotates secrets with a grace period and revokes clients with all their tokens', async () => {
    const { admin, clientId, secret } = await register(['complaints:read']);
    const before = await (await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret })).json<{ access_token: string }>();
    const rot = await admin.post(`/admin/mitra/${clientId}/ganti-secret`, {});
    const newSecret = /(pks_[A-Za-z0-9_-]{20,})/.exec(await rot.text())![1]!;
    expect(newSecret).not.toBe(secret);
    expect((await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: newSecret })).status).toBe(200);
    expect((await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret })).status).toBe(200); // grace
    await env.DB.prepare('UPDATE partner_clients SET previous_secret_expires_at = 1 WHERE id = ?').bind(clientId).run();
    expect((await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret })).status).toBe(401);

    expect((await call(`Bearer ${before.access_token}`)).status).toBe(200);
    expect((await admin.post(`/admin/mitra/${clientId}/cabut`, {})).status).toBe(303);
    expect((await call(`Bearer ${before.access_token}`)).status).toBe(401);
    expect((await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: newSecret })).status).toBe(401);
    const audit = (await env.DB.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY at').bind(clientId).all<{ action: string }>()).results;
    expect(audit.map((a) => a.action)).toEqual(['partner.register', 'partner.rotate', 'partner.revoke']);
  });

  it('validates the registration form', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const res = await admin.post('/admin/mitra', { name: 'X' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('minimal 3 karakter');
    expect(html).toContain('Pilih minimal satu scope');
    expect((await admin.post('/admin/mitra', { name: 'Mitra', scopes: 'root:all' })).status).toBe(422);
  });

  it('documents the security scheme in OpenAPI', async () => {
    const doc = await (await get('/api/v1/openapi.json')).json<{
      paths: Record<string, unknown>;
      components: { securitySchemes: { partnerOAuth: { flows: { clientCredentials: { tokenUrl: string } } } } };
    }>();
    expect(doc.paths['/oauth/token']).toBeDefined();
    expect(doc.components.securitySchemes.partnerOAuth.flows.clientCredentials.tokenUrl).toContain('/api/v1/oauth/token');
    const scopes = (doc.components.securitySchemes.partnerOAuth.flows.clientCredentials as unknown as { scopes: Record<string, string> }).scopes;
    expect(Object.keys(scopes)).toContain('complaints:read');
    // Every scope offered at /admin/mitra is required by some operation.
    const required = new Set(
      Object.values(doc.paths as Record<string, Record<string, { security?: Array<Record<string, string[]>> }>>).flatMap((item) =>
        Object.values(item).flatMap((op) => (op.security ?? []).flatMap((s) => s.partnerOAuth ?? [])),
      ),
    );
    const unenforced = Object.keys(scopes).filter((s) => !required.has(s));
    expect(unenforced).toEqual([]);
  });
});
