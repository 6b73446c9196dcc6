// Officers' own notification channel (issue 15): the preferences page (validation, CSRF, sealing, masking, the test
// message), the per-officer daily digest (once per officer and day, scoped to the officer's region and role), urgent
// deadline items (once per item and threshold across runs), opt-out, and retries through the outbox without duplicates.
import { createScheduledController, env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../src/db/client';
import type { Bindings } from '../../src/env';
import { runScheduled } from '../../src/jobs';
import { dataKeys } from '../../src/lib/data-key';
import { officerPrefsStatement, sealOfficerContact, type OfficerPrefs } from '../../src/messaging/officer-notify';
import { createTestUser, formBody, loginAs } from '../helpers/auth';
import { ORIGIN } from '../helpers/http';
import { DAILY, HOURLY, insertComplaint, wita } from '../helpers/monitoring';
import { fetchWithBindings } from '../helpers/worker';

const MSG_ENV = {
  TELEGRAM_BOT_TOKEN: '123456:uji-token-bot',
  MAIL_API_URL: 'https://mail.contoh.test/v1/send',
  MAIL_API_TOKEN: 'mail-token',
  MAIL_FROM: 'Portal Uji <noreply@contoh.test>',
  APP_ORIGIN: 'https://portal.contoh.test',
};

interface Call {
  url: string;
  to: string;
  subject: string;
  text: string;
}

/** A fake Telegram API and mail relay: answers from `script` in order (HTTP statuses), then 200. */
function fakeChannels(script: number[] = []) {
  const calls: Call[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = JSON.parse(String(init?.body ?? '{}')) as { chat_id?: string; to?: string[]; subject?: string; text?: string };
    const text = body.text ?? '';
    calls.push({ url, to: body.chat_id ?? body.to?.[0] ?? '', subject: body.subject ?? text.split('\n')[0] ?? '', text });
    const status = script.shift() ?? 200;
    return new Response(status === 200 ? '{"ok":true}' : 'sibuk', { status });
  });
  return calls;
}

const jobEnv = () => ({ ...env, ...MSG_ENV }) as Bindings;
const cron = (expr: string, at: number) => runScheduled(createScheduledController({ cron: expr, scheduledTime: at }), jobEnv());

async function setPrefs(userId: string, prefs: OfficerPrefs) {
  const db = createDb(env.DB);
  await officerPrefsStatement(db, userId, prefs, await sealOfficerContact(dataKeys(env), userId, prefs), Date.now()).run();
}

const outboxRows = (purpose: string) =>
  env.DB.prepare('SELECT id, status, attempts, idempotency_key FROM message_outbox WHERE purpose = ? ORDER BY created_at')
    .bind(purpose)
    .all<{ id: string; status: string; attempts: number; idempotency_key: string }>()
    .then((r) => r.results);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('preferences page /admin/akun/notifikasi', () => {
  it('refuses hostile or incomplete input with Indonesian messages and the error summary (422, never 500), and requires CSRF', async () => {
    const b = await loginAs([['operator_desa', '64.08.04.2012']]);
    const cases: Array<[Record<string, string | string[]>, string]> = [
      [{ channel: 'sms' }, 'Pilih saluran pesan'],
      [{ channel: ['telegram', 'email'] }, 'Pilih saluran pesan'],
      [{ channel: 'telegram', telegram_chat_id: '<script>alert(1)</script>' }, 'ID chat Telegram berupa angka'],
      [{ channel: 'telegram', telegram_chat_id: '9'.repeat(500) }, 'ID chat Telegram terlalu panjang'],
      [{ channel: 'telegram', telegram_chat_id: '' }, 'Isi ID chat Telegram'],
      [{ channel: 'email', email: 'bukan-email' }, 'Alamat e-mail tidak valid'],
      [{ channel: 'email', email: `${'a'.repeat(300)}@contoh.id` }, 'Alamat e-mail terlalu panjang'],
      [{ channel: 'email', email: ['a@contoh.id', 'b@contoh.id'] }, 'Alamat e-mail tidak valid'],
      [{ channel: 'email' }, 'Isi alamat e-mail'],
    ];
    for (const [form, message] of cases) {
      const res = await b.post('/admin/akun/notifikasi', form);
      expect(res.status, JSON.stringify(form)).toBe(422);
      const html = await res.text();
      expect(html).toContain('class="error-summary"');
      expect(html).toContain(message);
      expect(html).not.toContain('<script>alert(1)</script>');
    }
    const noCsrf = await b.post('/admin/akun/notifikasi', { channel: 'none' }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    const row = await env.DB.prepare('SELECT * FROM officer_notify_prefs WHERE user_id = ?').bind(b.userId).first();
    expect(row).toBeNull();
  });

  it('stores the contact sealed (no plaintext in the row or the audit), shows it masked, keeps it when the field is left empty', async () => {
    const b = await loginAs([['operator_desa', '64.08.04.2012']]);
    const chatId = '5550987654321';
    const saved = await b.post('/admin/akun/notifikasi', { channel: 'telegram', telegram_chat_id: chatId, digest: '1' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('Location')).toBe('/admin/akun/notifikasi?tersimpan=1');
    const row = (await env.DB.prepare('SELECT * FROM officer_notify_prefs WHERE user_id = ?').bind(b.userId).first<Record<string, unknown>>())!;
    expect(row.channel_kind).toBe('telegram');
    expect(row.digest).toBe(1);
    expect(row.urgent).toBe(0);
    expect(JSON.stringify(row)).not.toContain(chatId);
    expect(String(row.contact_sealed)).toMatch(/^[A-Za-z0-9_-]+:/);
    const audit = await env.DB.prepare("SELECT * FROM audit_log WHERE action = 'user.notify_prefs' AND entity_id = ?").bind(b.userId).all();
    expect(audit.results).toHaveLength(1);
    expect(JSON.stringify(audit.results)).not.toContain(chatId);

    const page = await (await b.get('/admin/akun/notifikasi?tersimpan=1')).text();
    expect(page).toContain('Preferensi notifikasi tersimpan');
    expect(page).toContain('•••4321');
    expect(page).not.toContain(chatId);

    // Empty field: the stored chat id stays; urgent switched on.
    expect((await b.post('/admin/akun/notifikasi', { channel: 'telegram', telegram_chat_id: '', digest: '1', urgent: '1' })).status).toBe(303);
    const again = (await env.DB.prepare('SELECT * FROM officer_notify_prefs WHERE user_id = ?').bind(b.userId).first<Record<string, unknown>>())!;
    expect(again.urgent).toBe(1);
    expect(await (await b.get('/admin/akun/notifikasi')).text()).toContain('•••4321');

    // 'none' deletes the contact itself.
    expect((await b.post('/admin/akun/notifikasi', { channel: 'none' })).status).toBe(303);
    const none = (await env.DB.prepare('SELECT * FROM officer_notify_prefs WHERE user_id = ?').bind(b.userId).first<Record<string, unknown>>())!;
    expect(none.channel_kind).toBe('none');
    expect(none.contact_sealed).toBeNull();
  });

  it('sends a test message to the stored channel and reports success or failure in Indonesian', async () => {
    const b = await loginAs([['ppid', '64.08.04.2012']]);
    const post = (path: string, form: Record<string, string>) =>
      fetchWithBindings(`${ORIGIN}${path}`, MSG_ENV, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: b.cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
        body: formBody({ ...form, _csrf: b.csrf }),
      });
    const before = await post('/admin/akun/notifikasi/uji', {});
    expect(before.status).toBe(422);
    expect(await before.text()).toContain('Simpan saluran Telegram atau e-mail terlebih dahulu');

    expect((await post('/admin/akun/notifikasi', { channel: 'email', email: 'Petugas.PPID@Contoh.id' })).status).toBe(303);
    const calls = fakeChannels([400]);
    const failed = await post('/admin/akun/notifikasi/uji', {});
    expect(failed.status).toBe(200);
    const failedHtml = await failed.text();
    expect(failedHtml).toContain('Pesan uji gagal dikirim');
    expect(failedHtml).toContain('layanan menolak pesan (HTTP 400)');
    expect(failedHtml).not.toContain('petugas.ppid@contoh.id');
    const ok = await post('/admin/akun/notifikasi/uji', {});
    expect(await ok.text()).toContain('Pesan uji terkirim');
    expect(calls.map((c) => [c.url, c.to])).toEqual([
      [MSG_ENV.MAIL_API_URL, 'petugas.ppid@contoh.id'],
      [MSG_ENV.MAIL_API_URL, 'petugas.ppid@contoh.id'],
    ]);

    // Without the mail secrets the failure says what is missing (no network call).
    const bare = await b.post('/admin/akun/notifikasi/uji', {});
    expect(await bare.text()).toContain('E-mail belum dikonfigurasi');
    expect(calls).toHaveLength(2);
  });
});

describe('daily digest per officer', () => {
  it('goes once per officer and day on the chosen channel, scoped to what the officer may see; opted-out officers get none', async () => {
    const SWARGA = '64.08.04.2012';
    const SINGA = '64.08.04.2011';
    const a = await insertComplaint({ regionCode: SWARGA, receivedAt: wita('2026-06-01 10:00'), dueAt: wita('2026-06-05 23:59') });
    const s = await insertComplaint({ regionCode: SINGA, receivedAt: wita('2026-06-01 10:00'), dueAt: wita('2026-06-05 23:59') });
    const swarga = await createTestUser([['operator_desa', SWARGA]]);
    const singa = await createTestUser([['operator_desa', SINGA]]);
    const quiet = await createTestUser([['operator_desa', SWARGA]]);
    const none = await createTestUser([['operator_desa', SWARGA]]);
    await setPrefs(swarga.id, { channel: 'telegram', contact: '700100200', digest: true, urgent: false });
    await setPrefs(singa.id, { channel: 'email', contact: 'singa@contoh.id', digest: true, urgent: false });
    await setPrefs(quiet.id, { channel: 'telegram', contact: '700100999', digest: false, urgent: false });
    await setPrefs(none.id, { channel: 'none', contact: null, digest: true, urgent: true });

    const calls = fakeChannels();
    await cron(HOURLY, wita('2026-06-09 13:05')); // the deadline scan flags both complaints (after the digest window)
    expect(calls).toHaveLength(0);
    await cron(DAILY, wita('2026-06-10 01:00'));
    await cron(DAILY, wita('2026-06-10 01:00')); // the job runs twice
    await cron(HOURLY, wita('2026-06-10 02:05')); // and the hourly catch-up runs too

    const toSwarga = calls.filter((c) => c.to === '700100200');
    const toSinga = calls.filter((c) => c.to === 'singa@contoh.id');
    expect(toSwarga).toHaveLength(1);
    expect(toSinga).toHaveLength(1);
    expect(toSwarga[0]!.url).toBe(`https://api.telegram.org/bot${MSG_ENV.TELEGRAM_BOT_TOKEN}/sendMessage`);
    expect(toSinga[0]!.url).toBe(MSG_ENV.MAIL_API_URL);
    expect(toSinga[0]!.subject).toContain('Ringkasan harian');
    expect(toSwarga[0]!.text).toContain(a.ticket);
    expect(toSwarga[0]!.text).not.toContain(s.ticket);
    expect(toSinga[0]!.text).toContain(s.ticket);
    expect(toSinga[0]!.text).not.toContain(a.ticket);
    for (const c of calls) {
      expect(c.text).not.toContain('Rahmat'); // the reporter's name stays in the portal
      expect(c.text).not.toContain('081234567890');
    }
    expect(calls.filter((c) => c.to === '700100999')).toHaveLength(0);
    expect(calls.map((c) => c.to).sort()).toEqual(['700100200', 'singa@contoh.id']);

    // The next day brings the next digest.
    await cron(DAILY, wita('2026-06-11 01:00'));
    expect(calls.filter((c) => c.to === '700100200')).toHaveLength(2);
    const recorded = await env.DB.prepare("SELECT ref FROM officer_notifications WHERE user_id = ? AND kind = 'ringkasan' ORDER BY ref")
      .bind(swarga.id)
      .all<{ ref: string }>();
    expect(recorded.results.map((r) => r.ref)).toEqual(['2026-06-10', '2026-06-11']);
  });

  it('a failed send is retried by the outbox, never queued or delivered twice', async () => {
    const officer = await createTestUser([['operator_desa', '64.08.05.2001']]);
    await setPrefs(officer.id, { channel: 'telegram', contact: '800200300', digest: true, urgent: false });
    const calls = fakeChannels([503, 503, 503, 503]);
    const day = wita('2026-06-12 01:00');
    await cron(DAILY, day);
    await cron(DAILY, day);
    const mine = () => calls.filter((c) => c.to === '800200300');
    expect(mine()).toHaveLength(1); // first attempt failed; the second run queued nothing
    const queued = (await outboxRows('petugas.ringkasan')).filter((r) => r.idempotency_key.includes(officer.id));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.status).toBe('tertunda');

    calls.length = 0;
    vi.restoreAllMocks();
    const later = fakeChannels();
    await cron(HOURLY, day + 65 * 60_000); // 02:05: the outbox retry (the digest window is open, nothing new queued)
    expect(later.filter((c) => c.to === '800200300')).toHaveLength(1);
    await cron(HOURLY, day + 125 * 60_000);
    expect(later.filter((c) => c.to === '800200300')).toHaveLength(1);
    const after = (await outboxRows('petugas.ringkasan')).filter((r) => r.idempotency_key.includes(officer.id));
    expect(after).toHaveLength(1);
    expect(after[0]!.status).toBe('terkirim');
    expect(after[0]!.attempts).toBe(2);
  });
});

describe('urgent deadline items', () => {
  it('are sent once per item and threshold across runs, to the responsible officers who opted in', async () => {
    const KEC7 = '64.08.07.2001';
    const near = await insertComplaint({ regionCode: KEC7, receivedAt: wita('2026-06-29 10:00'), dueAt: wita('2026-07-02 23:59') });
    const handler = await createTestUser([['penanganan_pengaduan', KEC7]]);
    const optedOut = await createTestUser([['penanganan_pengaduan', KEC7]]);
    const elsewhere = await createTestUser([['penanganan_pengaduan', '64.08.01.2001']]);
    await setPrefs(handler.id, { channel: 'email', contact: 'penanganan@contoh.id', digest: false, urgent: true });
    await setPrefs(optedOut.id, { channel: 'telegram', contact: '900300400', digest: true, urgent: false });
    await setPrefs(elsewhere.id, { channel: 'telegram', contact: '900300500', digest: false, urgent: true });
    const calls = fakeChannels();

    await cron(HOURLY, wita('2026-07-02 13:05')); // ≤ 1 working day left: mendekati
    await cron(HOURLY, wita('2026-07-02 14:05')); // same state: nothing new
    const toHandler = () => calls.filter((c) => c.to === 'penanganan@contoh.id');
    expect(toHandler()).toHaveLength(1);
    expect(toHandler()[0]!.subject).toContain('Mendesak');
    expect(toHandler()[0]!.text).toContain(near.ticket);
    expect(toHandler()[0]!.text).toContain('Mendekati batas waktu');
    expect(toHandler()[0]!.text).toContain('https://portal.contoh.test/admin/');

    await cron(HOURLY, wita('2026-07-03 13:05')); // past due: the next threshold, once
    await cron(HOURLY, wita('2026-07-03 14:05'));
    expect(toHandler()).toHaveLength(2);
    expect(toHandler()[1]!.text).toContain('Lewat batas waktu');
    expect(calls.filter((c) => c.to === '900300400' || c.to === '900300500')).toHaveLength(0);
    const rows = await env.DB.prepare("SELECT ref FROM officer_notifications WHERE user_id = ? AND kind = 'mendesak' ORDER BY created_at")
      .bind(handler.id)
      .all<{ ref: string }>();
    expect(rows.results.map((r) => r.ref)).toEqual(['mendekati', 'lewat']);
  });

  it('a deactivated officer gets nothing and their contact is deleted', async () => {
    const admin = await loginAs([['diskominfo', '64.08']]);
    const officer = await createTestUser([['penanganan_pengaduan', '64.08.02.2003']]);
    await setPrefs(officer.id, { channel: 'telegram', contact: '910000001', digest: true, urgent: true });
    const res = await admin.post(`/admin/pengguna/${officer.id}/status`, { aktif: '0' });
    expect(res.status).toBe(303);
    const row = await env.DB.prepare('SELECT * FROM officer_notify_prefs WHERE user_id = ?').bind(officer.id).first();
    expect(row).toBeNull();
  });
});
