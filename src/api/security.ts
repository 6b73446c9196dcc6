import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { optionalPartner, requireScope } from './auth';
import { PARTNER_SCOPES, type PartnerScope } from './scopes';

/** The reporter's private code travels in this header (never in a URL, so it stays out of logs). */
export const PRIVATE_CODE_HEADER = 'X-Complaint-Code';

/**
 * Who may call an operation. `{ public: true }`: anyone. `{ partner: scope }`: only a partner token with that scope.
 * Mixed (`{ public: true, privateCode: true, partner }`): anyone, and a reporter's private code or a partner token
 * shows more. `{ client: true }`: the OAuth endpoints, where the partner authenticates as a client (Basic or body).
 */
export interface Access {
  public?: true;
  privateCode?: true;
  partner?: PartnerScope;
  client?: true;
}

/** components.securitySchemes; `origin` makes the token URL absolute. */
export function securitySchemes(origin: string) {
  return {
    partnerOAuth: {
      type: 'oauth2',
      description:
        'Partner systems registered at /admin/mitra get a 15-minute bearer token with the OAuth 2.0 client-credentials grant ' +
        '(RFC 6749 §4.4). Send it as `Authorization: Bearer <token>`.',
      flows: { clientCredentials: { tokenUrl: `${origin}/api/v1/oauth/token`, scopes: { ...PARTNER_SCOPES } as Record<string, string> } },
    },
    privateCode: {
      type: 'apiKey',
      in: 'header',
      name: PRIVATE_CODE_HEADER,
      description: "The reporter's private code from the confirmation (shows the whole report to its reporter).",
    },
    clientBasic: {
      type: 'http',
      scheme: 'basic',
      description: 'Client authentication at the OAuth endpoints: client_id and client_secret (form-encoded) as HTTP Basic credentials.',
    },
  } as const;
}

/** The operation's `security`: `[]` for public, `{}` first when authentication is optional. */
export function securityOf(access: Access): Array<Record<string, string[]>> {
  if (access.client) return [{ clientBasic: [] }, {}];
  const schemes: Array<Record<string, string[]>> = [];
  if (access.privateCode) schemes.push({ privateCode: [] });
  if (access.partner) schemes.push({ partnerOAuth: [access.partner] });
  if (!access.public) return schemes;
  return schemes.length ? [{}, ...schemes] : [];
}

/** The middleware that enforces it: a required scope, or an optional partner token (invalid tokens still 401). */
export function accessMiddleware(access: Access): MiddlewareHandler<AppEnv>[] {
  if (!access.partner) return [];
  return [access.public ? optionalPartner() : requireScope(access.partner)];
}
