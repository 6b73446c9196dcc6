import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { AppError } from '../lib/errors';
import { constantTimeEqual } from '../lib/password';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const enc = new TextEncoder();

/**
 * CSRF protection for every state-changing browser request (forms and htmx alike):
 * 1. Origin / Sec-Fetch-Site must be same-origin when the browser sends them (all current browsers do).
 * 2. With a session, the request must carry the session's token: form field `_csrf` or header `X-CSRF-Token`
 *    (htmx sends it from `hx-headers` on <body>).
 * /api/ is exempt: it takes no cookies, only bearer tokens.
 */
/** Rule 1 alone: the browser says the request comes from this site (or says nothing, as non-browsers do). */
export function isSameOriginRequest(c: Context): boolean {
  const origin = c.req.header('Origin');
  const site = c.req.header('Sec-Fetch-Site');
  const self = new URL(c.req.url).origin;
  // Browsers send `Origin: null` from pages with `Referrer-Policy: no-referrer` (complaint pages carrying a private
  // code); Sec-Fetch-Site, which pages cannot forge, still tells whether the request is same-origin.
  const originOk = !origin || origin === self || (origin === 'null' && site === 'same-origin');
  return originOk && !(site && site !== 'same-origin' && site !== 'none');
}

export function csrf(): MiddlewareHandler<AppEnv> {
  return async function csrfMiddleware(c, next) {
    if (SAFE.has(c.req.method) || c.req.path.startsWith('/api/')) return next();
    if (!isSameOriginRequest(c)) {
      throw new AppError('forbidden', 'Permintaan ditolak karena berasal dari situs lain.');
    }
    const session = c.get('session');
    if (session) {
      let token = c.req.header('X-CSRF-Token');
      if (!token) {
        const type = c.req.header('Content-Type') ?? '';
        if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
          const body = await c.req.parseBody({ all: false });
          token = typeof body._csrf === 'string' ? body._csrf : undefined;
        }
      }
      if (!token || !constantTimeEqual(enc.encode(token), enc.encode(session.csrfToken))) {
        throw new AppError('forbidden', 'Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.');
      }
    }
    await next();
  };
}
