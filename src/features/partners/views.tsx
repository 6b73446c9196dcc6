import type { FC } from 'hono/jsx';
import type { PartnerClientRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatDateTime } from '../../lib/time';
import { EmptyState, ErrorSummary, Field, StatusTag } from '../../views/components';
import { CsrfField } from '../../admin/render';
import { PARTNER_SCOPES, SCOPE_NAMES } from '../../api/scopes';

export const SecretOnceView: FC<{ clientId: string; clientSecret: string; name: string; rotated: boolean }> = (p) => (
  <>
    <h1>
      {p.rotated ? 'Secret baru' : 'Mitra terdaftar'}: {p.name}
    </h1>
    <div class="notice" role="alert">
      <p>
        <strong>Simpan secret ini sekarang.</strong> Secret hanya ditampilkan sekali dan tidak dapat dilihat lagi.
        {p.rotated ? ' Secret lama masih berlaku 24 jam agar sistem mitra sempat beralih.' : ''}
      </p>
    </div>
    <dl>
      <dt>client_id</dt>
      <dd class="secret">{p.clientId}</dd>
      <dt>client_secret</dt>
      <dd class="secret">{p.clientSecret}</dd>
    </dl>
    <p>
      Token diminta dengan <code>POST /api/v1/oauth/token</code> (grant_type=client_credentials). Lihat <a href="/api/docs">dokumentasi API</a>.
    </p>
    <p>
      <a href="/admin/mitra">Kembali ke daftar mitra</a>
    </p>
  </>
);

export const PartnersView: FC<{ csrf: string; partners: PartnerClientRow[]; errors?: FieldError[]; values?: FormValues; notice?: string }> = ({
  csrf,
  partners,
  errors,
  values,
  notice,
}) => {
  const chosen = new Set([values?.scopes ?? []].flat());
  return (
    <>
      <h1>Mitra API</h1>
      <p>Sistem mitra (SP4N-LAPOR nasional, sistem pengadaan, portal data terbuka) memakai token berumur pendek dengan scope terbatas.</p>
      {notice ? (
        <p class="success" role="status">
          {notice}
        </p>
      ) : null}
      {partners.length === 0 ? (
        <EmptyState>
          <p>Belum ada mitra terdaftar.</p>
        </EmptyState>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Nama</th>
              <th scope="col">client_id</th>
              <th scope="col">Scope</th>
              <th scope="col">Status</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <tr>
                <td data-label="Nama">{p.name}</td>
                <td data-label="client_id">
                  <code>{p.id}</code>
                </td>
                <td data-label="Scope">{p.scopes}</td>
                <td data-label="Status">
                  {p.isActive ? <StatusTag tone="green">Aktif</StatusTag> : <StatusTag tone="red">Dicabut</StatusTag>}
                  <div class="hint">diperbarui {formatDateTime(p.updatedAt)}</div>
                </td>
                <td data-label="Tindakan">
                  {p.isActive ? (
                    <>
                      <form method="post" action={`/admin/mitra/${p.id}/ganti-secret`} class="inline">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-secondary">
                          Ganti secret
                        </button>
                      </form>{' '}
                      <form method="post" action={`/admin/mitra/${p.id}/cabut`} class="inline">
                        <CsrfField token={csrf} />
                        <button type="submit" class="button-danger">
                          Cabut akses
                        </button>
                      </form>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Daftarkan mitra baru</h2>
      <ErrorSummary errors={errors ?? []} fieldIds={{ name: 'p-name', scopes: 'p-scopes' }} />
      <form method="post" action="/admin/mitra" novalidate>
        <CsrfField token={csrf} />
        <Field id="p-name" label="Nama sistem mitra" error={errorFor(errors, 'name')}>
          {(d) => <input id="p-name" name="name" type="text" value={valueOf(values, 'name')} aria-describedby={d} />}
        </Field>
        <fieldset class="checks" id="p-scopes">
          <legend>Scope yang diberikan</legend>
          {errorFor(errors, 'scopes') ? <p class="error-message">{errorFor(errors, 'scopes')}</p> : null}
          {SCOPE_NAMES.map((s) => (
            <label>
              <input type="checkbox" name="scopes" value={s} checked={chosen.has(s)} /> <code>{s}</code> — {PARTNER_SCOPES[s]}
            </label>
          ))}
        </fieldset>
        <button type="submit">Daftarkan mitra</button>
      </form>
    </>
  );
};
