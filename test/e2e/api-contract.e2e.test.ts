// The partner API as standard tools see it: the served /api/v1/openapi.json passes Redocly's recommended rules with
// no error, parses with swagger-parser, generates a typed client with openapi-typescript that real code type-checks
// against, and every operation's real answers — successes and errors — match their schemas (ajv). Runs against the
// e2e portal (scripts/e2e.mjs: wrangler dev with the demo seed); needs no browser.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ApiCall,
  type OpenApiDoc,
  ContractRecorder,
  callApi,
  generateClientTypes,
  lintWithRedocly,
  parseWithSwaggerParser,
  testIp,
  typecheck,
} from './helpers/api-contract';
import { baseUrl, e2eEnabled } from './helpers/browser';
import { registerPartner } from './helpers/partner';

const JSON_TYPE = { 'Content-Type': 'application/json' };
const FORM_TYPE = { 'Content-Type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
/** Each rate-limit scenario spends the quota of an address of its own. */
const freshIp = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
const etagOf = (res: ApiCall) => ({ 'If-None-Match': res.headers.get('ETag') ?? '' });
const bigBody = (bytes: number) => JSON.stringify({ title: 'x'.repeat(bytes) });

describe.skipIf(!e2eEnabled())('API contract (OpenAPI document ⇄ real answers)', () => {
  let doc: OpenApiDoc;
  let contract: ContractRecorder;
  const ip = testIp();
  const failures: string[] = [];

  /** Calls the API and checks the answer against the document; returns it for the test's own assertions. */
  async function call(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<ApiCall> {
    const res = await callApi(baseUrl(), method, path, { ...init, headers: { 'CF-Connecting-IP': ip, ...init.headers } });
    failures.push(...contract.check(res));
    return res;
  }

  beforeAll(async () => {
    const res = await fetch(`${baseUrl()}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenApiDoc;
    contract = new ContractRecorder(doc);
  });

  afterAll(() => {
    if (failures.length) console.error(failures.join('\n'));
  });

  test('Redocly lint (recommended rules): no errors', async () => {
    const result = await lintWithRedocly(doc);
    const errors = result.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} @ ${p.location?.[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
    expect(result.errors).toBe(0);
  });

  test('swagger-parser validates and dereferences the document', async () => {
    const { operations } = await parseWithSwaggerParser(doc);
    expect(operations).toBeGreaterThan(0);
  });

  test('regions: real answers match their schemas, and the typed client accepts them', async () => {
    const list = await call('GET', '/regions?level=kecamatan&limit=5');
    expect(list.status).toBe(200);
    const etag = list.headers.get('ETag')!;
    expect((await call('GET', '/regions?level=kecamatan&limit=5', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await call('GET', '/regions?cursor=bm90LWpzb24')).status).toBe(400);
    expect((await call('GET', '/regions?level=provinsi')).status).toBe(422);
    const one = await call('GET', '/regions/64.08.04.2012');
    expect(one.status).toBe(200);
    expect((await call('GET', '/regions/64.08.04.2012', { headers: { 'If-None-Match': one.headers.get('ETag')! } })).status).toBe(304);
    expect((await call('GET', '/regions/64.08.99')).status).toBe(404);
    expect((await call('GET', '/regions/abc')).status).toBe(422);

    const types = await generateClientTypes(doc);
    const check = [
      "import type { paths } from './api';",
      "type RegionList = paths['/regions']['get']['responses'][200]['content']['application/json'];",
      "type RegionDetail = paths['/regions/{code}']['get']['responses'][200]['content']['application/json'];",
      `export const list: RegionList = ${JSON.stringify(list.body)};`,
      `export const one: RegionDetail = ${JSON.stringify(one.body)};`,
      '// @ts-expect-error next_cursor is required: the generated types are not `any`',
      'export const broken: RegionList = { data: [] };',
    ].join('\n');
    expect(typecheck({ 'api.d.ts': types, 'check.ts': check })).toEqual([]);
    expect(failures).toEqual([]);
  });

  /** A partner token with `scopes`, through the real token endpoint (so createToken 200 is checked too). */
  async function partnerToken(scopes: string[]): Promise<{ auth: Record<string, string>; clientId: string; secret: string; token: string }> {
    const p = await registerPartner(baseUrl(), scopes, ip);
    const res = await call('POST', '/oauth/token', {
      headers: FORM_TYPE,
      body: form({ grant_type: 'client_credentials', client_id: p.clientId, client_secret: p.secret }),
    });
    expect(res.status).toBe(200);
    const token = (res.body as { access_token: string }).access_token;
    return { ...p, token, auth: { Authorization: `Bearer ${token}` } };
  }

  /** 200, then 304 with its ETag; returns the 200. */
  async function getConditional(path: string, headers: Record<string, string> = {}): Promise<ApiCall> {
    const res = await call('GET', path, { headers });
    expect(res.status, path).toBe(200);
    expect((await call('GET', path, { headers: { ...headers, ...etagOf(res) } })).status, path).toBe(304);
    return res;
  }

  test('content and documents: lists, items and their errors', async () => {
    const posts = await getConditional('/posts?limit=3');
    const postId = (posts.body as { data: Array<{ id: string }> }).data[0]?.id;
    expect(postId).toBeDefined();
    await getConditional(`/posts/${postId}`);
    expect((await call('GET', '/posts/tidak-ada')).status).toBe(404);
    expect((await call('GET', '/posts?cursor=bm90LWpzb24')).status).toBe(400);
    expect((await call('GET', '/posts?region=64.08.99')).status).toBe(404);
    expect((await call('GET', '/posts?kind=rahasia')).status).toBe(422);

    const docs = await getConditional('/documents?limit=3');
    const docId = (docs.body as { data: Array<{ id: string }> }).data[0]?.id;
    expect(docId).toBeDefined();
    await getConditional(`/documents/${docId}`);
    expect((await call('GET', '/documents/tidak-ada')).status).toBe(404);
    expect((await call('GET', '/documents?cursor=bm90LWpzb24')).status).toBe(400);
    expect((await call('GET', '/documents?region=64.08.99')).status).toBe(404);
    expect((await call('GET', '/documents?limit=0')).status).toBe(422);
    expect(failures).toEqual([]);
  });

  test('geo and monitoring: GeoJSON shapes, places, layers; the partner-only monitoring list', async () => {
    await getConditional('/geo/regions/64.08.04');
    await getConditional('/geo/regions/64.08?children=1');
    expect((await call('GET', '/geo/regions/64.08.99')).status).toBe(404);
    expect((await call('GET', '/geo/regions/64.08?children=2')).status).toBe(422);
    await getConditional('/places?limit=5');
    expect((await call('GET', '/places?cursor=bm90LWpzb24')).status).toBe(400);
    expect((await call('GET', '/places?region=64.08.99')).status).toBe(404);
    expect((await call('GET', '/places?category=BUKAN!')).status).toBe(422);
    await getConditional('/geo/layers/pengaduan?region=64.08');
    expect((await call('GET', '/geo/layers/tidakada?region=64.08')).status).toBe(404);
    expect((await call('GET', '/geo/layers/pengaduan')).status).toBe(422);

    const reader = await partnerToken(['monitoring:read']);
    const other = await partnerToken(['complaints:write']);
    await getConditional('/monitoring/regions?level=kecamatan&limit=5', reader.auth);
    expect((await call('GET', '/monitoring/regions')).status).toBe(401);
    expect((await call('GET', '/monitoring/regions', { headers: other.auth })).status).toBe(403);
    expect((await call('GET', '/monitoring/regions?cursor=bm90LWpzb24', { headers: reader.auth })).status).toBe(400);
    expect((await call('GET', '/monitoring/regions?level=provinsi', { headers: reader.auth })).status).toBe(422);
    expect(failures).toEqual([]);
  });

  test('complaints: filing (idempotent, rate-limited), reading by audience, the change feed and SP4N-LAPOR references', async () => {
    const categories = await getConditional('/complaint-categories');
    const category = (categories.body as { data: Array<{ id: string }> }).data[0]!.id;
    const report = (title: string) =>
      JSON.stringify({
        classification: 'pengaduan',
        category,
        title,
        description: 'Lampu jalan di depan balai desa mati sejak seminggu yang lalu.',
        region_code: '64.08.04.2012',
        anonymous: true,
      });
    const key = `kontrak-${Math.random().toString(36).slice(2)}-${Date.now()}`;
    const created = await call('POST', '/complaints', { headers: { ...JSON_TYPE, 'Idempotency-Key': key }, body: report('Lampu jalan mati') });
    expect(created.status).toBe(201);
    const { ticket, private_code: code } = created.body as { ticket: string; private_code: string };
    expect((await call('POST', '/complaints', { headers: { ...JSON_TYPE, 'Idempotency-Key': key }, body: report('Lampu jalan mati') })).status).toBe(200);
    expect((await call('POST', '/complaints', { headers: { ...JSON_TYPE, 'Idempotency-Key': key }, body: report('Jalan berlubang') })).status).toBe(409);
    expect((await call('POST', '/complaints', { headers: { ...JSON_TYPE, 'Idempotency-Key': 'pendek' }, body: report('Lampu') })).status).toBe(400);
    expect((await call('POST', '/complaints', { headers: JSON_TYPE, body: '{rusak' })).status).toBe(400);
    expect((await call('POST', '/complaints', { headers: JSON_TYPE, body: bigBody(70 * 1024) })).status).toBe(413);
    expect((await call('POST', '/complaints', { headers: { 'Content-Type': 'text/plain' }, body: 'halo' })).status).toBe(415);
    expect((await call('POST', '/complaints', { headers: JSON_TYPE, body: '{}' })).status).toBe(422);
    const flood = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await call('POST', '/complaints', { headers: { ...JSON_TYPE, 'CF-Connecting-IP': flood }, body: report(`Banjir ${i}`) })).status);
    expect(statuses.slice(-1)).toEqual([429]);

    const reader = await partnerToken(['complaints:read']);
    const writer = await partnerToken(['complaints:write']);
    expect((await call('GET', `/complaints/${ticket}`)).status).toBe(200);
    expect((await call('GET', `/complaints/${ticket}`, { headers: { 'X-Complaint-Code': code } })).status).toBe(200);
    expect((await call('GET', `/complaints/${ticket}`, { headers: reader.auth })).status).toBe(200);
    expect((await call('GET', `/complaints/${ticket}`, { headers: { Authorization: 'Bearer rusak.rusak.rusak' } })).status).toBe(401);
    expect((await call('GET', `/complaints/${ticket}`, { headers: { 'X-Complaint-Code': 'ABCD-EFGH-JKMN-PQRS-TVWX' } })).status).toBe(403);
    expect((await call('GET', '/complaints/ADU-ZZZZ-ZZZZ')).status).toBe(404);
    const guesser = freshIp();
    let last = 0;
    for (let i = 0; i < 125 && last !== 429; i++) {
      last = (await call('GET', `/complaints/${ticket}`, { headers: { 'X-Complaint-Code': 'ABCD-EFGH-JKMN-PQRS-TVWX', 'CF-Connecting-IP': guesser } })).status;
    }
    expect(last).toBe(429);

    expect((await call('GET', '/complaints?since=2020-01-01T00:00:00Z&limit=2', { headers: reader.auth })).status).toBe(200);
    expect((await call('GET', '/complaints?since=2020-01-01T00:00:00Z')).status).toBe(401);
    expect((await call('GET', '/complaints?since=2020-01-01T00:00:00Z', { headers: writer.auth })).status).toBe(403);
    expect((await call('GET', '/complaints?since=2020-01-01T00:00:00Z&cursor=bm90LWpzb24', { headers: reader.auth })).status).toBe(400);
    expect((await call('GET', '/complaints?since=kemarin', { headers: reader.auth })).status).toBe(422);

    const ref = JSON.stringify({ external_id: 'LAPOR-2026-0001', external_status: 'Diproses' });
    const put = (path: string, headers: Record<string, string>, body = ref) => call('PUT', path, { headers: { ...JSON_TYPE, ...headers }, body });
    expect((await put(`/complaints/${ticket}/external-ref`, writer.auth)).status).toBe(200);
    expect((await put(`/complaints/${ticket}/external-ref`, {})).status).toBe(401);
    expect((await put(`/complaints/${ticket}/external-ref`, reader.auth)).status).toBe(403);
    expect((await put('/complaints/ADU-ZZZZ-ZZZZ/external-ref', writer.auth)).status).toBe(404);
    expect((await put(`/complaints/${ticket}/external-ref`, writer.auth, '{rusak')).status).toBe(400);
    expect((await put(`/complaints/${ticket}/external-ref`, writer.auth, bigBody(70 * 1024))).status).toBe(413);
    expect((await put(`/complaints/${ticket}/external-ref`, { ...writer.auth, 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await put(`/complaints/${ticket}/external-ref`, writer.auth, '{"external_id":"!"}')).status).toBe(422);
    const lookup = (id: string, headers: Record<string, string>) => call('GET', `/complaint-lookup?external_id=${encodeURIComponent(id)}`, { headers });
    expect((await lookup('LAPOR-2026-0001', reader.auth)).status).toBe(200);
    expect((await lookup('LAPOR-2026-9999', reader.auth)).status).toBe(404);
    expect((await lookup('LAPOR-2026-0001', {})).status).toBe(401);
    expect((await lookup('LAPOR-2026-0001', writer.auth)).status).toBe(403);
    expect((await lookup('!', reader.auth)).status).toBe(422);

    const update = JSON.stringify({ update_id: 'TL-KONTRAK-1', message: 'Dinas terkait menjadwalkan perbaikan.' });
    const followUp = (path: string, headers: Record<string, string>, body = update) => call('POST', path, { headers: { ...JSON_TYPE, ...headers }, body });
    expect((await followUp(`/complaints/${ticket}/external-updates`, writer.auth)).status).toBe(201);
    expect((await followUp(`/complaints/${ticket}/external-updates`, writer.auth)).status).toBe(200);
    const second = (await call('POST', '/complaints', { headers: JSON_TYPE, body: report('Pengaduan kedua') })).body as { ticket: string };
    expect((await followUp(`/complaints/${second.ticket}/external-updates`, writer.auth)).status).toBe(409);
    expect((await followUp('/complaints/ADU-ZZZZ-ZZZZ/external-updates', writer.auth)).status).toBe(404);
    expect((await followUp(`/complaints/${ticket}/external-updates`, {})).status).toBe(401);
    expect((await followUp(`/complaints/${ticket}/external-updates`, reader.auth)).status).toBe(403);
    expect((await followUp(`/complaints/${ticket}/external-updates`, writer.auth, '{rusak')).status).toBe(400);
    expect((await followUp(`/complaints/${ticket}/external-updates`, writer.auth, bigBody(70 * 1024))).status).toBe(413);
    expect((await followUp(`/complaints/${ticket}/external-updates`, { ...writer.auth, 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await followUp(`/complaints/${ticket}/external-updates`, writer.auth, '{"update_id":""}')).status).toBe(422);

    const laporReport = JSON.stringify({
      ...JSON.parse(report('Laporan dari SP4N-LAPOR')),
      external_id: `LAPOR-KONTRAK-${Date.now()}`,
      external_status: 'Terverifikasi',
    });
    const intake = (headers: Record<string, string>, body = laporReport) => call('POST', '/complaint-intake', { headers: { ...JSON_TYPE, ...headers }, body });
    expect((await intake(writer.auth)).status).toBe(201);
    expect((await intake(writer.auth)).status).toBe(200);
    expect((await intake({})).status).toBe(401);
    expect((await intake(reader.auth)).status).toBe(403);
    expect((await intake(writer.auth, '{rusak')).status).toBe(400);
    expect((await intake(writer.auth, bigBody(70 * 1024))).status).toBe(413);
    expect((await intake({ ...writer.auth, 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await intake(writer.auth, '{"external_id":"LAPOR-1","external_status":"entah"}')).status).toBe(422);
    expect(failures).toEqual([]);
  });

  test('PPID: information requests (idempotent, rate-limited), their status, and the DIP', async () => {
    const request = (information: string) =>
      JSON.stringify({
        region: '64.08.04',
        requester_type: 'perorangan',
        name: 'Budi Santoso',
        address: 'Jl. Pendidikan 1, Sangatta',
        occupation: 'Wiraswasta',
        email: 'budi@contoh.id',
        identity_type: 'ktp',
        identity_number: '6408041234567890',
        information,
        purpose: 'Untuk bahan penelitian tugas kuliah.',
        obtain_method: 'melihat',
      });
    const key = `kontrak-ppid-${Math.random().toString(36).slice(2)}-${Date.now()}`;
    const post = (body: string, headers: Record<string, string> = {}) => call('POST', '/info-requests', { headers: { ...JSON_TYPE, ...headers }, body });
    const created = await post(request('Daftar kegiatan APBDes tahun 2025.'), { 'Idempotency-Key': key });
    expect(created.status).toBe(201);
    expect((await post(request('Daftar kegiatan APBDes tahun 2025.'), { 'Idempotency-Key': key })).status).toBe(200);
    expect((await post(request('Laporan realisasi anggaran desa.'), { 'Idempotency-Key': key })).status).toBe(409);
    expect((await post('{rusak')).status).toBe(400);
    expect((await post(bigBody(20 * 1024))).status).toBe(413);
    expect((await post('halo', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post('{}')).status).toBe(422);
    const flood = freshIp();
    let last = 0;
    for (let i = 0; i < 11; i++) last = (await post(request(`Permohonan nomor ${i} tentang anggaran.`), { 'CF-Connecting-IP': flood })).status;
    expect(last).toBe(429);

    const number = (created.body as { number: string }).number;
    await getConditional(`/info-requests/${number}`);
    expect((await call('GET', '/info-requests/PPID-ZZZZ-ZZZZ')).status).toBe(404);
    expect((await call('GET', '/info-requests/bukan-nomor')).status).toBe(422);
    await getConditional('/dip?region=64.08.04');
    expect((await call('GET', '/dip?region=64.08.99')).status).toBe(404);
    expect((await call('GET', '/dip')).status).toBe(422);
    expect(failures).toEqual([]);
  });

  test('OAuth: token, revocation and introspection with their RFC 6749 §5.2 errors and the failed-authentication limit', async () => {
    const p = await partnerToken(['complaints:read']);
    const creds = { client_id: p.clientId, client_secret: p.secret };
    const oauth = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      call('POST', `/oauth/${path}`, { headers: { ...FORM_TYPE, ...headers }, body: form(fields) });
    expect((await oauth('introspect', { ...creds, token: p.token })).body).toMatchObject({ active: true });
    expect((await oauth('revoke', { ...creds, token: p.token })).status).toBe(200);
    expect((await oauth('introspect', { ...creds, token: p.token })).body).toEqual({ active: false });
    expect((await oauth('token', { ...creds, grant_type: 'password' })).status).toBe(400);
    expect((await oauth('revoke', creds)).status).toBe(400);
    expect((await oauth('introspect', creds)).status).toBe(400);
    const wrong = { client_id: p.clientId, client_secret: 'pks_salah' };
    const attacker = freshIp();
    expect((await oauth('token', { ...wrong, grant_type: 'client_credentials' }, { 'CF-Connecting-IP': attacker })).status).toBe(401);
    expect((await oauth('revoke', { ...wrong, token: 'x' }, { 'CF-Connecting-IP': attacker })).status).toBe(401);
    expect((await oauth('introspect', { ...wrong, token: 'x' }, { 'CF-Connecting-IP': attacker })).status).toBe(401);
    for (let i = 0; i < 7; i++) await oauth('token', { ...wrong, grant_type: 'client_credentials' }, { 'CF-Connecting-IP': attacker });
    expect((await oauth('token', { ...creds, grant_type: 'client_credentials' }, { 'CF-Connecting-IP': attacker })).status).toBe(429);
    expect((await oauth('revoke', { ...creds, token: 'x' }, { 'CF-Connecting-IP': attacker })).status).toBe(429);
    expect((await oauth('introspect', { ...creds, token: 'x' }, { 'CF-Connecting-IP': attacker })).status).toBe(429);
    expect(failures).toEqual([]);
  });

  test('letters: catalogue, public request status and verification match their schemas', async () => {
    expect((await call('GET', '/services?region=64.08.04.2012')).status).toBe(200);
    expect((await call('GET', '/services?region=64.08.99')).status).toBe(404);
    expect((await call('GET', '/services?region=abc')).status).toBe(422);
    expect((await call('GET', '/service-requests/SRT-DEM0-0001')).status).toBe(200);
    expect((await call('GET', '/service-requests/SRT-0000-0000')).status).toBe(404);
    expect((await call('GET', '/service-requests/bukan')).status).toBe(422);
    const unknown = await call('GET', '/letters/verify/v1-AAAAAAAAAAAAAAAA-BBBBBBBBBBBBBBBB');
    expect(unknown.status).toBe(200);
    expect((await call('GET', `/letters/verify/${'x'.repeat(81)}`)).status).toBe(422);

    const json = { 'Content-Type': 'application/json' };
    const request = {
      region_code: '64.08.04.2012',
      service: 'sk-usaha',
      name: 'Uji Kontrak',
      nik: '6408041203900001',
      kk: '6408041505180003',
      birth_place: 'Sangatta',
      birth_date: '1990-03-12',
      gender: 'L',
      address: 'Jl. Poros Swarga Bara No. 7',
      rt: '3',
      rw: '1',
      phone: '081234567890',
      delivery: 'unduh',
      fields: { nama_usaha: 'Warung Uji', jenis_usaha: 'warung makan', alamat_usaha: 'Jl. Poros No. 7', mulai_usaha: '2019', keperluan: 'uji kontrak' },
    };
    const key = `contract-letter-${Date.now().toString(36)}`;
    const created = await call('POST', '/service-requests', { headers: { ...json, 'Idempotency-Key': key }, body: JSON.stringify(request) });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain('6408041203900001');
    expect((await call('POST', '/service-requests', { headers: { ...json, 'Idempotency-Key': key }, body: JSON.stringify(request) })).status).toBe(200);
    const other = JSON.stringify({ ...request, name: 'Orang Lain' });
    expect((await call('POST', '/service-requests', { headers: { ...json, 'Idempotency-Key': key }, body: other })).status).toBe(409);
    expect((await call('POST', '/service-requests', { headers: { ...json, 'Idempotency-Key': 'pendek' }, body: other })).status).toBe(400);
    expect((await call('POST', '/service-requests', { headers: json, body: JSON.stringify({ ...request, nik: '123' }) })).status).toBe(422);
    expect((await call('POST', '/service-requests', { headers: { 'Content-Type': 'text/plain' }, body: 'x' })).status).toBe(415);
    expect((await call('POST', '/service-requests', { headers: json, body: JSON.stringify({ pad: 'x'.repeat(70_000) }) })).status).toBe(413);
    const flood = { ...json, 'CF-Connecting-IP': testIp() };
    let last = 0;
    for (let i = 0; i < 11 && last !== 429; i++) {
      last = (await call('POST', '/service-requests', { headers: flood, body: JSON.stringify({ ...request, name: `Uji Batas ${i}` }) })).status;
    }
    expect(last).toBe(429);
    expect(failures).toEqual([]);
  });

  test('tenders: public reads and partner writes match their schemas', async () => {
    const token = (await partnerToken(['tenders:write'])).token;
    const reader = (await partnerToken(['complaints:read'])).token;
    const json = (t?: string) => ({ 'Content-Type': 'application/json', ...(t ? { Authorization: `Bearer ${t}` } : {}) });
    const code = `99${Date.now().toString(36)}`;
    const pkg = {
      name: 'Kontrak uji paket jalan',
      owner_name: 'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
      procurement_type: 'pekerjaan_konstruksi',
      method: 'tender',
      fiscal_year: 2026,
      pagu: 1250000000,
      schedule: [{ stage: 'pendaftaran', start: '2026-03-02T08:00:00+08:00', end: '2026-03-09T15:00:00+08:00' }],
      location_codes: ['64.08.04.2012'],
    };
    const body = JSON.stringify(pkg);
    const created = await call('PUT', `/tenders/spse/${code}`, { headers: json(token), body });
    expect(created.status).toBe(201);
    expect((await call('PUT', `/tenders/spse/${code}`, { headers: json(token), body })).status).toBe(200);
    expect((await call('PUT', `/tenders/spse/${code}`, { headers: json(), body })).status).toBe(401);
    expect((await call('PUT', `/tenders/spse/${code}`, { headers: json(reader), body })).status).toBe(403);
    expect((await call('PUT', `/tenders/spse/${code}`, { headers: json(token), body: '{"name":' })).status).toBe(400);
    expect((await call('PUT', `/tenders/spse/${code}`, { headers: { ...json(token), 'Content-Type': 'text/plain' }, body })).status).toBe(415);
    expect(
      (await call('PUT', `/tenders/spse/${code}`, { headers: json(token), body: JSON.stringify({ ...pkg, description: 'x'.repeat(70_000) }) })).status,
    ).toBe(413);
    expect((await call('PUT', `/tenders/spse/${code}`, { headers: json(token), body: JSON.stringify({ ...pkg, pagu: -1 }) })).status).toBe(422);

    const items = JSON.stringify({
      items: [
        { source: 'sirup', code, ...pkg },
        { source: 'sirup', code: 'X', ...pkg, pagu: 'satu' },
      ],
    });
    const batch = await call('POST', '/tenders/batch', { headers: json(token), body: items });
    expect(batch.status).toBe(200);
    expect((await call('POST', '/tenders/batch', { headers: json(), body: items })).status).toBe(401);
    expect((await call('POST', '/tenders/batch', { headers: json(reader), body: items })).status).toBe(403);
    expect((await call('POST', '/tenders/batch', { headers: json(token), body: '[1]' })).status).toBe(400);
    expect((await call('POST', '/tenders/batch', { headers: { ...json(token), 'Content-Type': 'text/csv' }, body: items })).status).toBe(415);
    expect((await call('POST', '/tenders/batch', { headers: json(token), body: JSON.stringify({ items: [{ d: 'x'.repeat(600_000) }] }) })).status).toBe(413);
    expect((await call('POST', '/tenders/batch', { headers: json(token), body: JSON.stringify({ items: [] }) })).status).toBe(422);

    const id = (created.body as { tender: { id: string } }).tender.id;
    const one = await call('GET', `/tenders/${id}`);
    expect(one.status).toBe(200);
    expect((await call('GET', `/tenders/${id}`, { headers: { 'If-None-Match': one.headers.get('ETag')! } })).status).toBe(304);
    expect((await call('GET', '/tenders/0000000000000000000000000A')).status).toBe(404);
    expect((await call('GET', '/tenders/abc')).status).toBe(422);
    const list = await call('GET', '/tenders?region=64.08.04&limit=2');
    expect(list.status).toBe(200);
    expect((await call('GET', '/tenders?region=64.08.04&limit=2', { headers: { 'If-None-Match': list.headers.get('ETag')! } })).status).toBe(304);
    expect((await call('GET', '/tenders?cursor=bm90LWpzb24')).status).toBe(400);
    expect((await call('GET', '/tenders?region=64.08.99')).status).toBe(404);
    expect((await call('GET', '/tenders?status=apa')).status).toBe(422);

    const types = await generateClientTypes(doc);
    const check = [
      "import type { paths } from './api';",
      "type TenderList = paths['/tenders']['get']['responses'][200]['content']['application/json'];",
      "type Upsert = paths['/tenders/{source}/{code}']['put']['responses'][201]['content']['application/json'];",
      `export const list: TenderList = ${JSON.stringify(list.body)};`,
      `export const created: Upsert = ${JSON.stringify(created.body)};`,
    ].join('\n');
    expect(typecheck({ 'api.d.ts': types, 'check.ts': check })).toEqual([]);
    expect(failures).toEqual([]);
  });

  test('every declared status of every operation was seen', () => {
    // A concurrent write of the same tender package (409) cannot be provoked deterministically from outside.
    // Nor two deliveries of one new SP4N-LAPOR id with different content racing each other (409).
    expect(contract.gaps(new Set(['upsertTender 409', 'createComplaintFromLapor 409']))).toEqual([]);
  });
});
