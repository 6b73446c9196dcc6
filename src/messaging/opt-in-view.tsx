import type { FC } from 'hono/jsx';
import type { FieldError } from '../lib/errors';
import { errorFor, type FormValues, valueOf } from '../lib/forms';
import { CHANNEL_LABELS, type CitizenChannel } from './citizen-notice';

/**
 * "Kabari saya bila status berubah" on the citizen forms (complaint, PPID, letter): only the channels this portal can
 * deliver on; without any, an honest sentence instead of the checkbox. `anonymous` adds the promise for anonymous
 * complaint reporters. Works without JavaScript; what was typed is kept after an error.
 */
export const NotifyOptInFields: FC<{ offered: readonly CitizenChannel[]; values?: FormValues; errors?: FieldError[]; anonymousNote?: boolean }> = (p) => {
  const v = (k: string) => valueOf(p.values, k);
  const e = (k: string) => errorFor(p.errors, k);
  if (!p.offered.length)
    return (
      <fieldset class="notify-optin">
        <legend>Kabari saya bila status berubah</legend>
        <p class="hint">
          Pemberitahuan lewat WhatsApp atau e-mail belum tersedia di portal ini. Simpan nomor pelacakan Anda dan lihat statusnya di halaman lacak.
        </p>
      </fieldset>
    );
  const chosen = v('notify_channel') || p.offered[0];
  const contactError = e('notify_contact');
  const channelError = e('notify_channel');
  return (
    <fieldset class={contactError || channelError ? 'notify-optin field-error' : 'notify-optin'}>
      <legend>Kabari saya bila status berubah</legend>
      <p class="hint" id="notify-hint">
        Tidak wajib. Kami kirim pesan singkat berisi nomor pelacakan, status baru dan tautan halaman lacak — tidak pernah kode pribadi Anda. Kontak ini hanya
        dipakai untuk pesan ini, disimpan terenkripsi, tidak terlihat oleh petugas, dan dihapus setelah urusan Anda selesai.
        {p.anonymousNote ? ' Laporan tanpa nama tetap tanpa nama: petugas tidak dapat melihat nomor atau e-mail ini.' : ''}
      </p>
      <div class="checks">
        <label for="notify">
          <input type="checkbox" id="notify" name="notify" value="1" checked={v('notify') === '1'} aria-describedby="notify-hint" />
          Ya, kabari saya bila status berubah
        </label>
      </div>
      {channelError ? (
        <p class="error-message" id="notify_channel-error">
          <span class="visually-hidden">Kesalahan: </span>
          {channelError}
        </p>
      ) : null}
      <div class="checks" role="radiogroup" aria-label="Kabari lewat">
        {p.offered.map((k) => (
          <label for={`notify_channel-${k}`}>
            <input type="radio" id={`notify_channel-${k}`} name="notify_channel" value={k} checked={chosen === k} />
            {CHANNEL_LABELS[k]}
          </label>
        ))}
      </div>
      <div class={contactError ? 'field field-error' : 'field'}>
        <label for="notify_contact">
          {p.offered.length === 1 ? (p.offered[0] === 'whatsapp' ? 'Nomor WhatsApp' : 'Alamat e-mail') : 'Nomor WhatsApp atau alamat e-mail'}
        </label>
        <p class="hint" id="notify_contact-hint">
          {p.offered.includes('whatsapp') ? 'Nomor WhatsApp mis. 0812 3456 7890. ' : ''}
          {p.offered.includes('email') ? 'E-mail mis. nama@contoh.id.' : ''}
        </p>
        {contactError ? (
          <p class="error-message" id="notify_contact-error">
            <span class="visually-hidden">Kesalahan: </span>
            {contactError}
          </p>
        ) : null}
        <input
          id="notify_contact"
          name="notify_contact"
          type="text"
          inputmode={p.offered.length === 1 && p.offered[0] === 'whatsapp' ? 'tel' : undefined}
          value={v('notify_contact')}
          maxlength={200}
          autocomplete="off"
          aria-describedby={contactError ? 'notify_contact-hint notify_contact-error' : 'notify_contact-hint'}
        />
      </div>
    </fieldset>
  );
};
