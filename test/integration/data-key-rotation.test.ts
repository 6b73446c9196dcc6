import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { letterSealedTable } from '../../src/features/letters/reseal-job';
import { sealContext, submitRequest as submitLetter } from '../../src/features/letters/submit';
import { readRequirementUploads } from '../../src/features/letters/uploads';
import { templateVersion } from '../../src/features/letters/repo';
import { ppidSealedTable } from '../../src/features/ppid/reseal-job';
import { openIdentity } from '../../src/features/ppid/secrets';
import { runScheduled } from '../../src/jobs';
import { ppidFeature } from '../../src/features/ppid';
import { dataKeys, open } from '../../src/lib/data-key';
import { rotateSealed } from '../../src/lib/data-key-rotation';
import { parseKeyring } from '../../src/lib/keyring';
import { createDb } from '../../src/db/client';
import { sealContext as subscriptionContext, sealSubscription, subscriptionInsert } from '../../src/messaging/citizen-notice';
import { enqueue, SEAL_CONTEXT as OUTBOX_CONTEXT } from '../../src/messaging/outbox';
import { officerPrefsSealedTable, outboxSealedTable, subscriptionsSealedTable } from '../../src/messaging/reseal';
import { loadOfficerPrefs, officerPrefsStatement, sealOfficerContact } from '../../src/messaging/officer-notify';
import { createTestUser } from '../helpers/auth';
import { jpegBytes } from '../helpers/complaints';
import { letterDeps, skuInput, SWARGA_BARA } from '../helpers/letters';
import { requestRow, SECRET_NIK, submitRequest } from '../helpers/ppid';

/** The format PPID wrote before the data key: AES-GCM under HKDF(SESSION_SECRET), the number as AAD, 'v1.' prefix. */
async function legacySeal(secret: string, plain: string, number: string): Promise<string> {
  const enc = new TextEncoder();
  const base = await crypto.subtle.importKey('raw', enc.encode(secret), 'HKDF', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('portal-kutim/ppid'), info: enc.encode('identity-number-v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(number) }, key, enc.encode(plain)));
  const out = new Uint8Array([...iv, ...ct]);
  return `v1.${btoa(String.fromCharCode(...out))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;
}

const OTHER_SESSION_SECRET = 'a-session-secret-rotated-after-a-leak-32+';
const K2 = btoa(String.fromCharCode(...new Uint8Array(32).fill(42)));
/** The test environment's keys plus a new k2, made active: what an operator configures to rotate. */
const rotatedKeys = () => parseKeyring('DATA_KEYS', JSON.stringify({ ...JSON.parse(env.DATA_KEYS), k2: K2 }), 'k2');
const HOURLY = '5 * * * *';

describe('data-key rotation', () => {
  it('reads a PPID identity number sealed under the old SESSION_SECRET-derived key, and the hourly job re-seals it', { timeout: 30_000 }, async () => {
    const { number } = await submitRequest();
    const legacy = await legacySeal(env.SESSION_SECRET, SECRET_NIK, number);
    await env.DB.prepare('UPDATE info_requests SET identity_cipher = ? WHERE number = ?').bind(legacy, number).run();
    const keys = dataKeys(env);
    expect(await openIdentity(keys, env.SESSION_SECRET, legacy, number)).toBe(SECRET_NIK);
    expect(await openIdentity(keys, OTHER_SESSION_SECRET, legacy, number)).toBeNull(); // why it must be re-sealed

    await runScheduled(createScheduledController({ cron: HOURLY, scheduledTime: Date.now() }), env, [ppidFeature]);
    const stored = (await requestRow(number))!.identity_cipher as string;
    expect(stored).toMatch(new RegExp(`^${env.DATA_KEY_ACTIVE}:`));
    // Now rotating SESSION_SECRET no longer matters.
    expect(await openIdentity(keys, OTHER_SESSION_SECRET, stored, number)).toBe(SECRET_NIK);
    const run = await env.DB.prepare("SELECT status FROM job_runs WHERE job = 'ppid data-key reseal' ORDER BY started_at DESC LIMIT 1").first<{
      status: string;
    }>();
    expect(run?.status).toBe('selesai');
  });

  it('moves PPID identity numbers to a newly active key, leaving an unopenable value counted and the rest done', { timeout: 30_000 }, async () => {
    const a = await submitRequest();
    const b = await submitRequest();
    await env.DB.prepare('UPDATE info_requests SET identity_cipher = ? WHERE number = ?').bind('k1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAA', b.number).run();
    const keys = rotatedKeys();
    const r = await rotateSealed(env.DB, keys, ppidSealedTable(env.SESSION_SECRET), { chunk: 1, maxChunks: 1000 });
    expect(r.failed).toBeGreaterThanOrEqual(1);
    expect(r.remaining).toBe(false);
    const stored = (await requestRow(a.number))!.identity_cipher as string;
    expect(stored).toMatch(/^k2:/);
    expect(await openIdentity(keys, OTHER_SESSION_SECRET, stored, a.number)).toBe(SECRET_NIK);
    expect((await requestRow(b.number))!.identity_cipher).toMatch(/^k1:/); // untouched, reported
  });

  it("re-seals letters' NIK, KK and contact to the active key in bounded chunks", { timeout: 30_000 }, async () => {
    const sku = await templateVersion(letterDeps().db, 'sk-usaha', 1);
    const files = new Map([
      ['ktp', new File([jpegBytes(64, 40)], 'ktp.jpg', { type: 'image/jpeg' })],
      ['kk', new File([jpegBytes(64, 48)], 'kk.jpg', { type: 'image/jpeg' })],
    ]);
    const input = skuInput();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { request } = await submitLetter(letterDeps(), SWARGA_BARA, input, await readRequirementUploads(files, sku!.requirements, (x) => x), {
        now: Date.UTC(2026, 11, 1, 2) + i,
        channel: 'portal',
      });
      ids.push(request.id);
    }
    const keys = rotatedKeys();
    const first = await rotateSealed(env.DB, keys, letterSealedTable, { chunk: 1, maxChunks: 1 });
    expect(first.remaining).toBe(true);
    expect(first.resealed).toBe(3); // one row, three columns
    let r = first;
    for (let guard = 0; r.remaining && guard < 100; guard++) r = await rotateSealed(env.DB, keys, letterSealedTable, { chunk: 1, maxChunks: 1 });
    expect(r.remaining).toBe(false);
    for (const id of ids) {
      const row = (await env.DB.prepare('SELECT nik_sealed, kk_sealed, contact_sealed FROM letter_requests WHERE id = ?')
        .bind(id)
        .first<Record<string, string>>())!;
      expect(row.nik_sealed).toMatch(/^k2:/);
      expect(row.kk_sealed).toMatch(/^k2:/);
      expect(row.contact_sealed).toMatch(/^k2:/);
      expect(await open(keys, row.nik_sealed!, sealContext(id, 'nik'))).toBe(input.nik);
      expect(await open(keys, row.kk_sealed!, sealContext(id, 'kk'))).toBe(input.kk);
      expect(await open(keys, row.contact_sealed!, sealContext(id, 'contact'))).toBe(input.phone);
    }
    // Idempotent: nothing left under k1.
    expect((await rotateSealed(env.DB, keys, letterSealedTable)).resealed).toBe(0);
  });

  it('re-seals every queued/sent message recipient and opt-in contact (composite key) page by page; the hourly job too', { timeout: 60_000 }, async () => {
    const db = createDb(env.DB);
    const oldKeys = dataKeys(env);
    const now = Date.UTC(2026, 11, 1, 3);
    const outboxIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await enqueue(
        { db, keys: oldKeys, now: now + i },
        {
          purpose: 'status.aduan',
          refId: `ROT-${i}`,
          message: { subject: 's', text: 't', idempotencyKey: `rotate-test-${i}` },
          channel: { kind: 'email', to: `warga${i}@contoh.id` },
        },
      );
      outboxIds.push(id!);
    }
    // Same ref_id under two kinds, and several ref_ids per kind: the walk must order by (ref_kind, ref_id).
    const subs: Array<['aduan' | 'ppid' | 'surat', string]> = [
      ['aduan', 'ROT-A'],
      ['aduan', 'ROT-B'],
      ['ppid', 'ROT-A'],
      ['surat', 'ROT-A'],
      ['surat', 'ROT-C'],
    ];
    for (const [kind, ref] of subs) {
      await subscriptionInsert(db, await sealSubscription(oldKeys, kind, ref, { channel: 'whatsapp', contact: `0812${kind}${ref}` }, now)).run();
    }
    const keys = rotatedKeys();
    let pages = 0;
    for (const table of [outboxSealedTable, subscriptionsSealedTable]) {
      let r = await rotateSealed(env.DB, keys, table, { chunk: 2, maxChunks: 1 });
      pages++;
      expect(r.remaining).toBe(true); // five rows, two per page
      for (let guard = 0; r.remaining && guard < 50; guard++, pages++) r = await rotateSealed(env.DB, keys, table, { chunk: 2, maxChunks: 1 });
      expect(r.remaining).toBe(false);
    }
    expect(pages).toBeGreaterThanOrEqual(6);
    const outboxLeft = await env.DB.prepare("SELECT count(*) AS n FROM message_outbox WHERE substr(recipient_sealed, 1, 3) <> 'k2:'").first<{ n: number }>();
    const subsLeft = await env.DB.prepare("SELECT count(*) AS n FROM citizen_subscriptions WHERE substr(contact_sealed, 1, 3) <> 'k2:'").first<{ n: number }>();
    expect(outboxLeft?.n).toBe(0);
    expect(subsLeft?.n).toBe(0);
    for (const [i, id] of outboxIds.entries()) {
      const row = (await env.DB.prepare('SELECT recipient_sealed FROM message_outbox WHERE id = ?').bind(id).first<{ recipient_sealed: string }>())!;
      expect(await open(keys, row.recipient_sealed, OUTBOX_CONTEXT)).toBe(`warga${i}@contoh.id`);
    }
    for (const [kind, ref] of subs) {
      const row = (await env.DB.prepare('SELECT contact_sealed FROM citizen_subscriptions WHERE ref_kind = ? AND ref_id = ?')
        .bind(kind, ref)
        .first<{ contact_sealed: string }>())!;
      expect(await open(keys, row.contact_sealed, subscriptionContext(kind, ref))).toBe(`0812${kind}${ref}`);
    }

    // The hourly job, once k2 is configured and active, re-seals what is still under k1: nothing is left under it.
    await enqueue(
      { db, keys: oldKeys, now },
      { purpose: 'status.ppid', message: { subject: 's', text: 't', idempotencyKey: 'rotate-test-late' }, channel: { kind: 'whatsapp', phone: '0812000' } },
    );
    await subscriptionInsert(db, await sealSubscription(oldKeys, 'ppid', 'ROT-LATE', { channel: 'email', contact: 'x@contoh.id' }, now)).run();
    const officer = (await createTestUser([['operator_desa', '64.08.04.2012']])).id;
    const prefs = { channel: 'telegram', contact: '987654321', digest: true, urgent: false } as const;
    await officerPrefsStatement(db, officer, prefs, await sealOfficerContact(oldKeys, officer, prefs), now).run();
    const rotatedEnv = { ...env, DATA_KEYS: JSON.stringify({ ...JSON.parse(env.DATA_KEYS), k2: K2 }), DATA_KEY_ACTIVE: 'k2' };
    await runScheduled(createScheduledController({ cron: HOURLY, scheduledTime: Date.now() }), rotatedEnv, []);
    for (const [table, column] of [
      ['message_outbox', 'recipient_sealed'],
      ['citizen_subscriptions', 'contact_sealed'],
      ['officer_notify_prefs', 'contact_sealed'],
    ] as const) {
      const left = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE substr(${column}, 1, 3) <> 'k2:'`).first<{ n: number }>();
      expect(left?.n).toBe(0);
    }
    expect((await loadOfficerPrefs(db, keys, officer))?.contact).toBe('987654321');
    const run = await env.DB.prepare("SELECT status FROM job_runs WHERE job = 'messaging data-key reseal' ORDER BY started_at DESC LIMIT 1").first<{
      status: string;
    }>();
    expect(run?.status).toBe('selesai');
  });

  it('every sealed column of the schema (named *_sealed or *_cipher, as scripts/rotate-data-key.mjs counts them) has a reseal job', async () => {
    const { results: tables } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT GLOB 'sqlite_*' AND name NOT GLOB '_cf_*' AND name NOT GLOB 'd1_*'",
    ).all<{ name: string }>();
    const inSchema: string[] = [];
    for (const { name } of tables) {
      const { results } = await env.DB.prepare('SELECT name FROM pragma_table_info(?)').bind(name).all<{ name: string }>();
      for (const c of results) if (/(_sealed|_cipher)$/.test(c.name)) inSchema.push(`${name}.${c.name}`);
    }
    const covered = [letterSealedTable, ppidSealedTable(env.SESSION_SECRET), outboxSealedTable, subscriptionsSealedTable, officerPrefsSealedTable].flatMap(
      (t) => t.columns.map((c) => `${t.table}.${c.name}`),
    );
    expect(inSchema.length).toBeGreaterThanOrEqual(7);
    expect(covered.sort()).toEqual(inSchema.sort());
  });
});
