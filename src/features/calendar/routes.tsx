/** The holiday calendar editor (/admin/kalender): Diskominfo keeps the working-day clock's non-working days. */
import { Hono, type Context } from 'hono';
import type { FC } from 'hono/jsx';
import type { Holiday } from '../../db/schema';
import { HOLIDAY_KINDS } from '../../db/schema';
import type { AppEnv } from '../../env';
import { AppError, type FieldError } from '../../lib/errors';
import { errorFor, readForm, valueOf, type FormValues } from '../../lib/forms';
import { formatWeekdayDate, witaDateToMs, witaParts } from '../../lib/time';
import { queryObject } from '../../lib/validation';
import { candidateRoots } from '../../regions/policy';
import { EmptyState, ErrorSummary, Field, StatusTag } from '../../views/components';
import { sessionOf } from '../../auth/session';
import { actionContext } from '../../admin/context';
import { CsrfField, renderAdmin } from '../../admin/render';
import { holidayHooksOf, type Registry } from '../descriptor';
import { findHoliday, holidayYears, listHolidaysOfYear } from './repo';
import { DateKeySchema, DeleteHolidayForm, HOLIDAY_KIND_LABELS, HolidayForm, YearQuery } from './schemas';
import { deleteHoliday, saveHoliday } from './service';
import { REGENCY } from '../../config';
import { pickNotice } from '../../lib/notices';

const KIND_TONES = { libur_nasional: 'red', cuti_bersama: 'yellow', libur_daerah: 'blue' } as const;

const HolidayFields: FC<{ values?: FormValues; errors?: FieldError[] }> = ({ values, errors }) => (
  <>
    <Field id="h-date" label="Tanggal" hint="Format TTTT-BB-HH, mis. 2026-08-17." error={errorFor(errors, 'date')}>
      {(d) => <input type="date" id="h-date" name="date" value={valueOf(values, 'date')} aria-describedby={d} />}
    </Field>
    <Field id="h-kind" label="Jenis" error={errorFor(errors, 'kind')}>
      {(d) => (
        <select id="h-kind" name="kind" aria-describedby={d}>
          {HOLIDAY_KINDS.map((k) => (
            <option value={k} selected={valueOf(values, 'kind') === k}>
              {HOLIDAY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      )}
    </Field>
    <Field id="h-name" label="Nama" hint={`Mis. Hari Ulang Tahun ${REGENCY.name}.`} error={errorFor(errors, 'name')}>
      {(d) => <input type="text" id="h-name" name="name" maxlength={100} value={valueOf(values, 'name')} aria-describedby={d} />}
    </Field>
  </>
);

const FIELD_IDS = { date: 'h-date', kind: 'h-kind', name: 'h-name', yakin: 'h-yakin' };

const CalendarView: FC<{ csrf: string; year: number; years: number[]; rows: Holiday[]; values?: FormValues; errors?: FieldError[]; notice?: string }> = (p) => (
  <>
    <h1>Kalender hari libur {p.year}</h1>
    <p>
      Hari libur nasional, cuti bersama dan libur daerah tidak dihitung sebagai hari kerja untuk semua tenggat (pengaduan, PPID). Setiap perubahan langsung
      menggeser tenggat yang sedang berjalan dan tercatat di log audit.
    </p>
    {p.notice ? (
      <p class="success" role="status">
        {p.notice}
      </p>
    ) : null}
    <form method="get" action="/admin/kalender" class="filters">
      <label for="tahun">Tahun</label>
      <select id="tahun" name="tahun">
        {[...new Set([...p.years, p.year, p.year + 1])]
          .sort((a, b) => b - a)
          .map((y) => (
            <option value={String(y)} selected={y === p.year}>
              {y}
            </option>
          ))}
      </select>
      <button type="submit" class="button-secondary">
        Tampilkan
      </button>
    </form>
    {p.rows.length === 0 ? (
      <EmptyState>
        <p>Belum ada hari libur untuk tahun {p.year}. Tambahkan sesuai SKB 3 Menteri setelah ditetapkan.</p>
      </EmptyState>
    ) : (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Tanggal</th>
            <th scope="col">Nama</th>
            <th scope="col">Jenis</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((h) => (
            <tr>
              <td data-label="Tanggal">
                <a href={`/admin/kalender/${h.date}`}>{formatWeekdayDate(witaDateToMs(h.date))}</a>
              </td>
              <td data-label="Nama">{h.name}</td>
              <td data-label="Jenis">
                <StatusTag tone={KIND_TONES[h.kind]}>{HOLIDAY_KIND_LABELS[h.kind]}</StatusTag>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <h2>Tambah hari libur</h2>
    <ErrorSummary errors={p.errors ?? []} fieldIds={FIELD_IDS} />
    <form method="post" action="/admin/kalender">
      <CsrfField token={p.csrf} />
      <HolidayFields values={p.values} errors={p.errors} />
      <button type="submit">Tambah</button>
    </form>
  </>
);

const EditView: FC<{ csrf: string; row: Holiday; values?: FormValues; errors?: FieldError[] }> = ({ csrf, row, values, errors }) => (
  <>
    <h1>Ubah hari libur {row.date}</h1>
    <ErrorSummary errors={errors ?? []} fieldIds={FIELD_IDS} />
    <form method="post" action={`/admin/kalender/${row.date}`}>
      <CsrfField token={csrf} />
      <HolidayFields values={values ?? { date: row.date, kind: row.kind, name: row.name }} errors={errors} />
      <button type="submit">Simpan</button>
    </form>
    <h2>Hapus tanggal ini</h2>
    <p>Tanggal ini akan dihitung lagi sebagai hari kerja (bila hari Senin–Jumat) dan tenggat yang berjalan bergeser.</p>
    <form method="post" action={`/admin/kalender/${row.date}/hapus`}>
      <CsrfField token={csrf} />
      <div class={errorFor(errors, 'yakin') ? 'checks field-error' : 'checks'}>
        {errorFor(errors, 'yakin') ? <p class="error-message">{errorFor(errors, 'yakin')}</p> : null}
        <label for="h-yakin">
          <input type="checkbox" id="h-yakin" name="yakin" value="1" />
          Ya, hapus {row.name} ({row.date}) dari kalender
        </label>
      </div>
      <button type="submit" class="button-danger">
        Hapus
      </button>
    </form>
  </>
);

const NOTICES: Record<string, string> = { tambah: 'Hari libur ditambahkan.', ubah: 'Hari libur diperbarui.', hapus: 'Hari libur dihapus.' };

function assertManager(c: Context<AppEnv>) {
  if (candidateRoots(sessionOf(c).memberships, 'settings.manage').length === 0) throw new AppError('not_found');
}

function dateParam(c: Context<AppEnv>): string {
  const parsed = DateKeySchema.safeParse(c.req.param('date'));
  if (!parsed.success) throw new AppError('not_found', 'Tanggal libur tidak ditemukan.');
  return parsed.data;
}

export function calendarAdminRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const onChanged = holidayHooksOf(registry);
  const crumbs = [{ label: 'Kalender libur', href: '/admin/kalender' }];

  const list = async (c: Context<AppEnv>, extra: { values?: FormValues; errors?: FieldError[]; status?: number; year?: number } = {}) => {
    const q = YearQuery.parse(queryObject(new URL(c.req.url)));
    const year = extra.year ?? q.tahun ?? witaParts(Date.now()).year;
    const db = c.get('db');
    const [rows, years] = await Promise.all([listHolidaysOfYear(db, year), holidayYears(db)]);
    return renderAdmin(
      c,
      { title: `Kalender hari libur ${year}`, current: '/admin/kalender' },
      <CalendarView
        csrf={sessionOf(c).csrfToken}
        year={year}
        years={years}
        rows={rows}
        values={extra.values}
        errors={extra.errors}
        notice={pickNotice(NOTICES, c.req.query('ok'))}
      />,
      { status: extra.status },
    );
  };

  app.get('/admin/kalender', (c) => {
    assertManager(c);
    return list(c);
  });

  app.post('/admin/kalender', async (c) => {
    assertManager(c);
    const form = await readForm(c, HolidayForm);
    if (!form.ok) return list(c, { values: form.values, errors: form.errors, status: 422 });
    try {
      await saveHoliday({ db: c.get('db'), onChanged }, form.data, actionContext(c));
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return list(c, { values: form.values, errors: err.fieldErrors, status: 409 });
      throw err;
    }
    return c.redirect(`/admin/kalender?tahun=${form.data.date.slice(0, 4)}&ok=tambah`, 303);
  });

  const edit = async (c: Context<AppEnv>, date: string, extra: { values?: FormValues; errors?: FieldError[]; status?: number } = {}) => {
    const row = await findHoliday(c.get('db'), date);
    if (!row) throw new AppError('not_found', 'Tanggal libur tidak ditemukan.');
    return renderAdmin(
      c,
      { title: `Ubah hari libur ${date}`, current: '/admin/kalender', breadcrumbs: [...crumbs, { label: date }] },
      <EditView csrf={sessionOf(c).csrfToken} row={row} values={extra.values} errors={extra.errors} />,
      {
        status: extra.status,
      },
    );
  };

  app.get('/admin/kalender/:date', (c) => {
    assertManager(c);
    return edit(c, dateParam(c));
  });

  app.post('/admin/kalender/:date', async (c) => {
    assertManager(c);
    const date = dateParam(c);
    const form = await readForm(c, HolidayForm);
    if (!form.ok) return edit(c, date, { values: form.values, errors: form.errors, status: 422 });
    try {
      await saveHoliday({ db: c.get('db'), onChanged }, form.data, actionContext(c), date);
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') return edit(c, date, { values: form.values, errors: err.fieldErrors, status: 409 });
      throw err;
    }
    return c.redirect(`/admin/kalender?tahun=${form.data.date.slice(0, 4)}&ok=ubah`, 303);
  });

  app.post('/admin/kalender/:date/hapus', async (c) => {
    assertManager(c);
    const date = dateParam(c);
    const form = await readForm(c, DeleteHolidayForm);
    if (!form.ok) return edit(c, date, { errors: form.errors, status: 422 });
    await deleteHoliday({ db: c.get('db'), onChanged }, date, actionContext(c));
    return c.redirect(`/admin/kalender?tahun=${date.slice(0, 4)}&ok=hapus`, 303);
  });

  return app;
}
