import type { FC } from 'hono/jsx';
import type { InfoObjectionRow, InfoRequestEventRow, InfoRequestRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatDateTime, formatWeekdayDate } from '../../lib/time';
import type { DeadlineState } from '../../lib/working-days';
import { Field } from '../../views/components';
import { CsrfField } from '../../admin/render';
import { DeadlineTag, Fact } from './admin-parts';
import { DECISION_LABELS, GROUND_LABELS, OUTCOME_LABELS, REFUSAL_REASONS } from './labels';
import { MAX_EXTENSION_DAYS, type ObjectionGround, type RequestEvent } from './state';

/** Officer action forms on a request's page (process, extend, answer) and the objection block. */
export interface DetailProps {
  row: InfoRequestRow;
  objection: InfoObjectionRow | null;
  events: InfoRequestEventRow[];
  regionName: string;
  deadline: DeadlineState | null;
  objectionDeadline: DeadlineState | null;
  actions: Array<RequestEvent['type']>;
  canDecide: boolean;
  csrf: string;
  errors?: FieldError[];
  values?: FormValues;
  notice?: string;
}

export const ActionForms: FC<DetailProps & { base: string }> = (p) => {
  const v = p.values;
  const has = (a: RequestEvent['type']) => p.actions.includes(a);
  return (
    <>
      {has('process') ? (
        <form method="post" action={`${p.base}/proses`}>
          <CsrfField token={p.csrf} />
          <button type="submit">Mulai proses</button>
        </form>
      ) : null}
      {has('extend') ? (
        <section aria-labelledby="perpanjang">
          <h2 id="perpanjang">Perpanjang jangka waktu</h2>
          <p class="hint">Hanya satu kali, paling lama {MAX_EXTENSION_DAYS} hari kerja, dengan alasan tertulis yang dikirim kepada pemohon.</p>
          <form method="post" action={`${p.base}/perpanjang`} novalidate>
            <CsrfField token={p.csrf} />
            <Field id="days" label="Lama perpanjangan (hari kerja)" error={errorFor(p.errors, 'days')}>
              {(d) => (
                <input
                  type="number"
                  id="days"
                  name="days"
                  min="1"
                  max={String(MAX_EXTENSION_DAYS)}
                  value={valueOf(v, 'days') || String(MAX_EXTENSION_DAYS)}
                  aria-describedby={d}
                  inputmode="numeric"
                />
              )}
            </Field>
            <Field id="reason" label="Alasan perpanjangan" error={errorFor(p.errors, 'reason')}>
              {(d) => (
                <textarea id="reason" name="reason" aria-describedby={d} maxlength={1000}>
                  {valueOf(v, 'reason')}
                </textarea>
              )}
            </Field>
            <button type="submit" class="button-secondary">
              Perpanjang
            </button>
          </form>
        </section>
      ) : null}
      {has('answer') ? (
        <section aria-labelledby="jawab">
          <h2 id="jawab">Jawab permohonan</h2>
          <form method="post" action={`${p.base}/jawab`} enctype="multipart/form-data" novalidate>
            <CsrfField token={p.csrf} />
            <Field id="decision" label="Keputusan" error={errorFor(p.errors, 'decision')}>
              {(d) => (
                <select id="decision" name="decision" aria-describedby={d}>
                  <option value="">— Pilih —</option>
                  {Object.entries(DECISION_LABELS).map(([k, label]) => (
                    <option value={k} selected={valueOf(v, 'decision') === k}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="answer_note" label="Jawaban kepada pemohon" error={errorFor(p.errors, 'answer_note')}>
              {(d) => (
                <textarea id="answer_note" name="answer_note" aria-describedby={d} maxlength={4000}>
                  {valueOf(v, 'answer_note')}
                </textarea>
              )}
            </Field>
            <Field id="refusal_reason" label="Alasan pengecualian (bila ditolak)" error={errorFor(p.errors, 'refusal_reason')}>
              {(d) => (
                <select id="refusal_reason" name="refusal_reason" aria-describedby={d}>
                  <option value="">— Tidak ditolak —</option>
                  {Object.entries(REFUSAL_REASONS).map(([k, label]) => (
                    <option value={k} selected={valueOf(v, 'refusal_reason') === k}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="refusal_basis"
              label="Dasar hukum pengecualian (wajib bila ditolak)"
              hint="Mis. UU 14/2008 Pasal 17 huruf h dan hasil uji konsekuensi."
              error={errorFor(p.errors, 'refusal_basis')}
            >
              {(d) => <input type="text" id="refusal_basis" name="refusal_basis" value={valueOf(v, 'refusal_basis')} aria-describedby={d} maxlength={500} />}
            </Field>
            <Field
              id="document"
              label="Dokumen jawaban (opsional)"
              hint="PDF, gambar atau dokumen Office. Hanya dapat diunduh pemohon dengan kode rahasianya."
              error={errorFor(p.errors, 'document')}
            >
              {(d) => <input type="file" id="document" name="document" aria-describedby={d} accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt,.ods,.doc,.xls" />}
            </Field>
            <button type="submit">Kirim jawaban</button>
          </form>
        </section>
      ) : null}
    </>
  );
};

export const ObjectionBlock: FC<DetailProps & { base: string; objection: InfoObjectionRow }> = (p) => {
  const o = p.objection;
  const v = p.values;
  return (
    <section aria-labelledby="keberatan">
      <h2 id="keberatan">Keberatan</h2>
      <dl class="ppid-facts">
        <Fact label="Diajukan">{formatDateTime(o.filedAt)}</Fact>
        <Fact label="Alasan">{(JSON.parse(o.grounds) as ObjectionGround[]).map((g) => GROUND_LABELS[g] ?? g).join('; ')}</Fact>
        <Fact label="Uraian">{o.reason}</Fact>
        <Fact label="Batas tanggapan atasan">{formatWeekdayDate(o.dueAt)}</Fact>
        {o.outcome ? (
          <Fact label="Putusan">{`${OUTCOME_LABELS[o.outcome]} — ${o.decidedByName ?? ''}, ${formatDateTime(o.decidedAt ?? o.updatedAt)}`}</Fact>
        ) : null}
        {o.decisionNote ? <Fact label="Tanggapan">{o.decisionNote}</Fact> : null}
        {o.commissionAt ? (
          <Fact label="Komisi Informasi">
            {`Diajukan ke Komisi Informasi (dicatat ${formatDateTime(o.commissionAt)})`}
            {o.commissionNote ? `: ${o.commissionNote}` : ''}
          </Fact>
        ) : null}
      </dl>
      {p.objectionDeadline && o.status === 'diajukan' ? <DeadlineTag state={p.objectionDeadline} /> : null}
      {p.actions.includes('decide_objection') ? (
        p.canDecide ? (
          <form method="post" action={`${p.base}/keberatan`} novalidate>
            <CsrfField token={p.csrf} />
            <h3>Catat putusan atasan PPID</h3>
            <Field id="outcome" label="Putusan" error={errorFor(p.errors, 'outcome')}>
              {(d) => (
                <select id="outcome" name="outcome" aria-describedby={d}>
                  <option value="">— Pilih —</option>
                  {Object.entries(OUTCOME_LABELS).map(([k, label]) => (
                    <option value={k} selected={valueOf(v, 'outcome') === k}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="decided_by_name" label="Nama dan jabatan atasan PPID" error={errorFor(p.errors, 'decided_by_name')}>
              {(d) => (
                <input type="text" id="decided_by_name" name="decided_by_name" value={valueOf(v, 'decided_by_name')} aria-describedby={d} maxlength={150} />
              )}
            </Field>
            <Field id="decision_note" label="Tanggapan atas keberatan" error={errorFor(p.errors, 'decision_note')}>
              {(d) => (
                <textarea id="decision_note" name="decision_note" aria-describedby={d} maxlength={4000}>
                  {valueOf(v, 'decision_note')}
                </textarea>
              )}
            </Field>
            <button type="submit">Simpan putusan</button>
          </form>
        ) : (
          <p class="notice">Putusan keberatan dicatat oleh Diskominfo (sekretariat PPID Utama) atas nama atasan PPID.</p>
        )
      ) : null}
      {p.actions.includes('record_commission') ? (
        <form method="post" action={`${p.base}/komisi`} novalidate>
          <CsrfField token={p.csrf} />
          <Field id="commission_note" label="Catatan sengketa di Komisi Informasi (opsional)" error={errorFor(p.errors, 'commission_note')}>
            {(d) => (
              <input type="text" id="commission_note" name="commission_note" value={valueOf(v, 'commission_note')} aria-describedby={d} maxlength={1000} />
            )}
          </Field>
          <button type="submit" class="button-secondary">
            Catat: pemohon mengajukan ke Komisi Informasi
          </button>
        </form>
      ) : null}
    </section>
  );
};
