import { env } from 'cloudflare:test';
import { SELF } from './worker';
import type { Role } from '../../src/db/schema';
import { hashPassword } from '../../src/lib/password';
import { ORIGIN } from './http';

export const TEST_PASSWORD = 'Uji-Rahasia-Kuat-2026';
let counter = 0;

/** Creates an active user with one or more (role, region) memberships directly in D1. */
export async function createTestUser(memberships: Array<[Role, string]>, opts: { mustChangePassword?: boolean } = {}) {
  counter += 1;
  const id = `TST${Date.now().toString(36).toUpperCase()}${String(counter).padStart(4, '0')}`.padEnd(26, 'X').slice(0, 26);
  const username = `uji${counter}.${Math.random().toString(36).slice(2, 7)}`;
  const now = Date.now();
  await env.DB.prepare(
    `INSERT INTO users (id, username, name, password_hash, is_active, session_version, must_change_password, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, 1, ?, ?, ?)`,
  )
    .bind(id, username, `Pengguna Uji ${counter}`, await hashPassword(TEST_PASSWORD, 1000), opts.mustChangePassword ? 1 : 0, now, now)
    .run();
  let i = 0;
  for (const [role, region] of memberships) {
    i += 1;
    await env.DB.prepare('INSERT INTO memberships (id, user_id, role, region_code, created_at) VALUES (?, ?, ?, ?, ?)')
      .bind(`${id.slice(0, 24)}M${i}`, id, role, region, now)
      .run();
  }
  return { id, username, password: TEST_PASSWORD };
}

export interface Browser {
  userId: string;
  username: string;
  cookie: string;
  csrf: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** POSTs a urlencoded form with the CSRF token (unless `csrf: false`). */
  post(path: string, form: Record<string, string | string[]>, opts?: { csrf?: boolean; headers?: Record<string, string> }): Promise<Response>;
  /** POSTs multipart form data (uploads) with the CSRF token. */
  postMultipart(path: string, form: FormData): Promise<Response>;
}

export function formBody(form: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) p.append(k, x);
  return p.toString();
}

export async function loginWith(login: string, password: string): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/masuk`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
    body: formBody({ login, password }),
    redirect: 'manual',
  });
}

export function sessionCookieOf(res: Response): string | null {
  const set = res.headers.getSetCookie().find((h) => h.startsWith('__Host-sesi='));
  return set ? set.split(';')[0]! : null;
}

/** Logs in through the real /masuk form and returns a tiny cookie-carrying client. */
export async function loginAs(memberships: Array<[Role, string]>): Promise<Browser> {
  const user = await createTestUser(memberships);
  return browserFor(user.username, user.password, user.id);
}

export async function browserFor(username: string, password: string, userId = ''): Promise<Browser> {
  const res = await loginWith(username, password);
  const cookie = sessionCookieOf(res);
  if (res.status !== 303 || !cookie) throw new Error(`login failed: ${res.status}`);
  const home = await (await SELF.fetch(`${ORIGIN}/admin/akun`, { headers: { Cookie: cookie }, redirect: 'manual' })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(home)?.[1];
  if (!csrf) throw new Error('no csrf token on /admin/akun');
  const b: Browser = {
    userId,
    username,
    cookie,
    csrf,
    get: (path, headers = {}) => SELF.fetch(`${ORIGIN}${path}`, { headers: { Cookie: b.cookie, ...headers }, redirect: 'manual' }),
    post: (path, form, opts = {}) =>
      SELF.fetch(`${ORIGIN}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: b.cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, ...(opts.headers ?? {}) },
        body: formBody(opts.csrf === false ? form : { ...form, _csrf: b.csrf }),
      }),
    postMultipart: (path, form) => {
      form.set('_csrf', b.csrf);
      return SELF.fetch(`${ORIGIN}${path}`, { method: 'POST', redirect: 'manual', headers: { Cookie: b.cookie, Origin: ORIGIN }, body: form });
    },
  };
  return b;
}
