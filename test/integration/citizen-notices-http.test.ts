// Status messages through the real forms and officer screens: an anonymous complaint reporter's opt-in contact stays
// invisible to officers and the API, a verification queues exactly one message (a repeated click none more), and a
// PPID request offers only the configured e-mail channel, keeps typed values on a bad address and is told of the
// extension and the answer without the private code or the identity number.
import { env } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';
import { complaintRow, fileComplaint, postComplaint, complaintFields } from '../helpers/complaints';
import { get } from '../helpers/http';
import { formToken, post, requestForm, requestRow, SECRET_NIK, submitRequest } from '../helpers/ppid';

// A closed local port: delivery attempts fail fast and stay queued; what is checked is what was queued.
const GATEWAY = 'http://127.0.0.1:9/kirim';
const saved = { ...env };
const outboxFor = (refId: string) =>
  env.DB.prepare('SELECT * FROM message_outbox WHERE ref_id = ? ORDER BY created_at, id')
    .bind(refId)
    .all<Record<string, string | number | null>>()
    .then((r) => r.results);

beforeEach(() => {
  env.WA_API_URL = GATEWAY;
  env.WA_API_TOKEN = 'wa-token';
});
afterEach(() => {
  for (const k of ['WA_API_URL', 'WA_API_TOKEN', 'MAIL_API_URL', 'MAIL_API_TOKEN', 'MAIL_FROM'] as const) env[k] = saved[k];
});

describe('complaint opt-in', () => {
  it('keeps an anonymous reporter anonymous and queues one message per verification', { timeout: 60_000 }, async () => {
    const { ticket, code } = await fileComplaint({
      anonymous: '1',
      name: '',
      phone: '',
      notify: '1',
      notify_channel: 'whatsapp',
      notify_contact: '0813 7777 6543',
    });
    const row = (await complaintRow(ticket))!;
    const id = String(row.id);
    const sub = await env.DB.prepare('SELECT * FROM citizen_subscriptions WHERE ref_id = ?').bind(id).first<Record<string, string>>();
    expect(sub).toMatchObject({ ref_kind: 'aduan', channel_kind: 'whatsapp' });
    const phoneForms = /7777.?6543|77776543/;
    expect(JSON.stringify(sub)).not.toMatch(phoneForms);
    expect(JSON.stringify(row)).not.toMatch(phoneForms);

    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    for (const path of ['/admin/pengaduan', `/admin/pengaduan/${id}`]) expect(await (await handler.get(path)).text()).not.toMatch(phoneForms);
    expect(await (await get(`/api/v1/complaints/${ticket}`)).text()).not.toMatch(phoneForms);

    const version = String(row.version);
    expect((await handler.post(`/admin/pengaduan/${id}/tindakan`, { version, action: 'verifikasi' })).status).toBe(303);
    // The same click again (same version) is refused as stale and queues nothing.
    expect((await handler.post(`/admin/pengaduan/${id}/tindakan`, { version, action: 'verifikasi' })).status).not.toBe(303);
    const rows = await outboxFor(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: 'status.aduan', channel_kind: 'whatsapp' });
    expect(rows[0]!.body_text).toContain(ticket);
    expect(rows[0]!.body_text).toContain(`/sangatta-utara/swarga-bara/pengaduan/lacak?nomor=${ticket}`);
    expect(rows[0]!.body_text).toContain('diterima untuk ditangani');
    expect(`${rows[0]!.body_text}${rows[0]!.recipient_sealed}`).not.toContain(code);
    expect(String(rows[0]!.recipient_sealed)).not.toMatch(phoneForms);
  });

  it('answers a bad number with an Indonesian error and keeps what was typed', async () => {
    const res = await postComplaint(
      '/sangatta-utara/swarga-bara/pengaduan',
      complaintFields({ notify: '1', notify_channel: 'whatsapp', notify_contact: '12-34' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Nomor WhatsApp tidak valid, mis. 0812 3456 7890.');
    expect(html).toContain('value="12-34"');
    expect(html).toContain('Laporan tanpa nama tetap tanpa nama');
  });
});

describe('PPID opt-in', () => {
  it('offers only e-mail when only e-mail is set, checks the address, and tells of the extension and the answer', { timeout: 60_000 }, async () => {
    env.WA_API_URL = undefined;
    env.MAIL_API_URL = 'http://127.0.0.1:9/send';
    env.MAIL_API_TOKEN = 'mail-token';
    env.MAIL_FROM = 'Portal <noreply@contoh.test>';
    const form = await (await get('/sangatta-utara/swarga-bara/ppid/permohonan')).text();
    expect(form).toContain('value="email"');
    expect(form).not.toContain('value="whatsapp"');

    const bad = await post('/sangatta-utara/swarga-bara/ppid/permohonan', {
      ...requestForm({ notify: '1', notify_contact: 'siti@' }),
      token: await formToken('/sangatta-utara/swarga-bara'),
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Alamat e-mail tidak valid, mis. nama@contoh.id.');
    expect(badHtml).toContain('value="siti@"');

    const { number, code } = await submitRequest('/sangatta-utara/swarga-bara', {
      notify: '1',
      notify_channel: 'email',
      notify_contact: 'kabar.siti@contoh.id',
    });
    const id = (await requestRow(number))!.id;
    expect(JSON.stringify(await env.DB.prepare('SELECT * FROM citizen_subscriptions WHERE ref_id = ?').bind(id).first())).not.toContain('kabar.siti');

    const officer = await loginAs([['ppid', '64.08.04']]);
    expect((await officer.post(`/admin/ppid/permohonan/${id}/proses`, {})).status).toBe(303);
    expect(await outboxFor(id)).toHaveLength(0);
    expect((await officer.post(`/admin/ppid/permohonan/${id}/perpanjang`, { days: '5', reason: 'Dokumen masih dihimpun dari desa.' })).status).toBe(303);
    const fd = new FormData();
    fd.set('decision', 'dipenuhi');
    fd.set('answer_note', 'Dokumen terlampir, catatan petugas internal.');
    expect((await officer.postMultipart(`/admin/ppid/permohonan/${id}/jawab`, fd)).status).toBe(303);

    const rows = await outboxFor(id);
    expect(rows.map((r) => r.channel_kind)).toEqual(['email', 'email']);
    expect(rows[0]!.body_text).toContain('diperpanjang');
    expect(rows[1]!.body_text).toContain('informasi diberikan');
    for (const r of rows) {
      expect(r.body_text).toContain(number);
      for (const secret of [code, SECRET_NIK, 'catatan petugas', 'kabar.siti']) expect(`${r.subject}${r.body_text}${r.recipient_sealed}`).not.toContain(secret);
    }
    // Answered: the contact is gone.
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM citizen_subscriptions WHERE ref_id = ?').bind(id).first('n')).toBe(0);
  });
});
