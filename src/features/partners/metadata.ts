import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { originOf } from '../../lib/origin';
import { SCOPE_NAMES } from '../../api/scopes';

/**
 * RFC 8414 authorization server metadata, so a standard OAuth client discovers the token, revocation and
 * introspection endpoints from the portal's origin (the issuer) alone.
 */
export function authorizationServerMetadata(origin: string) {
  const endpoint = (name: string) => `${origin}/api/v1/oauth/${name}`;
  const authMethods = ['client_secret_basic', 'client_secret_post'];
  return {
    issuer: origin,
    token_endpoint: endpoint('token'),
    token_endpoint_auth_methods_supported: authMethods,
    grant_types_supported: ['client_credentials'],
    // Required by RFC 8414 §2; this server has no authorization endpoint, so no response type is supported.
    response_types_supported: [],
    scopes_supported: SCOPE_NAMES,
    revocation_endpoint: endpoint('revoke'),
    revocation_endpoint_auth_methods_supported: authMethods,
    introspection_endpoint: endpoint('introspect'),
    introspection_endpoint_auth_methods_supported: authMethods,
    service_documentation: `${origin}/api/docs`,
    ui_locales_supported: ['id'],
  };
}

export function oauthMetadataRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/.well-known/oauth-authorization-server', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(authorizationServerMetadata(originOf(c)));
  });
  return app;
}
