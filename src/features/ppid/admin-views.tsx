import type { FC } from 'hono/jsx';
import { formatDateTime, formatWeekdayDate } from '../../lib/time';
import type { DeadlineState } from '../../lib/working-days';
import { regionTitle } from '../../regions/labels';
import { EmptyState, ErrorSummary, StatusTag } from '../../views/components';
import {
  ACTOR_LABELS,
  DECISION_LABELS,
  DECISION_TONES,
  DELIVERY_LABELS,
  EVENT_LABELS,
  IDENTITY_TYPE_LABELS,
  OBTAIN_LABELS,
  REFUSAL_REASONS,
  REQUESTER_TYPE_LABELS,
  STATUS_LABELS,
  STATUS_TONES,
} from './labels';
import type { RegionFigureRow, RequestListRow } from './repo';
import { ActionForms, ObjectionBlock, type DetailProps } from './admin-actions';
import { DeadlineTag, Fact } from './admin-parts';

export const AdminTabs: FC<{ current: 'daftar' | 'profil' | 'dip' | 'laporan' }> = ({ current }) => (
  <nav aria-label="Menu PPID" class="filters">
    {(
      [
        ['daftar', '/admin/ppid', 'Permohonan'],
        ['profil', '/admin/ppid/profil', 'Profil PPID'],
        ['dip', '/admin/ppid/dip', 'Daftar informasi'],
        ['laporan', '/admin/ppid/laporan', 'Laporan tahunan'],
      ] as const
    ).map(([k, href, label]) => (
      <a href={href} aria-current={current === k ? 'page' : undefined} class={current === k ? 'button' : 'button button-secondary'}>
        {label}
      </a>
    ))}
  </nav>
);

export const RequestListView: FC<{
  rows: Array<RequestListRow & { deadline: DeadlineState | null }>;
  figures: RegionFigureRow[];
  filter: string;
}> = ({ rows, figures, filter }) => (
  <>
    <h1>Permohonan informasi (PPID)</h1>
    <AdminTabs current="daftar" />
    <form class="filters" method="get" action="/admin/ppid">
      <label for="status">Tampilkan</label>
      <select id="status" name="status">
        {(
          [
            ['terbuka', 'Belum dijawab (urut batas waktu)'],
            ['keberatan', 'Keberatan menunggu putusan'],
            ['dijawab', 'Sudah dijawab'],
            ['semua', 'Semua'],
          ] as const
        ).map(([k, label]) => (
          <option value={k} selected={filter === k}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit">Tampilkan</button>
    </form>
    {rows.length === 0 ? (
      <EmptyState>
        <p>Tidak ada permohonan untuk ditampilkan. Permohonan baru dari warga akan muncul di sini.</p>
      </EmptyState>
    ) : (
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Nomor</th>
            <th scope="col">Wilayah</th>
            <th scope="col">Informasi</th>
            <th scope="col">Status</th>
            <th scope="col">Batas waktu</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr class={r.deadline === 'lewat' ? 'ppid-overdue' : undefined}>
              <td data-label="Nomor">
                <a href={`/admin/ppid/permohonan/${r.id}`}>{r.number}</a>
                {r.isDemo ? (
                  <>
                    {' '}
                    <StatusTag tone="yellow">Demo</StatusTag>
                  </>
                ) : null}
              </td>
              <td data-label="Wilayah">{regionTitle({ level: r.regionLevel, name: r.regionName })}</td>
              <td data-label="Informasi">{r.information.length > 90 ? `${r.information.slice(0, 90)}…` : r.information}</td>
              <td data-label="Status">
                <StatusTag tone={STATUS_TONES[r.status]}>{STATUS_LABELS[r.status]}</StatusTag>
                {r.objectionStatus === 'diajukan' ? (
                  <>
                    {' '}
                    <StatusTag tone="red">Keberatan</StatusTag>
                  </>
                ) : null}
              </td>
              <td data-label="Batas waktu">
                {r.objectionStatus === 'diajukan' && r.objectionDueAt ? `Keberatan: ${formatWeekdayDate(r.objectionDueAt)}` : formatWeekdayDate(r.dueAt)}
                {r.deadline ? (
                  <>
                    <br />
                    <DeadlineTag state={r.deadline} />
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <section aria-labelledby="angka-wilayah">
      <h2 id="angka-wilayah">Angka per wilayah</h2>
      {figures.length === 0 ? (
        <EmptyState>
          <p>Belum ada permohonan di wilayah Anda.</p>
        </EmptyState>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Wilayah</th>
              <th scope="col">Total</th>
              <th scope="col">Belum dijawab</th>
              <th scope="col">Lewat batas</th>
              <th scope="col">Dijawab</th>
              <th scope="col">Keberatan menunggu</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr>
                <td data-label="Wilayah">{regionTitle({ level: f.regionLevel, name: f.regionName })}</td>
                <td data-label="Total">{f.total}</td>
                <td data-label="Belum dijawab">{f.open}</td>
                <td data-label="Lewat batas">{f.overdue > 0 ? <StatusTag tone="red">{String(f.overdue)}</StatusTag> : '0'}</td>
                <td data-label="Dijawab">{f.answered}</td>
                <td data-label="Keberatan menunggu">{f.objectionsPending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  </>
);

export const RequestDetailView: FC<DetailProps> = (p) => {
  const { row, objection } = p;
  const base = `/admin/ppid/permohonan/${row.id}`;
  return (
    <>
      <h1>Permohonan {row.number}</h1>
      {p.notice ? (
        <p class="success" role="status">
          {p.notice}
        </p>
      ) : null}
      <ErrorSummary errors={p.errors ?? []} />
      <p>
        <StatusTag tone={STATUS_TONES[row.status]}>{STATUS_LABELS[row.status]}</StatusTag> {p.deadline ? <DeadlineTag state={p.deadline} /> : null}{' '}
        {row.decision ? <StatusTag tone={DECISION_TONES[row.decision]}>{DECISION_LABELS[row.decision]}</StatusTag> : null}
      </p>
      <dl class="ppid-facts">
        <Fact label="Wilayah">{p.regionName}</Fact>
        <Fact label="Diterima">{formatDateTime(row.registeredAt)}</Fact>
        <Fact label="Batas waktu">
          {formatWeekdayDate(row.dueAt)}
          {row.extendedAt ? ` (diperpanjang ${row.extensionDays} hari kerja dari ${formatWeekdayDate(row.originalDueAt)})` : ''}
        </Fact>
        {row.answeredAt ? <Fact label="Dijawab">{formatDateTime(row.answeredAt)}</Fact> : null}
      </dl>
      <h2>Pemohon</h2>
      <p class="hint">Data pribadi: gunakan hanya untuk melayani permohonan ini.</p>
      <dl class="ppid-facts">
        <Fact label="Nama">{row.requesterName}</Fact>
        <Fact label="Jenis pemohon">{REQUESTER_TYPE_LABELS[row.requesterType]}</Fact>
        <Fact label="Alamat">{row.requesterAddress}</Fact>
        <Fact label="Pekerjaan">{row.requesterOccupation}</Fact>
        <Fact label="Telepon">{row.requesterPhone ?? '—'}</Fact>
        <Fact label="Email">{row.requesterEmail ?? '—'}</Fact>
        <Fact label="Identitas">{`${IDENTITY_TYPE_LABELS[row.identityType]} berakhiran ${row.identityLast4} (tersimpan terenkripsi)`}</Fact>
      </dl>
      <h2>Permohonan</h2>
      <dl class="ppid-facts">
        <Fact label="Informasi yang diminta">{row.information}</Fact>
        <Fact label="Tujuan">{row.purpose}</Fact>
        <Fact label="Cara memperoleh">{OBTAIN_LABELS[row.obtainMethod]}</Fact>
        <Fact label="Cara mendapatkan salinan">{row.deliveryMethod ? DELIVERY_LABELS[row.deliveryMethod] : '—'}</Fact>
      </dl>
      {row.answeredAt && row.decision ? (
        <>
          <h2>Jawaban</h2>
          <p class="callout">{row.answerNote}</p>
          {row.refusalBasis ? (
            <p>
              <strong>Dasar hukum:</strong>{' '}
              {row.refusalReason && row.refusalReason in REFUSAL_REASONS ? `${REFUSAL_REASONS[row.refusalReason as keyof typeof REFUSAL_REASONS]}; ` : ''}
              {row.refusalBasis}
            </p>
          ) : null}
          {row.answerDocKey ? (
            <p>
              <a href={`${base}/dokumen`}>Dokumen jawaban: {row.answerDocName}</a>
            </p>
          ) : null}
        </>
      ) : null}
      <ActionForms {...p} base={base} />
      {objection ? <ObjectionBlock {...p} base={base} objection={objection} /> : null}
      <h2>Riwayat (terbaru di atas)</h2>
      <ol class="ppid-timeline" reversed>
        {[...p.events].reverse().map((e) => (
          <li>
            <strong>{EVENT_LABELS[e.kind] ?? e.kind}</strong> — {ACTOR_LABELS[e.actorRole]}, {formatDateTime(e.at)}
            {e.note ? <p>{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
};
