import type { FC } from 'hono/jsx';
import { ROLES, type Role, type UserRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatDateTime } from '../../lib/time';
import { regionTitle } from '../../regions/labels';
import { EmptyState, ErrorSummary, Field, StatusTag } from '../../views/components';
import { CsrfField } from '../../admin/render';
import { ROLE_LABELS } from '../../regions/labels';

type Level = 'kabupaten' | 'kecamatan' | 'desa' | 'kelurahan';
export interface RegionOption {
  code: string;
  name: string;
  level: Level;
}

const RoleSelect: FC<{ id: string; value?: string; describedBy?: string }> = ({ id, value, describedBy }) => (
  <select id={id} name="role" aria-describedby={describedBy}>
    <option value="">Pilih peran</option>
    {ROLES.map((r) => (
      <option value={r} selected={value === r}>
        {ROLE_LABELS[r]}
      </option>
    ))}
  </select>
);

/** Region picker without JavaScript: one select grouped by level (160 options, a few KB). */
const RegionSelect: FC<{ id: string; regions: RegionOption[]; value?: string; describedBy?: string }> = ({ id, regions, value, describedBy }) => (
  <select id={id} name="region_code" aria-describedby={describedBy}>
    <option value="">Pilih wilayah</option>
    {regions.map((r) => (
      <option value={r.code} selected={value === r.code}>
        {r.level === 'desa' || r.level === 'kelurahan' ? '— ' : ''}
        {regionTitle(r)} ({r.code})
      </option>
    ))}
  </select>
);

export const UsersView: FC<{
  csrf: string;
  users: Array<UserRow & { roles: Array<{ role: Role; regionName: string; regionLevel: Level }> }>;
  regions: RegionOption[];
  q?: string;
  errors?: FieldError[];
  values?: FormValues;
  created?: string;
}> = ({ csrf, users, regions, q, errors, values, created }) => (
  <>
    <h1>Pengguna</h1>
    {created ? (
      <p class="success" role="status">
        Akun <strong>{created}</strong> dibuat. Sampaikan kata sandi sementara secara langsung; pengguna wajib menggantinya saat pertama masuk.
      </p>
    ) : null}
    <form method="get" action="/admin/pengguna" class="filters" role="search">
      <div>
        <label for="u-q">Cari nama atau nama pengguna</label>
        <input id="u-q" name="q" type="search" value={q ?? ''} maxlength={100} />
      </div>
      <button type="submit" class="button-secondary">
        Cari
      </button>
    </form>
    {users.length === 0 ? (
      <EmptyState>
        <p>Tidak ada pengguna yang cocok.</p>
      </EmptyState>
    ) : (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">Nama pengguna</th>
            <th scope="col">Peran</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr>
              <td data-label="Nama">
                <a href={`/admin/pengguna/${u.id}`}>{u.name}</a>
              </td>
              <td data-label="Nama pengguna">{u.username}</td>
              <td data-label="Peran">
                {u.roles.map((r) => `${ROLE_LABELS[r.role]} — ${regionTitle({ level: r.regionLevel, name: r.regionName })}`).join('; ') || '—'}
              </td>
              <td data-label="Status">{u.isActive ? <StatusTag tone="green">Aktif</StatusTag> : <StatusTag tone="red">Nonaktif</StatusTag>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <h2 id="buat">Buat akun baru</h2>
    <ErrorSummary
      errors={errors ?? []}
      fieldIds={{ username: 'n-username', name: 'n-name', email: 'n-email', password: 'n-password', role: 'n-role', region_code: 'n-region' }}
    />
    <form method="post" action="/admin/pengguna" novalidate>
      <CsrfField token={csrf} />
      <Field id="n-name" label="Nama lengkap" error={errorFor(errors, 'name')}>
        {(d) => <input id="n-name" name="name" type="text" value={valueOf(values, 'name')} aria-describedby={d} autocomplete="off" />}
      </Field>
      <Field id="n-username" label="Nama pengguna" hint="Huruf kecil, angka, titik atau tanda hubung, mis. op.swargabara" error={errorFor(errors, 'username')}>
        {(d) => (
          <input
            id="n-username"
            name="username"
            type="text"
            value={valueOf(values, 'username')}
            aria-describedby={d}
            autocomplete="off"
            autocapitalize="none"
          />
        )}
      </Field>
      <Field id="n-email" label="Email (opsional)" error={errorFor(errors, 'email')}>
        {(d) => <input id="n-email" name="email" type="email" value={valueOf(values, 'email')} aria-describedby={d} autocomplete="off" />}
      </Field>
      <Field
        id="n-password"
        label="Kata sandi sementara"
        hint="Minimal 10 karakter. Pengguna wajib menggantinya saat pertama masuk."
        error={errorFor(errors, 'password')}
      >
        {(d) => <input id="n-password" name="password" type="text" aria-describedby={d} autocomplete="new-password" />}
      </Field>
      <Field id="n-role" label="Peran" error={errorFor(errors, 'role')}>
        {(d) => <RoleSelect id="n-role" value={valueOf(values, 'role')} describedBy={d} />}
      </Field>
      <Field id="n-region" label="Wilayah" error={errorFor(errors, 'region_code')}>
        {(d) => <RegionSelect id="n-region" regions={regions} value={valueOf(values, 'region_code')} describedBy={d} />}
      </Field>
      <button type="submit">Buat akun</button>
    </form>
  </>
);

export const UserDetailView: FC<{
  csrf: string;
  user: UserRow;
  memberships: Array<{ id: string; role: Role; regionCode: string; regionName: string; regionLevel: Level }>;
  regions: RegionOption[];
  errors?: FieldError[];
  values?: FormValues;
  notice?: string;
}> = ({ csrf, user, memberships, regions, errors, values, notice }) => (
  <>
    <h1>{user.name}</h1>
    <p>
      Nama pengguna <strong>{user.username}</strong>
      {user.email ? <> · {user.email}</> : null} · {user.isActive ? <StatusTag tone="green">Aktif</StatusTag> : <StatusTag tone="red">Nonaktif</StatusTag>}
      {user.lastLoginAt ? <> · terakhir masuk {formatDateTime(user.lastLoginAt)}</> : null}
    </p>
    {notice ? (
      <p class="success" role="status">
        {notice}
      </p>
    ) : null}
    <ErrorSummary errors={errors ?? []} fieldIds={{ role: 'm-role', region_code: 'm-region', password: 'r-password' }} />
    <h2>Peran dan wilayah</h2>
    {memberships.length === 0 ? (
      <EmptyState>
        <p>Akun ini belum memiliki peran; ia tidak dapat mengelola apa pun.</p>
      </EmptyState>
    ) : (
      <ul>
        {memberships.map((m) => (
          <li>
            {ROLE_LABELS[m.role]} — {regionTitle({ level: m.regionLevel, name: m.regionName })} ({m.regionCode}){' '}
            <form
              method="post"
              action={`/admin/pengguna/${user.id}/peran/${m.id}/cabut`}
              class="inline"
              hx-post={`/admin/pengguna/${user.id}/peran/${m.id}/cabut`}
              hx-target="closest li"
              hx-swap="outerHTML"
              hx-confirm={`Cabut peran ${ROLE_LABELS[m.role]} di ${m.regionName}? Sesi pengguna ini akan berakhir.`}
            >
              <CsrfField token={csrf} />
              <button type="submit" class="link-button">
                Cabut peran ini
              </button>
            </form>
          </li>
        ))}
      </ul>
    )}
    <h3>Tambah peran</h3>
    <form method="post" action={`/admin/pengguna/${user.id}/peran`} novalidate>
      <CsrfField token={csrf} />
      <Field id="m-role" label="Peran" error={errorFor(errors, 'role')}>
        {(d) => <RoleSelect id="m-role" value={valueOf(values, 'role')} describedBy={d} />}
      </Field>
      <Field id="m-region" label="Wilayah" error={errorFor(errors, 'region_code')}>
        {(d) => <RegionSelect id="m-region" regions={regions} value={valueOf(values, 'region_code')} describedBy={d} />}
      </Field>
      <button type="submit">Tambah peran</button>
    </form>
    <h2>Atur ulang kata sandi</h2>
    <form method="post" action={`/admin/pengguna/${user.id}/sandi`} novalidate>
      <CsrfField token={csrf} />
      <Field
        id="r-password"
        label="Kata sandi sementara baru"
        hint="Semua sesi pengguna ini berakhir; ia wajib menggantinya saat masuk."
        error={errorFor(errors, 'password')}
      >
        {(d) => <input id="r-password" name="password" type="text" aria-describedby={d} autocomplete="new-password" />}
      </Field>
      <button type="submit">Atur ulang kata sandi</button>
    </form>
    <h2>Status akun</h2>
    <form method="post" action={`/admin/pengguna/${user.id}/status`}>
      <CsrfField token={csrf} />
      <input type="hidden" name="aktif" value={user.isActive ? '0' : '1'} />
      <p>{user.isActive ? 'Menonaktifkan akun mengakhiri semua sesinya; riwayat dan tulisan tetap tersimpan.' : 'Akun ini nonaktif dan tidak dapat masuk.'}</p>
      <button type="submit" class={user.isActive ? 'button-danger' : ''}>
        {user.isActive ? 'Nonaktifkan akun' : 'Aktifkan kembali'}
      </button>
    </form>
  </>
);
