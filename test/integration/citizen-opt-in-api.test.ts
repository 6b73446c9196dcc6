// The status-message opt-in beyond the public HTML forms: the JSON API's `notify` object on complaints and PPID
// requests (checked like the form, documented in OpenAPI) and the officer's walk-in letter form at the counter.
import { env } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/auth';
import { nextIp } from '../helpers/complaints';
import { get, ORIGIN } from '../helpers/http';
import { freshIp, requestForm } from '../helpers/ppid';
import { SELF } from '../helpers/worker';

// A closed local port: delivery attempts fail fast and stay queued; what is checked is what was queued.
const saved = { ...env };
beforeEach(() => {
  env.WA_API_URL = 'http://127.0.0.1:9/kirim';
  env.WA_API_TOKEN = 'wa-token';
  env.MAIL_API_URL = undefined;
});
afterEach(() => {
  for (const k of ['WA_API_URL', 'WA_API_TOKEN', 'MAIL_API_URL', 'MAIL_API_TOKEN', 'MAIL_FROM'] as const) env[k] = saved[k];
});

const postJson = (path: string, body: unknown, ip: string) =>
  SELF.fetch(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': ip }, body: JSON.stringify(body) });

const subscriptionOf = (refId: string) =>
  env.DB.prepare('SELECT ref_kind, channel_kind, contact_sealed FROM citizen_subscriptions WHERE ref_id = ?')
    .bind(refId)
    .first<{ ref_kind: string; channel_kind: string; contact_sealed: string }>();

const complaint = (extra: Record<string, unknown> = {}) => ({
  classification: 'pengaduan',
  category: 'infrastruktur',
  title: 'Lampu jalan RT 03 padam',
  description: 'Lampu jalan di RT 03 padam sejak dua minggu, jalan gelap di malam hari.',
  region_code: '64.08.04.2012',
  name: 'Rina Pelapor',
  phone: '081355554444',
  ...extra,
});

describe('POST /api/v1/complaints with notify', () => {
  it('stores the opt-in sealed and a verification queues one message', { timeout: 60_000 }, async () => {
    const res = await postJson('/api/v1/complaints', complaint({ notify: { channel: 'whatsapp', contact: '0813 2222 9876' } }), nextIp());
    expect(res.status).toBe(201);
    const { ticket } = (await res.json()) as { ticket: string };
    const row = (await env.DB.prepare('SELECT id, version FROM complaints WHERE ticket = ?').bind(ticket).first<{ id: string; version: number }>())!;
    const sub = await subscriptionOf(row.id);
    expect(sub).toMatchObject({ ref_kind: 'aduan', channel_kind: 'whatsapp' });
    expect(JSON.stringify(sub)).not.toMatch(/22229876|2222.9876/);
    expect(await (await get(`/api/v1/complaints/${ticket}`)).text()).not.toMatch(/22229876/);

    const handler = await loginAs([['penanganan_pengaduan', '64.08.04']]);
    expect((await handler.post(`/admin/pengaduan/${row.id}/tindakan`, { version: String(row.version), action: 'verifikasi' })).status).toBe(303);
    const queued = await env.DB.prepare('SELECT purpose, channel_kind, body_text FROM message_outbox WHERE ref_id = ?')
      .bind(row.id)
      .all<{ purpose: string; channel_kind: string; body_text: string }>();
    expect(queued.results).toHaveLength(1);
    expect(queued.results[0]).toMatchObject({ purpose: 'status.aduan', channel_kind: 'whatsapp' });
    expect(queued.results[0]!.body_text).toContain(ticket);
  });

  it('refuses a bad contact or a channel this portal has not configured, naming the field, and stores nothing', async () => {
    const bad = await postJson('/api/v1/complaints', complaint({ title: 'Kontak salah uji', notify: { channel: 'whatsapp', contact: '12345' } }), nextIp());
    expect(bad.status).toBe(422);
    expect(bad.headers.get('Content-Type')).toContain('application/problem+json');
    const p = (await bad.json()) as { errors: Array<{ field: string; message: string }> };
    expect(p.errors).toEqual([{ field: 'notify.contact', message: 'Nomor WhatsApp tidak valid, mis. 0812 3456 7890.' }]);
    const mail = await postJson(
      '/api/v1/complaints',
      complaint({ title: 'Kanal belum ada uji', notify: { channel: 'email', contact: 'a@contoh.id' } }),
      nextIp(),
    );
    expect(mail.status).toBe(422);
    expect(((await mail.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['notify.channel']);
    const wrongShape = await postJson('/api/v1/complaints', complaint({ title: 'Bentuk salah uji', notify: 'ya' }), nextIp());
    expect(wrongShape.status).toBe(422);
    const stored = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM complaints WHERE title IN ('Kontak salah uji', 'Kanal belum ada uji', 'Bentuk salah uji')",
    ).first<{
      n: number;
    }>();
    expect(stored!.n).toBe(0);
  });
});

describe('POST /api/v1/info-requests with notify', () => {
  it('stores an e-mail opt-in and rejects a bad address', { timeout: 30_000 }, async () => {
    env.WA_API_URL = undefined;
    env.MAIL_API_URL = 'http://127.0.0.1:9/send';
    env.MAIL_API_TOKEN = 'mail-token';
    env.MAIL_FROM = 'Portal <noreply@contoh.test>';
    const body = (notify: unknown) => ({ ...requestForm(), region: '64.08.04.2012', notify });
    const bad = await postJson('/api/v1/info-requests', body({ channel: 'email', contact: 'siti@' }), freshIp());
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual(['notify.contact']);
    const ok = await postJson('/api/v1/info-requests', body({ channel: 'email', contact: 'kabar.api@contoh.id' }), freshIp());
    expect(ok.status).toBe(201);
    const { number } = (await ok.json()) as { number: string };
    const id = (await env.DB.prepare('SELECT id FROM info_requests WHERE number = ?').bind(number).first<{ id: string }>())!.id;
    const sub = await subscriptionOf(id);
    expect(sub).toMatchObject({ ref_kind: 'ppid', channel_kind: 'email' });
    expect(sub!.contact_sealed).not.toContain('kabar.api');
  });

  it('documents notify in the OpenAPI request bodies', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { post?: { requestBody: { content: Record<string, { schema: Record<string, unknown> }> } } }>;
    };
    for (const path of ['/complaints', '/info-requests']) {
      const schema = JSON.stringify(doc.paths[path]!.post!.requestBody.content['application/json']!.schema);
      expect(schema, path).toContain('"notify"');
      expect(schema, path).toContain('whatsapp');
    }
  });
});

describe('walk-in letter form', () => {
  const fields = {
    region_code: '64.08.04.2012',
    service: 'sk-domisili',
    name: 'Siti Loket',
    nik: '6408045203950012',
    kk: '6408041505180013',
    birth_place: 'Sangatta',
    birth_date: '1995-03-12',
    gender: 'P',
    address: 'Gg. Melati 2',
    rt: '4',
    rw: '2',
    phone: '081311112222',
    delivery: 'ambil',
    f_sejak: '2015',
    f_keperluan: 'melamar kerja',
  };
  const formData = (extra: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({ ...fields, ...extra })) fd.set(k, v);
    return fd;
  };

  it('offers the opt-in, keeps typed values on a bad number and stores the requester’s choice sealed', { timeout: 60_000 }, async () => {
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const form = await (await op.get('/admin/layanan/baru?wilayah=64.08.04.2012&layanan=sk-domisili')).text();
    expect(form).toContain('Kabari saya bila status berubah');
    expect(form).toContain('name="notify_contact"');

    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM letter_requests').first<{ n: number }>();
    const bad = await op.postMultipart('/admin/layanan/baru', formData({ notify: '1', notify_channel: 'whatsapp', notify_contact: '0812' }));
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Nomor WhatsApp tidak valid');
    expect(html).toContain('value="Siti Loket"');
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM letter_requests').first<{ n: number }>())!.n).toBe(before!.n);

    const res = await op.postMultipart('/admin/layanan/baru', formData({ notify: '1', notify_channel: 'whatsapp', notify_contact: '0813 4444 1212' }));
    expect(res.status).toBe(201);
    const number = /class="ref">(SRT-[0-9A-Z-]+)</.exec(await res.text())![1]!;
    const id = (await env.DB.prepare('SELECT id FROM letter_requests WHERE tracking_number = ?').bind(number).first<{ id: string }>())!.id;
    const sub = await subscriptionOf(id);
    expect(sub).toMatchObject({ ref_kind: 'surat', channel_kind: 'whatsapp' });
    expect(sub!.contact_sealed).not.toMatch(/44441212/);
    // The officer's own screen of the request never shows the contact again.
    expect(await (await op.get(`/admin/layanan/${id}`)).text()).not.toMatch(/4444.?1212/);
  });

  it('without the box ticked nothing is stored, whatever was typed', { timeout: 30_000 }, async () => {
    const op = await loginAs([['operator_desa', '64.08.04.2012']]);
    const res = await op.postMultipart(
      '/admin/layanan/baru',
      formData({ nik: '6408045203950014', notify_channel: 'whatsapp', notify_contact: '0813 4444 3434' }),
    );
    expect(res.status).toBe(201);
    const number = /class="ref">(SRT-[0-9A-Z-]+)</.exec(await res.text())![1]!;
    const id = (await env.DB.prepare('SELECT id FROM letter_requests WHERE tracking_number = ?').bind(number).first<{ id: string }>())!.id;
    expect(await subscriptionOf(id)).toBeNull();
  });
});
