import type { FC } from 'hono/jsx';
import type { FieldError } from '../lib/errors';
import { SearchForm } from './region-search';

export const NotFoundView: FC<{ detail?: string }> = ({ detail }) => (
  <>
    <h1>Halaman tidak ditemukan</h1>
    <p>{detail ?? 'Alamat yang Anda buka tidak ada atau sudah dipindahkan.'}</p>
    <p>Periksa kembali alamatnya, atau cari desa/kecamatan yang Anda tuju:</p>
    <SearchForm q="" />
    <p>
      <a href="/">Kembali ke beranda portal</a>
    </p>
  </>
);

export const ErrorView: FC<{ title: string; detail: string; requestId?: string; errors?: FieldError[] }> = ({ title, detail, requestId, errors }) => (
  <>
    <h1>{title}</h1>
    <p>{detail}</p>
    {errors?.length ? (
      <ul class="error-list">
        {errors.map((e) => (
          <li>{e.message}</li>
        ))}
      </ul>
    ) : null}
    {requestId ? (
      <p class="hint">
        Kode kejadian: <code>{requestId}</code>. Sebutkan kode ini bila menghubungi Diskominfo.
      </p>
    ) : null}
    <p>
      <a href="/">Kembali ke beranda portal</a>
    </p>
  </>
);
