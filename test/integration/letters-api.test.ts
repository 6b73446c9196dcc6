import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { applyLetterAction } from '../../src/features/letters/actions';
import { letterDocument } from '../../src/features/letters/letter-service';
import { findRequestByNumber } from '../../src/features/letters/repo';
import { get, ORIGIN } from '../helpers/http';
import { letterDeps, OFFICER, skuInput } from '../helpers/letters';
import { submitSku } from '../helpers/letters-http';
import { SELF } from '../helpers/worker';

let ipSeq = 0;
function post(body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}/api/v1/service-requests`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `198.51.100.${(ipSeq++ % 200) + 1}`, ...headers },
  });
}

describe('letters JSON API', () => {
  it('lists a region catalogue, gives public status only, and verifies codes', { timeout: 30_000 }, async () => {
    const list = await get('/api/v1/services?region=64.08.04.2012');
    expect(list.status).toBe(200);
    const body = (await list.json()) as { data: Array<{ id: string; cost_rupiah: number }> };
    expect(body.data.map((s) => s.id)).toContain('sk-usaha');
    expect((await get('/api/v1/services?region=99.99')).status).toBe(404);
    expect((await get('/api/v1/services?region=%3Cx%3E')).status).toBe(422);

    const { number } = await submitSku();
    const status = await get(`/api/v1/service-requests/${number}`);
    expect(status.status).toBe(200);
    const text = await status.text();
    expect(JSON.parse(text)).toMatchObject({ number, status: 'diajukan', type: 'Surat Keterangan Usaha' });
    expect(text).not.toMatch(/Budi|6408041203900001|0812/);
    expect((await get('/api/v1/service-requests/SRT-0000-0000')).status).toBe(404);
    expect((await get('/api/v1/service-requests/bukan')).status).toBe(422);

    const unknown = await get('/api/v1/letters/verify/v1-AAAAAAAAAAAAAAAA-BBBBBBBBBBBBBBBB');
    expect(await unknown.json()).toEqual({ state: 'tidak_dikenal', letter: null });
    const doc = (await (await get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const p of ['/services', '/service-requests/{number}', '/letters/verify/{code}']) expect(Object.keys(doc.paths)).toContain(p);
    expect(Object.keys(doc.paths['/service-requests']!)).toContain('post');
  });

  it('files a request: 201 with Location, replay 200, another body 409; NIK, KK and phone never echoed', { timeout: 30_000 }, async () => {
    const input = skuInput({ name: 'Sri Wahyuni', gender: 'P', nik: '6408045203900007', birth_date: '1990-03-12' });
    const key = `api-letter-${Date.now().toString(36)}-0001`;
    const created = await post(input, { 'Idempotency-Key': key });
    expect(created.status).toBe(201);
    const text = await created.text();
    const body = JSON.parse(text) as { number: string; private_code: string; status: string; due_at: string; to_bring: string[] };
    expect(body).toMatchObject({ status: 'diajukan', type: 'Surat Keterangan Usaha', region_code: '64.08.04.2012', delivery: 'unduh' });
    expect(body.number).toMatch(/^SRT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(body.private_code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(body.due_at).not.toBeNull();
    expect(body.to_bring.length).toBeGreaterThan(0);
    expect(created.headers.get('Location')).toBe(`${ORIGIN}/api/v1/service-requests/${body.number}`);
    expect(text).not.toMatch(/6408045203900007|6408041505180003|081234567890/);

    const row = await findRequestByNumber(letterDeps().db, body.number);
    expect(row).toMatchObject({ channel: 'portal', applicantName: 'Sri Wahyuni', status: 'diajukan' });
    const raw = JSON.stringify(await env.DB.prepare('SELECT * FROM letter_requests WHERE id = ?').bind(row!.id).first());
    expect(raw).not.toMatch(/6408045203900007|6408041505180003|081234567890/);

    const replay = await post(input, { 'Idempotency-Key': key });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await replay.json()).toMatchObject({ number: body.number, private_code: body.private_code });
    expect((await post({ ...input, name: 'Orang Lain' }, { 'Idempotency-Key': key })).status).toBe(409);
    expect((await post(input, { 'Idempotency-Key': 'pendek' })).status).toBe(400);
  });

  it('answers problem+json for bad input: wrong NIK, unknown region or letter type, missing letter field, not JSON', { timeout: 30_000 }, async () => {
    const errorsOf = async (res: Response) => {
      expect(res.status).toBe(422);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
      return ((await res.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field);
    };
    expect(await errorsOf(await post(skuInput({ nik: '64080412039' })))).toContain('nik');
    expect(await errorsOf(await post(skuInput({ region_code: '64.08.04.2999' })))).toContain('region_code');
    expect(await errorsOf(await post(skuInput({ service: 'sk-tidak-ada' })))).toContain('service');
    expect(await errorsOf(await post({ ...skuInput(), fields: {} }))).toEqual(expect.arrayContaining([expect.stringMatching(/^f_/)]));
    expect((await post('nama=Budi', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post('{"name":')).status).toBe(400);
  });

  it('rate-limits filing per IP (429 with Retry-After)', { timeout: 60_000 }, async () => {
    const ip = { 'CF-Connecting-IP': '198.51.100.250' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(skuInput(), ip)).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
    const limited = await post(skuInput(), ip);
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
  });

  it('verifies a finished letter through the API (valid, masked holder), then dicabut after revocation', { timeout: 30_000 }, async () => {
    const deps = letterDeps();
    const created = (await (await post(skuInput({ name: 'Budi Sutejo' }))).json()) as { number: string };
    let row = (await findRequestByNumber(deps.db, created.number))!;
    const now = Date.now();
    for (const action of [{ type: 'periksa' }, { type: 'proses' }, { type: 'beri_nomor' }, { type: 'tandatangani', method: 'basah' }] as const) {
      const extra =
        action.type === 'tandatangani' ? { patch: { signatoryName: 'Sutrisno', signatoryPosition: 'Kepala Desa Swarga Bara', signatoryNip: '' } } : {};
      row = (await applyLetterAction(deps, row, action, 'petugas', OFFICER, now, extra)).row;
    }
    const code = (await letterDocument(deps, row, ORIGIN, now)).verifyUrl!.split('/verifikasi/')[1]!;
    const valid = await get(`/api/v1/letters/verify/${code}`);
    const text = await valid.text();
    expect(JSON.parse(text)).toMatchObject({
      state: 'valid',
      letter: { type: 'Surat Keterangan Usaha', number: row.letterNumber, holder_name: 'B*** S*****', revoked_at: null },
    });
    expect(text).not.toMatch(/640804120390/);
    await applyLetterAction(
      deps,
      (await findRequestByNumber(deps.db, created.number))!,
      { type: 'cabut', reason: 'Data usaha tidak benar.' },
      'petugas',
      OFFICER,
      now + 1000,
    );
    expect(await (await get(`/api/v1/letters/verify/${code}`)).json()).toMatchObject({
      state: 'dicabut',
      letter: { revoke_reason: 'Data usaha tidak benar.' },
    });
  });
});
