import type { FC } from 'hono/jsx';
import type { InfoObjectionRow, InfoRequestEventRow, InfoRequestRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { formatDateTime, formatWeekdayDate } from '../../lib/time';
import { EmptyState, ErrorSummary, Field, StatusTag } from '../../views/components';
import { ACTOR_LABELS, DECISION_LABELS, DECISION_TONES, EVENT_LABELS, GROUND_LABELS, OUTCOME_LABELS, STATUS_LABELS, STATUS_TONES } from './labels';
import { OBJECTION_GROUNDS, type ObjectionGround } from './state';

export interface PublicStatusProps {
  row: InfoRequestRow;
  objection: InfoObjectionRow | null;
  now: number;
}

/** Status fields anyone with the number may see: no personal data, no answer text. */
export const StatusSummary: FC<PublicStatusProps> = ({ row, objection, now }) => {
  const overdue = row.answeredAt === null && now > row.dueAt;
  return (
    <dl class="ppid-facts" aria-label={`Status permohonan ${row.number}`}>
      <dt>Nomor registrasi</dt>
      <dd>{row.number}</dd>
      <dt>Status</dt>
      <dd>
        <StatusTag tone={STATUS_TONES[row.status]}>{STATUS_LABELS[row.status]}</StatusTag>{' '}
        {overdue ? <StatusTag tone="red">Melewati batas waktu</StatusTag> : null}
      </dd>
      <dt>Diterima</dt>
      <dd>{formatDateTime(row.registeredAt)}</dd>
      <dt>Batas waktu menjawab</dt>
      <dd>
        {formatWeekdayDate(row.dueAt)}
        {row.extendedAt ? ` (diperpanjang ${row.extensionDays} hari kerja)` : ''}
      </dd>
      {row.answeredAt && row.decision ? (
        <>
          <dt>Dijawab</dt>
          <dd>
            {formatDateTime(row.answeredAt)} — <StatusTag tone={DECISION_TONES[row.decision]}>{DECISION_LABELS[row.decision]}</StatusTag>
          </dd>
        </>
      ) : null}
      {objection ? (
        <>
          <dt>Keberatan</dt>
          <dd>
            {objection.status === 'diputus' && objection.outcome
              ? `Diputus ${formatWeekdayDate(objection.decidedAt ?? objection.updatedAt)}: ${OUTCOME_LABELS[objection.outcome]}`
              : `Diajukan ${formatWeekdayDate(objection.filedAt)}; tanggapan atasan PPID paling lambat ${formatWeekdayDate(objection.dueAt)}`}
          </dd>
        </>
      ) : null}
    </dl>
  );
};

const CodeForm: FC<{ action: string; number: string; errors?: FieldError[] }> = ({ action, number, errors }) => (
  <form method="post" action={action} novalidate>
    <input type="hidden" name="nomor" value={number} />
    <Field
      id="kode"
      label="Kode rahasia"
      hint="12 huruf/angka dari bukti permohonan, mis. 7K3Q-9XPD-4M2A."
      error={errors?.find((e) => e.field === 'kode')?.message}
    >
      {(d) => <input type="text" id="kode" name="kode" aria-describedby={d} autocomplete="off" autocapitalize="characters" spellcheck={false} maxlength={20} />}
    </Field>
    <button type="submit">Lihat jawaban</button>
  </form>
);

export const TrackView: FC<{
  action: string;
  nomor: string;
  error?: string;
  found: PublicStatusProps | null;
  codeErrors?: FieldError[];
}> = ({ action, nomor, error, found, codeErrors }) => (
  <>
    <h1>Lacak permohonan informasi</h1>
    <ErrorSummary errors={[...(error ? [{ field: 'nomor', message: error }] : []), ...(codeErrors ?? [])]} />
    <form method="get" action={action} class="search" role="search" aria-label="Cari nomor registrasi">
      <label for="nomor">Nomor registrasi</label>
      <p class="hint" id="nomor-hint">
        Contoh: PPID-7K3Q-9XPD
      </p>
      <div class="search-row">
        <input type="text" id="nomor" name="nomor" value={nomor} aria-describedby="nomor-hint" autocapitalize="characters" spellcheck={false} maxlength={40} />
        <button type="submit">Cari</button>
      </div>
    </form>
    {found ? (
      <section aria-labelledby="status">
        <h2 id="status">Status permohonan</h2>
        <StatusSummary {...found} />
        <h2>Lihat jawaban atau ajukan keberatan</h2>
        <p>Masukkan kode rahasia yang Anda terima saat mengirim permohonan.</p>
        <CodeForm action={action} number={found.row.number} errors={codeErrors} />
      </section>
    ) : null}
  </>
);

const Timeline: FC<{ events: InfoRequestEventRow[] }> = ({ events }) => (
  <ol class="ppid-timeline">
    {events.map((e) => (
      <li>
        <strong>{EVENT_LABELS[e.kind] ?? e.kind}</strong> — {ACTOR_LABELS[e.actorRole]}
        <div class="hint">
          <time datetime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time>
        </div>
        {e.note ? <p>{e.note}</p> : null}
      </li>
    ))}
  </ol>
);

export interface RequesterProps extends PublicStatusProps {
  events: InfoRequestEventRow[];
  code: string;
  base: string;
  objectionWindow: { until: number } | null;
  canObject: boolean;
  objectionErrors?: FieldError[];
  objectionValues?: { grounds: string[]; reason: string };
  notice?: string;
}

/** Everything the requester sees after entering the private code (never cached: POST responses, no-store). */
export const RequesterView: FC<RequesterProps> = (p) => {
  const { row, objection } = p;
  return (
    <>
      <h1>Permohonan {row.number}</h1>
      {p.notice ? (
        <p class="success" role="status">
          {p.notice}
        </p>
      ) : null}
      <ErrorSummary errors={p.objectionErrors ?? []} fieldIds={p.canObject ? { grounds: `grounds-${OBJECTION_GROUNDS[0]}` } : { grounds: 'keberatan' }} />
      <StatusSummary row={row} objection={objection} now={p.now} />
      <h2>Informasi yang Anda minta</h2>
      <p>{row.information}</p>
      <h2>Jawaban PPID</h2>
      {row.answeredAt && row.decision ? (
        <>
          <p>
            <StatusTag tone={DECISION_TONES[row.decision]}>{DECISION_LABELS[row.decision]}</StatusTag>
          </p>
          {row.answerNote ? <p class="callout">{row.answerNote}</p> : null}
          {row.decision === 'ditolak' && row.refusalBasis ? (
            <p>
              <strong>Dasar hukum pengecualian:</strong> {row.refusalBasis}
            </p>
          ) : null}
          {row.answerDocKey ? (
            <form method="post" action={`${p.base}/dokumen`}>
              <input type="hidden" name="nomor" value={row.number} />
              <input type="hidden" name="kode" value={p.code} />
              <button type="submit" class="button-secondary">
                Unduh dokumen jawaban ({row.answerDocName})
              </button>
            </form>
          ) : null}
        </>
      ) : (
        <EmptyState>
          <p>Belum ada jawaban. Batas waktu menjawab: {formatWeekdayDate(row.dueAt)}.</p>
        </EmptyState>
      )}
      <h2 id="keberatan">Keberatan</h2>
      {objection ? (
        <>
          <p>Alasan: {(JSON.parse(objection.grounds) as ObjectionGround[]).map((g) => GROUND_LABELS[g] ?? g).join('; ')}</p>
          {objection.status === 'diputus' && objection.outcome ? (
            <>
              <p>
                <StatusTag tone={objection.outcome === 'ditolak' ? 'red' : 'green'}>{OUTCOME_LABELS[objection.outcome]}</StatusTag>
              </p>
              {objection.decisionNote ? <p class="callout">{objection.decisionNote}</p> : null}
              <p>
                Bila tidak puas dengan tanggapan atasan PPID, Anda dapat mengajukan penyelesaian sengketa informasi ke Komisi Informasi Provinsi Kalimantan
                Timur paling lambat 14 hari kerja setelah menerima tanggapan ini.
              </p>
            </>
          ) : (
            <p>Atasan PPID wajib menanggapi paling lambat {formatWeekdayDate(objection.dueAt)}.</p>
          )}
        </>
      ) : p.canObject ? (
        <ObjectionFormView {...p} />
      ) : (
        <p>
          {p.objectionWindow
            ? `Jangka waktu pengajuan keberatan berakhir ${formatWeekdayDate(p.objectionWindow.until)}.`
            : 'Keberatan dapat diajukan setelah permohonan dijawab, atau bila batas waktu menjawab terlewati.'}
        </p>
      )}
      <h2>Riwayat</h2>
      <Timeline events={p.events} />
    </>
  );
};

const ObjectionFormView: FC<RequesterProps> = (p) => {
  const err = (f: string) => p.objectionErrors?.find((e) => e.field === f)?.message;
  const chosen = new Set(p.objectionValues?.grounds ?? []);
  const groundsErr = err('grounds');
  return (
    <form method="post" action={`${p.base}/keberatan`} novalidate>
      <p>Anda dapat mengajukan keberatan kepada atasan PPID paling lambat {p.objectionWindow ? formatWeekdayDate(p.objectionWindow.until) : '—'}.</p>
      <input type="hidden" name="nomor" value={p.row.number} />
      <input type="hidden" name="kode" value={p.code} />
      <fieldset class={groundsErr ? 'field field-error checks' : 'field checks'} aria-describedby={groundsErr ? 'grounds-error' : undefined}>
        <legend>Alasan keberatan (UU 14/2008 Pasal 35)</legend>
        {groundsErr ? (
          <p class="error-message" id="grounds-error">
            <span class="visually-hidden">Kesalahan: </span>
            {groundsErr}
          </p>
        ) : null}
        {OBJECTION_GROUNDS.map((g) => (
          <label for={`grounds-${g}`}>
            <input type="checkbox" id={`grounds-${g}`} name="grounds" value={g} checked={chosen.has(g)} />
            {GROUND_LABELS[g]}
          </label>
        ))}
      </fieldset>
      <Field id="reason" label="Uraian keberatan" error={err('reason')}>
        {(d) => (
          <textarea id="reason" name="reason" aria-describedby={d} maxlength={2000} rows={5}>
            {p.objectionValues?.reason ?? ''}
          </textarea>
        )}
      </Field>
      <button type="submit">Ajukan keberatan</button>
    </form>
  );
};
