import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../env';
import { actionContext } from '../../admin/context';
import { renderAdmin } from '../../admin/render';
import { auditInsert } from '../../audit/log';
import { requireUser, sessionOf } from '../../auth/session';
import { dataKeys } from '../../lib/data-key';
import { AppError, type FieldError } from '../../lib/errors';
import { readForm, type FormValues } from '../../lib/forms';
import { newId } from '../../lib/ids';
import { rateLimit } from '../../lib/rate-limit';
import { send, type SendResult } from '../../messaging/channels';
import { messagingConfig } from '../../messaging/config';
import { loadOfficerPrefs, maskContact, officerChannel, officerPrefsStatement, sealOfficerContact, type OfficerPrefs } from '../../messaging/officer-notify';
import { OfficerNotifyView, type NotifyPageProps } from './notify-views';
import { OfficerNotifyForm, type OfficerNotifyInput } from './schemas';

/** Test messages per officer: enough to fix a typo, not enough to spam a chat. */
const TEST_LIMIT = { limit: 5, windowMs: 10 * 60_000 };
const TITLE = 'Notifikasi saya';

/** The chosen channel with its contact: typed now, or the stored one when the field was left empty. */
function resolvePrefs(input: OfficerNotifyInput, stored: OfficerPrefs | null): OfficerPrefs | FieldError {
  const base = { digest: input.digest, urgent: input.urgent };
  if (input.channel === 'none') return { channel: 'none', contact: null, ...base };
  const typed = input.channel === 'telegram' ? input.telegram_chat_id : input.email.toLowerCase();
  const contact = typed || (stored?.channel === input.channel ? stored.contact : null);
  if (!contact)
    return input.channel === 'telegram' ? { field: 'telegram_chat_id', message: 'Isi ID chat Telegram.' } : { field: 'email', message: 'Isi alamat e-mail.' };
  return { channel: input.channel, contact, ...base };
}

/** What a failed test attempt means for the officer, in Indonesian (never the URL, token or contact). */
function testFailureMessage(result: Exclude<SendResult, { ok: true }>): string {
  if (result.status === null && !result.retryable) return result.error; // not configured: already Indonesian
  if (result.status === null) return 'layanan pesan tidak dapat dihubungi. Coba lagi beberapa saat lagi.';
  if (result.status === 429) return 'terlalu banyak pesan ke layanan ini. Coba lagi beberapa menit lagi.';
  if (result.status >= 400 && result.status < 500)
    return `layanan menolak pesan (HTTP ${result.status}). Periksa ID chat atau alamat e-mail; untuk Telegram, kirim /start ke bot portal lebih dulu.`;
  return `layanan pesan sedang bermasalah (HTTP ${result.status}). Coba lagi nanti.`;
}

/** An officer's own notification preferences: channel (none / Telegram / e-mail), digest and urgent switches, a test message. */
export function officerNotifyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>, extra: Partial<Omit<NotifyPageProps, 'csrf' | 'stored' | 'configured'>> & { status?: number } = {}) => {
    const s = sessionOf(c);
    const prefs = await loadOfficerPrefs(c.get('db'), dataKeys(c.env), s.userId);
    const config = messagingConfig(c.env);
    const { status, ...rest } = extra;
    return renderAdmin(
      c,
      { title: TITLE, breadcrumbs: [{ label: 'Akun saya', href: '/admin/akun' }, { label: TITLE }] },
      <OfficerNotifyView
        csrf={s.csrfToken}
        stored={
          prefs && {
            channel: prefs.channel,
            masked: prefs.contact ? maskContact(prefs.channel, prefs.contact) : null,
            digest: prefs.digest,
            urgent: prefs.urgent,
          }
        }
        configured={{ telegram: config.telegram !== null, email: config.email !== null }}
        {...rest}
      />,
      { status },
    );
  };

  app.get('/admin/akun/notifikasi', requireUser(), (c) => page(c, { saved: c.req.query('tersimpan') === '1' }));

  app.post('/admin/akun/notifikasi', requireUser(), async (c) => {
    const s = sessionOf(c);
    const db = c.get('db');
    const keys = dataKeys(c.env);
    const form = await readForm(c, OfficerNotifyForm);
    const values: FormValues = form.values;
    if (!form.ok) return page(c, { errors: form.errors, values, status: 422 });
    const stored = await loadOfficerPrefs(db, keys, s.userId);
    const prefs = resolvePrefs(form.data, stored);
    if ('field' in prefs) return page(c, { errors: [prefs], values, status: 422 });
    const ctx = actionContext(c);
    const summaryOf = (p: OfficerPrefs | null) => (p ? { channel: p.channel, digest: p.digest, urgent: p.urgent } : null);
    await db.batch([
      officerPrefsStatement(db, s.userId, prefs, await sealOfficerContact(keys, s.userId, prefs), ctx.now),
      // Never the contact itself: only which channel and switches.
      auditInsert(db, ctx, {
        action: 'user.notify_prefs',
        entityType: 'user',
        entityId: s.userId,
        summary: 'Preferensi notifikasi sendiri diubah',
        before: summaryOf(stored),
        after: summaryOf(prefs),
      }),
    ]);
    return c.redirect('/admin/akun/notifikasi?tersimpan=1', 303);
  });

  app.post('/admin/akun/notifikasi/uji', requireUser(), async (c) => {
    const s = sessionOf(c);
    const db = c.get('db');
    const prefs = await loadOfficerPrefs(db, dataKeys(c.env), s.userId);
    const channel = prefs?.contact ? officerChannel(prefs.channel, prefs.contact) : null;
    if (!channel) return page(c, { errors: [{ field: 'channel', message: 'Simpan saluran Telegram atau e-mail terlebih dahulu.' }], status: 422 });
    try {
      await rateLimit(db, `officer-test:${s.userId}`, TEST_LIMIT.limit, TEST_LIMIT.windowMs);
    } catch (err) {
      if (err instanceof AppError && err.code === 'rate_limited')
        return page(c, { test: { ok: false, message: 'sudah 5 kali dalam 10 menit. Coba lagi nanti.' }, status: 429 });
      throw err;
    }
    const now = Date.now();
    const result = await send(
      {
        subject: 'Pesan uji dari portal',
        text: `Halo, ini pesan uji. Ringkasan harian dan pesan mendesak akan dikirim ke sini sesuai pilihan Anda.`,
        idempotencyKey: `uji-${newId(now)}`,
      },
      channel,
      { config: messagingConfig(c.env), fetch: (input, init) => globalThis.fetch(input, init) },
    );
    console.log(
      JSON.stringify({ msg: 'officer test message', requestId: c.get('requestId'), channel: channel.kind, ok: result.ok, httpStatus: result.status }),
    );
    return page(c, { test: result.ok ? { ok: true } : { ok: false, message: testFailureMessage(result) } });
  });

  return app;
}
