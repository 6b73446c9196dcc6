import { env } from 'cloudflare:test';
import { SELF } from '../helpers/worker';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client';
import { loadCalendar } from '../../src/features/ppid/repo';
import { openIdentity } from '../../src/features/ppid/secrets';
import { dataKeys } from '../../src/lib/data-key';
import { workingDaysBetween, isWorkingDay } from '../../src/lib/working-days';
import { witaDateKey } from '../../src/lib/time';
import { get, ORIGIN } from '../helpers/http';
import { everythingOutsideTheRequestRow, formToken, freshIp, PERSONAL, post, requestForm, requestRow, SECRET_NIK, submitRequest } from '../helpers/ppid';

const db = () => createDb(env.DB);

describe('public PPID page and Daftar Informasi Publik', () => {
  it('replaces the pending section: profile empty state, DIP groups, links to the form and tracking', async () => {
    const res = await get('/muara-wahau/ppid');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>PPID Kecamatan Muara Wahau</h1>');
    expect(html).toContain('Profil PPID Kecamatan Muara Wahau belum diisi');
    expect(html).toContain('Informasi yang wajib disediakan dan diumumkan secara berkala');
    expect(html).toContain('href="/muara-wahau/ppid/permohonan"');
    expect(html).toContain('href="/muara-wahau/ppid/lacak"');
    expect(html).not.toContain('sedang disiapkan');
  });

  it('lists documents by information category; dikecualikan shows title, legal basis and consequence test only', async () => {
    const now = Date.now();
    const ins = env.DB.prepare(
      `INSERT INTO documents (id, region_code, title, category, year, description, info_category, responsible_unit, retention_period,
         exemption_legal_basis, consequence_test_summary, current_version, current_mime, current_size, created_at, updated_at, deleted_at)
       VALUES (?, '64.08.05', ?, 'laporan', 2025, ?, ?, ?, ?, ?, ?, ?, 'application/pdf', 1000, ?, ?, ?)`,
    );
    await env.DB.batch([
      ins.bind(
        'DOCPPID00000000000000000001',
        'LKJIP Kecamatan Sangkulirang 2025',
        'Laporan kinerja tahunan',
        'berkala',
        'Sekretariat Kecamatan',
        '5 tahun',
        null,
        null,
        1,
        now,
        now,
        null,
      ),
      ins.bind(
        'DOCPPID00000000000000000002',
        'Rekap bantuan sosial per keluarga',
        'RINGKASAN-RAHASIA-XYZ',
        'dikecualikan',
        'Seksi Kesejahteraan',
        '10 tahun',
        'UU 14/2008 Pasal 17 huruf h',
        'Membuka data pribadi penerima merugikan privasi.',
        1,
        now,
        now,
        null,
      ),
      ins.bind('DOCPPID00000000000000000003', 'Dokumen terhapus', '', 'berkala', '', '', null, null, 1, now, now, now),
      ins.bind('DOCPPID00000000000000000004', 'Draf tanpa berkas', '', 'setiap_saat', '', '', null, null, 0, now, now, null),
    ]);
    await env.DB.prepare(
      `INSERT INTO ppid_info_items (id, region_code, title, summary, info_category, responsible_unit, year, format, retention, created_at, updated_at)
       VALUES ('ITEMPPID000000000000000001', '64.08.05', 'Papan informasi jadwal pelayanan', 'Jadwal di kantor kecamatan', 'setiap_saat',
         'Pelayanan Umum', 2026, 'Cetak', 'Selama berlaku', ?, ?)`,
    )
      .bind(now, now)
      .run();
    const html = await (await get('/sangkulirang/ppid')).text();
    expect(html).toContain('LKJIP Kecamatan Sangkulirang 2025');
    expect(html).toContain('href="/sangkulirang/dokumen/DOCPPID00000000000000000001"');
    expect(html).toContain('Sekretariat Kecamatan');
    expect(html).toContain('Elektronik — PDF');
    expect(html).toContain('Papan informasi jadwal pelayanan');
    expect(html).toContain('Rekap bantuan sosial per keluarga');
    expect(html).toContain('UU 14/2008 Pasal 17 huruf h');
    expect(html).toContain('Membuka data pribadi penerima merugikan privasi.');
    expect(html).not.toContain('DOCPPID00000000000000000002'); // no link, no anchor to the excluded file
    expect(html).not.toContain('RINGKASAN-RAHASIA-XYZ');
    expect(html).not.toContain('Dokumen terhapus');
    expect(html).not.toContain('Draf tanpa berkas');

    const api = await get('/api/v1/dip?region=64.08.05');
    expect(api.status).toBe(200);
    expect(api.headers.get('ETag')).toBeTruthy();
    const body = (await api.json()) as { berkala: Array<{ title: string; url: string }>; setiap_saat: unknown[]; dikecualikan: Array<Record<string, unknown>> };
    expect(body.berkala.map((d) => d.title)).toEqual(['LKJIP Kecamatan Sangkulirang 2025']);
    expect(body.berkala[0]!.url).toBe(`${ORIGIN}/sangkulirang/dokumen/DOCPPID00000000000000000001`);
    expect(body.setiap_saat).toHaveLength(1);
    expect(body.dikecualikan).toEqual([
      {
        kind: 'dokumen',
        id: 'DOCPPID00000000000000000002',
        title: 'Rekap bantuan sosial per keluarga',
        legal_basis: 'UU 14/2008 Pasal 17 huruf h',
        consequence_test: 'Membuka data pribadi penerima merugikan privasi.',
      },
    ]);
    expect((await get('/api/v1/dip?region=99.99')).status).toBe(404);
    expect((await get('/api/v1/dip')).status).toBe(422);
    expect((await get('/api/v1/dip?region=64.08.05&x=1')).status).toBe(422);
  });
});

describe('information request form', () => {
  it('registers a request with a non-guessable number, private code and the legal due date', async () => {
    const { res, html, number, code } = await submitRequest();
    expect(res.status).toBe(201);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(number).toMatch(/^PPID-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){2}$/);
    const row = (await requestRow(number))!;
    expect(row.region_code).toBe('64.08.04');
    expect(row.status).toBe('diterima');
    const cal = await loadCalendar(db());
    const registered = row.registered_at as number;
    const due = row.due_at as number;
    expect(workingDaysBetween(registered, due, cal)).toBe(10);
    expect(isWorkingDay(witaDateKey(due), cal)).toBe(true);
    expect(html).toContain('Apa yang terjadi selanjutnya');
    // The private code is never stored, only its hash; the NIK only encrypted.
    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.identity_cipher).not.toContain(SECRET_NIK);
    expect(row.identity_last4).toBe('0003');
    expect(row.identity_cipher).toMatch(new RegExp(`^${env.DATA_KEY_ACTIVE}:`));
    expect(await openIdentity(dataKeys(env), 'a-rotated-session-secret-of-32-characters', row.identity_cipher as string, number)).toBe(SECRET_NIK);
  });

  it('is sent by send.js (progress, drafts, offline outbox) as multipart with its token as Idempotency-Key', async () => {
    const page = await (await get('/sangatta-utara/ppid/permohonan')).text();
    expect(page).toMatch(/<form[^>]*data-send="permohonan"/);
    expect(page).toContain('src="/js/send.js?v=');
    expect(page).toMatch(/<input[^>]*name="identity_number"[^>]*data-no-draft/);
    const token = await formToken();
    const body = new FormData();
    for (const [k, v] of Object.entries({ ...requestForm(), token })) body.append(k, v);
    const send = () =>
      SELF.fetch(`${ORIGIN}/sangatta-utara/ppid/permohonan`, {
        method: 'POST',
        headers: { Origin: ORIGIN, 'CF-Connecting-IP': freshIp(), 'Idempotency-Key': token, Accept: 'text/html' },
        body,
      });
    const first = await send();
    expect(first.status).toBe(201);
    const html = await first.text();
    expect(html).toContain('data-confirmation');
    const number = /<p class="ref">(PPID-[0-9A-Z-]+)<\/p>/.exec(html)?.[1];
    expect(number).toBeDefined();
    const again = await send(); // the outbox retrying after a lost answer
    expect(again.status).toBe(200);
    expect(await again.text()).toContain(`<p class="ref">${number}</p>`);
  });

  it('is idempotent: the same form token answers with the same number and code, never a duplicate', async () => {
    const token = await formToken();
    const ip = freshIp();
    const first = await post('/sangatta-utara/ppid/permohonan', { ...requestForm(), token }, ip);
    const again = await post('/sangatta-utara/ppid/permohonan', { ...requestForm(), token }, ip);
    const a = await first.text();
    const b = await again.text();
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const num = (h: string) => /<p class="ref">([^<]+)<\/p>/.exec(h)?.[1];
    const code = (h: string) => /<p class="secret"[^>]*>([^<]+)<\/p>/.exec(h)?.[1];
    expect(num(b)).toBe(num(a));
    expect(code(b)).toBe(code(a));
    expect(b).toContain('tidak ada permohonan ganda');
    const n = await env.DB.prepare('SELECT COUNT(*) AS n FROM info_requests WHERE number = ?').bind(num(a)).first<{ n: number }>();
    expect(n!.n).toBe(1);
    const changed = await post('/sangatta-utara/ppid/permohonan', { ...requestForm({ purpose: 'Tujuan lain yang berbeda sama sekali.' }), token }, ip);
    expect(changed.status).toBe(409);
  });

  it('re-renders bad input with Indonesian errors, keeping (escaped) values', async () => {
    const token = await formToken();
    const res = await post('/sangatta-utara/ppid/permohonan', {
      ...requestForm({ name: '<script>alert(1)</script>', identity_number: '12345', phone: '', email: '', delivery_method: '', information: 'pendek' }),
      token,
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Ada yang perlu diperbaiki');
    expect(html).toContain('NIK terdiri dari 16 angka.');
    expect(html).toContain('Isi nomor telepon atau email');
    expect(html).toContain('Pilih cara mendapatkan salinan informasi.');
    expect(html).toContain('minimal 10 huruf');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain(`value="${token}"`);

    const empty = await post('/sangatta-utara/ppid/permohonan', {});
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Pilih jenis pemohon.');
    const huge = await post('/sangatta-utara/ppid/permohonan', { ...requestForm({ information: 'x'.repeat(300_000) }), token });
    expect(huge.status).toBe(413);
    const akta = await post('/sangatta-utara/ppid/permohonan', { ...requestForm({ identity_type: 'akta', identity_number: 'AHU-0012/2019"><b>' }), token });
    expect(akta.status).toBe(422);
    const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM info_requests WHERE requester_name LIKE '%script%'").first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it('limits new requests per IP (429 with Retry-After)', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await submitRequest('/sangatta-utara', {}, ip)).res.status).toBe(201);
    const token = await formToken();
    const blocked = await post('/sangatta-utara/ppid/permohonan', { ...requestForm(), token }, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('Retry-After')).toBeTruthy();
  });

  it('404s for an unknown region and never caches the form (per-visitor token)', async () => {
    expect((await get('/kecamatan-tidak-ada/ppid/permohonan')).status).toBe(404);
    const a = await get('/sangatta-utara/ppid/permohonan');
    const b = await get('/sangatta-utara/ppid/permohonan');
    expect(a.headers.get('Cache-Control')).toBe('no-store');
    expect(a.headers.get('X-Cache')).toBeNull();
    const t = (h: string) => /name="token" value="([^"]+)"/.exec(h)?.[1];
    expect(t(await a.text())).not.toBe(t(await b.text()));
  });
});

describe('tracking', () => {
  it('shows public status by number, everything else only with the private code', async () => {
    const { number, code } = await submitRequest('/sangatta-utara/swarga-bara');
    const pub = await get(`/sangatta-utara/swarga-bara/ppid/lacak?nomor=${number.toLowerCase().replace(/-/g, ' ')}`);
    expect(pub.status).toBe(200);
    const html = await pub.text();
    expect(html).toContain(number);
    expect(html).toContain('Diterima');
    for (const secret of [SECRET_NIK, PERSONAL.name, PERSONAL.phone, PERSONAL.email, PERSONAL.address, 'Salinan dokumen RKA'])
      expect(html).not.toContain(secret);

    // Another region's prefix redirects to the request's own region.
    const other = await get(`/muara-wahau/ppid/lacak?nomor=${number}`);
    expect(other.status).toBe(303);
    expect(other.headers.get('Location')).toBe(`/sangatta-utara/swarga-bara/ppid/lacak?nomor=${number}`);

    const wrong = await post('/sangatta-utara/swarga-bara/ppid/lacak', { nomor: number, kode: 'AAAA-BBBB-CCCC' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('tidak cocok');
    const right = await post('/sangatta-utara/swarga-bara/ppid/lacak', { nomor: number, kode: code.toLowerCase() });
    expect(right.status).toBe(200);
    expect(right.headers.get('Cache-Control')).toBe('no-store');
    const detail = await right.text();
    expect(detail).toContain('Salinan dokumen RKA');
    expect(detail).toContain('Belum ada jawaban');
    expect(detail).not.toContain(SECRET_NIK);
    expect(detail).toContain('Keberatan dapat diajukan setelah permohonan dijawab');
  });

  it('never reads a private code from the URL: tracking with the code is a POST only', async () => {
    const { number, code } = await submitRequest();
    const res = await get(`/sangatta-utara/ppid/lacak?nomor=${number}&kode=${code}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(number);
    expect(html).not.toContain('Salinan dokumen RKA');
    expect(html).not.toContain(code);
    expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/sangatta-utara\/ppid\/lacak"/);
  });

  it('answers unknown and malformed numbers clearly', async () => {
    expect((await get('/ppid/lacak?nomor=PPID-2222-3333')).status).toBe(404);
    const bad = await get('/ppid/lacak?nomor=%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toContain('<script>');
    expect((await get('/ppid/lacak')).status).toBe(200);
  });

  it('throttles private-code guessing per IP', async () => {
    const { number } = await submitRequest();
    const ip = freshIp();
    for (let i = 0; i < 20; i++) expect((await post('/sangatta-utara/ppid/lacak', { nomor: number, kode: 'AAAA-BBBB-CCCC' }, ip)).status).toBe(422);
    expect((await post('/sangatta-utara/ppid/lacak', { nomor: number, kode: 'AAAA-BBBB-CCCC' }, ip)).status).toBe(429);
  });
});

describe('JSON API', () => {
  const body = (extra: Record<string, unknown> = {}) => ({ ...requestForm(), region: '64.08.04.2012', ...extra });
  const postJson = (b: unknown, headers: Record<string, string> = {}) =>
    SELF.fetch(`${ORIGIN}/api/v1/info-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': freshIp(), ...headers },
      body: JSON.stringify(b),
    });

  it('creates with Idempotency-Key, replays the same result, and refuses key reuse for another body', async () => {
    const key = `api-key-${Date.now()}-abcdef`;
    const first = await postJson(body(), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const a = (await first.json()) as Record<string, string>;
    expect(a.number).toMatch(/^PPID-/);
    expect(a.private_code).toMatch(/^[0-9A-Z]{4}-/);
    expect(a.track_url).toContain('/sangatta-utara/swarga-bara/ppid/lacak?nomor=');
    expect(JSON.stringify(a)).not.toContain(SECRET_NIK);
    const again = await postJson(body(), { 'Idempotency-Key': key });
    expect(again.status).toBe(200);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(((await again.json()) as Record<string, string>).private_code).toBe(a.private_code);
    const other = await postJson(body({ purpose: 'Tujuan yang lain sekali untuk uji.' }), { 'Idempotency-Key': key });
    expect(other.status).toBe(409);
    expect(other.headers.get('Content-Type')).toContain('application/problem+json');

    const status = await get(`/api/v1/info-requests/${a.number}`);
    expect(status.status).toBe(200);
    const s = (await status.json()) as Record<string, unknown>;
    expect(s).toMatchObject({
      number: a.number,
      region_code: '64.08.04.2012',
      status: 'diterima',
      extended: false,
      decision: null,
      late: false,
      objection: null,
    });
    const text = JSON.stringify(s);
    for (const secret of [SECRET_NIK, PERSONAL.name, PERSONAL.phone, PERSONAL.email, 'Salinan dokumen RKA', '0003']) expect(text).not.toContain(secret);
  });

  it('rejects bad input as problem+json with field errors', async () => {
    const bad = await postJson({ region: '64.08.04', name: '' });
    expect(bad.status).toBe(422);
    const p = (await bad.json()) as { errors: Array<{ field: string }> };
    expect(p.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['name', 'identity_number', 'information']));
    expect((await postJson(body({ region: '99.99.99' }))).status).toBe(422);
    expect((await postJson(body(), { 'Idempotency-Key': 'short' })).status).toBe(400);
    const notJson = await SELF.fetch(`${ORIGIN}/api/v1/info-requests`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(notJson.status).toBe(415);
    const broken = await SELF.fetch(`${ORIGIN}/api/v1/info-requests`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(broken.status).toBe(400);
    expect((await get('/api/v1/info-requests/bukan-nomor')).status).toBe(422);
    expect((await get('/api/v1/info-requests/PPID-2222-3333')).status).toBe(404);
  });

  it('documents the three routes in OpenAPI', async () => {
    const doc = (await (await get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/info-requests']?.post).toBeTruthy();
    expect(doc.paths['/info-requests/{number}']?.get).toBeTruthy();
    expect(doc.paths['/dip']?.get).toBeTruthy();
  });
});

describe('identity never leaks', () => {
  it('keeps the NIK and contact data out of public pages, cached pages, the API, the audit log and the timeline', async () => {
    const { number } = await submitRequest();
    const pages = [
      '/sangatta-utara/ppid',
      '/sangatta-utara',
      `/sangatta-utara/ppid/lacak?nomor=${number}`,
      '/sangatta-utara/ppid/laporan',
      '/sangatta-utara/ppid/laporan.csv',
      '/api/v1/dip?region=64.08.04',
      `/api/v1/info-requests/${number}`,
    ];
    for (const p of pages) {
      const text = await (await get(p)).text();
      for (const secret of [SECRET_NIK, PERSONAL.name, PERSONAL.phone, PERSONAL.email, PERSONAL.address])
        expect(text, `${p} leaks ${secret}`).not.toContain(secret);
    }
    await get('/sangatta-utara/ppid'); // now certainly in KV
    const stored = await everythingOutsideTheRequestRow();
    expect(stored).toContain(number); // the audit/timeline really were searched
    for (const secret of [SECRET_NIK, '6408 0412', PERSONAL.name, PERSONAL.phone, PERSONAL.email, PERSONAL.address]) expect(stored).not.toContain(secret);
  });
});
