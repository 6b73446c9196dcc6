import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { AppError } from '../lib/errors';
import { isPartial } from '../lib/htmx';
import { randomToken } from '../lib/ids';
import { hmac, signToken, verifyToken } from '../lib/jwt';
import type { Actor, Session } from './actor';
import { loadSessionRows } from './repo';

/** The cookie is sent as `__Host-sesi` (Hono adds the prefix and enforces Secure, Path=/, no Domain). */
export const SESSION_COOKIE = 'sesi';
/** Idle lifetime: the token is renewed on activity once half of it has passed. */
export const SESSION_TTL_SECONDS = 30 * 60;
/** Absolute lifetime from login, whatever the activity. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function actorOf(s: Session): Actor {
  return { kind: 'user', id: s.userId, name: s.name, username: s.username, memberships: s.memberships };
}

export async function issueSessionCookie(
  c: Context<AppEnv>,
  user: { id: string; sessionVersion: number },
  jti: string = randomToken(16),
  loginAt: number = Math.floor(Date.now() / 1000),
): Promise<void> {
  const token = await signToken(c.env.SESSION_SECRET, 'session', { sub: user.id, jti, sv: user.sessionVersion, lat: loginAt }, SESSION_TTL_SECONDS);
  setCookie(c, SESSION_COOKIE, token, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: SESSION_TTL_SECONDS, prefix: 'host' });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, prefix: 'host' });
}

export const csrfTokenFor = (secret: string, jti: string) => hmac(secret, 'csrf', `session:${jti}`);

/**
 * Loads the session (if any) into `c.get('session')`: verifies the JWT, then checks in D1 that the user is active,
 * the session version matches and the jti is not revoked. Renews the cookie on activity.
 */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async function loadSessionMiddleware(c, next) {
    c.set('session', null);
    const raw = getCookie(c, SESSION_COOKIE, 'host');
    if (raw && raw.length < 4096) {
      const payload = await verifyToken(c.env.SESSION_SECRET, 'session', raw);
      const nowSec = Math.floor(Date.now() / 1000);
      const loginAt = typeof payload?.lat === 'number' ? payload.lat : 0;
      if (payload?.sub && payload.jti && payload.exp && nowSec - loginAt < SESSION_MAX_AGE_SECONDS) {
        const rows = await loadSessionRows(c.get('db'), payload.sub, payload.jti);
        const user = rows.user;
        if (user && user.isActive && !rows.revoked && user.sessionVersion === payload.sv) {
          c.set('session', {
            userId: user.id,
            username: user.username,
            name: user.name,
            memberships: rows.memberships,
            mustChangePassword: user.mustChangePassword,
            jti: payload.jti,
            exp: payload.exp,
            csrfToken: await csrfTokenFor(c.env.SESSION_SECRET, payload.jti),
          });
          if (payload.exp - nowSec < SESSION_TTL_SECONDS / 2) await issueSessionCookie(c, user, payload.jti, loginAt);
        }
      }
      if (!c.get('session')) clearSessionCookie(c);
    }
    await next();
  };
}

/** Requires a logged-in user: pages redirect to /masuk (htmx via HX-Redirect), other requests answer 401. */
export function requireUser(): MiddlewareHandler<AppEnv> {
  return async function requireUserMiddleware(c, next) {
    if (c.get('session')) return next();
    const url = new URL(c.req.url);
    const target = `/masuk?lanjut=${encodeURIComponent(url.pathname + url.search)}`;
    if (isPartial(c)) {
      c.header('HX-Redirect', target);
      return c.body(null, 401);
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return c.redirect(target, 303);
    throw new AppError('unauthorized', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
  };
}

/** The session of a route behind requireUser(). */
export function sessionOf(c: Context<AppEnv>): Session {
  const s = c.get('session');
  if (!s) throw new AppError('unauthorized', 'Sesi Anda telah berakhir. Silakan masuk kembali.');
  return s;
}
