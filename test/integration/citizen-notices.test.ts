// Status messages to citizens who opt in (issues 15 and 16): the opt-in checks, the WhatsApp gateway adapter, the
// contact stored sealed, one message per letter status change with the tracking number and page (never the private
// code or NIK), no second message for a repeated change, delivery to a fake endpoint, and the form offering only
// configured channels.
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { applyLetterAction } from '../../src/features/letters/actions';
import { sendLetterNotice } from '../../src/features/letters/citizen-notice';
import type { LetterStatusEvent } from '../../src/features/letters/status-machine';
import { submitRequest } from '../../src/features/letters/submit';
import { dataKeys } from '../../src/lib/data-key';
import { send } from '../../src/messaging/channels';
import { type CitizenNoticeDeps, offeredChannels, readOptIn } from '../../src/messaging/citizen-notice';
import { messagingConfig } from '../../src/messaging/config';
import { letterDeps, OFFICER, skuInput, SWARGA_BARA } from '../helpers/letters';
import { ORIGIN } from '../helpers/http';
import { BASE, send as http, submitSku } from '../helpers/letters-http';
import { SELF } from '../helpers/worker';

const NOW = Date.UTC(2026, 11, 1, 2);
const ORIGIN_URL = 'https://portal.contoh.test';
const config = messagingConfig({
  WA_API_URL: 'https://wa.contoh.test/kirim',
  WA_API_TOKEN: 'wa-token',
  MAIL_API_URL: 'https://mail.contoh.test/send',
  MAIL_API_TOKEN: 't',
  MAIL_FROM: 'Portal <a@contoh.test>',
});

function fakeFetch() {
  const seen: Array<{ url: string; headers: Headers; body: string }> = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), headers: new Headers(init?.headers), body: String(init?.body ?? '') });
    return new Response('{}', { status: 200 });
  }) as typeof fetch;
  return { seen, fn };
}

/** Letter deps whose status-change hook sends through the real notice path with a fake gateway. */
function notifyingDeps(fetchFn: typeof fetch) {
  const noticeDeps: CitizenNoticeDeps = { db: letterDeps().db, keys: dataKeys(env), config, fetch: fetchFn, now: NOW };
  const events: LetterStatusEvent[] = [];
  const deps = letterDeps(events);
  deps.statusChanged = async (e) => {
    events.push(e);
    await sendLetterNotice(noticeDeps, ORIGIN_URL, e);
  };
  return { deps, events };
}

const outboxFor = (refId: string) =>
  env.DB.prepare('SELECT * FROM message_outbox WHERE ref_id = ? ORDER BY created_at, id')
    .bind(refId)
    .all<Record<string, string | number | null>>()
    .then((r) => r.results);

describe('opt-in checks', () => {
  it('normalises WhatsApp numbers to 62…, checks e-mail, and ignores a contact when the box is unchecked', () => {
    const wa = ['whatsapp'] as const;
    expect(readOptIn({ notify: '1', notify_channel: 'whatsapp', notify_contact: '0812-3456 7890' }, wa)).toEqual({
      ok: true,
      choice: { channel: 'whatsapp', contact: '6281234567890' },
    });
    expect(readOptIn({ notify: '1', notify_contact: '+62 812 3456 7890' }, wa)).toMatchObject({ choice: { contact: '6281234567890' } });
    expect(readOptIn({ notify_channel: 'whatsapp', notify_contact: '0812 3456 7890' }, wa)).toEqual({ ok: true, choice: null });
    expect(readOptIn({ notify: '1', notify_channel: 'whatsapp', notify_contact: '12345' }, wa)).toEqual({
      ok: false,
      errors: [{ field: 'notify_contact', message: 'Nomor WhatsApp tidak valid, mis. 0812 3456 7890.' }],
    });
    expect(readOptIn({ notify: '1', notify_channel: 'email', notify_contact: 'bukan-email' }, ['email'])).toEqual({
      ok: false,
      errors: [{ field: 'notify_contact', message: 'Alamat e-mail tidak valid, mis. nama@contoh.id.' }],
    });
    // A channel this portal does not offer is refused, and with none configured the opt-in says so.
    expect(readOptIn({ notify: '1', notify_channel: 'email', notify_contact: 'a@b.id' }, wa)).toMatchObject({
      ok: false,
      errors: [{ field: 'notify_channel' }],
    });
    expect(readOptIn({ notify: '1', notify_channel: 'whatsapp', notify_contact: '081234567890' }, [])).toMatchObject({
      ok: false,
      errors: [{ field: 'notify_channel', message: expect.stringContaining('belum tersedia') }],
    });
  });

  it('offers only the channels whose secrets are set', () => {
    expect(offeredChannels(messagingConfig({}))).toEqual([]);
    expect(offeredChannels(messagingConfig({ WA_API_URL: 'https://wa.test/x', WA_API_TOKEN: 't' }))).toEqual(['whatsapp']);
    expect(offeredChannels(messagingConfig({ WA_API_URL: 'https://wa.test/x' }))).toEqual([]);
    expect(offeredChannels(config)).toEqual(['whatsapp', 'email']);
  });

  it('sends {to, text} to the WhatsApp gateway with its bearer token and the idempotency key', async () => {
    const f = fakeFetch();
    const res = await send(
      { subject: 'Permohonan surat SRT-AAAA-BBBB', text: 'Surat siap.', idempotencyKey: 'k-1' },
      { kind: 'whatsapp', phone: '6281234567890' },
      { config, fetch: f.fn },
    );
    expect(res).toEqual({ ok: true, status: 200 });
    expect(f.seen[0]!.url).toBe('https://wa.contoh.test/kirim');
    expect(f.seen[0]!.headers.get('Authorization')).toBe('Bearer wa-token');
    expect(f.seen[0]!.headers.get('Idempotency-Key')).toBe('k-1');
    expect(JSON.parse(f.seen[0]!.body)).toEqual({ to: '6281234567890', text: 'Permohonan surat SRT-AAAA-BBBB\n\nSurat siap.' });
    expect(
      await send({ subject: 's', text: 't', idempotencyKey: 'k-2' }, { kind: 'whatsapp', phone: '62812' }, { config: messagingConfig({}), fetch: f.fn }),
    ).toMatchObject({
      ok: false,
      retryable: false,
    });
    expect(f.seen).toHaveLength(1);
  });
});

describe('letter status messages', () => {
  it('stores the contact sealed, sends one message per change with number and tracking page, never twice', { timeout: 30_000 }, async () => {
    const f = fakeFetch();
    const { deps, events } = notifyingDeps(f.fn);
    const input = skuInput();
    const { request, code } = await submitRequest(deps, SWARGA_BARA, input, [], {
      now: NOW,
      channel: 'portal',
      notify: { channel: 'whatsapp', contact: '6281299998888' },
    });
    const raw = await env.DB.prepare('SELECT * FROM citizen_subscriptions WHERE ref_id = ?').bind(request.id).first<Record<string, string>>();
    expect(raw).toMatchObject({ ref_kind: 'surat', channel_kind: 'whatsapp' });
    expect(JSON.stringify(raw)).not.toMatch(/81299998888/);
    // Filing itself sends nothing (the requester has the confirmation page).
    expect(await outboxFor(request.id)).toHaveLength(0);

    let row = (await applyLetterAction(deps, request, { type: 'periksa' }, 'petugas', OFFICER, NOW + 1000)).row;
    expect(await outboxFor(request.id)).toHaveLength(0);
    row = (await applyLetterAction(deps, row, { type: 'minta_perbaikan', note: 'Foto KTP buram, catatan internal rahasia' }, 'petugas', OFFICER, NOW + 2000))
      .row;
    // The same action again is refused by the machine and queues nothing more.
    await expect(applyLetterAction(deps, row, { type: 'minta_perbaikan', note: 'lagi' }, 'petugas', OFFICER, NOW + 3000)).rejects.toMatchObject({
      status: 409,
    });
    // The hook running twice for the same change (a retried request) queues nothing more either.
    await sendLetterNotice({ db: deps.db, keys: dataKeys(env), config, fetch: f.fn, now: NOW }, ORIGIN_URL, events.at(-1)!);

    const rows = await outboxFor(request.id);
    expect(rows).toHaveLength(1);
    const msg = rows[0]!;
    expect(msg).toMatchObject({ purpose: 'status.surat', channel_kind: 'whatsapp', status: 'terkirim' });
    expect(msg.body_text).toContain(request.trackingNumber);
    expect(msg.body_text).toContain(`${ORIGIN_URL}/sangatta-utara/swarga-bara/layanan/lacak?nomor=${request.trackingNumber}`);
    expect(msg.body_text).toContain('perlu diperbaiki');
    for (const secret of [code, input.nik, 'catatan internal', '6281299998888'])
      expect(`${msg.body_text}${msg.subject}${msg.recipient_sealed}`).not.toContain(secret);
    // Delivered once to the gateway, to the number the requester gave.
    expect(f.seen).toHaveLength(1);
    expect(JSON.parse(f.seen[0]!.body)).toMatchObject({ to: '6281299998888' });
    expect(f.seen[0]!.headers.get('Idempotency-Key')).toBe(`warga:surat:${request.id}:perlu_perbaikan:3`);

    // Rejection: the final message is queued and the contact is deleted.
    await applyLetterAction(deps, row, { type: 'tolak', reason: 'Bukan warga desa ini' }, 'petugas', OFFICER, NOW + 4000);
    const after = await outboxFor(request.id);
    expect(after).toHaveLength(2);
    // Both were queued at the same test clock: find the rejection by its key, not by the order of equal timestamps.
    const rejection = after.find((m) => String(m.idempotency_key).includes(':ditolak:'));
    expect(rejection?.body_text).toContain('ditolak');
    expect(rejection?.body_text).not.toContain('Bukan warga');
    expect(await env.DB.prepare('SELECT COUNT(*) AS n FROM citizen_subscriptions WHERE ref_id = ?').bind(request.id).first('n')).toBe(0);
  });

  it('sends nothing to a requester who did not opt in', async () => {
    const f = fakeFetch();
    const { deps } = notifyingDeps(f.fn);
    const { request } = await submitRequest(deps, SWARGA_BARA, skuInput(), [], { now: NOW, channel: 'portal' });
    const row = (await applyLetterAction(deps, request, { type: 'periksa' }, 'petugas', OFFICER, NOW + 1000)).row;
    await applyLetterAction(deps, row, { type: 'tolak', reason: 'Bukan warga desa ini' }, 'petugas', OFFICER, NOW + 2000);
    expect(await outboxFor(request.id)).toHaveLength(0);
    expect(f.seen).toHaveLength(0);
  });
});

describe('letter form opt-in (HTTP)', () => {
  const saved = { url: env.WA_API_URL, token: env.WA_API_TOKEN };
  afterEach(() => {
    env.WA_API_URL = saved.url;
    env.WA_API_TOKEN = saved.token;
  });

  it('says honestly that no channel is available when none is configured', async () => {
    env.WA_API_URL = undefined;
    env.WA_API_TOKEN = undefined;
    const html = await (await http('GET', `${BASE}/sk-usaha`)).text();
    expect(html).toContain('Kabari saya bila status berubah');
    expect(html).toContain('belum tersedia');
    expect(html).not.toContain('name="notify"');
  });

  it('offers WhatsApp when the gateway is set, keeps typed values on a bad number, stores a good one sealed', { timeout: 30_000 }, async () => {
    env.WA_API_URL = 'https://wa.contoh.test/kirim';
    env.WA_API_TOKEN = 'wa-token';
    const form = await (await http('GET', `${BASE}/sk-usaha`)).text();
    expect(form).toContain('name="notify"');
    expect(form).toContain('value="whatsapp"');
    expect(form).not.toContain('value="email"');

    const bad = await submitSku({ notify: '1', notify_channel: 'whatsapp', notify_contact: '0812-ABC' });
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('Nomor WhatsApp tidak valid, mis. 0812 3456 7890.');
    expect(bad.html).toContain('value="0812-ABC"');
    expect(bad.html).toContain('value="Budi Sutejo"');

    const good = await submitSku({ notify: '1', notify_channel: 'whatsapp', notify_contact: '0813 1111 2222' });
    expect(good.res.status).toBe(201);
    const id = await env.DB.prepare('SELECT id FROM letter_requests WHERE tracking_number = ?').bind(good.number).first<string>('id');
    const raw = await env.DB.prepare('SELECT * FROM citizen_subscriptions WHERE ref_id = ?').bind(id).first<Record<string, string>>();
    expect(raw).toMatchObject({ ref_kind: 'surat', channel_kind: 'whatsapp' });
    expect(JSON.stringify(raw)).not.toMatch(/131111|1111 ?2222|11112222/);
  });
});

describe('letter API opt-in', () => {
  const saved = { url: env.WA_API_URL, token: env.WA_API_TOKEN };
  afterEach(() => {
    env.WA_API_URL = saved.url;
    env.WA_API_TOKEN = saved.token;
  });
  const postRequest = (body: unknown) =>
    SELF.fetch(`${ORIGIN}/api/v1/service-requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': '198.51.100.201' },
      body: JSON.stringify(body),
    });

  it('refuses a channel that is not configured and a bad contact with named errors, stores a good one sealed', { timeout: 30_000 }, async () => {
    env.WA_API_URL = undefined;
    env.WA_API_TOKEN = undefined;
    const off = await postRequest({ ...skuInput(), notify: { channel: 'whatsapp', contact: '081234567890' } });
    expect(off.status).toBe(422);
    expect(JSON.stringify(await off.json())).toContain('notify.channel');

    env.WA_API_URL = 'https://wa.contoh.test/kirim';
    env.WA_API_TOKEN = 'wa-token';
    const bad = await postRequest({ ...skuInput(), notify: { channel: 'whatsapp', contact: 'abc' } });
    expect(bad.status).toBe(422);
    const badBody = JSON.stringify(await bad.json());
    expect(badBody).toContain('notify.contact');
    expect(badBody).toContain('Nomor WhatsApp tidak valid');

    const good = await postRequest({ ...skuInput(), notify: { channel: 'whatsapp', contact: '0812 4444 3333' } });
    expect(good.status).toBe(201);
    const { number } = (await good.json()) as { number: string };
    const id = await env.DB.prepare('SELECT id FROM letter_requests WHERE tracking_number = ?').bind(number).first<string>('id');
    const raw = await env.DB.prepare('SELECT * FROM citizen_subscriptions WHERE ref_id = ?').bind(id).first<Record<string, string>>();
    expect(raw).toMatchObject({ ref_kind: 'surat', channel_kind: 'whatsapp' });
    expect(JSON.stringify(raw)).not.toMatch(/44443333|4444 3333/);
  });
});
