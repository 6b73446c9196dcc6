import { REGENCY } from '../config';
import { hex, hmacSha256 } from '../lib/encoding';
import type { MessagingConfig } from './config';

/** One outgoing message, channel-neutral. `data` travels only on webhooks (machine readers). */
export interface OutgoingMessage {
  subject: string;
  text: string;
  /** The same key on every attempt, so a receiver that saw a lost-response attempt can drop the repeat. */
  idempotencyKey: string;
  data?: unknown;
}

export type Channel =
  | { kind: 'telegram'; chatId: string }
  | { kind: 'email'; to: string }
  | { kind: 'webhook'; url: string }
  /** A WhatsApp/SMS-capable HTTP gateway; `phone` in international form without '+', e.g. 6281234567890. */
  | { kind: 'whatsapp'; phone: string };

/** The result of one attempt. `retryable` is false when trying again cannot help (4xx other than 408/429, no config). */
export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string; retryable: boolean };

export interface SendDeps {
  config: MessagingConfig;
  fetch: typeof fetch;
}

export const ATTEMPT_TIMEOUT_MS = 10_000;

interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

async function requestFor(message: OutgoingMessage, channel: Channel, config: MessagingConfig): Promise<HttpRequest | string> {
  const json = { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': `${REGENCY.tokenIssuer}-pesan/1` };
  switch (channel.kind) {
    case 'telegram': {
      if (!config.telegram) return 'Telegram belum dikonfigurasi (TELEGRAM_BOT_TOKEN).';
      const body = JSON.stringify({ chat_id: channel.chatId, text: `${message.subject}\n\n${message.text}`, disable_web_page_preview: true });
      return { url: `${config.telegram.apiBase}/bot${config.telegram.token}/sendMessage`, headers: json, body };
    }
    case 'email': {
      if (!config.email) return 'E-mail belum dikonfigurasi (MAIL_API_URL, MAIL_API_TOKEN, MAIL_FROM).';
      const body = JSON.stringify({ from: config.email.from, to: [channel.to], subject: message.subject, text: message.text });
      return { url: config.email.url, headers: { ...json, Authorization: `Bearer ${config.email.token}`, 'Idempotency-Key': message.idempotencyKey }, body };
    }
    case 'whatsapp': {
      if (!config.whatsapp) return 'WhatsApp belum dikonfigurasi (WA_API_URL, WA_API_TOKEN).';
      const body = JSON.stringify({ to: channel.phone, text: `${message.subject}\n\n${message.text}` });
      return {
        url: config.whatsapp.url,
        headers: { ...json, Authorization: `Bearer ${config.whatsapp.token}`, 'Idempotency-Key': message.idempotencyKey },
        body,
      };
    }
    case 'webhook': {
      if (!URL.canParse(channel.url)) return 'Alamat webhook tidak valid.';
      const body = JSON.stringify(message.data ?? { subject: message.subject, text: message.text });
      const headers: Record<string, string> = { ...json, 'Idempotency-Key': message.idempotencyKey };
      if (config.webhookSecret) headers['X-Signature'] = `sha256=${hex(await hmacSha256(config.webhookSecret, body))}`;
      return { url: channel.url, headers, body };
    }
  }
}

/**
 * Sends one message over one channel: a single attempt, never throws. Errors carry the HTTP status or the error
 * name only (never the URL, which may hold a token, nor the recipient).
 */
export async function send(message: OutgoingMessage, channel: Channel, deps: SendDeps): Promise<SendResult> {
  const request = await requestFor(message, channel, deps.config);
  if (typeof request === 'string') return { ok: false, status: null, error: request, retryable: false };
  try {
    const res = await deps.fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    const retryable = !(res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429);
    return { ok: false, status: res.status, error: `HTTP ${res.status}`, retryable };
  } catch (err) {
    return { ok: false, status: null, error: errorText(err), retryable: true };
  }
}

/** An error for logs and delivery rows: name and message with any URL (it may carry a token) removed. */
export function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]').slice(0, 300);
}
