import { env } from 'cloudflare:test';
import { SELF } from '../helpers/worker';
import { describe, expect, it } from 'vitest';
import { formBody, loginAs } from '../helpers/auth';
import { get, ORIGIN } from '../helpers/http';
import { complaintRow, nextIp } from '../helpers/complaints';

const NAME = 'Hendra Pelapor API';
const PHONE = '081377776666';

function body(over: Record<string, unknown> = {}) {
  return {
    classification: 'aspirasi',
    category: 'pendidikan',
    title: 'Usulan perpustakaan desa',
    description: 'Kami mengusulkan perpustakaan kecil di balai desa untuk anak-anak.',
    region_code: '64.08.04.2012',
    name: NAME,
    phone: PHONE,
    ...over,
  };
}

function post(data: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}/api/v1/complaints`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': nextIp(), ...headers },
    body: typeof data === 'string' ? data : JSON.stringify(data),
  });
}

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

describe('POST /api/v1/complaints', () => {
  it('creates once per Idempotency-Key: 201, then 200 with the same body; another body with the key is 409', async () => {
    const key = `kunci-${crypto.randomUUID()}`;
    const first = await post(body(), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(first.headers.get('Cache-Control')).toBe('no-store');
    const a = (await first.json()) as Record<string, string>;
    expect(a.ticket).toMatch(/^ADU-/);
    expect(a.private_code).toMatch(/^[0-9A-Z]{20}$/);
    expect(first.headers.get('Location')).toBe(`/api/v1/complaints/${a.ticket}`);
    expect(a.private_url).toContain(`/sangatta-utara/swarga-bara/pengaduan/lacak?nomor=${a.ticket}&kode=${a.private_code}`);
    const second = await post(body(), { 'Idempotency-Key': key });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(a);
    const conflict = await post(body({ title: 'Judul lain sama sekali' }), { 'Idempotency-Key': key });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('Content-Type')).toContain('application/problem+json');
    const n = await env.DB.prepare('SELECT COUNT(*) AS n FROM complaints WHERE ticket = ?').bind(a.ticket).first<{ n: number }>();
    expect(n!.n).toBe(1);
    const same = await Promise.all(Array.from({ length: 5 }, () => post(body({ title: 'Serentak dengan satu kunci' }), { 'Idempotency-Key': `${key}-b` })));
    const tickets = await Promise.all(same.map(async (r) => ((await r.json()) as { ticket: string }).ticket));
    expect(new Set(tickets).size).toBe(1);
    expect(same.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
  });

  it('answers problem+json with field errors for bad input', async () => {
    const bad = await post(body({ title: '', lat: 999, lng: 117, email: 'x' }));
    expect(bad.status).toBe(422);
    const p = (await bad.json()) as { errors: Array<{ field: string; message: string }> };
    expect(p.errors.map((e) => e.field).sort()).toEqual(['email', 'lat', 'title']);
    expect((await post('{bukan json')).status).toBe(400);
    expect((await post('[1,2]')).status).toBe(400);
    expect((await SELF.fetch(`${ORIGIN}/api/v1/complaints`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' })).status).toBe(415);
    expect((await post(body(), { 'Idempotency-Key': 'pendek' })).status).toBe(400);
    expect((await post(JSON.stringify({ ...body(), description: 'z'.repeat(70_000) }))).status).toBe(413);
    const anon = await post(body({ name: undefined, phone: undefined, anonymous: true }));
    expect(anon.status).toBe(201);
  });
});

describe('GET /api/v1/complaints/{ticket}', () => {
  it('public fields only; the reporter with X-Complaint-Code sees everything; a wrong code is 403', async () => {
    const created = (await (await post(body({ confidential: true, title: 'Laporan rahasia lewat API' }))).json()) as { ticket: string; private_code: string };
    const pub = await get(`/api/v1/complaints/${created.ticket}`);
    expect(pub.status).toBe(200);
    const p = (await pub.json()) as Record<string, unknown>;
    expect(p).toMatchObject({ audience: 'public', ticket: created.ticket, status: 'diterima', hidden_reason: 'rahasia', content: null });
    expect(JSON.stringify(p)).not.toMatch(/Laporan rahasia|Hendra|0813|perpustakaan/);
    const mine = await get(`/api/v1/complaints/${created.ticket}`, { 'X-Complaint-Code': created.private_code.toLowerCase(), 'CF-Connecting-IP': nextIp() });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('Cache-Control')).toBe('private, no-store');
    const m = (await mine.json()) as Record<string, unknown>;
    expect(m).toMatchObject({
      audience: 'reporter',
      title: 'Laporan rahasia lewat API',
      confidential: true,
      reporter: { name: NAME, phone: PHONE, email: null },
    });
    expect((await get(`/api/v1/complaints/${created.ticket}`, { 'X-Complaint-Code': 'A'.repeat(20), 'CF-Connecting-IP': nextIp() })).status).toBe(403);
    expect((await get('/api/v1/complaints/ADU-ZZZZ-ZZZZ')).status).toBe(404);
    expect((await get('/api/v1/complaints/%3Cscript%3E')).status).toBe(404);
  });

  it('a partner with complaints:read sees the partner view, without an anonymous reporter’s identity', async () => {
    const token = await partnerToken(['complaints:read']);
    const named = (await (await post(body({ title: 'Laporan bernama untuk mitra', identity_consent: true }))).json()) as { ticket: string };
    const withheld = (await (await post(body({ title: 'Laporan tanpa persetujuan' }))).json()) as { ticket: string };
    const anon = (await (await post(body({ title: 'Laporan anonim untuk mitra', anonymous: true, identity_consent: true }))).json()) as { ticket: string };
    const n = (await (await get(`/api/v1/complaints/${named.ticket}`, { Authorization: `Bearer ${token}` })).json()) as Record<string, unknown>;
    expect(n).toMatchObject({
      audience: 'partner',
      channel: 'portal',
      lapor_status: 'belum_terverifikasi',
      reporter: { anonymous: false, forward_consent: true, name: NAME, phone: PHONE },
    });
    // No consent to forward the identity to SP4N-LAPOR: the partner gets none of it.
    const w = (await (await get(`/api/v1/complaints/${withheld.ticket}`, { Authorization: `Bearer ${token}` })).json()) as Record<string, unknown>;
    expect(w).toMatchObject({ reporter: { anonymous: false, forward_consent: false, name: null, phone: null, email: null } });
    expect(JSON.stringify(w)).not.toMatch(/Hendra|0813/);
    const a = await get(`/api/v1/complaints/${anon.ticket}`, { Authorization: `Bearer ${token}` });
    expect(a.headers.get('Cache-Control')).toBe('private, no-store');
    const aj = (await a.json()) as Record<string, unknown>;
    expect(aj).toMatchObject({
      audience: 'partner',
      title: 'Laporan anonim untuk mitra',
      reporter: { anonymous: true, forward_consent: false, name: null, phone: null, email: null },
    });
    expect(JSON.stringify(aj)).not.toMatch(/Hendra|0813/);
    expect((await get(`/api/v1/complaints/${anon.ticket}`, { Authorization: 'Bearer rusak.rusak.rusak' })).status).toBe(401);
  });
});

describe('partner change feed and SP4N-LAPOR references', () => {
  it('lists changes since a time with a cursor, and records an external reference (audited, on the timeline)', async () => {
    const reader = await partnerToken(['complaints:read']);
    const writer = await partnerToken(['complaints:write']);
    const since = new Date(Date.now() - 1000).toISOString();
    const made: string[] = [];
    for (let i = 0; i < 3; i++)
      made.push(((await (await post(body({ title: `Perubahan nomor ${i}`, anonymous: i === 1 }))).json()) as { ticket: string }).ticket);
    expect((await get(`/api/v1/complaints?since=${since}`)).status).toBe(401);
    expect((await get(`/api/v1/complaints?since=${since}`, { Authorization: `Bearer ${writer}` })).status).toBe(403);
    expect((await get('/api/v1/complaints?since=kemarin', { Authorization: `Bearer ${reader}` })).status).toBe(422);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/complaints?since=${encodeURIComponent(since)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (await get(url, { Authorization: `Bearer ${reader}` })).json()) as {
        data: Array<{ ticket: string; reporter: { name: string | null } }>;
        next_cursor: string | null;
      };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((d) => d.ticket));
      expect(JSON.stringify(page.data.filter((d) => d.ticket === made[1]))).not.toContain('Hendra');
      cursor = page.next_cursor;
    } while (cursor);
    for (const t of made) expect(seen).toContain(t);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await get(`/api/v1/complaints?since=${since}&cursor=rusak`, { Authorization: `Bearer ${reader}` })).status).toBe(400);

    const put = (token: string, data: unknown, ticket = made[0]) =>
      SELF.fetch(`${ORIGIN}/api/v1/complaints/${ticket}/external-ref`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
      });
    expect((await put(reader, { external_id: 'LAPOR-123' })).status).toBe(403);
    expect((await put(writer, { external_id: '<x>' })).status).toBe(422);
    expect((await put(writer, { external_id: 'LAPOR-123' }, 'ADU-ZZZZ-ZZZZ')).status).toBe(404);
    // external_status must be one of SP4N-LAPOR's statuses (code or label): stored as the code, with its meaning here.
    expect((await put(writer, { external_id: '2026/LAPOR/000123', external_status: 'Sedang dikerjakan' })).status).toBe(422);
    const ok = await put(writer, { system: 'sp4n_lapor', external_id: '2026/LAPOR/000123', external_status: 'Diproses' });
    expect(ok.status).toBe(200);
    const view = (await ok.json()) as { external_refs: Array<{ external_id: string; external_status: string; portal_status: string }> };
    expect(view.external_refs).toEqual([
      expect.objectContaining({ system: 'sp4n_lapor', external_id: '2026/LAPOR/000123', external_status: 'diproses', portal_status: 'didisposisikan' }),
    ]);
    const again = (await (await put(writer, { external_id: '2026/LAPOR/000123', external_status: 'Bukan Wewenang' })).json()) as typeof view;
    expect(again.external_refs).toHaveLength(1);
    expect(again.external_refs[0]).toMatchObject({ external_status: 'bukan_wewenang', portal_status: 'bukan_wewenang' });
    const row = (await complaintRow(made[0]!))!;
    const audit = await env.DB.prepare("SELECT actor_type, summary FROM audit_log WHERE entity_id = ? AND action = 'complaint.external_ref'")
      .bind(row.id)
      .all();
    expect(audit.results).toHaveLength(2);
    expect(audit.results[0]!.actor_type).toBe('partner');
    const ev = await env.DB.prepare("SELECT actor_label FROM complaint_events WHERE complaint_id = ? AND kind = 'referensi'").bind(row.id).all();
    expect(String(ev.results[0]!.actor_label)).toMatch(/^Mitra Konektor LAPOR/);
  });

  it('records the same SP4N-LAPOR reference only once: no timeline entry, same updated_at, not in the feed again', async () => {
    const reader = await partnerToken(['complaints:read']);
    const writer = await partnerToken(['complaints:write']);
    const ticket = ((await (await post(body({ title: 'Referensi berulang' }))).json()) as { ticket: string }).ticket;
    const put = (data: unknown) =>
      SELF.fetch(`${ORIGIN}/api/v1/complaints/${ticket}/external-ref`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${writer}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
      });
    const ref = { external_id: '2026/LAPOR/000777', external_status: 'Diproses' };
    const first = (await (await put(ref)).json()) as { updated_at: string; timeline: unknown[] };
    const afterFirst = new Date(Date.parse(first.updated_at) + 1).toISOString();
    for (let i = 0; i < 3; i++) {
      const res = await put(ref);
      expect(res.status).toBe(200);
      const view = (await res.json()) as typeof first;
      expect(view.updated_at).toBe(first.updated_at);
      expect(view.timeline).toHaveLength(first.timeline.length);
    }
    const feed = (await (await get(`/api/v1/complaints?since=${encodeURIComponent(afterFirst)}`, { Authorization: `Bearer ${reader}` })).json()) as {
      data: Array<{ ticket: string }>;
    };
    expect(feed.data.map((d) => d.ticket)).not.toContain(ticket);
    const row = (await complaintRow(ticket))!;
    const events = await env.DB.prepare("SELECT COUNT(*) AS n FROM complaint_events WHERE complaint_id = ? AND kind = 'referensi'")
      .bind(row.id)
      .first<{ n: number }>();
    expect(events!.n).toBe(1);
    // Connectors find the report by the national id (with complaints:read only).
    const lookup = (id: string, token = reader) => get(`/api/v1/complaint-lookup?external_id=${encodeURIComponent(id)}`, { Authorization: `Bearer ${token}` });
    const found = await lookup('2026/LAPOR/000777');
    expect(found.status).toBe(200);
    expect(((await found.json()) as { ticket: string }).ticket).toBe(ticket);
    expect((await lookup('2026/LAPOR/999999')).status).toBe(404);
    expect((await lookup('2026/LAPOR/000777', writer)).status).toBe(403);
    // A new status is a change: one more entry.
    const updated = (await (await put({ ...ref, external_status: 'Selesai' })).json()) as typeof first;
    expect(updated.timeline).toHaveLength(first.timeline.length + 1);
  }, 30_000);

  it('writes SP4N-LAPOR follow-ups back to the timeline once per update id; the text reaches the reporter, not the public', async () => {
    const writer = await partnerToken(['complaints:write']);
    const filed = (await (await post(body({ title: 'Tindak lanjut LAPOR' }))).json()) as { ticket: string; private_code: string };
    const other = ((await (await post(body({ title: 'Pengaduan lain' }))).json()) as { ticket: string }).ticket;
    const send = (ticket: string, data: unknown) =>
      SELF.fetch(`${ORIGIN}/api/v1/complaints/${ticket}/external-updates`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${writer}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
      });
    const update = { update_id: 'TL-2026-0042', message: 'Dinas PUPR menjadwalkan perbaikan lampu pada pekan depan.' };
    const first = await send(filed.ticket, update);
    expect(first.status).toBe(201);
    const view = (await first.json()) as { timeline: Array<{ notes: string[] }> };
    for (let i = 0; i < 2; i++) {
      const again = await send(filed.ticket, update);
      expect(again.status).toBe(200);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(((await again.json()) as typeof view).timeline).toHaveLength(view.timeline.length);
    }
    expect((await send(other, update)).status).toBe(409);
    expect((await send('ADU-ZZZZ-ZZZZ', { ...update, update_id: 'TL-2026-0043' })).status).toBe(404);
    expect((await send(filed.ticket, { update_id: '', message: 'x' })).status).toBe(422);
    const reporter = await get(`/api/v1/complaints/${filed.ticket}`, { 'X-Complaint-Code': filed.private_code });
    expect(JSON.stringify(await reporter.json())).toContain('Dinas PUPR menjadwalkan perbaikan');
    const publicView = await (await get(`/api/v1/complaints/${filed.ticket}`)).text();
    expect(publicView).not.toContain('Dinas PUPR');
    const row = (await complaintRow(filed.ticket))!;
    const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM complaint_external_updates WHERE complaint_id = ?').bind(row.id).first<{ n: number }>();
    expect(stored!.n).toBe(1);
  }, 30_000);

  it('documents every complaint route in the OpenAPI document', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: Array<Record<string, string[]>> }>> };
    expect(Object.keys(doc.paths['/complaints']!).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/complaints']!.get!.security).toEqual([{ partnerOAuth: ['complaints:read'] }]);
    expect(doc.paths['/complaints/{ticket}']!.get).toBeDefined();
    expect(doc.paths['/complaints/{ticket}/external-ref']!.put!.security).toEqual([{ partnerOAuth: ['complaints:write'] }]);
    expect(doc.paths['/complaints/{ticket}']!.get!.security).toEqual([{}, { privateCode: [] }, { partnerOAuth: ['complaints:read'] }]);
  });
});
