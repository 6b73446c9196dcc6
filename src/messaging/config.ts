/**
 * Messaging configuration from env secrets (README, Configuration). Every channel is optional: a channel without its
 * secrets is "not configured" and a message for it is recorded as failed without a network call.
 */
export interface MessagingEnv {
  /** Telegram Bot API token from @BotFather. */
  TELEGRAM_BOT_TOKEN?: string;
  /** An HTTP e-mail provider endpoint that accepts {from,to,subject,text} JSON (e.g. a mail relay's /send). */
  MAIL_API_URL?: string;
  /** Bearer token for MAIL_API_URL. */
  MAIL_API_TOKEN?: string;
  /** Sender address for e-mail, e.g. "Portal Kutai Timur <noreply@kutaitimurkab.go.id>". */
  MAIL_FROM?: string;
  /** A WhatsApp/SMS HTTP gateway that accepts {to, text} JSON with a bearer token (any provider or a relay of your own). */
  WA_API_URL?: string;
  /** Bearer token for WA_API_URL. */
  WA_API_TOKEN?: string;
  /** When set, webhook bodies are signed: `X-Signature: sha256=<hex HMAC-SHA256 of the body>`. */
  WEBHOOK_SIGNING_SECRET?: string;
}

export interface MessagingConfig {
  telegram: { token: string; apiBase: string } | null;
  email: { url: string; token: string; from: string } | null;
  webhookSecret: string | null;
  whatsapp: { url: string; token: string } | null;
}

const nonEmpty = (v: string | undefined): string | null => (v && v.trim() ? v.trim() : null);

export function messagingConfig(env: MessagingEnv): MessagingConfig {
  const token = nonEmpty(env.TELEGRAM_BOT_TOKEN);
  const mailUrl = nonEmpty(env.MAIL_API_URL);
  const mailToken = nonEmpty(env.MAIL_API_TOKEN);
  const mailFrom = nonEmpty(env.MAIL_FROM);
  const waUrl = nonEmpty(env.WA_API_URL);
  const waToken = nonEmpty(env.WA_API_TOKEN);
  return {
    telegram: token ? { token, apiBase: 'https://api.telegram.org' } : null,
    email: mailUrl && mailToken && mailFrom && URL.canParse(mailUrl) ? { url: mailUrl, token: mailToken, from: mailFrom } : null,
    webhookSecret: nonEmpty(env.WEBHOOK_SIGNING_SECRET),
    whatsapp: waUrl && waToken && URL.canParse(waUrl) ? { url: waUrl, token: waToken } : null,
  };
}
