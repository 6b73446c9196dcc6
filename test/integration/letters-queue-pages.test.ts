// The officers' letter queue, 50 a page (bench/volume.md: it once showed up to 200 open requests, each with its NIK
// unsealed): paging through 120 open requests shows each exactly once, in deadline order, with "Berikutnya" only
// while a row follows.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealContext } from '../../src/features/letters/submit';
import { dataKeys, seal } from '../../src/lib/data-key';
import { loginAs, type Browser } from '../helpers/auth';
import { submitSku } from '../helpers/letters-http';

const COPIES = 120;
const DAY = 86_400_000;
let admin: Browser;

beforeAll(async () => {
  const { number } = await submitSku();
  expect(number).not.toBe('');
  const original = await env.DB.prepare('SELECT * FROM letter_requests WHERE tracking_number = ?').bind(number).first<Record<string, unknown>>();
  const columns = Object.keys(original!);
  const keys = dataKeys(env);
  const base = Date.now() + 30 * DAY;
  for (let i = 1; i <= COPIES; i++) {
    const id = `vl-l-${String(i).padStart(4, '0')}`;
    const row: Record<string, unknown> = {
      ...original,
      id,
      tracking_number: `SRT-VL${String(i).padStart(4, '0')}`,
      verify_nonce: null,
      // Some share a deadline (the id breaks the tie); a few have none (they come last).
      due_at: i % 10 === 0 ? null : base + Math.floor(i / 3) * DAY,
      nik_sealed: await seal(keys, '6408041203900001', sealContext(id, 'nik')),
      kk_sealed: await seal(keys, '6408041505180003', sealContext(id, 'kk')),
      contact_sealed: await seal(keys, '081234567890', sealContext(id, 'contact')),
    };
    await env.DB.prepare(`INSERT INTO letter_requests (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .bind(...columns.map((c) => row[c] ?? null))
      .run();
  }
  admin = await loginAs([['diskominfo', '64.08']]);
}, 120_000);

describe('the letter queue in pages', () => {
  it('shows every open request once, in deadline order, 50 a page', async () => {
    const expected = (
      await env.DB.prepare(
        `SELECT tracking_number FROM letter_requests WHERE status IN ('diajukan', 'diperiksa', 'diproses', 'menunggu_tanda_tangan', 'perlu_perbaikan')
         ORDER BY due_at IS NULL, due_at, created_at DESC, id`,
      ).all<{ tracking_number: string }>()
    ).results.map((r) => r.tracking_number);
    expect(expected.length).toBeGreaterThan(COPIES);
    const seen: string[] = [];
    let page = 1;
    for (;;) {
      const html = await (await admin.get(`/admin/layanan?status=terbuka&halaman=${page}`)).text();
      const numbers = [...html.matchAll(/href="\/admin\/layanan\/[^"]+">(SRT-[0-9A-Z-]+)</g)].map((m) => m[1]!);
      expect(numbers.length).toBeLessThanOrEqual(50);
      seen.push(...numbers);
      if (!html.includes(`halaman=${page + 1}`)) break;
      expect(numbers).toHaveLength(50);
      page += 1;
      expect(page).toBeLessThan(10);
    }
    expect(page).toBe(Math.ceil(expected.length / 50));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expected);
    // Back from page 2 to page 1.
    expect(await (await admin.get('/admin/layanan?status=terbuka&halaman=2')).text()).toContain('halaman=1');
  }, 60_000);

  it('answers a page number out of range with the first page, never an error', async () => {
    const res = await admin.get('/admin/layanan?halaman=abc');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('halaman=2');
  }, 30_000);
});
