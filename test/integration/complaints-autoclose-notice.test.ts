// The hourly auto-close sends the reporter who opted in the same "selesai" message a handler's close sends: queued
// once through the outbox, however many runs overlap.
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/auth/actor';
import { autoCloseComplaints } from '../../src/features/complaints/autoclose-job';
import { complaintNotice } from '../../src/features/complaints/citizen-notice';
import { handlerAct } from '../../src/features/complaints/handling';
import { ComplaintInput } from '../../src/features/complaints/schemas';
import { submitComplaint } from '../../src/features/complaints/service';
import { dataKeys } from '../../src/lib/data-key';
import { witaDateToMs } from '../../src/lib/time';
import { complaintRow, testDeps } from '../helpers/complaints';

const at = (date: string, hour = 10) => witaDateToMs(date) + hour * 3_600_000;
const saved = { ...env };
afterEach(() => {
  for (const k of ['WA_API_URL', 'WA_API_TOKEN'] as const) env[k] = saved[k];
  env.APP_ORIGIN = saved.APP_ORIGIN;
});

const handler = (now: number): ActionContext => ({
  actor: {
    kind: 'user',
    id: 'UJIHANDLER0000000000000002',
    name: 'Budi Uji',
    username: 'budi.uji',
    memberships: [{ role: 'penanganan_pengaduan', regionCode: '64.08.04' }],
  },
  requestId: null,
  now,
});

const outboxOf = (refId: string) =>
  env.DB.prepare('SELECT purpose, channel_kind, body_text, idempotency_key FROM message_outbox WHERE ref_id = ?')
    .bind(refId)
    .all<{ purpose: string; channel_kind: string; body_text: string; idempotency_key: string }>()
    .then((r) => r.results);

/** A report filed with a WhatsApp opt-in and answered (ditindaklanjuti), waiting for the reporter. */
async function answeredReport(title: string, filedOn: string) {
  const deps = { ...testDeps(), dataKeys: dataKeys(env) };
  const input = ComplaintInput.parse({
    classification: 'pengaduan',
    category: 'infrastruktur',
    title,
    description: 'Jalan berlubang besar di depan sekolah, berbahaya untuk anak-anak yang lewat.',
    region_code: '64.08.04.2012',
    name: 'Wati',
    phone: '081200002222',
  });
  const filed = await submitComplaint(deps, input, [], { now: at(filedOn), notify: { channel: 'whatsapp', contact: '6281355550000' } });
  const id = filed.complaint.id;
  await handlerAct(deps, handler(at(filedOn, 12)), id, { action: 'verifikasi', note: undefined });
  await handlerAct(deps, handler(at(filedOn, 13)), id, {
    action: 'disposisi',
    target_region: '64.08.04.2012',
    unit: 'Kasi Pembangunan',
    instruction: 'Tambal',
  });
  await handlerAct(deps, handler(at(filedOn, 14)), id, { action: 'tindak_lanjut', answer: 'Lubang sudah ditambal.' });
  return { id, ticket: filed.ticket };
}

describe('auto-close tells the reporter', () => {
  it('queues exactly one "selesai" message, the same text as a handler close, even with overlapping runs', { timeout: 60_000 }, async () => {
    env.WA_API_URL = 'http://127.0.0.1:9/kirim'; // closed port: the attempt fails fast, the message stays queued
    env.WA_API_TOKEN = 'wa-token';
    env.APP_ORIGIN = 'https://portal.contoh.test';
    const { id, ticket } = await answeredReport('Jalan berlubang depan SD', '2026-03-02');
    expect(await outboxOf(id)).toHaveLength(0); // the handler steps here ran without the hook (service-level deps)
    const due = Number((await complaintRow(ticket))!.autoclose_at);

    const [a, b] = await Promise.all([autoCloseComplaints(env, due + 60_000), autoCloseComplaints(env, due + 60_000)]);
    expect(a.closed + b.closed).toBe(1);
    expect(await autoCloseComplaints(env, due + 120_000)).toEqual({ closed: 0, skipped: 0 });
    expect((await complaintRow(ticket))!.status).toBe('selesai');

    const rows = await outboxOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ purpose: 'status.aduan', channel_kind: 'whatsapp' });
    const trackUrl = `https://portal.contoh.test/sangatta-utara/swarga-bara/pengaduan/lacak?nomor=${ticket}`;
    expect(rows[0]!.body_text).toBe(complaintNotice('selesai', false, ticket, trackUrl).notice!.text);
    expect(rows[0]!.body_text).toContain('Laporan Anda dinyatakan selesai.');
    expect(rows[0]!.body_text).not.toContain('6281355550000');
  });

  it('a reporter without an opt-in gets nothing queued', { timeout: 60_000 }, async () => {
    env.WA_API_URL = 'http://127.0.0.1:9/kirim';
    env.WA_API_TOKEN = 'wa-token';
    const deps = testDeps();
    const filed = await submitComplaint(
      deps,
      ComplaintInput.parse({
        classification: 'pengaduan',
        category: 'infrastruktur',
        title: 'Drainase tersumbat tanpa kabar',
        description: 'Drainase di gang sempit tersumbat sampah dan air meluap setiap hujan turun.',
        region_code: '64.08.04.2012',
        name: 'Tono',
        phone: '081200003333',
      }),
      [],
      { now: at('2026-03-03') },
    );
    await handlerAct(deps, handler(at('2026-03-03', 12)), filed.complaint.id, { action: 'verifikasi', note: undefined });
    await handlerAct(deps, handler(at('2026-03-03', 13)), filed.complaint.id, {
      action: 'disposisi',
      target_region: '64.08.04.2012',
      unit: 'Kasi',
      instruction: 'Bersihkan',
    });
    await handlerAct(deps, handler(at('2026-03-03', 14)), filed.complaint.id, { action: 'tindak_lanjut', answer: 'Sudah dibersihkan.' });
    const due = Number((await complaintRow(filed.ticket))!.autoclose_at);
    expect((await autoCloseComplaints(env, due + 60_000)).closed).toBeGreaterThanOrEqual(1);
    expect(await outboxOf(filed.complaint.id)).toHaveLength(0);
  });
});
