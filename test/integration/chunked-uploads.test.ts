import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { documentsFeature } from '../../src/features/documents';
import { runScheduled } from '../../src/jobs';
import { loginAs, type Browser } from '../helpers/auth';
import { multipart, setStage } from '../helpers/content';
import { ORIGIN } from '../helpers/http';
import { SELF } from '../helpers/worker';

// Chunked (R2 multipart) uploads of large document files (issue 15, "uploads that survive 2G"): start a session,
// send parts in any order, list what arrived (resume), complete (checked like a form upload), and the document form
// takes the completed upload instead of a file field.

const MiB = 1024 * 1024;
const VILLAGE = '64.08.04.2012'; // Swarga Bara, Sangatta Utara
const OTHER_KECAMATAN_VILLAGE = '64.08.05.2001';
const BASE = '/admin/dokumen/unggahan';

/** A PDF-looking file of `size` bytes whose content depends on `seed` (so parts differ from each other). */
function pdfOf(size: number, seed = 7): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed) & 0xff;
  b.set(new TextEncoder().encode('%PDF-1.4\n'));
  return b;
}
async function sha256(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((x) => x.toString(16).padStart(2, '0')).join('');
}

function call(b: Browser, method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}) {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method,
    redirect: 'manual',
    headers: { Cookie: b.cookie, Origin: ORIGIN, 'X-CSRF-Token': b.csrf, ...headers },
    body,
  });
}
const start = (b: Browser, input: Record<string, unknown>) => call(b, 'POST', BASE, JSON.stringify(input), { 'Content-Type': 'application/json' });
function sendPart(b: Browser, id: string, n: number | string, bytes: Uint8Array) {
  const form = new FormData();
  form.set('bagian', new File([bytes as Uint8Array<ArrayBuffer>], 'bagian.bin'));
  return call(b, 'PUT', `${BASE}/${id}/bagian/${n}`, form);
}
const slice = (bytes: Uint8Array, n: number, partSize = 5 * MiB) => bytes.subarray((n - 1) * partSize, n * partSize);

interface SessionJson {
  id: string;
  size: number;
  part_size: number;
  part_count: number;
  status: string;
  parts: number[];
  received_bytes: number;
  mime?: string;
  sha256?: string;
}
async function startOk(b: Browser, bytes: Uint8Array, extra: Record<string, unknown> = {}): Promise<SessionJson> {
  const res = await start(b, { region_code: VILLAGE, name: 'LKJIP 2025.pdf', size: bytes.byteLength, type: 'application/pdf', ...extra });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

const META = { title: 'LKJIP Desa 2025', category: 'laporan', year: '2025', description: '', info_category: 'berkala', aksi: 'simpan' };
const sessionRow = (id: string) =>
  env.DB.prepare('SELECT status, r2_key, r2_upload_id FROM upload_sessions WHERE id = ?')
    .bind(id)
    .first<{ status: string; r2_key: string; r2_upload_id: string }>();

describe('chunked uploads', () => {
  it('takes parts in any order, lists them for resuming, completes, and the document form uses the upload', async () => {
    await setStage(VILLAGE, 'mandiri');
    const op = await loginAs([['operator_desa', VILLAGE]]);
    const bytes = pdfOf(11 * MiB + 12345);
    const s = await startOk(op, bytes, { sha256: await sha256(bytes) });
    expect(s).toMatchObject({ size: bytes.byteLength, part_size: 5 * MiB, part_count: 3, status: 'open', parts: [] });

    // A connection that dropped after the last part and the first: the server says which parts it has.
    expect((await sendPart(op, s.id, 3, slice(bytes, 3))).status).toBe(200);
    expect((await sendPart(op, s.id, 1, slice(bytes, 1))).status).toBe(200);
    const listed: SessionJson = await (await call(op, 'GET', `${BASE}/${s.id}`)).json();
    expect(listed.parts).toEqual([1, 3]);
    expect(listed.received_bytes).toBe(5 * MiB + (bytes.byteLength - 10 * MiB));
    const early = await call(op, 'POST', `${BASE}/${s.id}/selesai`);
    expect(early.status).toBe(409);
    expect(early.headers.get('Content-Type')).toContain('application/problem+json');
    expect(((await early.json()) as { detail: string }).detail).toContain('2');

    // Part 2 sent twice (an answer lost on the way): the later copy counts, nothing breaks.
    expect((await sendPart(op, s.id, 2, slice(bytes, 2))).status).toBe(200);
    expect(((await (await sendPart(op, s.id, 2, slice(bytes, 2))).json()) as SessionJson).parts).toEqual([1, 2, 3]);
    const done: SessionJson = await (await call(op, 'POST', `${BASE}/${s.id}/selesai`)).json();
    expect(done).toMatchObject({ status: 'complete', mime: 'application/pdf', sha256: await sha256(bytes) });
    // Completing again answers the same (the first answer may have been lost); no more parts are taken.
    expect(((await (await call(op, 'POST', `${BASE}/${s.id}/selesai`)).json()) as SessionJson).status).toBe('complete');
    expect((await sendPart(op, s.id, 1, slice(bytes, 1))).status).toBe(409);

    // The form with an invalid title keeps the upload (hidden upload_id); corrected, it creates the document.
    const bad = await op.postMultipart('/admin/dokumen', multipart({ ...META, region_code: VILLAGE, title: 'x', upload_id: s.id }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain(`name="upload_id" value="${s.id}"`);
    const res = await op.postMultipart('/admin/dokumen', multipart({ ...META, region_code: VILLAGE, upload_id: s.id }));
    expect(res.status, await res.clone().text()).toBe(303);
    const docId = /\/admin\/dokumen\/([0-9A-Z]{26})/.exec(res.headers.get('Location') ?? '')![1]!;
    const version = await env.DB.prepare('SELECT r2_key, size, sha256, mime, original_name FROM document_versions WHERE document_id = ?')
      .bind(docId)
      .first<{ r2_key: string; size: number; sha256: string; mime: string; original_name: string }>();
    expect(version).toMatchObject({ r2_key: `docs/${VILLAGE}/unggahan/${s.id}`, size: bytes.byteLength, sha256: await sha256(bytes), mime: 'application/pdf' });
    expect(version!.original_name).toBe('LKJIP 2025.pdf');
    expect(await sessionRow(s.id)).toBeNull(); // taken by the document
    const download = await op.get(`/admin/dokumen/${docId}/versi/1`);
    expect(download.status).toBe(200);
    expect(await sha256(new Uint8Array(await download.arrayBuffer()))).toBe(await sha256(bytes));

    // The same upload cannot make a second document.
    const again = await op.postMultipart('/admin/dokumen', multipart({ ...META, region_code: VILLAGE, upload_id: s.id }));
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('Berkas yang sudah diunggah tidak ditemukan');
  }, 120_000);

  it('refuses other officers (404), other regions, and hostile input with 4xx, never 500', async () => {
    await setStage(VILLAGE, 'mandiri');
    const op = await loginAs([['operator_desa', VILLAGE]]);
    const colleague = await loginAs([['operator_desa', VILLAGE]]);
    const elsewhere = await loginAs([['operator_desa', OTHER_KECAMATAN_VILLAGE]]);
    const bytes = pdfOf(5 * MiB + 10);
    const s = await startOk(op, bytes);

    // Someone else's session: 404 on every endpoint; the session is untouched.
    for (const res of [
      await call(colleague, 'GET', `${BASE}/${s.id}`),
      await sendPart(colleague, s.id, 1, slice(bytes, 1)),
      await call(colleague, 'POST', `${BASE}/${s.id}/selesai`),
      await call(colleague, 'DELETE', `${BASE}/${s.id}`),
      await call(elsewhere, 'GET', `${BASE}/${s.id}`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    }
    expect((await sessionRow(s.id))?.status).toBe('open');
    // Starting an upload for a region outside one's own: 404, as every scoped route answers.
    expect((await start(elsewhere, { region_code: VILLAGE, name: 'a.pdf', size: 6 * MiB })).status).toBe(404);
    // Someone else's completed upload cannot be taken by the form either.
    expect((await sendPart(op, s.id, 1, slice(bytes, 1))).status).toBe(200);
    expect((await sendPart(op, s.id, 2, slice(bytes, 2))).status).toBe(200);
    expect((await call(op, 'POST', `${BASE}/${s.id}/selesai`)).status).toBe(200);
    const stolen = await colleague.postMultipart('/admin/dokumen', multipart({ ...META, region_code: VILLAGE, upload_id: s.id }));
    expect(stolen.status).toBe(422);
    expect((await sessionRow(s.id))?.status).toBe('complete');

    const cases: Array<[string, Promise<Response>, number]> = [
      ['too large', start(op, { region_code: VILLAGE, name: 'a.pdf', size: 21 * MiB }), 413],
      ['empty', start(op, { region_code: VILLAGE, name: 'a.pdf', size: 0 }), 422],
      ['size as text', start(op, { region_code: VILLAGE, name: 'a.pdf', size: '6000000' }), 422],
      ['no region', start(op, { name: 'a.pdf', size: 6 * MiB }), 422],
      ['not JSON', call(op, 'POST', BASE, '{"region_code":', { 'Content-Type': 'application/json' }), 400],
      ['form instead of JSON', call(op, 'POST', BASE, 'size=1', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415],
      ['no CSRF token', SELF.fetch(`${ORIGIN}${BASE}/${s.id}`, { method: 'DELETE', headers: { Cookie: op.cookie, Origin: ORIGIN } }), 403],

      ['bad id', call(op, 'GET', `${BASE}/..%2F..%2Fetc`), 404],
      ['unknown id', call(op, 'GET', `${BASE}/01ARZ3NDEKTSV4RRFFQ69G5FAV`), 404],
    ];
    const anonymous = await SELF.fetch(`${ORIGIN}${BASE}/${s.id}`, { redirect: 'manual' });
    expect([303, 401]).toContain(anonymous.status);
    for (const [what, pending, status] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(status);
    }

    const t = await startOk(op, pdfOf(5 * MiB + 10));
    const partCases: Array<[string, Promise<Response>, number]> = [
      ['part 0', sendPart(op, t.id, 0, new Uint8Array(10)), 422],
      ['part abc', sendPart(op, t.id, 'abc', new Uint8Array(10)), 422],
      ['part past the end', sendPart(op, t.id, 3, new Uint8Array(10)), 422],
      ['oversized part', sendPart(op, t.id, 1, new Uint8Array(5 * MiB + 1)), 413],
      ['short middle part', sendPart(op, t.id, 1, new Uint8Array(MiB)), 422],
      ['last part too long', sendPart(op, t.id, 2, new Uint8Array(11)), 413],
      ['no part field', call(op, 'PUT', `${BASE}/${t.id}/bagian/1`, multipart({ x: '1' })), 422],
      ['raw bytes', call(op, 'PUT', `${BASE}/${t.id}/bagian/1`, new Uint8Array(10), { 'Content-Type': 'application/octet-stream' }), 415],
    ];
    for (const [what, pending, status] of partCases) expect((await pending).status, what).toBe(status);
    expect(((await (await call(op, 'GET', `${BASE}/${t.id}`)).json()) as SessionJson).parts).toEqual([]);
  }, 120_000);

  it('refuses a completed file that is not an allowed type (by its bytes) and forgets it', async () => {
    await setStage(VILLAGE, 'mandiri');
    const op = await loginAs([['operator_desa', VILLAGE]]);
    const html = new Uint8Array(5 * MiB + 100).fill(0x20);
    html.set(new TextEncoder().encode('<html><script>alert(1)</script>'));
    const s = await startOk(op, html, { name: 'laporan.pdf' });
    await sendPart(op, s.id, 1, slice(html, 1));
    await sendPart(op, s.id, 2, slice(html, 2));
    const res = await call(op, 'POST', `${BASE}/${s.id}/selesai`);
    expect(res.status).toBe(415);
    expect(((await res.json()) as { detail: string }).detail).toContain('Jenis berkas tidak didukung');
    expect(await sessionRow(s.id)).toBeNull();
    expect((await env.FILES.list({ prefix: `docs/${VILLAGE}/unggahan/${s.id}` })).objects).toHaveLength(0);
    // A declared SHA-256 that the received bytes do not match is refused too.
    const pdf = pdfOf(5 * MiB + 100);
    const u = await startOk(op, pdf, { sha256: 'a'.repeat(64) });
    await sendPart(op, u.id, 1, slice(pdf, 1));
    await sendPart(op, u.id, 2, slice(pdf, 2));
    expect((await call(op, 'POST', `${BASE}/${u.id}/selesai`)).status).toBe(422);
    expect(await sessionRow(u.id)).toBeNull();
  }, 120_000);

  it('abort removes the session; the daily cleanup aborts stale sessions and deletes unused completed files', async () => {
    await setStage(VILLAGE, 'mandiri');
    const op = await loginAs([['operator_desa', VILLAGE]]);
    const bytes = pdfOf(5 * MiB + 100);
    const aborted = await startOk(op, bytes);
    await sendPart(op, aborted.id, 1, slice(bytes, 1));
    expect((await call(op, 'DELETE', `${BASE}/${aborted.id}`)).status).toBe(204);
    expect(await sessionRow(aborted.id)).toBeNull();
    expect((await call(op, 'GET', `${BASE}/${aborted.id}`)).status).toBe(404);

    const open = await startOk(op, bytes);
    await sendPart(op, open.id, 1, slice(bytes, 1));
    const complete = await startOk(op, bytes);
    await sendPart(op, complete.id, 1, slice(bytes, 1));
    await sendPart(op, complete.id, 2, slice(bytes, 2));
    expect((await call(op, 'POST', `${BASE}/${complete.id}/selesai`)).status).toBe(200);
    const fresh = await startOk(op, bytes);
    const completeKey = (await sessionRow(complete.id))!.r2_key;
    const openUploadId = (await sessionRow(open.id))!.r2_upload_id;
    expect(await env.FILES.head(completeKey)).not.toBeNull();

    const now = Date.now();
    await env.DB.prepare('UPDATE upload_sessions SET expires_at = ? WHERE id IN (?, ?)')
      .bind(now - 1000, open.id, complete.id)
      .run();
    // An expired session answers 404 at once, before the cleanup runs.
    expect((await call(op, 'GET', `${BASE}/${open.id}`)).status).toBe(404);
    await runScheduled(createScheduledController({ cron: '0 17 * * *', scheduledTime: now }), env, [documentsFeature]);
    expect(await sessionRow(open.id)).toBeNull();
    expect(await sessionRow(complete.id)).toBeNull();
    expect(await env.FILES.head(completeKey)).toBeNull();
    expect(
      (await env.DB.prepare('SELECT COUNT(*) AS n FROM upload_parts WHERE session_id IN (?, ?)').bind(open.id, complete.id).first<{ n: number }>())!.n,
    ).toBe(0);
    // The open multipart upload was aborted in R2: it takes no more parts.
    await expect(env.FILES.resumeMultipartUpload(`docs/${VILLAGE}/unggahan/${open.id}`, openUploadId).uploadPart(2, new Uint8Array(10))).rejects.toThrow();
    expect((await sessionRow(fresh.id))?.status).toBe('open'); // not expired: kept
    const run = await env.DB.prepare("SELECT status FROM job_runs WHERE job = 'stale chunked uploads' ORDER BY started_at DESC").first<{ status: string }>();
    expect(run?.status).toBe('selesai');
  }, 120_000);
});
