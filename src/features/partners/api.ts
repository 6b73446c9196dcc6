import type { Context } from 'hono';
import { z } from 'zod';
import { type ApiRouter, apiRoute, apiRouter } from '../../api/route';
import { headersOf } from '../../api/responses';
import type { AppEnv } from '../../env';
import { originOf } from '../../lib/origin';
import { FAILED_CLIENT_AUTH_LIMIT, OAuthError, OAuthErrorJson, oauthErrorResponse, readOAuthRequest, authenticateOAuthClient } from './oauth';
import { grantedScopes, issueToken, TOKEN_TTL_SECONDS } from './service';
import { introspectToken, revokeToken } from './tokens';

// The OAuth 2.0 endpoints of the partner API: token (RFC 6749 §4.4), revocation (RFC 7009), introspection (RFC 7662).
// Their metadata (RFC 8414) is served at /.well-known/oauth-authorization-server (./metadata.ts).

const ClientAuthFields = {
  client_id: z.string().optional().describe('With client_secret_post: the client id (otherwise in the Basic header)'),
  client_secret: z.string().optional().describe('With client_secret_post: the secret. Never together with a Basic header'),
};
const TokenRequest = z.object({
  grant_type: z.literal('client_credentials'),
  scope: z.string().optional().describe('Space-separated subset of the scopes granted at /admin/mitra; default all of them'),
  ...ClientAuthFields,
});
const TokenParam = {
  token: z.string().describe('The access token'),
  token_type_hint: z.enum(['access_token']).optional().describe('Only access tokens exist (no refresh tokens)'),
};
const RevokeRequest = z.object({ ...TokenParam, ...ClientAuthFields });
const IntrospectRequest = z.object({ ...TokenParam, ...ClientAuthFields });

export const TokenResponse = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().describe('Seconds'),
    scope: z.string().describe('The scopes this token carries, space-separated'),
  })
  .meta({ id: 'TokenResponse', description: 'RFC 6749 §5.1 access token response' });

const IntrospectionJson = z
  .union([
    z.object({ active: z.literal(false) }),
    z.object({
      active: z.literal(true),
      scope: z.string(),
      client_id: z.string(),
      token_type: z.literal('Bearer'),
      exp: z.number().int().describe('Expiry, Unix seconds'),
      iat: z.number().int().describe('Issued at, Unix seconds'),
      sub: z.string(),
      iss: z.string(),
      jti: z.string(),
    }),
  ])
  .meta({ id: 'TokenIntrospection', description: 'RFC 7662 §2.2: `active: false` for any token that is not a live token of this client' });

/** Documented as a form (RFC 6749 §3.2); read by the handler itself, so errors stay in the OAuth format. */
function formBody(schema: z.ZodObject, description: string) {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return { required: true, description, content: { 'application/x-www-form-urlencoded': { schema: json }, 'application/json': { schema: json } } };
}

const oauthError = (description: string, challenge = false) => ({
  description,
  ...(challenge ? { headers: headersOf(['WWW-Authenticate']) } : {}),
  content: { 'application/json': { schema: OAuthErrorJson } },
});

const OAUTH_ERRORS = {
  400: oauthError('`invalid_request`: a parameter is missing, repeated or malformed, or the client authenticated two ways at once.'),
  401: oauthError('`invalid_client`: client authentication failed (unknown client, wrong secret, revoked partner, or none sent).', true),
};
const FAILED_AUTH_DOC = { ...FAILED_CLIENT_AUTH_LIMIT, per: 'alamat IP (hanya autentikasi klien yang gagal, di ketiga endpoint OAuth)' };
const RATE_NOTE = `More than ${FAILED_CLIENT_AUTH_LIMIT.limit} failed client authentications from one address in ${FAILED_CLIENT_AUTH_LIMIT.windowMs / 60_000} minutes.`;

const tokenRoute = apiRoute({
  method: 'post',
  path: '/oauth/token',
  operationId: 'createToken',
  tag: 'OAuth',
  summary: 'Client-credentials grant: a short-lived bearer token for a partner system',
  description:
    `RFC 6749 §4.4. Authenticate with HTTP Basic (client_secret_basic) or client_id/client_secret in the body (client_secret_post), not both. ` +
    `Tokens live ${TOKEN_TTL_SECONDS / 60} minutes. Errors follow RFC 6749 §5.2.`,
  access: { client: true },
  request: { body: formBody(TokenRequest, 'application/x-www-form-urlencoded (JSON is accepted too)') },
  responses: [{ status: 200, description: 'The token (Cache-Control: no-store)', schema: TokenResponse }],
  errors: [429],
  rateLimits: [FAILED_AUTH_DOC],
  errorNotes: { 429: RATE_NOTE },
  otherResponses: {
    ...OAUTH_ERRORS,
    400: oauthError(
      '`invalid_request` (missing, repeated or malformed parameter; two client authentication methods), `unsupported_grant_type` or `invalid_scope`.',
    ),
  },
});

const revokeRoute = apiRoute({
  method: 'post',
  path: '/oauth/revoke',
  operationId: 'revokeToken',
  tag: 'OAuth',
  summary: 'Revoke one of this client’s access tokens (RFC 7009)',
  description: 'Answers 200 for any token, also an unknown, expired or another client’s one (which stays untouched): RFC 7009 §2.2.',
  access: { client: true },
  request: { body: formBody(RevokeRequest, 'application/x-www-form-urlencoded (JSON is accepted too)') },
  responses: [{ status: 200, description: 'Revoked (or nothing to revoke); no body' }],
  errors: [429],
  rateLimits: [FAILED_AUTH_DOC],
  errorNotes: { 429: RATE_NOTE },
  otherResponses: OAUTH_ERRORS,
});

const introspectRoute = apiRoute({
  method: 'post',
  path: '/oauth/introspect',
  operationId: 'introspectToken',
  tag: 'OAuth',
  summary: 'Is this access token of this client still active, and with which scopes (RFC 7662)',
  access: { client: true },
  request: { body: formBody(IntrospectRequest, 'application/x-www-form-urlencoded (JSON is accepted too)') },
  responses: [{ status: 200, description: 'The token’s state', schema: IntrospectionJson }],
  errors: [429],
  rateLimits: [FAILED_AUTH_DOC],
  errorNotes: { 429: RATE_NOTE },
  otherResponses: OAUTH_ERRORS,
});

/** Runs an OAuth endpoint: RFC 6749 §5.2 errors as JSON, every answer no-store. */
async function oauthEndpoint(c: Context<AppEnv>, run: () => Promise<Response>): Promise<Response> {
  try {
    const res = await run();
    res.headers.set('Cache-Control', 'no-store');
    res.headers.set('Pragma', 'no-cache');
    return res;
  } catch (err) {
    if (err instanceof OAuthError) return oauthErrorResponse(err);
    throw err;
  }
}

function requiredParam(params: Record<string, string>, name: string): string {
  const v = params[name];
  if (v === undefined) throw new OAuthError('invalid_request', `Parameter ${name} wajib diisi.`);
  return v;
}

export function partnerApi(): ApiRouter {
  const app = apiRouter();
  const deps = (c: Context<AppEnv>) => ({ db: c.get('db'), secret: c.env.SESSION_SECRET });

  app.openapi(tokenRoute, (c) =>
    oauthEndpoint(c, async () => {
      const now = Date.now();
      const { params, credentials } = await readOAuthRequest(c);
      const client = await authenticateOAuthClient(c, credentials, now);
      const grant = requiredParam(params, 'grant_type');
      if (grant !== 'client_credentials') throw new OAuthError('unsupported_grant_type', 'Hanya grant_type client_credentials yang didukung.');
      const scopes = grantedScopes(client, params.scope);
      if (!scopes) throw new OAuthError('invalid_scope', 'Scope tidak dikenal atau tidak diberikan kepada mitra ini.');
      return c.json(await issueToken(c.env.SESSION_SECRET, client, scopes), 200);
    }),
  );

  app.openapi(revokeRoute, (c) =>
    oauthEndpoint(c, async () => {
      const now = Date.now();
      const { params, credentials } = await readOAuthRequest(c);
      const client = await authenticateOAuthClient(c, credentials, now);
      await revokeToken(deps(c), client, requiredParam(params, 'token'), now);
      return c.body(null, 200);
    }),
  );

  app.openapi(introspectRoute, (c) =>
    oauthEndpoint(c, async () => {
      const now = Date.now();
      const { params, credentials } = await readOAuthRequest(c);
      const client = await authenticateOAuthClient(c, credentials, now);
      return c.json(await introspectToken(deps(c), client, requiredParam(params, 'token'), originOf(c)), 200);
    }),
  );

  return app;
}
