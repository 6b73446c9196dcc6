/**
 * Officer pages for letters: the queue, the processing screen (requirements beside the uploads, identity masked until
 * an audited reveal, the letter's fields, actions, preview), walk-in registration and the region's settings. Plain
 * props; every POST form carries the CSRF token.
 */
import { excelHref } from '../../lib/csv';
import type { Child, FC } from 'hono/jsx';
import type { LetterAttachmentRow, LetterEventRow, LetterRequestRow, LetterSettingsRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatDate, formatDateTime, formatWeekdayDate } from '../../lib/time';
import { ErrorSummary, Field, Pagination, StatusTag } from '../../views/components';
import { CsrfField } from '../../admin/render';
import { STATUS_LABELS, STATUS_TONES, type OfficerListItem } from './present';
import type { ActionType } from './status-machine';
import type { TemplateContent } from './template';

const DUE_WORDS = { aman: 'Sesuai jadwal', mendekati: 'Mendekati tenggat', lewat: 'Lewat tenggat' } as const;
const DUE_TONES = { aman: 'green', mendekati: 'yellow', lewat: 'red' } as const;

export const QueueView: FC<{
  items: OfficerListItem[];
  status: string;
  page?: number;
  more?: boolean;
  hasScope: boolean;
  templates: Map<string, string>;
  notice?: string;
}> = (p) => (
  <div>
    <h1>Layanan surat</h1>
    {p.notice ? (
      <p class="success" role="status">
        {p.notice}
      </p>
    ) : null}
    <p>
      <a href="/admin/layanan/baru" class="button">
        Daftarkan permohonan di loket
      </a>{' '}
      <a href="/admin/layanan/pengaturan">Pengaturan layanan</a> · <a href={excelHref(`/admin/layanan/ekspor.csv?status=${p.status}`)}>Unduh CSV untuk Excel</a>{' '}
      · <a href={`/admin/layanan/ekspor.csv?status=${p.status}`}>CSV standar</a>
    </p>
    <form method="get" action="/admin/layanan" class="filters">
      <label for="status">Status</label>
      <select id="status" name="status">
        {[['terbuka', 'Belum selesai'], ['semua', 'Semua'], ...Object.entries(STATUS_LABELS)].map(([v, l]) => (
          <option value={v} selected={p.status === v}>
            {l}
          </option>
        ))}
      </select>
      <button type="submit" class="button-secondary">
        Tampilkan
      </button>
    </form>
    {!p.hasScope ? (
      <p>Peran Anda tidak melayani surat di wilayah mana pun.</p>
    ) : p.items.length === 0 ? (
      <p class="empty">Tidak ada permohonan dengan status ini. Permohonan baru dari warga atau dari loket muncul di sini.</p>
    ) : (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Nomor</th>
            <th scope="col">Jenis surat</th>
            <th scope="col">Pemohon</th>
            <th scope="col">Status</th>
            <th scope="col">Tenggat</th>
          </tr>
        </thead>
        <tbody>
          {p.items.map((i) => (
            <tr>
              <td>
                <a href={`/admin/layanan/${i.id}`}>{i.trackingNumber}</a>
                {i.channel === 'loket' ? <div class="hint">loket</div> : null}
              </td>
              <td>{p.templates.get(i.templateId) ?? i.templateId}</td>
              <td>
                {i.name}
                <div class="hint">NIK {i.nikMasked}</div>
              </td>
              <td>
                <StatusTag tone={STATUS_TONES[i.status]}>{STATUS_LABELS[i.status]}</StatusTag>
                {i.letterNumber ? <div class="hint">{i.letterNumber}</div> : null}
              </td>
              <td>
                {i.dueAt && i.deadline ? (
                  <>
                    <StatusTag tone={DUE_TONES[i.deadline]}>{DUE_WORDS[i.deadline]}</StatusTag>
                    <div class="hint">{formatDate(i.dueAt)}</div>
                  </>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <Pagination
      prev={(p.page ?? 1) > 1 ? `/admin/layanan?${new URLSearchParams({ status: p.status, halaman: String((p.page ?? 1) - 1) })}` : undefined}
      next={p.more ? `/admin/layanan?${new URLSearchParams({ status: p.status, halaman: String((p.page ?? 1) + 1) })}` : undefined}
    />
  </div>
);

const ACTION_TEXT: Record<ActionType, { label: string; button: string; hint?: string }> = {
  periksa: { label: 'Mulai periksa', button: 'Mulai periksa persyaratan' },
  minta_perbaikan: {
    label: 'Minta perbaikan',
    button: 'Kirim permintaan perbaikan',
    hint: 'Pemohon membaca catatan ini di halaman lacak; tenggat berhenti sampai pemohon memperbaiki.',
  },
  perbaiki: { label: 'Perbaiki', button: 'Perbaiki' },
  proses: { label: 'Persyaratan lengkap', button: 'Lanjutkan ke pembuatan surat' },
  beri_nomor: {
    label: 'Beri nomor',
    button: 'Beri nomor surat',
    hint: 'Nomor diambil dari urutan wilayah tahun ini dan tidak dapat diubah. Periksa pratinjau lebih dahulu.',
  },
  tandatangani: { label: 'Tandai sudah ditandatangani', button: 'Tandai ditandatangani' },
  tolak: { label: 'Tolak', button: 'Tolak permohonan', hint: 'Alasan ditampilkan kepada pemohon.' },
  batalkan: { label: 'Batalkan', button: 'Batalkan permohonan', hint: 'Nomor yang sudah diberikan tetap tercatat di register sebagai batal.' },
  cabut: { label: 'Cabut surat', button: 'Cabut surat', hint: 'Halaman verifikasi akan menyatakan surat ini dicabut, dengan tanggal dan alasannya.' },
};

const ActionForm: FC<{ id: string; type: ActionType; csrf: string; version: number; errors?: FieldError[]; open: boolean; children?: Child }> = (p) => {
  const t = ACTION_TEXT[p.type];
  return (
    <details class="action" open={p.open}>
      <summary>{t.label}</summary>
      <form method="post" action={`/admin/layanan/${p.id}/tindakan`} enctype="multipart/form-data" novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="action" value={p.type} />
        <input type="hidden" name="version" value={String(p.version)} />
        {t.hint ? <p class="hint">{t.hint}</p> : null}
        {p.children}
        <button type="submit" class={p.type === 'tolak' || p.type === 'cabut' || p.type === 'batalkan' ? 'button-danger' : undefined}>
          {t.button}
        </button>
      </form>
    </details>
  );
};

export interface DetailProps {
  row: LetterRequestRow;
  template: TemplateContent;
  regionLabel: string;
  identity: { revealed: boolean; nik: string; kk: string; phone: string };
  fields: Record<string, string>;
  uploads: LetterAttachmentRow[];
  events: LetterEventRow[];
  actions: ActionType[];
  csrf: string;
  settings: LetterSettingsRow;
  notice?: string;
  failed?: { action: string; errors: FieldError[]; values: FormValues };
}

export const DetailView: FC<DetailProps> = (p) => {
  const r = p.row;
  const e = (k: string) => (p.failed ? errorFor(p.failed.errors, k) : undefined);
  const note = (name: string, label: string) => (
    <Field id={`${name}-${p.failed?.action ?? ''}`} label={label} error={e(name)}>
      {(d) => (
        <textarea id={`${name}-${p.failed?.action ?? ''}`} name={name} rows={3} maxlength={1000} aria-describedby={d}>
          {valueOf(p.failed?.values, name)}
        </textarea>
      )}
    </Field>
  );
  return (
    <div>
      <h1>
        {p.template.title} · {r.trackingNumber}
      </h1>
      {p.notice ? (
        <p class="success" role="status">
          {p.notice}
        </p>
      ) : null}
      {p.failed ? <ErrorSummary errors={p.failed.errors} /> : null}
      <dl class="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusTag tone={STATUS_TONES[r.status]}>{STATUS_LABELS[r.status]}</StatusTag>
            {r.revokedAt ? ` · dicabut ${formatDate(r.revokedAt)}` : ''}
          </dd>
        </div>
        <div>
          <dt>Wilayah</dt>
          <dd>{p.regionLabel}</dd>
        </div>
        <div>
          <dt>Diajukan</dt>
          <dd>
            {formatDateTime(r.submittedAt)} · {r.channel === 'loket' ? 'di loket' : 'melalui portal'}
          </dd>
        </div>
        {r.dueAt ? (
          <div>
            <dt>Tenggat</dt>
            <dd>{formatWeekdayDate(r.dueAt)}</dd>
          </div>
        ) : null}
        {r.letterNumber ? (
          <div>
            <dt>Nomor surat</dt>
            <dd>{r.letterNumber}</dd>
          </div>
        ) : null}
        <div>
          <dt>Penerimaan</dt>
          <dd>{r.delivery === 'unduh' ? 'Unduh PDF' : 'Ambil di kantor'}</dd>
        </div>
      </dl>
      <h2>Pemohon</h2>
      <dl class="facts">
        <div>
          <dt>Nama</dt>
          <dd>{r.applicantName}</dd>
        </div>
        <div>
          <dt>NIK</dt>
          <dd>{p.identity.nik}</dd>
        </div>
        <div>
          <dt>Nomor KK</dt>
          <dd>{p.identity.kk}</dd>
        </div>
        <div>
          <dt>HP/WhatsApp</dt>
          <dd>{p.identity.phone}</dd>
        </div>
        <div>
          <dt>Tempat/tanggal lahir</dt>
          <dd>
            {r.birthPlace}, {r.birthDate} · {r.gender === 'L' ? 'Laki-laki' : 'Perempuan'}
          </dd>
        </div>
        <div>
          <dt>Alamat</dt>
          <dd>
            {r.address} RT {r.rt} RW {r.rw}
          </dd>
        </div>
      </dl>
      {!p.identity.revealed ? (
        <form method="post" action={`/admin/layanan/${r.id}/tampilkan`}>
          <CsrfField token={p.csrf} />
          <button type="submit" class="button-secondary">
            Tampilkan NIK, KK dan nomor HP
          </button>
          <p class="hint">Setiap kali data ini ditampilkan, tercatat di log audit.</p>
        </form>
      ) : (
        <p class="hint">Data lengkap ditampilkan dan dicatat di log audit.</p>
      )}
      <h2>Persyaratan dan unggahan</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Persyaratan</th>
            <th scope="col">Berkas</th>
          </tr>
        </thead>
        <tbody>
          {p.template.requirements.map((req) => {
            const files = p.uploads.filter((u) => u.requirementKey === req.key);
            return (
              <tr>
                <td>
                  {req.label}
                  {req.required ? '' : ' (bila ada)'}
                  {req.upload ? '' : ' — dibawa ke kantor'}
                </td>
                <td>
                  {files.length ? (
                    files.map((f, i) => (
                      <>
                        <a href={`/admin/layanan/${r.id}/berkas/${f.id}`} target="_blank" rel="noopener">
                          {f.mime === 'application/pdf' ? 'PDF' : 'Foto'} {i + 1}
                        </a>{' '}
                        <span class="hint">{formatDateTime(f.createdAt)}</span>{' '}
                      </>
                    ))
                  ) : (
                    <span class="hint">Belum ada</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Isian surat</h2>
      <form method="post" action={`/admin/layanan/${r.id}/isian`} novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="version" value={String(r.version)} />
        {p.template.fields.map((f) => (
          <Field id={`f_${f.key}`} label={f.label} error={e(`f_${f.key}`)}>
            {(d) => (
              <input
                id={`f_${f.key}`}
                name={`f_${f.key}`}
                value={valueOf(p.failed?.values, `f_${f.key}`) || (p.fields[f.key] ?? '')}
                maxlength={f.max ?? 2000}
                aria-describedby={d}
                disabled={r.letterNumber !== null}
              />
            )}
          </Field>
        ))}
        {r.letterNumber === null && p.template.fields.length ? (
          <button type="submit" class="button-secondary">
            Simpan isian
          </button>
        ) : null}
      </form>
      <p>
        <a href={`/admin/layanan/${r.id}/surat`} target="_blank" rel="noopener">
          {r.letterNumber ? 'Buka surat (cetak)' : 'Pratinjau surat'}
        </a>
        {r.letterNumber ? (
          <>
            {' '}
            · <a href={`/admin/layanan/${r.id}/surat.pdf`}>Unduh PDF</a>
          </>
        ) : null}
      </p>
      {p.actions.length ? <h2>Tindakan</h2> : null}
      {p.actions.map((a) => (
        <ActionForm id={r.id} type={a} csrf={p.csrf} version={r.version} errors={p.failed?.errors} open={p.failed?.action === a}>
          {a === 'minta_perbaikan' ? note('note', 'Apa yang perlu diperbaiki pemohon') : null}
          {a === 'tolak' ? note('reason', 'Alasan penolakan') : null}
          {a === 'batalkan' ? note('reason', 'Alasan pembatalan') : null}
          {a === 'cabut' ? note('reason', 'Alasan pencabutan') : null}
          {a === 'tandatangani' ? (
            <>
              <p class="hint">
                Penandatangan: {p.settings.signatoryName || '(belum diisi di Pengaturan)'}, {p.settings.signatoryPosition}
              </p>
              <div class="checks">
                <label for={`method-basah-${r.id}`}>
                  <input type="radio" id={`method-basah-${r.id}`} name="method" value="basah" checked />
                  Tanda tangan basah di kertas
                </label>
                <label for={`method-pindaian-${r.id}`}>
                  <input type="radio" id={`method-pindaian-${r.id}`} name="method" value="pindaian" />
                  Unggah pindaian surat bertanda tangan
                </label>
              </div>
              <Field id="scan" label="Pindaian (PDF atau foto, bila memilih unggah)" error={e('scan')}>
                {(d) => <input type="file" id="scan" name="scan" accept="application/pdf,image/jpeg,image/png" aria-describedby={d} />}
              </Field>
            </>
          ) : null}
        </ActionForm>
      ))}
      <h2>Riwayat</h2>
      <ol class="ctimeline">
        {[...p.events].reverse().map((t) => (
          <li>
            <p class="meta">
              {formatDateTime(t.at)} · {t.actorLabel}
              {t.actorName ? ` (${t.actorName})` : ''}
            </p>
            <p>{t.kind === 'cabut' ? 'Surat dicabut' : t.toStatus ? STATUS_LABELS[t.toStatus] : t.kind}</p>
            {t.noteRequester ? <p class="note">Untuk pemohon: {t.noteRequester}</p> : null}
            {t.noteInternal ? <p class="note">Internal: {t.noteInternal}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
};
