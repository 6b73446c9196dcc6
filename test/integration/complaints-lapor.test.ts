import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { formBody, loginAs } from '../helpers/auth';
import { complaintRow, fileComplaint } from '../helpers/complaints';
import { get, ORIGIN } from '../helpers/http';
import { SELF } from '../helpers/worker';

const NAME = 'Rahmat Pelapor Nasional';
const PHONE = '081344445555';

async function partnerToken(scopes: string[]): Promise<string> {
  const admin = await loginAs([['diskominfo', '64.08']]);
  const html = await (await admin.post('/admin/mitra', { name: `Konektor LAPOR ${crypto.randomUUID().slice(0, 6)}`, scopes })).text();
  const clientId = /(mitra_[a-z0-9]{16})/.exec(html)![1]!;
  const secret = /(pks_[A-Za-z0-9_-]{20,})/.exec(html)![1]!;
  const res = await SELF.fetch(`${ORIGIN}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

function report(over: Record<string, unknown> = {}) {
  return {
    external_id: `2026/LAPOR/${crypto.randomUUID().slice(0, 8)}`,
    external_status: 'Terverifikasi',
    classification: 'pengaduan',
    category: 'infrastruktur',
    title: 'Lampu jalan poros padam',
    description: 'Lampu jalan di poros desa padam sejak dua minggu, jalan gelap dan rawan kecelakaan.',
    region_code: '64.08.04.2012',
    name: NAME,
    phone: PHONE,
    ...over,
  };
}

const intake = (token: string, data: unknown) =>
  SELF.fetch(`${ORIGIN}/api/v1/complaint-intake`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(data),
  });

interface PartnerJson {
  ticket: string;
  channel: string;
  status: string;
  lapor_status: string;
  confidential: boolean;
  reporter: { anonymous: boolean; forward_consent: boolean; name: string | null; phone: string | null };
  external_refs: Array<{ external_id: string; external_status: string | null; portal_status: string | null }>;
  timeline: unknown[];
}

describe('SP4N-LAPOR bridge: reports created from LAPOR', () => {
  it('creates one complaint per LAPOR id (201, then 200 replays), with its channel, reference and LAPOR status', async () => {
    const writer = await partnerToken(['complaints:write']);
    const reader = await partnerToken(['complaints:read']);
    const data = report({ identity_consent: true });
    const first = await intake(writer, data);
    expect(first.status).toBe(201);
    const made = (await first.json()) as PartnerJson;
    expect(first.headers.get('Location')).toBe(`/api/v1/complaints/${made.ticket}`);
    expect(made).toMatchObject({ channel: 'sp4n_lapor', status: 'diterima', lapor_status: 'belum_terverifikasi' });
    expect(made.external_refs).toEqual([
      expect.objectContaining({ external_id: data.external_id, external_status: 'terverifikasi', portal_status: 'diverifikasi' }),
    ]);
    expect(made.reporter).toMatchObject({ forward_consent: true, name: NAME, phone: PHONE });
    // The connector sends its whole inbox on every run: the same id (even with edited content) makes nothing new.
    for (const again of [data, { ...data, title: 'Judul yang diperbarui di LAPOR' }]) {
      const res = await intake(writer, again);
      expect(res.status).toBe(200);
      expect(res.headers.get('Idempotent-Replayed')).toBe('true');
      expect(((await res.json()) as PartnerJson).ticket).toBe(made.ticket);
    }
    const row = (await complaintRow(made.ticket))!;
    const n = await env.DB.prepare('SELECT COUNT(*) AS n FROM complaint_external_refs WHERE external_id = ?').bind(data.external_id).first<{ n: number }>();
    expect(n!.n).toBe(1);
    const events = await env.DB.prepare('SELECT actor_type FROM complaint_events WHERE complaint_id = ?').bind(row.id).all();
    expect(events.results).toEqual([{ actor_type: 'mitra' }]);
    const audit = await env.DB.prepare("SELECT actor_type FROM audit_log WHERE entity_id = ? AND action = 'complaint.intake'").bind(row.id).all();
    expect(audit.results).toEqual([{ actor_type: 'partner' }]);
    // Found again by the LAPOR id.
    const found = await get(`/api/v1/complaint-lookup?external_id=${encodeURIComponent(data.external_id)}`, { Authorization: `Bearer ${reader}` });
    expect(((await found.json()) as PartnerJson).ticket).toBe(made.ticket);
    // Concurrent deliveries of one new id: one complaint.
    const racing = report();
    const answers = await Promise.all(Array.from({ length: 4 }, () => intake(writer, racing)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const tickets = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as PartnerJson).ticket)));
    expect(tickets.size).toBe(1);
  }, 60_000);

  it('keeps anonim and rahasia: no identity, no content for the public; only partners with complaints:write create', async () => {
    const writer = await partnerToken(['complaints:write']);
    const reader = await partnerToken(['complaints:read']);
    const res = await intake(writer, report({ anonymous: true, confidential: true, identity_consent: true, title: 'Pungutan liar di kantor desa' }));
    expect(res.status).toBe(201);
    const made = (await res.json()) as PartnerJson;
    expect(made).toMatchObject({ confidential: true, reporter: { anonymous: true, forward_consent: false, name: null, phone: null } });
    expect(JSON.stringify(made)).not.toMatch(/Rahmat|0813/);
    const pub = (await (await get(`/api/v1/complaints/${made.ticket}`)).json()) as Record<string, unknown>;
    expect(pub).toMatchObject({ audience: 'public', hidden_reason: 'rahasia', content: null });
    expect((await intake(reader, report())).status).toBe(403);
    expect((await intake('', report())).status).toBe(401);
    expect((await intake(writer, report({ external_status: 'Sedang dikerjakan' }))).status).toBe(422);
    expect((await intake(writer, report({ external_id: '<x>' }))).status).toBe(422);
    const bad = await intake(writer, report({ region_code: '99.99.99.9999', name: undefined }));
    expect(bad.status).toBe(422);
  }, 60_000);
});

describe('SP4N-LAPOR bridge: identity consent on the citizen form', () => {
  it('records consent from the form; without it (or when anonymous) the partner API withholds the identity', async () => {
    const reader = await partnerToken(['complaints:read']);
    const agreed = await fileComplaint({ identity_consent: '1', title: 'Saluran air tersumbat di RT 02' });
    const silent = await fileComplaint({ title: 'Saluran air tersumbat di RT 03' });
    const anon = await fileComplaint({ identity_consent: '1', anonymous: '1', title: 'Saluran air tersumbat di RT 04' });
    const view = async (ticket: string) => (await (await get(`/api/v1/complaints/${ticket}`, { Authorization: `Bearer ${reader}` })).json()) as PartnerJson;
    expect((await complaintRow(agreed.ticket))!.identity_consent_at).toEqual(expect.any(Number));
    expect((await view(agreed.ticket)).reporter).toMatchObject({ forward_consent: true, name: 'Budi Santoso' });
    for (const t of [silent.ticket, anon.ticket]) {
      expect((await complaintRow(t))!.identity_consent_at).toBeNull();
      const v = await view(t);
      expect(v.reporter).toMatchObject({ forward_consent: false, name: null, phone: null });
      expect(JSON.stringify(v)).not.toMatch(/Budi|0812/);
    }
    const form = await (await SELF.fetch(`${ORIGIN}/sangatta-utara/swarga-bara/pengaduan`)).text();
    expect(form).toContain('name="identity_consent"');
    expect(form).toContain('diteruskan ke SP4N-LAPOR');
  }, 60_000);
});
