// A partner system for the e2e portal: Diskominfo (demo account) registers it at /admin/mitra, as a person would.
const DEMO_ADMIN = { login: 'diskominfo', password: 'Demo-Kutim-2026' };

export interface E2ePartner {
  clientId: string;
  secret: string;
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((h) => h.startsWith('__Host-sesi='))
    ?.split(';')[0] ?? '';

/** Registers a partner with `scopes`; `ip` keeps the login throttle apart from other suites. */
export async function registerPartner(base: string, scopes: string[], ip: string): Promise<E2ePartner> {
  const form = (fields: Record<string, string | string[]>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) p.append(k, x);
    return p.toString();
  };
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, 'CF-Connecting-IP': ip };
  const login = await fetch(`${base}/masuk`, { method: 'POST', headers, body: form(DEMO_ADMIN), redirect: 'manual' });
  const cookie = cookieOf(login);
  if (login.status !== 303 || !cookie) throw new Error(`demo login failed: ${login.status}`);
  const page = await (await fetch(`${base}/admin/mitra`, { headers: { Cookie: cookie, 'CF-Connecting-IP': ip } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error('no CSRF token on /admin/mitra');
  const name = `Kontrak API ${scopes.join(' ')} ${Math.random().toString(36).slice(2, 6)}`;
  const res = await fetch(`${base}/admin/mitra`, { method: 'POST', headers: { ...headers, Cookie: cookie }, body: form({ _csrf: csrf, name, scopes }) });
  const html = await res.text();
  const clientId = /(mitra_[a-z0-9]{16})/.exec(html)?.[1];
  const secret = /(pks_[A-Za-z0-9_-]{20,})/.exec(html)?.[1];
  if (!clientId || !secret) throw new Error(`partner registration failed: ${res.status}`);
  return { clientId, secret };
}
