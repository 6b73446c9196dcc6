// /api/v1/tenders: the public list (filters, rollup, cursor, ETag) and package, and the partner writes — upsert
// idempotency (same content → unchanged, no new updated_at), access by scope, a batch with partial failure.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN } from '../helpers/http';
import { insertTender, partnerToken, tenderContent, tenderRow, XSS } from '../helpers/tenders';
import { SELF } from '../helpers/worker';

const uid = () => crypto.randomUUID().slice(0, 8);

function api(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return SELF.fetch(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: {
      ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
}

const input = (over: Record<string, unknown> = {}) => ({
  name: 'Peningkatan Jalan Poros Swarga Bara',
  owner_name: 'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
  procurement_type: 'pekerjaan_konstruksi',
  method: 'tender',
  fiscal_year: 2026,
  funding_source: 'APBD',
  pagu: 1_250_000_000,
  hps: 1_190_000_000,
  schedule: [{ stage: 'pendaftaran', start: '2026-03-02T08:00:00+08:00', end: '2026-03-09T15:00:00+08:00' }],
  location_codes: ['64.08.04.2012'],
  ...over,
});

interface TenderBody {
  id: string;
  code: string;
  name: string;
  pagu: number | null;
  updated_at: string;
  location_codes: string[];
  schedule: Array<{ stage: string; start: string; end: string }>;
  documents?: unknown[];
}

let writer = '';
let reader = '';
beforeAll(async () => {
  writer = await partnerToken(['tenders:write']);
  reader = await partnerToken(['regions:read']);
}, 60_000);

describe('GET /api/v1/tenders', () => {
  it('lists published packages of a rollup with filters, a cursor and an ETag; drafts never', async () => {
    const tag = uid();
    const a = await insertTender(tenderContent({ name: `A ${tag}`, locationCodes: ['64.08.04.2012'], fiscalYear: 2026 }));
    const b = await insertTender(tenderContent({ source: 'desa', regionCode: '64.08.04.2012', locationCodes: ['64.08.04.2012'], name: `B ${tag}` }));
    await insertTender(tenderContent({ name: `C ${tag}`, locationCodes: ['64.08.09'] }));
    await insertTender(tenderContent({ source: 'desa', regionCode: '64.08.04.2012', name: `Draf ${tag}` }), { publishStatus: 'draft' });
    const ids: string[] = [];
    let path: string | null = '/tenders?region=64.08.04&limit=1';
    while (path) {
      const res = await api('GET', path);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: TenderBody[]; next_cursor: string | null };
      ids.push(...body.data.filter((t) => t.name.endsWith(tag)).map((t) => t.id));
      path = body.next_cursor ? `/tenders?region=64.08.04&limit=1&cursor=${body.next_cursor}` : null;
    }
    expect(ids.sort()).toEqual([a, b].sort());
    const desa = (await (await api('GET', '/tenders?region=64.08.04&source=desa')).json()) as { data: TenderBody[] };
    expect(desa.data.map((t) => t.id)).toContain(b);
    expect(desa.data.map((t) => t.id)).not.toContain(a);
    const first = await api('GET', '/tenders?region=64.08.04');
    const etag = first.headers.get('ETag')!;
    expect((await api('GET', '/tenders?region=64.08.04', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    for (const [q, status] of [
      ['status=apa', 422],
      ['region=64.08.99', 404],
      ['cursor=bm90LWpzb24', 400],
      ['limit=1000', 422],
      ['bogus=1', 422],
    ] as const) {
      const res = await api('GET', `/tenders?${q}`);
      expect(res.status, q).toBe(status);
      expect(res.headers.get('Content-Type'), q).toContain('application/problem+json');
    }
  });

  it('answers one package with its documents; a draft or unknown id is 404; text is data', async () => {
    const id = await insertTender(tenderContent({ name: `${XSS} nama`, ownerName: XSS }));
    const res = await api('GET', `/tenders/${id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as TenderBody & { owner_name: string };
    expect(body.name).toBe(`${XSS} nama`);
    expect(body.owner_name).toBe(XSS);
    expect(body.documents).toEqual([]);
    const draft = await insertTender(tenderContent({ name: 'Draf' }), { publishStatus: 'draft' });
    expect((await api('GET', `/tenders/${draft}`)).status).toBe(404);
    expect((await api('GET', '/tenders/0000000000000000000000000A')).status).toBe(404);
    expect((await api('GET', '/tenders/%3Cx%3E')).status).toBe(422);
  });
});

describe('PUT /api/v1/tenders/{source}/{code}', () => {
  it('creates (201), then the same content is unchanged with no new updated_at, then a change is 200 changed', async () => {
    const code = `10${uid()}`;
    const created = await api('PUT', `/tenders/spse/${code}`, { token: writer, body: input() });
    expect(created.status).toBe(201);
    const c = (await created.json()) as { result: string; tender: TenderBody };
    expect(c.result).toBe('created');
    expect(created.headers.get('Location')).toBe(`/api/v1/tenders/${c.tender.id}`);
    expect(c.tender).toMatchObject({ code, pagu: 1_250_000_000, location_codes: ['64.08.04.2012'] });
    expect(c.tender.schedule).toEqual([{ stage: 'pendaftaran', start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T07:00:00.000Z' }]);
    const before = await tenderRow(c.tender.id);
    const audits = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ?').bind(c.tender.id).first<{ n: number }>())!.n;
    const auditCount = await audits();

    // The same content, fields in another order: nothing written.
    const { name, ...rest } = input();
    const same = await api('PUT', `/tenders/spse/${code}`, { token: writer, body: { ...rest, name } });
    expect(same.status).toBe(200);
    expect(((await same.json()) as { result: string }).result).toBe('unchanged');
    expect(await tenderRow(c.tender.id)).toEqual(before);
    expect(await audits()).toBe(auditCount);

    const changed = await api('PUT', `/tenders/spse/${code}`, { token: writer, body: input({ pagu: 1_300_000_000, winner_name: 'PT Borneo Jaya' }) });
    expect(changed.status).toBe(200);
    const ch = (await changed.json()) as { result: string; tender: TenderBody };
    expect(ch.result).toBe('changed');
    expect(ch.tender.id).toBe(c.tender.id);
    expect(ch.tender.pagu).toBe(1_300_000_000);
    expect(await audits()).toBe(auditCount + 1);
    // The public page follows.
    expect(await (await SELF.fetch(`${ORIGIN}/sangatta-utara/swarga-bara/lelang`)).text()).toContain('Rp 1.300.000.000');
    // The same code under the other source is another package.
    expect((await api('PUT', `/tenders/sirup/${code}`, { token: writer, body: input() })).status).toBe(201);
  });

  it('needs a token with tenders:write (401/403) and refuses bad input (400/413/415/422), never a 500', async () => {
    const path = `/tenders/spse/${uid()}`;
    expect((await api('PUT', path, { body: input() })).status).toBe(401);
    expect((await api('PUT', path, { token: reader, body: input() })).status).toBe(403);
    expect((await api('PUT', '/tenders/desa/ABC', { token: writer, body: input() })).status).toBe(422);
    expect((await api('PUT', '/tenders/spse/%3Cx%3E', { token: writer, body: input() })).status).toBe(422);
    expect((await api('PUT', path, { token: writer, body: '{"name":' })).status).toBe(400);
    expect((await api('PUT', path, { token: writer, body: input(), headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    expect((await api('PUT', path, { token: writer, body: input({ description: 'x'.repeat(70_000) }) })).status).toBe(413);
    for (const over of [
      { pagu: -1 },
      { pagu: '1,25 M' },
      { schedule: [{ stage: 'pendaftaran', start: '2026-03-09', end: '2026-03-02T08:00:00+08:00' }] },
      { schedule: [{ stage: 'pendaftaran', start: '2026-03-09T08:00:00+08:00', end: '2026-03-02T08:00:00+08:00' }] },
      { location_codes: ['64.08.99.9999'] },
      { source_url: 'javascript:alert(1)' },
      { lat: 0.5 },
      { extra: 1 },
      { name: '' },
    ]) {
      const res = await api('PUT', path, { token: writer, body: input(over) });
      expect(res.status, JSON.stringify(over)).toBe(422);
      const problem = (await res.json()) as { errors: Array<{ field: string; message: string }> };
      expect(problem.errors.length, JSON.stringify(over)).toBeGreaterThan(0);
    }
    expect((await api('GET', `/tenders?source=spse`)).status).toBe(200);
  });
});

describe('POST /api/v1/tenders/batch', () => {
  it('writes the good items and reports each bad one by its index', async () => {
    const existing = `20${uid()}`;
    expect((await api('PUT', `/tenders/sirup/${existing}`, { token: writer, body: input() })).status).toBe(201);
    const fresh = `21${uid()}`;
    const items = [
      { source: 'sirup', code: existing, ...input() }, // unchanged
      { source: 'sirup', code: fresh, ...input({ name: 'Pengadaan Alat Kesehatan' }) }, // created
      { source: 'spse', code: `22${uid()}`, ...input({ pagu: 'satu miliar' }) }, // bad
      { source: 'desa', code: 'X1', ...input() }, // not a partner source
      { source: 'sirup', code: fresh, ...input() }, // twice in one batch
      {}, // no key at all
    ];
    const res = await api('POST', '/tenders/batch', { token: writer, body: { items } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      results: Array<{ index: number; result: string; id: string | null; errors: Array<{ field: string }> }>;
      summary: Record<string, number>;
    };
    expect(body.results.map((r) => r.result)).toEqual(['unchanged', 'created', 'error', 'error', 'error', 'error']);
    expect(body.results[2]!.errors[0]!.field).toBe('items[2].pagu');
    expect(body.results[3]!.errors[0]!.field).toBe('items[3].source');
    expect(body.summary).toEqual({ created: 1, changed: 0, unchanged: 1, failed: 4 });
    const row = await env.DB.prepare("SELECT name FROM tenders WHERE source = 'sirup' AND external_code = ?").bind(fresh).first<{ name: string }>();
    expect(row?.name).toBe('Pengadaan Alat Kesehatan');
  });

  it('takes at most 100 items and needs the scope', async () => {
    const items = Array.from({ length: 101 }, (_, i) => ({ source: 'sirup', code: `B${i}`, ...input() }));
    expect((await api('POST', '/tenders/batch', { token: writer, body: { items } })).status).toBe(422);
    expect((await api('POST', '/tenders/batch', { token: writer, body: { items: [] } })).status).toBe(422);
    expect((await api('POST', '/tenders/batch', { token: reader, body: { items: items.slice(0, 1) } })).status).toBe(403);
    expect((await api('POST', '/tenders/batch', { body: { items: items.slice(0, 1) } })).status).toBe(401);
  });
});
