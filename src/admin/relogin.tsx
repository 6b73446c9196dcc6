import type { Context, MiddlewareHandler } from 'hono';
import type { FC } from 'hono/jsx';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { AppError, type FieldError } from '../lib/errors';
import { isPartial } from '../lib/htmx';
import { randomToken } from '../lib/ids';
import { errorFor } from '../lib/forms';
import { PUBLIC_ACTOR } from '../auth/actor';
import { login } from '../auth/login';
import { clientIp, iterationsOf } from '../auth/request';
import { csrfTokenFor, issueSessionCookie } from '../auth/session';
import { isSameOriginRequest } from '../middleware/csrf';
import { ErrorSummary, Field } from '../views/components';
import { renderPage } from '../views/render';

/**
 * Login in place: when an officer's session has ended while a form was open, submitting it does not end on an error.
 * The answer is a login form that carries everything typed (as hidden fields, never stored); after logging in, one
 * tap sends the form to where it was going, with a fresh CSRF token. Works without JavaScript. Files cannot travel
 * this way; the page says so when one was chosen. An autosave (htmx) with no session gets a status line instead of a
 * redirect, so the page with the text stays open.
 */
export const RELOGIN_PATH = '/admin/masuk-lagi';
const NOT_KEPT = new Set(['_csrf', 'login', 'password', '_kembali', '_enctype']);
const MAX_KEPT_CHARS = 400_000;
const Credentials = z.object({
  login: z.string().trim().min(1, 'Isi nama pengguna atau email.').max(200),
  password: z.string().min(1, 'Isi kata sandi.').max(200),
});

type Kept = Array<[string, string]>;

function keptFieldsOf(body: Record<string, unknown>): { kept: Kept; hadFile: boolean } {
  const kept: Kept = [];
  let hadFile = false;
  let total = 0;
  for (const [name, raw] of Object.entries(body)) {
    if (NOT_KEPT.has(name) || name.length > 60) continue;
    for (const v of [raw].flat()) {
      if (typeof v === 'string') {
        total += v.length;
        if (total <= MAX_KEPT_CHARS) kept.push([name, v]);
      } else if (v instanceof File && v.size > 0) hadFile = true;
    }
  }
  return { kept, hadFile };
}

const safeBack = (raw: unknown): string =>
  typeof raw === 'string' && /^\/admin(?:\/[A-Za-z0-9/_?=&.%-]*)?$/.test(raw) && !raw.includes('..') && !raw.includes('//') ? raw : '/admin';
type Enctype = 'multipart/form-data' | 'application/x-www-form-urlencoded';
const safeEnctype = (raw: unknown): Enctype => (raw === 'multipart/form-data' ? 'multipart/form-data' : 'application/x-www-form-urlencoded');

const Hidden: FC<{ kept: Kept }> = ({ kept }) => (
  <>
    {kept.map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
  </>
);

const FileNote: FC<{ hadFile: boolean }> = ({ hadFile }) =>
  hadFile ? <p class="callout">Berkas yang Anda pilih (foto atau dokumen) tidak ikut terbawa; pilih lagi setelah formulir terkirim.</p> : null;

const ReloginView: FC<{ back: string; enctype: Enctype; kept: Kept; hadFile: boolean; errors?: FieldError[]; login?: string }> = (p) => (
  <>
    <h1>Sesi Anda berakhir — masuk lagi untuk melanjutkan</h1>
    <p>Teks yang Anda ketik aman dan ikut terkirim setelah Anda masuk lagi.</p>
    <FileNote hadFile={p.hadFile} />
    <ErrorSummary errors={p.errors ?? []} />
    <form method="post" action={RELOGIN_PATH} novalidate>
      <input type="hidden" name="_kembali" value={p.back} />
      <input type="hidden" name="_enctype" value={p.enctype} />
      <Hidden kept={p.kept} />
      <Field id="login" label="Nama pengguna atau email" error={errorFor(p.errors, 'login')}>
        {(d) => <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" value={p.login ?? ''} aria-describedby={d} />}
      </Field>
      <Field id="password" label="Kata sandi" error={errorFor(p.errors, 'password')}>
        {(d) => <input id="password" name="password" type="password" autocomplete="current-password" aria-describedby={d} />}
      </Field>
      <button type="submit">Masuk dan lanjutkan</button>
    </form>
  </>
);

const ContinueView: FC<{ back: string; enctype: Enctype; kept: Kept; hadFile: boolean; csrf: string }> = (p) => (
  <>
    <h1>Anda sudah masuk lagi</h1>
    <p>Teks Anda masih utuh. Tekan tombol di bawah untuk mengirim formulir yang tadi.</p>
    <FileNote hadFile={p.hadFile} />
    <form method="post" action={p.back} enctype={p.enctype}>
      <input type="hidden" name="_csrf" value={p.csrf} />
      <Hidden kept={p.kept} />
      <button type="submit">Kirim formulir</button>
    </form>
  </>
);

async function relogin(c: Context<AppEnv>, body: Record<string, unknown>) {
  const back = safeBack(body._kembali);
  const enctype = safeEnctype(body._enctype);
  const { kept, hadFile } = keptFieldsOf(body);
  const page = (errors: FieldError[], status: number, loginName?: string) =>
    renderPage(c, { title: 'Masuk lagi' }, <ReloginView back={back} enctype={enctype} kept={kept} hadFile={hadFile} errors={errors} login={loginName} />, {
      status,
    });
  const creds = Credentials.safeParse({ login: body.login, password: body.password });
  if (!creds.success)
    return page(
      creds.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })),
      422,
    );
  try {
    const user = await login(
      { db: c.get('db'), iterations: iterationsOf(c) },
      { ...creds.data, ip: clientIp(c) },
      { actor: PUBLIC_ACTOR, requestId: c.get('requestId'), now: Date.now() },
    );
    const jti = randomToken(16);
    await issueSessionCookie(c, user, jti);
    if (user.mustChangePassword) return c.redirect('/admin/akun', 303);
    const csrf = await csrfTokenFor(c.env.SESSION_SECRET, jti);
    return renderPage(c, { title: 'Lanjutkan' }, <ContinueView back={back} enctype={enctype} kept={kept} hadFile={hadFile} csrf={csrf} />);
  } catch (err) {
    if (err instanceof AppError && (err.code === 'validation' || err.code === 'rate_limited')) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return page(err.fieldErrors.length ? err.fieldErrors : [{ field: 'login', message: err.message }], err.status, creds.data.login);
    }
    throw err;
  }
}

/** Before requireUser on /admin/*: a form POST without a session answers the login-in-place form instead of 401. */
export function resumeAfterLogin(): MiddlewareHandler<AppEnv> {
  return async function resumeAfterLoginMiddleware(c, next) {
    if (c.get('session') || c.req.method !== 'POST') return next();
    const type = c.req.header('Content-Type') ?? '';
    const isForm = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
    if (!isForm || !isSameOriginRequest(c)) return next();
    c.header('Cache-Control', 'no-store');
    if (isPartial(c)) {
      if (c.req.path !== '/admin/draf') return next();
      return c.html(<>Sesi Anda berakhir. Teks tetap ada di halaman ini; saat Anda menyimpan, Anda diminta masuk lagi tanpa kehilangan teks.</>, 200);
    }
    const body = await c.req.parseBody({ all: true });
    if (c.req.path === RELOGIN_PATH) return relogin(c, body);
    const url = new URL(c.req.url);
    const { kept, hadFile } = keptFieldsOf(body);
    const enctype = safeEnctype(type.startsWith('multipart/form-data') ? 'multipart/form-data' : '');
    return renderPage(c, { title: 'Masuk lagi' }, <ReloginView back={safeBack(url.pathname + url.search)} enctype={enctype} kept={kept} hadFile={hadFile} />, {
      status: 401,
    });
  };
}
