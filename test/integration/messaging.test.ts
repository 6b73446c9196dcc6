// Messaging kit: the Telegram, e-mail and webhook adapters against a fake fetch (no network), webhook signing, the
// outbox recording failed attempts and retrying them later, never delivering twice, and never logging recipients.
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../src/db/client';
import { dataKeys } from '../../src/lib/data-key';
import { hex, hmacSha256 } from '../../src/lib/encoding';
import { send, type OutgoingMessage } from '../../src/messaging/channels';
import { monitoringJobs } from '../../src/features/monitoring/jobs';
import { messagingConfig } from '../../src/messaging/config';
import { deliverDue, dispatch, RETRY_BACKOFF_MS, type OutboxDeps } from '../../src/messaging/outbox';

interface Seen {
  url: string;
  headers: Headers;
  body: string;
}

/** A fake fetch answering from `script` in order (number = HTTP status, 'error' = network failure), then 200. */
function fakeFetch(script: Array<number | 'error'> = []) {
  const seen: Seen[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), headers: new Headers(init?.headers), body: String(init?.body ?? '') });
    const next = script.shift() ?? 200;
    if (next === 'error') throw new TypeError('connection refused to https://rahasia.test/?token=abc');
    return new Response('{}', { status: next });
  }) as typeof fetch;
  return { seen, fn };
}

const config = messagingConfig({
  TELEGRAM_BOT_TOKEN: '123:ABC',
  MAIL_API_URL: 'https://mail.contoh.test/v1/send',
  MAIL_API_TOKEN: 'mail-token',
  MAIL_FROM: 'Portal <noreply@contoh.test>',
  WEBHOOK_SIGNING_SECRET: 'rahasia-tanda-tangan',
});
const message: OutgoingMessage = { subject: 'Status surat SRT-AAAA-BBBB', text: 'Surat Anda siap diambil.', idempotencyKey: 'uji-1', data: { a: 1 } };

afterEach(() => vi.restoreAllMocks());

describe('adapters', () => {
  it('sends the Telegram Bot API sendMessage payload', async () => {
    const f = fakeFetch();
    expect(await send(message, { kind: 'telegram', chatId: '987654' }, { config, fetch: f.fn })).toEqual({ ok: true, status: 200 });
    expect(f.seen[0]!.url).toBe('https://api.telegram.org/bot123:ABC/sendMessage');
    expect(JSON.parse(f.seen[0]!.body)).toEqual({
      chat_id: '987654',
      text: 'Status surat SRT-AAAA-BBBB\n\nSurat Anda siap diambil.',
      disable_web_page_preview: true,
    });
  });

  it('sends e-mail to the HTTP provider with its bearer token', async () => {
    const f = fakeFetch();
    await send(message, { kind: 'email', to: 'warga@contoh.test' }, { config, fetch: f.fn });
    expect(f.seen[0]!.url).toBe('https://mail.contoh.test/v1/send');
    expect(f.seen[0]!.headers.get('Authorization')).toBe('Bearer mail-token');
    expect(JSON.parse(f.seen[0]!.body)).toEqual({
      from: 'Portal <noreply@contoh.test>',
      to: ['warga@contoh.test'],
      subject: message.subject,
      text: message.text,
    });
  });

  it('signs webhook bodies with HMAC-SHA256 and sends the idempotency key', async () => {
    const f = fakeFetch();
    await send(message, { kind: 'webhook', url: 'https://hook.contoh.test/x' }, { config, fetch: f.fn });
    const { headers, body } = f.seen[0]!;
    expect(body).toBe('{"a":1}');
    expect(headers.get('Idempotency-Key')).toBe('uji-1');
    expect(headers.get('X-Signature')).toBe(`sha256=${hex(await hmacSha256('rahasia-tanda-tangan', body))}`);
  });

  it('reports an unconfigured channel without a network call, and 4xx as not retryable', async () => {
    const f = fakeFetch([400, 503]);
    const bare = messagingConfig({});
    expect(await send(message, { kind: 'telegram', chatId: '1' }, { config: bare, fetch: f.fn })).toMatchObject({ ok: false, retryable: false });
    expect(f.seen).toHaveLength(0);
    expect(await send(message, { kind: 'email', to: 'a@b.test' }, { config, fetch: f.fn })).toMatchObject({ ok: false, status: 400, retryable: false });
    expect(await send(message, { kind: 'email', to: 'a@b.test' }, { config, fetch: f.fn })).toMatchObject({ ok: false, status: 503, retryable: true });
  });
});

describe('outbox', () => {
  const T0 = Date.UTC(2026, 4, 5, 1, 0);
  const deps = (fetchFn: typeof fetch, now: number): OutboxDeps => ({ db: createDb(env.DB), keys: dataKeys(env), config, fetch: fetchFn, now });
  const rowOf = (key: string) =>
    env.DB.prepare('SELECT * FROM message_outbox WHERE idempotency_key = ?').bind(key).first<{
      status: string;
      attempts: number;
      last_error: string | null;
      recipient_sealed: string;
      next_attempt_at: number;
    }>();

  it('records a failed attempt, logs it without personal data, retries later and delivers once', async () => {
    const logs: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void logs.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => void logs.push(line));
    const f = fakeFetch(['error']);
    const item = {
      purpose: 'uji',
      message: { ...message, idempotencyKey: 'uji-outbox-1' },
      channel: { kind: 'email' as const, to: 'warga.rahasia@contoh.test' },
    };
    await expect(dispatch(deps(f.fn, T0), item)).resolves.toBeUndefined();
    let row = await rowOf('uji-outbox-1');
    expect(row).toMatchObject({ status: 'tertunda', attempts: 1, next_attempt_at: T0 + RETRY_BACKOFF_MS[0] });
    expect(row!.last_error).toContain('connection refused');
    expect(row!.last_error).not.toContain('token=abc');
    expect(row!.recipient_sealed).not.toContain('warga.rahasia');
    expect(logs.join('\n')).toContain('message not delivered');
    expect(logs.join('\n')).not.toMatch(/warga\.rahasia|Surat Anda|token=abc/);

    // Not due yet: nothing is sent.
    expect(await deliverDue(deps(f.fn, T0 + 60_000))).toEqual({ terkirim: 0, tertunda: 0, gagal: 0 });
    expect(f.seen).toHaveLength(1);
    // Due: delivered on the retry, to the decrypted address.
    expect(await deliverDue(deps(f.fn, T0 + RETRY_BACKOFF_MS[0]))).toMatchObject({ terkirim: 1 });
    expect(JSON.parse(f.seen[1]!.body).to).toEqual(['warga.rahasia@contoh.test']);
    row = await rowOf('uji-outbox-1');
    expect(row).toMatchObject({ status: 'terkirim', attempts: 2, last_error: null });

    // The same message again: not queued, not sent a second time.
    await dispatch(deps(f.fn, T0 + 2 * RETRY_BACKOFF_MS[0]), item);
    await deliverDue(deps(f.fn, T0 + DAY));
    expect(f.seen).toHaveLength(2);
  });

  it('gives up at once when the receiver refuses the message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const f = fakeFetch([403]);
    await dispatch(deps(f.fn, T0), { purpose: 'uji', message: { ...message, idempotencyKey: 'uji-outbox-2' }, channel: { kind: 'telegram', chatId: '55' } });
    expect(await rowOf('uji-outbox-2')).toMatchObject({ status: 'gagal', attempts: 1, last_error: 'HTTP 403' });
  });
});

const DAY = 86_400_000;

describe('hourly job', () => {
  it('retries due messages from the scheduled job through the global fetch', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const now = Date.UTC(2026, 6, 1, 1, 5);
    const first = fakeFetch([503]);
    const db = createDb(env.DB);
    const item = {
      purpose: 'uji',
      message: { ...message, idempotencyKey: 'uji-job-1' },
      channel: { kind: 'webhook' as const, url: 'https://hook.contoh.test/j' },
    };
    await dispatch({ db, keys: dataKeys(env), config, fetch: first.fn, now }, item);
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('{}', { status: 200 }));
    const job = monitoringJobs.find((j) => j.name === 'pesan keluar (per jam)')!;
    await job.run({ scheduledTime: now + RETRY_BACKOFF_MS[0], cron: '5 * * * *', noRetry() {} } as ScheduledController, env as never, [] as never);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await env.DB.prepare("SELECT status, attempts FROM message_outbox WHERE idempotency_key = 'uji-job-1'").first()).toEqual({
      status: 'terkirim',
      attempts: 2,
    });
  });
});
