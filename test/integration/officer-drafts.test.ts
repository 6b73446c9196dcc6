import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createTestUser, formBody, loginAs, sessionCookieOf } from '../helpers/auth';
import { multipart, setStage } from '../helpers/content';
import { ORIGIN } from '../helpers/http';
import { SELF } from '../helpers/worker';

/** No lost work: autosaved drafts per user and form, and login in place when the session ended mid-edit. */
const DESA = '64.08.04.2012';
const uid = () => crypto.randomUUID().slice(0, 8);

const hiddenInputs = (html: string) => [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as const);
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('autosave', () => {
  it('saves typed text as a draft of this user and form, offers it back on the editor, and drops it once the post is saved', { timeout: 60_000 }, async () => {
    await setStage(DESA, 'pendampingan');
    const op = await loginAs([['operator_desa', DESA]]);
    const body = `Warga bergotong royong ${uid()} & <b>tidak</b> hilang.`;
    const res = await op.post(
      '/admin/draf',
      { _draf_kunci: 'post:new', region_code: DESA, kind: 'berita', title: 'Gotong royong', body_md: body },
      { headers: { 'HX-Request': 'true' } },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^Tersimpan otomatis pukul \d{2}\.\d{2} WITA\.$/);
    const row = await env.DB.prepare('SELECT data_json FROM form_drafts WHERE user_id = ? AND form_key = ?')
      .bind(op.userId, 'post:new')
      .first<{ data_json: string }>();
    const saved = JSON.parse(row!.data_json) as Record<string, string>;
    expect(saved.body_md).toBe(body);
    expect(saved).not.toHaveProperty('_csrf');

    // Another officer never sees it.
    const other = await loginAs([['operator_desa', DESA]]);
    expect(await (await other.get('/admin/konten/baru')).text()).not.toContain('Pulihkan teks itu');

    const editor = await (await op.get('/admin/konten/baru')).text();
    expect(editor).toContain('href="/admin/konten/baru?draf=1"');
    expect(editor).toContain('data-autosave="post:new"');
    expect(editor).toContain('hx-post="/admin/draf"');
    const restored = await (await op.get('/admin/konten/baru?draf=1')).text();
    expect(restored).toContain('Warga bergotong royong');
    expect(restored).toContain('&lt;b&gt;tidak&lt;/b&gt;');

    const created = await op.postMultipart('/admin/konten', multipart({ ...saved, aksi: 'simpan' }));
    expect(created.status).toBe(303);
    expect(await env.DB.prepare('SELECT 1 FROM form_drafts WHERE user_id = ?').bind(op.userId).first()).toBeNull();
  });

  it('refuses unknown form keys and oversized drafts without a 500; without a session an autosave answers a status line, not a redirect', async () => {
    const op = await loginAs([['operator_desa', DESA]]);
    const hx = { headers: { 'HX-Request': 'true' } };
    expect((await op.post('/admin/draf', { _draf_kunci: '../../etc', title: 'x' }, hx)).status).toBe(422);
    expect((await op.post('/admin/draf', { _draf_kunci: 'post:new', body_md: 'x'.repeat(210_000) }, hx)).status).toBe(413);
    const anon = await SELF.fetch(`${ORIGIN}/admin/draf`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, 'HX-Request': 'true' },
      body: formBody({ _draf_kunci: 'post:new', title: 'x' }),
    });
    expect(anon.status).toBe(200);
    expect(anon.headers.get('HX-Redirect')).toBeNull();
    expect(await anon.text()).toContain('Sesi Anda berakhir');
  });
});

describe('login in place after the session ended', () => {
  it('answers the submit with a login form that keeps the text; after logging in, one tap submits it intact', { timeout: 60_000 }, async () => {
    await setStage(DESA, 'pendampingan');
    const user = await createTestUser([['operator_desa', DESA]]);
    const title = `Posyandu ${uid()}`;
    const text = 'Baris pertama "dikutip".\nBaris kedua & ketiga.';
    const fd = multipart({ _csrf: 'kedaluwarsa', region_code: DESA, kind: 'berita', title, body_md: text, aksi: 'kirim' });
    // The cookie has expired: the browser sends none.
    const expired = await SELF.fetch(`${ORIGIN}/admin/konten`, { method: 'POST', redirect: 'manual', headers: { Origin: ORIGIN }, body: fd });
    expect(expired.status).toBe(401);
    const page = await expired.text();
    expect(page).toContain('action="/admin/masuk-lagi"');
    const kept = hiddenInputs(page);
    expect(kept).toContainEqual(['_kembali', '/admin/konten']);
    expect(kept).toContainEqual(['_enctype', 'multipart/form-data']);
    expect(kept.map(([k]) => k)).not.toContain('_csrf');
    expect(unescape(kept.find(([k]) => k === 'body_md')![1])).toBe(text);

    // A wrong password keeps everything too.
    const form = Object.fromEntries(kept.map(([k, v]) => [k, unescape(v)]));
    const wrong = await SELF.fetch(`${ORIGIN}/admin/masuk-lagi`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: formBody({ ...form, login: user.username, password: 'salah-sekali' }),
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain(title);

    const ok = await SELF.fetch(`${ORIGIN}/admin/masuk-lagi`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: formBody({ ...form, login: user.username, password: user.password }),
    });
    expect(ok.status).toBe(200);
    const cookie = sessionCookieOf(ok);
    expect(cookie).not.toBeNull();
    const resume = await ok.text();
    expect(resume).toContain('action="/admin/konten"');
    expect(resume).toContain('enctype="multipart/form-data"');
    const again = new FormData();
    for (const [k, v] of hiddenInputs(resume)) again.append(k, unescape(v));
    const sent = await SELF.fetch(`${ORIGIN}/admin/konten`, { method: 'POST', redirect: 'manual', headers: { Origin: ORIGIN, Cookie: cookie! }, body: again });
    expect(sent.status).toBe(303);
    const post = await env.DB.prepare('SELECT body_md, status, author_id FROM posts WHERE title = ?').bind(title).first<Record<string, unknown>>();
    expect(post).toEqual({ body_md: text, status: 'menunggu_tinjauan', author_id: user.id });
  });

  it('never resumes a cross-site post, and never sends the resumed form outside /admin', async () => {
    const cross = await SELF.fetch(`${ORIGIN}/admin/konten`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://jahat.example' },
      body: formBody({ title: 'x' }),
    });
    expect(cross.status).not.toBe(200);
    expect(await cross.text()).not.toContain('masuk-lagi');
    const user = await createTestUser([['operator_desa', DESA]]);
    const res = await SELF.fetch(`${ORIGIN}/admin/masuk-lagi`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: formBody({ _kembali: 'https://jahat.example/x', login: user.username, password: user.password }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('action="/admin"');
  });
});
