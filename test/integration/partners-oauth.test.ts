// The partner OAuth 2.0 endpoints as a standard client library (oauth4webapi) uses them: discovery (RFC 8414), the
// client-credentials grant with both client authentication methods, RFC 6749 §5.2 errors, revocation (RFC 7009) and
// introspection (RFC 7662) of the client's own tokens.
import { env } from 'cloudflare:test';
import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { pruneTokenRevocations } from '../../src/features/partners/tokens';
import { SELF } from '../helpers/worker';
import { loginAs } from '../helpers/auth';
import { ORIGIN } from '../helpers/http';

async function register(scopes: string[]) {
  const admin = await loginAs([['diskominfo', '64.08']]);
  const html = await (await admin.post('/admin/mitra', { name: `Mitra OAuth ${crypto.randomUUID().slice(0, 6)}`, scopes })).text();
  return { clientId: /(mitra_[a-z0-9]{16})/.exec(html)![1]!, secret: /(pks_[A-Za-z0-9_-]{20,})/.exec(html)![1]! };
}

/** Every request of the library goes to the worker, from one test address of its own (failed-auth limit). */
const ip = `198.18.0.${1 + Math.floor(Math.random() * 250)}`;
const options = {
  [oauth.customFetch]: (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    headers.set('CF-Connecting-IP', ip);
    return SELF.fetch(url, { ...init, headers });
  },
};

async function discover(): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(ORIGIN);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...options, algorithm: 'oauth2' }));
}

/** The OAuth error a failed grant ends with, however the library surfaces it. */
async function grantError(promise: Promise<unknown>): Promise<{ status: number; error: string }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof oauth.ResponseBodyError) return { status: err.status, error: err.error };
    if (err instanceof oauth.WWWAuthenticateChallengeError) {
      const body = (await err.response.clone().json()) as { error: string };
      return { status: err.status, error: body.error };
    }
    throw err;
  }
  throw new Error('the grant succeeded');
}

describe('partner OAuth 2.0 with a standard client (oauth4webapi)', () => {
  it('discovers the endpoints from the issuer (RFC 8414)', async () => {
    const as = await discover();
    expect(as.issuer).toBe(ORIGIN);
    expect(as.token_endpoint).toBe(`${ORIGIN}/api/v1/oauth/token`);
    expect(as.revocation_endpoint).toBe(`${ORIGIN}/api/v1/oauth/revoke`);
    expect(as.introspection_endpoint).toBe(`${ORIGIN}/api/v1/oauth/introspect`);
    expect(as.grant_types_supported).toEqual(['client_credentials']);
    expect(as.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post']);
    expect(as.scopes_supported).toContain('complaints:read');
  });

  it('grants tokens with Basic and with body credentials; the token works on a scoped route', { timeout: 30_000 }, async () => {
    const as = await discover();
    const { clientId, secret } = await register(['complaints:read', 'monitoring:read']);
    const client = { client_id: clientId };
    for (const auth of [oauth.ClientSecretBasic(secret), oauth.ClientSecretPost(secret)]) {
      const res = await oauth.clientCredentialsGrantRequest(as, client, auth, new URLSearchParams({ scope: 'complaints:read' }), options);
      const token = await oauth.processClientCredentialsResponse(as, client, res);
      expect(token.token_type).toBe('bearer');
      expect(token.scope).toBe('complaints:read');
      expect(token.expires_in).toBe(900);
      const feed = await SELF.fetch(`${ORIGIN}/api/v1/complaints?since=2020-01-01T00:00:00Z`, { headers: { Authorization: `Bearer ${token.access_token}` } });
      expect(feed.status).toBe(200);
    }
  });

  it('answers each error case the way RFC 6749 §5.2 says', { timeout: 30_000 }, async () => {
    const as = await discover();
    const { clientId, secret } = await register(['complaints:read']);
    const client = { client_id: clientId };
    const grant = (auth: oauth.ClientAuth, params: Record<string, string> = {}) =>
      oauth
        .clientCredentialsGrantRequest(as, client, auth, new URLSearchParams(params), options)
        .then((r) => oauth.processClientCredentialsResponse(as, client, r));
    expect(await grantError(grant(oauth.ClientSecretBasic('pks_salah')))).toEqual({ status: 401, error: 'invalid_client' });
    expect(await grantError(grant(oauth.ClientSecretPost('pks_salah')))).toEqual({ status: 401, error: 'invalid_client' });
    expect(await grantError(grant(oauth.ClientSecretBasic(secret), { scope: 'complaints:write' }))).toEqual({ status: 400, error: 'invalid_scope' });
    expect(await grantError(grant(oauth.ClientSecretBasic(secret), { scope: 'tidak:ada' }))).toEqual({ status: 400, error: 'invalid_scope' });
    const generic = await oauth.genericTokenEndpointRequest(as, client, oauth.ClientSecretBasic(secret), 'password', new URLSearchParams(), options);
    expect(await grantError(oauth.processGenericTokenEndpointResponse(as, client, generic))).toEqual({ status: 400, error: 'unsupported_grant_type' });
  });

  it('introspects and revokes the client’s own tokens only (RFC 7662, RFC 7009)', { timeout: 30_000 }, async () => {
    const as = await discover();
    const mine = await register(['complaints:read']);
    const theirs = await register(['complaints:read']);
    const client = { client_id: mine.clientId };
    const auth = oauth.ClientSecretBasic(mine.secret);
    const issue = async () =>
      (await oauth.processClientCredentialsResponse(as, client, await oauth.clientCredentialsGrantRequest(as, client, auth, new URLSearchParams(), options)))
        .access_token;
    const introspect = async (token: string, who = client, how = auth) =>
      oauth.processIntrospectionResponse(as, who, await oauth.introspectionRequest(as, who, how, token, options));

    const token = await issue();
    const other = await issue();
    const info = await introspect(token);
    expect(info).toMatchObject({ active: true, client_id: mine.clientId, scope: 'complaints:read', token_type: 'Bearer', iss: ORIGIN });
    expect(info.exp! - info.iat!).toBe(900);
    // Another client learns nothing about this token and cannot revoke it.
    const theirClient = { client_id: theirs.clientId };
    const theirAuth = oauth.ClientSecretBasic(theirs.secret);
    expect(await introspect(token, theirClient, theirAuth)).toEqual({ active: false });
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, theirClient, theirAuth, token, options));
    expect((await introspect(token)).active).toBe(true);

    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, token, options));
    expect(await introspect(token)).toEqual({ active: false });
    const feed = await SELF.fetch(`${ORIGIN}/api/v1/complaints?since=2020-01-01T00:00:00Z`, { headers: { Authorization: `Bearer ${token}` } });
    expect(feed.status).toBe(401);
    // Revoking one token leaves the client's other tokens alone; unknown tokens are not an error.
    expect((await introspect(other)).active).toBe(true);
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, 'kein.gueltiger.token', options));
    const stored = await env.DB.prepare('SELECT client_id FROM partner_token_revocations').all<{ client_id: string }>();
    expect(stored.results.map((r) => r.client_id)).toEqual([mine.clientId]);
    // The daily job forgets a revocation once its token has expired anyway.
    const expires = await env.DB.prepare('SELECT expires_at FROM partner_token_revocations').first<{ expires_at: number }>();
    await pruneTokenRevocations(createDb(env.DB), expires!.expires_at - 1).run();
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM partner_token_revocations').first<{ n: number }>())!.n).toBe(1);
    await pruneTokenRevocations(createDb(env.DB), expires!.expires_at + 1).run();
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM partner_token_revocations').first<{ n: number }>())!.n).toBe(0);
  });
});
