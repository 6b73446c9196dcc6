import type { FC } from 'hono/jsx';
import type { OfficerChannel } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { ErrorSummary, Field } from '../../views/components';
import { CsrfField } from '../../admin/render';

export interface NotifyPageProps {
  csrf: string;
  /** What is stored now: the channel, the masked contact, the switches (null = never saved). */
  stored: { channel: OfficerChannel; masked: string | null; digest: boolean; urgent: boolean } | null;
  /** Channels this deployment can send on (env secrets set). */
  configured: { telegram: boolean; email: boolean };
  values?: FormValues;
  errors?: FieldError[];
  saved?: boolean;
  test?: { ok: true } | { ok: false; message: string };
}

const CHANNEL_LABELS: Record<OfficerChannel, string> = { none: 'Tidak ada (hanya notifikasi di portal)', telegram: 'Telegram', email: 'E-mail' };

export const OfficerNotifyView: FC<NotifyPageProps> = (p) => {
  const values: FormValues = p.values ?? {
    channel: p.stored?.channel ?? 'none',
    ...(p.stored?.digest ? { digest: '1' } : {}),
    ...(p.stored?.urgent ? { urgent: '1' } : {}),
  };
  const channel = valueOf(values, 'channel') || 'none';
  const storedFor = (k: OfficerChannel) => (p.stored?.channel === k && p.stored.masked ? p.stored.masked : null);
  const keepHint = (k: OfficerChannel) => {
    const masked = storedFor(k);
    return masked ? ` Tersimpan: ${masked}. Kosongkan untuk tetap memakai yang tersimpan.` : '';
  };
  const channelError = errorFor(p.errors, 'channel');
  return (
    <>
      <h1>Akun saya: notifikasi</h1>
      <p>
        Pilih ke mana ringkasan harian dan pesan mendesak dikirim. Isinya hanya yang menjadi tugas peran dan wilayah Anda, tanpa data pribadi warga. Setiap
        pesan dikirim sekali saja.
      </p>
      {p.saved ? (
        <p class="success" role="status">
          Preferensi notifikasi tersimpan.
        </p>
      ) : null}
      {p.test?.ok ? (
        <p class="success" role="status">
          Pesan uji terkirim. Periksa {p.stored?.channel === 'email' ? 'kotak masuk e-mail' : 'Telegram'} Anda.
        </p>
      ) : null}
      {p.test && !p.test.ok ? (
        <p class="notice" role="alert">
          Pesan uji gagal dikirim: {p.test.message}
        </p>
      ) : null}
      <ErrorSummary errors={p.errors ?? []} fieldIds={{ channel: 'channel-none' }} />
      <form method="post" action="/admin/akun/notifikasi" novalidate>
        <CsrfField token={p.csrf} />
        <fieldset class={channelError ? 'field-error' : undefined}>
          <legend>Saluran pesan</legend>
          {channelError ? (
            <p class="error-message" id="channel-error">
              <span class="visually-hidden">Kesalahan: </span>
              {channelError}
            </p>
          ) : null}
          <div class="checks">
            {(['none', 'telegram', 'email'] as const).map((k) => (
              <label for={`channel-${k}`}>
                <input type="radio" id={`channel-${k}`} name="channel" value={k} checked={channel === k} />
                {CHANNEL_LABELS[k]}
                {k !== 'none' && !p.configured[k] ? ' — belum diaktifkan Diskominfo' : ''}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          id="telegram_chat_id"
          label="ID chat Telegram"
          hint={`Angka, mis. 123456789. Kirim /start ke bot portal dulu, lalu tanyakan ID Anda ke @userinfobot.${keepHint('telegram')}`}
          error={errorFor(p.errors, 'telegram_chat_id')}
        >
          {(d) => (
            <input
              id="telegram_chat_id"
              name="telegram_chat_id"
              type="text"
              inputmode="numeric"
              autocomplete="off"
              maxlength={40}
              value={valueOf(p.values, 'telegram_chat_id')}
              aria-describedby={d}
            />
          )}
        </Field>
        <Field id="email" label="Alamat e-mail" hint={`Mis. nama@kutaitimurkab.go.id.${keepHint('email')}`} error={errorFor(p.errors, 'email')}>
          {(d) => <input id="email" name="email" type="email" autocomplete="email" maxlength={200} value={valueOf(p.values, 'email')} aria-describedby={d} />}
        </Field>
        <fieldset>
          <legend>Yang dikirim</legend>
          <div class="checks">
            <label for="digest">
              <input type="checkbox" id="digest" name="digest" value="1" checked={valueOf(values, 'digest') === '1'} />
              Ringkasan harian (pukul 01.00 WITA)
            </label>
            <label for="urgent">
              <input type="checkbox" id="urgent" name="urgent" value="1" checked={valueOf(values, 'urgent') === '1'} />
              Pesan mendesak: pengaduan, permohonan informasi atau surat yang tinggal 1 hari kerja atau lewat batas waktu
            </label>
          </div>
        </fieldset>
        <button type="submit">Simpan preferensi</button>
      </form>
      <form method="post" action="/admin/akun/notifikasi/uji">
        <CsrfField token={p.csrf} />
        <p class="hint">Mengirim satu pesan uji ke saluran yang tersimpan.</p>
        <button type="submit" class="button-secondary" disabled={!p.stored || p.stored.channel === 'none'}>
          Kirim pesan uji
        </button>
      </form>
      <p>
        <a href="/admin/akun">Kembali ke Akun saya</a>
      </p>
    </>
  );
};
