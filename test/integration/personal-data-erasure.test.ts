import { createScheduledController, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { complaintsFeature } from '../../src/features/complaints';
import { lettersFeature } from '../../src/features/letters';
import { ppidFeature } from '../../src/features/ppid';
import { privacyFeature } from '../../src/features/privacy';
import { runScheduled } from '../../src/jobs';
import { createDb } from '../../src/db/client';
import { dataKeys } from '../../src/lib/data-key';
import { DAY_MS } from '../../src/lib/time';
import { enqueue } from '../../src/messaging/outbox';
import { loginAs } from '../helpers/auth';
import { fileComplaint } from '../helpers/complaints';
import { submitSku, track } from '../helpers/letters-http';
import { PERSONAL, SECRET_NIK, submitRequest } from '../helpers/ppid';

const REPORTER = { name: 'Wahyuni Rahasia', phone: '081355557777', email: 'wahyuni.rahasia@contoh.id' };
const DAILY = '0 17 * * *';

const rowOf = (table: string, column: string, value: string) =>
  env.DB.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).bind(value).first<Record<string, unknown>>();

describe('contact an anonymous reporter chose to hide', () => {
  it('is not stored at all, unless the reporter asks to keep it', async () => {
    const hidden = await fileComplaint({ anonymous: '1', ...REPORTER });
    const kept = await fileComplaint({ anonymous: '1', contact_me: '1', ...REPORTER });
    const h = (await rowOf('complaints', 'ticket', hidden.ticket))!;
    expect([h.reporter_name, h.reporter_phone, h.reporter_email]).toEqual([null, null, null]);
    const k = (await rowOf('complaints', 'ticket', kept.ticket))!;
    expect([k.reporter_name, k.reporter_phone, k.reporter_email]).toEqual([REPORTER.name, REPORTER.phone, REPORTER.email]);
  });
});

describe('erasure on request (Diskominfo, audited)', () => {
  it('drops the identity from a complaint, a PPID request and a letter and keeps the records', { timeout: 120_000 }, async () => {
    const complaint = await fileComplaint({ ...REPORTER, phone: REPORTER.phone, lat: '0.5312345', lng: '117.5612345', exact_location: '1' });
    const ppid = await submitRequest('/sangatta-utara');
    const letter = await submitSku({ name: 'Sutrisno Rahasia', nik: '6408041203905551', phone: '081366668888' });
    expect(letter.number).toMatch(/^SRT-/);
    const letterBefore = (await rowOf('letter_requests', 'tracking_number', letter.number))!;
    const letterFiles = await env.DB.prepare('SELECT r2_key FROM letter_attachments WHERE request_id = ?').bind(letterBefore.id).all<{ r2_key: string }>();
    expect(letterFiles.results.length).toBeGreaterThan(0);

    // Nobody but Diskominfo sees the page; a village operator gets 404 and erases nothing.
    const operator = await loginAs([['operator_desa', '64.08.04.2012']]);
    expect((await operator.get('/admin/data-pribadi')).status).toBe(404);
    expect((await operator.post('/admin/data-pribadi/hapus', { nomor: complaint.ticket, alasan: 'Surat permintaan 12/2026', konfirmasi: '1' })).status).toBe(
      404,
    );
    // Diskominfo of another kecamatan: the number is "not found" there.
    const elsewhere = await loginAs([['diskominfo', '64.08.05']]);
    const refused = await elsewhere.post('/admin/data-pribadi/hapus', { nomor: complaint.ticket, alasan: 'Surat permintaan 12/2026', konfirmasi: '1' });
    expect(refused.status).toBe(422);
    expect((await rowOf('complaints', 'ticket', complaint.ticket))!.reporter_name).toBe(REPORTER.name);

    const admin = await loginAs([['diskominfo', '64.08']]);
    const page = await admin.get('/admin/data-pribadi');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Masa retensi');
    const unconfirmed = await admin.post('/admin/data-pribadi/hapus', { nomor: complaint.ticket, alasan: 'Surat permintaan 12/2026' });
    expect(unconfirmed.status).toBe(422);

    // Each record carries a status-message opt-in (as the forms store it): erasure forgets those contacts too.
    const ids = {
      aduan: (await rowOf('complaints', 'ticket', complaint.ticket))!.id as string,
      ppid: (await rowOf('info_requests', 'number', ppid.number))!.id as string,
      surat: letterBefore.id as string,
    };
    for (const [kind, id] of Object.entries(ids)) {
      await env.DB.prepare(
        "INSERT OR IGNORE INTO citizen_subscriptions (ref_kind, ref_id, channel_kind, contact_sealed, created_at) VALUES (?, ?, 'whatsapp', 'v1.sealed', 0)",
      )
        .bind(kind, id)
        .run();
    }

    // Status messages to the person about each record, one queued and one already sent; and one about another record.
    const outbox = { db: createDb(env.DB), keys: dataKeys(env), now: Date.now() };
    const queueFor = (kind: string, refId: string, n: number) =>
      enqueue(outbox, {
        purpose: `status.${kind}`,
        refId,
        message: { subject: 'Status', text: `Pesan untuk ${REPORTER.name}`, idempotencyKey: `erase-test:${kind}:${refId}:${n}` },
        channel: { kind: 'whatsapp', phone: REPORTER.phone },
      });
    for (const [kind, id] of Object.entries(ids)) {
      await queueFor(kind, id, 1);
      const sent = await queueFor(kind, id, 2);
      await env.DB.prepare("UPDATE message_outbox SET status = 'terkirim', delivered_at = ? WHERE id = ?").bind(Date.now(), sent).run();
    }
    const unrelated = await queueFor('aduan', 'SOME-OTHER-COMPLAINT', 1);
    const outboxAbout = async () =>
      (await env.DB.prepare('SELECT count(*) AS n FROM message_outbox WHERE ref_id IN (?, ?, ?)').bind(ids.aduan, ids.ppid, ids.surat).first<{ n: number }>())!
        .n;
    expect(await outboxAbout()).toBe(6);

    for (const nomor of [complaint.ticket, ppid.number, letter.number]) {
      const res = await admin.post('/admin/data-pribadi/hapus', { nomor, alasan: 'Surat permintaan 12/2026', konfirmasi: '1' });
      expect(res.status, nomor).toBe(303);
      expect(res.headers.get('Location')).toBe(`/admin/data-pribadi?dihapus=${nomor}`);
    }
    const again = await admin.post('/admin/data-pribadi/hapus', { nomor: ppid.number, alasan: 'Surat permintaan 12/2026', konfirmasi: '1' });
    expect(again.status).toBe(409);

    // Raw rows: the record, status and figures stay; no identity is left.
    const c = (await rowOf('complaints', 'ticket', complaint.ticket))!;
    expect(c.status).toBe('diterima');
    expect(c.title).toBe('Jembatan kayu di RT 05 rusak');
    expect([c.reporter_name, c.reporter_phone, c.reporter_email]).toEqual([null, null, null]);
    expect(c.lat).not.toBe(0.5312345);
    expect(Math.abs(Number(c.lat) - 0.5312345)).toBeLessThan(0.002);
    expect(c.exact_location_public).toBe(0);
    expect(c.personal_data_erased_at).toEqual(expect.any(Number));
    const p = (await rowOf('info_requests', 'number', ppid.number))!;
    expect(p.information).toContain('RKA Kecamatan');
    expect(p.identity_cipher).toBeNull();
    const l = (await rowOf('letter_requests', 'tracking_number', letter.number))!;
    expect(l.status).toBe(letterBefore.status);
    expect(l.nik_sealed).not.toBe(letterBefore.nik_sealed);
    // Text columns only: a timestamp such as 1796219040003 would "contain" a NIK's last four digits by chance.
    const raw = JSON.stringify([c, p, l], (_key, value: unknown) => (typeof value === 'number' ? null : value));
    for (const leak of [
      REPORTER.name,
      '081355557777',
      REPORTER.email,
      PERSONAL.name,
      PERSONAL.address,
      '0812 5555 0199',
      PERSONAL.email,
      SECRET_NIK.slice(-4),
      'Sutrisno',
      'Jl. Poros Swarga Bara',
      'Warung Berkah',
      '1990-03-12',
    ]) {
      expect(raw, leak).not.toContain(leak);
    }
    const subs = await env.DB.prepare('SELECT count(*) AS n FROM citizen_subscriptions WHERE ref_id IN (?, ?, ?)')
      .bind(ids.aduan, ids.ppid, ids.surat)
      .first<{ n: number }>();
    expect(subs!.n).toBe(0);
    // Queued and sent messages to the person are gone too; a message about another record stays.
    expect(await outboxAbout()).toBe(0);
    expect(await rowOf('message_outbox', 'id', unrelated!)).not.toBeNull();
    // Uploaded identity files are gone (rows and R2 objects); the private code no longer opens the letter.
    expect((await env.DB.prepare('SELECT count(*) AS n FROM letter_attachments WHERE request_id = ?').bind(l.id).first<{ n: number }>())!.n).toBe(0);
    for (const f of letterFiles.results) expect(await env.FILES.head(f.r2_key)).toBeNull();
    expect(await (await track(letter.number, letter.code)).text()).not.toContain('Sutrisno');

    // One audit entry per erasure, without personal data.
    const audit = await env.DB.prepare("SELECT * FROM audit_log WHERE action = 'personal_data.erase' AND actor_id = ?").bind(admin.userId).all();
    expect(audit.results.map((a) => a.entity_type).sort()).toEqual(['pengaduan', 'ppid', 'surat']);
    for (const a of audit.results) expect(a.summary).toContain('2 pesan keluar kepadanya (antrean/terkirim) ikut dihapus');
    expect(JSON.stringify(audit.results)).not.toContain(REPORTER.name);
  });
});

describe('retention (daily job)', () => {
  it('erases closed records past their retention period and leaves recent or open ones', { timeout: 60_000 }, async () => {
    const now = Date.now();
    const old = await fileComplaint(REPORTER);
    const recent = await fileComplaint(REPORTER);
    const stillOpen = await fileComplaint(REPORTER);
    const ppid = await submitRequest('/sangatta-utara');
    const set = (table: string, col: string, ref: string, status: string, at: number) =>
      env.DB.prepare(`UPDATE ${table} SET status = ?, updated_at = ? WHERE ${col} = ?`).bind(status, at, ref).run();
    await set('complaints', 'ticket', old.ticket, 'selesai', now - 60 * DAY_MS);
    await set('complaints', 'ticket', recent.ticket, 'selesai', now - 20 * DAY_MS);
    await set('complaints', 'ticket', stillOpen.ticket, 'diverifikasi', now - 60 * DAY_MS);
    await set('info_requests', 'number', ppid.number, 'dijawab', now - 60 * DAY_MS);

    const oldId = (await rowOf('complaints', 'ticket', old.ticket))!.id as string;
    const recentId = (await rowOf('complaints', 'ticket', recent.ticket))!.id as string;
    const outbox = { db: createDb(env.DB), keys: dataKeys(env), now };
    for (const refId of [oldId, recentId]) {
      await enqueue(outbox, {
        purpose: 'status.aduan',
        refId,
        message: { subject: 'Status', text: 'Selesai', idempotencyKey: `retention-test:${refId}` },
        channel: { kind: 'email', to: REPORTER.email },
      });
    }
    const messagesAbout = async (refId: string) =>
      (await env.DB.prepare('SELECT count(*) AS n FROM message_outbox WHERE ref_id = ?').bind(refId).first<{ n: number }>())!.n;

    const registry = [complaintsFeature, ppidFeature, lettersFeature, privacyFeature];
    // Defaults (5 years) erase nothing here.
    await runScheduled(createScheduledController({ cron: DAILY, scheduledTime: now }), env, registry);
    expect((await rowOf('complaints', 'ticket', old.ticket))!.reporter_name).toBe(REPORTER.name);
    // RETENTION_DAYS shortens the complaints' period to 30 days; a typo ('ppid=7', below the minimum) changes nothing.
    await runScheduled(createScheduledController({ cron: DAILY, scheduledTime: now }), { ...env, RETENTION_DAYS: 'pengaduan=30,ppid=7' }, registry);
    expect((await rowOf('complaints', 'ticket', old.ticket))!.reporter_name).toBeNull();
    expect((await rowOf('complaints', 'ticket', old.ticket))!.status).toBe('selesai');
    expect((await rowOf('complaints', 'ticket', recent.ticket))!.reporter_name).toBe(REPORTER.name);
    expect((await rowOf('complaints', 'ticket', stillOpen.ticket))!.reporter_name).toBe(REPORTER.name);
    expect((await rowOf('info_requests', 'number', ppid.number))!.requester_name).toBe(PERSONAL.name);
    const audit = await env.DB.prepare("SELECT summary FROM audit_log WHERE action = 'personal_data.retention'").all<{ summary: string }>();
    expect(audit.results.map((a) => a.summary)).toEqual([expect.stringContaining('1 catatan')]);
    expect(audit.results[0]!.summary).toContain('1 pesan keluar');
    expect(await messagesAbout(oldId)).toBe(0);
    expect(await messagesAbout(recentId)).toBe(1);
  });
});
