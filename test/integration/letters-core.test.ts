import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { applyLetterAction } from '../../src/features/letters/actions';
import { findRequestById, templateVersion } from '../../src/features/letters/repo';
import type { LetterStatusEvent } from '../../src/features/letters/status-machine';
import { sealContext, submitRequest } from '../../src/features/letters/submit';
import { readRequirementUploads, type RequirementUpload } from '../../src/features/letters/uploads';
import { open } from '../../src/lib/data-key';
import { jpegBytes } from '../helpers/complaints';
import { letterDeps, OFFICER, skuInput, SWARGA_BARA } from '../helpers/letters';

const NOW = Date.UTC(2026, 11, 1, 2);
const keep = (b: Uint8Array) => b;

async function photos(): Promise<RequirementUpload[]> {
  const files = new Map([
    ['ktp', new File([jpegBytes(64, 40)], 'ktp.jpg', { type: 'image/jpeg' })],
    ['kk', new File([jpegBytes(64, 48)], 'kk.jpg', { type: 'image/jpeg' })],
  ]);
  const sku = await templateVersion(letterDeps().db, 'sk-usaha', 1);
  return readRequirementUploads(files, sku!.requirements, keep);
}

async function submitted(events: LetterStatusEvent[] = []) {
  return submitRequest(letterDeps(events), SWARGA_BARA, skuInput(), await photos(), { now: NOW, channel: 'portal' });
}

/** Moves a fresh request to `diproses` through the machine, as an officer would. */
async function processed() {
  const deps = letterDeps();
  const { request } = await submitted();
  let row = request;
  for (const type of ['periksa', 'proses'] as const) row = (await applyLetterAction(deps, row, { type }, 'petugas', OFFICER, NOW + 1000)).row;
  return row;
}

describe('letter requests: storage, privacy, numbering', () => {
  it('stores no NIK, KK or phone in clear: the raw D1 row holds data-key ciphertexts that open only on their own row', async () => {
    const input = skuInput();
    const { request } = await submitRequest(letterDeps(), SWARGA_BARA, input, await photos(), { now: NOW, channel: 'portal' });
    const raw = await env.DB.prepare('SELECT * FROM letter_requests WHERE id = ?').bind(request.id).first<Record<string, unknown>>();
    const dump = JSON.stringify(raw);
    for (const secret of [input.nik, input.kk, input.phone, input.nik.slice(0, 12), input.kk.slice(0, 12), '1234567890']) expect(dump).not.toContain(secret);
    expect(raw!.nik_sealed).toMatch(/^k1:/);
    const keys = letterDeps().dataKeys;
    expect(await open(keys, String(raw!.nik_sealed), sealContext(request.id, 'nik'))).toBe(input.nik);
    expect(await open(keys, String(raw!.kk_sealed), sealContext(request.id, 'kk'))).toBe(input.kk);
    expect(await open(keys, String(raw!.contact_sealed), sealContext(request.id, 'contact'))).toBe(input.phone);
    // Moved onto another row (or column) the ciphertext does not open.
    await expect(open(keys, String(raw!.nik_sealed), sealContext('another', 'nik'))).rejects.toThrow();
    await expect(open(keys, String(raw!.nik_sealed), sealContext(request.id, 'kk'))).rejects.toThrow();
    // Nothing personal in the timeline or the idempotency row either.
    const other = await env.DB.prepare(
      "SELECT (SELECT group_concat(coalesce(note_requester,'') || coalesce(note_internal,'') || actor_label) FROM letter_events WHERE request_id = ?1) AS ev, (SELECT group_concat(result_ref || request_hash) FROM idempotency_keys WHERE scope = 'letter') AS idem",
    )
      .bind(request.id)
      .first<Record<string, string>>();
    expect(JSON.stringify(other)).not.toContain(input.nik);
  });

  it('keeps uploads private under letters/ with the requirement they answer', async () => {
    const { request } = await submitted();
    const rows = (
      await env.DB.prepare('SELECT requirement_key, r2_key, mime FROM letter_attachments WHERE request_id = ? ORDER BY requirement_key')
        .bind(request.id)
        .all<{ requirement_key: string; r2_key: string; mime: string }>()
    ).results;
    expect(rows.map((r) => r.requirement_key)).toEqual(['kk', 'ktp']);
    for (const r of rows) {
      expect(r.r2_key.startsWith(`letters/${request.id}/`)).toBe(true);
      expect(await env.FILES.head(r.r2_key)).not.toBeNull();
    }
  });

  it('refuses a missing required upload, a wrong file type and a letter type the region does not offer', async () => {
    const sku = await templateVersion(letterDeps().db, 'sk-usaha', 1);
    await expect(readRequirementUploads(new Map(), sku!.requirements, keep)).rejects.toMatchObject({ status: 422, fieldErrors: [{ field: 'req_ktp' }] });
    const html = new File(['<html><script>alert(1)</script>'], 'ktp.jpg', { type: 'image/jpeg' });
    await expect(readRequirementUploads(new Map([['ktp', html]]), sku!.requirements, keep)).rejects.toMatchObject({
      fieldErrors: [{ field: 'req_ktp', message: expect.stringContaining('PDF') }],
    });
    await expect(
      submitRequest(letterDeps(), SWARGA_BARA, skuInput({ service: 'legalisasi-kecamatan' }), [], { now: NOW, channel: 'portal' }),
    ).rejects.toMatchObject({ status: 422, fieldErrors: [{ field: 'service' }] });
    await expect(
      submitRequest(letterDeps(), SWARGA_BARA, skuInput({ fields: { nama_usaha: 'x' } }), await photos(), { now: NOW, channel: 'portal' }),
    ).rejects.toMatchObject({
      status: 422,
      fieldErrors: expect.arrayContaining([{ field: 'f_jenis_usaha', message: 'Isi jenis usaha.' }]),
    });
  });

  it('is idempotent: a replay gives the same number and code and creates nothing', async () => {
    const deps = letterDeps();
    const input = skuInput();
    const ups = await photos();
    const a = await submitRequest(deps, SWARGA_BARA, input, ups, { key: 'retry-key-0123456789', now: NOW, channel: 'portal' });
    const b = await submitRequest(deps, SWARGA_BARA, input, ups, { key: 'retry-key-0123456789', now: NOW + 5, channel: 'portal' });
    expect(b).toMatchObject({ trackingNumber: a.trackingNumber, code: a.code, created: false });
    const count = await env.DB.prepare('SELECT count(*) AS n FROM letter_requests WHERE applicant_name = ? AND tracking_number = ?')
      .bind(input.name, a.trackingNumber)
      .first<{ n: number }>();
    expect(count!.n).toBe(1);
  });

  it('emits a status-change event for every committed change (the hook for messages to the requester)', async () => {
    const events: LetterStatusEvent[] = [];
    const { request } = await submitted(events);
    await applyLetterAction(letterDeps(events), request, { type: 'periksa' }, 'petugas', OFFICER, NOW + 1);
    expect(events.map((e) => `${e.from}>${e.to}`)).toEqual(['null>diajukan', 'diajukan>diperiksa']);
    expect(JSON.stringify(events)).not.toMatch(/640804/);
  });

  it('numbers 50 letters issued at once in one region with no gap and no duplicate', { timeout: 120_000 }, async () => {
    const rows = [];
    for (let i = 0; i < 50; i++) rows.push(await processed());
    const before = await env.DB.prepare('SELECT coalesce(max(last_seq), 0) AS n FROM letter_counters WHERE region_code = ? AND year = 2026')
      .bind(SWARGA_BARA.code)
      .first<{ n: number }>();
    const deps = letterDeps();
    const results = await Promise.allSettled(rows.map((row) => applyLetterAction(deps, row, { type: 'beri_nomor' }, 'petugas', OFFICER, NOW + 2000)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const issued = (
      await env.DB.prepare(`SELECT letter_seq, letter_number FROM letter_requests WHERE id IN (${rows.map(() => '?').join(',')}) ORDER BY letter_seq`)
        .bind(...rows.map((r) => r.id))
        .all<{ letter_seq: number; letter_number: string }>()
    ).results;
    const seqs = issued.map((r) => r.letter_seq);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => before!.n + 1 + i));
    expect(new Set(issued.map((r) => r.letter_number)).size).toBe(50);
    expect(issued[0]!.letter_number).toBe(`503/${String(before!.n + 1).padStart(3, '0')}/DS-SB/XII/2026`);
    const after = await env.DB.prepare('SELECT last_seq FROM letter_counters WHERE region_code = ? AND year = 2026')
      .bind(SWARGA_BARA.code)
      .first<{ last_seq: number }>();
    expect(after!.last_seq).toBe(before!.n + 50);
    // Every numbered letter got its verification code.
    const coded = await env.DB.prepare(`SELECT count(*) AS n FROM letter_requests WHERE verify_nonce IS NOT NULL AND id IN (${rows.map(() => '?').join(',')})`)
      .bind(...rows.map((r) => r.id))
      .first<{ n: number }>();
    expect(coded!.n).toBe(50);
  });

  it('never burns a number when the change loses a race (stale version)', async () => {
    const row = await processed();
    const deps = letterDeps();
    await applyLetterAction(deps, row, { type: 'minta_perbaikan', note: 'Foto KK buram.' }, 'petugas', OFFICER, NOW + 3000);
    const counter = async () =>
      (await env.DB.prepare('SELECT coalesce(max(last_seq), 0) AS n FROM letter_counters WHERE region_code = ?').bind(SWARGA_BARA.code).first<{ n: number }>())!
        .n;
    const before = await counter();
    // `row` is the stale copy (still diproses at the old version).
    await expect(applyLetterAction(deps, row, { type: 'beri_nomor' }, 'petugas', OFFICER, NOW + 4000)).rejects.toMatchObject({ status: 409 });
    expect(await counter()).toBe(before);
    expect((await findRequestById(deps.db, row.id))!.letterSeq).toBeNull();
  });
});
