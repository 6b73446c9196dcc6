import type { FC } from 'hono/jsx';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { ErrorSummary, Field } from '../../views/components';
import { CsrfField } from '../../admin/render';
import { REGENCY } from '../../config';

export const LoginView: FC<{ values?: FormValues; errors?: FieldError[]; lanjut?: string; notice?: string }> = ({ values, errors, lanjut, notice }) => (
  <>
    <h1>Masuk petugas</h1>
    <p>Halaman ini untuk petugas Diskominfo, kecamatan, desa, PPID dan penanganan pengaduan.</p>
    {notice ? <p class="notice">{notice}</p> : null}
    <ErrorSummary errors={errors ?? []} />
    <form method="post" action="/masuk" novalidate>
      {lanjut ? <input type="hidden" name="lanjut" value={lanjut} /> : null}
      <Field id="login" label="Nama pengguna atau email" error={errorFor(errors, 'login')}>
        {(d) => (
          <input
            id="login"
            name="login"
            type="text"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            value={valueOf(values, 'login')}
            aria-describedby={d}
            required
          />
        )}
      </Field>
      <Field id="password" label="Kata sandi" error={errorFor(errors, 'password')}>
        {(d) => <input id="password" name="password" type="password" autocomplete="current-password" aria-describedby={d} required />}
      </Field>
      <button type="submit">Masuk</button>
    </form>
    <p class="hint">Lupa kata sandi? Hubungi Diskominfo {REGENCY.name} untuk mengatur ulang.</p>
  </>
);

export const ChangePasswordView: FC<{ csrf: string; errors?: FieldError[]; forced: boolean; done?: boolean }> = ({ csrf, errors, forced, done }) => (
  <>
    <h1>Akun saya: ganti kata sandi</h1>
    {forced ? <p class="notice">Demi keamanan, ganti kata sandi sementara Anda sebelum melanjutkan.</p> : null}
    {done ? (
      <p class="success" role="status">
        Kata sandi berhasil diganti.
      </p>
    ) : null}
    <ErrorSummary errors={errors ?? []} />
    <form method="post" action="/admin/akun" novalidate>
      <CsrfField token={csrf} />
      <Field id="current" label="Kata sandi saat ini" error={errorFor(errors, 'current')}>
        {(d) => <input id="current" name="current" type="password" autocomplete="current-password" aria-describedby={d} />}
      </Field>
      <Field id="password" label="Kata sandi baru" hint="Minimal 10 karakter, jangan memakai nama atau kata yang umum." error={errorFor(errors, 'password')}>
        {(d) => <input id="password" name="password" type="password" autocomplete="new-password" aria-describedby={d} />}
      </Field>
      <button type="submit">Simpan kata sandi baru</button>
    </form>
    <h2>Notifikasi</h2>
    <p>
      <a href="/admin/akun/notifikasi">Atur ringkasan harian dan pesan mendesak lewat Telegram atau e-mail</a>
    </p>
  </>
);
