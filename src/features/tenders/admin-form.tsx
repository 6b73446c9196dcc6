import type { FC } from 'hono/jsx';
import type { RegionOption } from '../../admin/components';
import { CsrfField } from '../../admin/render';
import { REGENCY } from '../../config';
import { TENDER_METHODS, TENDER_STAGES, TENDER_STATUSES, TENDER_TYPES, type TenderRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { formatRupiah } from '../../lib/money';
import { msToWitaLocal } from '../../lib/time';
import { formatBytes } from '../../lib/upload';
import { SaveButtons } from '../../publishing/panel';
import { regionTitle } from '../../regions/labels';
import { ErrorSummary, Field } from '../../views/components';
import { FUNDING_SUGGESTIONS, METHOD_LABELS, SOURCE_LABELS, STAGE_LABELS, STATUS_LABELS, TYPE_LABELS, VILLAGE_METHODS } from './labels';
import { parseSchedule } from './schedule';
import { stageField, TENDER_LIMITS } from './schemas';
import type { TenderKind } from './service';

export const FILE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

/** The form values of a stored package (what the editor shows before any change). */
export function formValuesOf(row: TenderRow, locationCodes: readonly string[]): FormValues {
  const money = (v: number | null) => (v === null ? '' : formatRupiah(v).replace(/^Rp /, ''));
  const values: FormValues = {
    sumber: row.source,
    region_code: row.regionCode,
    external_code: row.externalCode,
    name: row.name,
    owner_name: row.ownerName,
    procurement_type: row.procurementType ?? '',
    method: row.method ?? '',
    fiscal_year: row.fiscalYear === null ? '' : String(row.fiscalYear),
    funding_source: row.fundingSource,
    pagu: money(row.pagu),
    hps: money(row.hps),
    status: row.declaredStatus ?? '',
    stage_label: row.stageLabel,
    winner_name: row.winnerName ?? '',
    contract_value: money(row.contractValue),
    contract_start: row.contractStartAt === null ? '' : msToWitaLocal(row.contractStartAt).slice(0, 10),
    contract_end: row.contractEndAt === null ? '' : msToWitaLocal(row.contractEndAt).slice(0, 10),
    location_codes: [...locationCodes],
    location_text: row.locationText,
    lat: row.lat === null ? '' : String(row.lat),
    lng: row.lng === null ? '' : String(row.lng),
    source_url: row.sourceUrl ?? '',
    description: row.description,
  };
  for (const w of parseSchedule(row.scheduleJson)) {
    values[stageField(w.stage, 'start')] = msToWitaLocal(w.s);
    values[stageField(w.stage, 'end')] = msToWitaLocal(w.e);
  }
  return values;
}

interface FormProps {
  csrf: string;
  action: string;
  kind: TenderKind;
  /** Create: the villages where the actor may prepare packages (village kind). */
  villages?: RegionOption[];
  /** Regency kind: the regions a package may be located in. */
  locations?: RegionOption[];
  values: FormValues;
  errors?: FieldError[];
  create: boolean;
  live: boolean;
  canPublish: boolean;
  waiting: boolean;
  uploadMax: number;
}

const Text: FC<{
  id: string;
  label: string;
  hint?: string;
  v: FormValues;
  e?: FieldError[];
  max?: number;
  required?: boolean;
  inputmode?: 'numeric' | 'decimal';
  list?: string;
}> = (p) => (
  <Field id={p.id} label={p.label} hint={p.hint} error={errorFor(p.e, p.id)}>
    {(d) => (
      <input
        id={p.id}
        name={p.id}
        type="text"
        value={valueOf(p.v, p.id)}
        maxlength={p.max}
        required={p.required}
        inputmode={p.inputmode}
        list={p.list}
        aria-describedby={d}
      />
    )}
  </Field>
);

const Choice: FC<{ id: string; label: string; hint?: string; v: FormValues; e?: FieldError[]; options: Array<[string, string]>; empty: string }> = (p) => (
  <Field id={p.id} label={p.label} hint={p.hint} error={errorFor(p.e, p.id)}>
    {(d) => (
      <select id={p.id} name={p.id} aria-describedby={d}>
        <option value="">{p.empty}</option>
        {p.options.map(([value, label]) => (
          <option value={value} selected={valueOf(p.v, p.id) === value}>
            {label}
          </option>
        ))}
      </select>
    )}
  </Field>
);

const When: FC<{ id: string; label: string; v: FormValues; e?: FieldError[]; type?: 'date' | 'datetime-local' }> = (p) => (
  <Field id={p.id} label={p.label} error={errorFor(p.e, p.id)}>
    {(d) => <input id={p.id} name={p.id} type={p.type ?? 'datetime-local'} value={valueOf(p.v, p.id)} aria-describedby={d} />}
  </Field>
);

/** The package editor of both kinds: the village procurement form (with the publishing buttons) or a regency package. */
export const TenderFormView: FC<FormProps> = (p) => {
  const v = p.values;
  const e = p.errors;
  const village = p.kind === 'village';
  const selected = new Set([v.location_codes ?? []].flat());
  const methods = village ? VILLAGE_METHODS : TENDER_METHODS;
  return (
    <form method="post" action={p.action} enctype="multipart/form-data" class="tender-form" novalidate>
      <CsrfField token={p.csrf} />
      <ErrorSummary errors={e ?? []} />
      {p.create && village ? (
        <Field id="region_code" label="Desa pemilik paket" error={errorFor(e, 'region_code')}>
          {(d) => (
            <select id="region_code" name="region_code" aria-describedby={d}>
              {(p.villages ?? []).map((r) => (
                <option value={r.code} selected={valueOf(v, 'region_code') === r.code}>
                  {regionTitle(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {p.create && !village ? (
        <Choice id="sumber" label="Sumber data" v={v} e={e} empty="Pilih sumber" options={(['spse', 'sirup'] as const).map((s) => [s, SOURCE_LABELS[s]])} />
      ) : (
        <input type="hidden" name="sumber" value={village ? 'desa' : valueOf(v, 'sumber')} />
      )}
      <Text id="name" label="Nama paket" v={v} e={e} max={TENDER_LIMITS.name} required />
      <Text
        id="external_code"
        label={village ? 'Nomor paket (opsional)' : 'Kode tender (SPSE) atau kode RUP (SiRUP)'}
        hint={village ? 'Nomor dari dokumen pengadaan desa. Kosongkan agar portal membuatkan nomor.' : undefined}
        v={v}
        e={e}
        max={TENDER_LIMITS.code}
      />
      {village ? null : <Text id="owner_name" label="Satuan kerja (OPD)" v={v} e={e} max={TENDER_LIMITS.owner} />}
      <Choice id="procurement_type" label="Jenis pengadaan" v={v} e={e} empty="Belum ditentukan" options={TENDER_TYPES.map((t) => [t, TYPE_LABELS[t]])} />
      <Choice
        id="method"
        label={village ? 'Cara pengadaan' : 'Metode pemilihan'}
        v={v}
        e={e}
        empty="Belum ditentukan"
        options={methods.map((m) => [m, METHOD_LABELS[m]])}
      />
      <Text id="fiscal_year" label="Tahun anggaran" v={v} e={e} inputmode="numeric" max={4} />
      <Text id="funding_source" label="Sumber dana" hint="Mis. Dana Desa, ADD, APBDes, APBD." v={v} e={e} max={TENDER_LIMITS.funding} list="sumber-dana" />
      <datalist id="sumber-dana">
        {FUNDING_SUGGESTIONS.map((f) => (
          <option value={f} />
        ))}
      </datalist>
      <Text id="pagu" label="Pagu anggaran (Rp)" hint="Angka lengkap, mis. 150.000.000." v={v} e={e} inputmode="numeric" max={40} />
      <Text id="hps" label="Harga perkiraan sendiri / HPS (Rp, opsional)" v={v} e={e} inputmode="numeric" max={40} />
      <Field id="description" label="Keterangan (opsional)" hint="Apa yang dibeli atau dibangun, volume, manfaat." error={errorFor(e, 'description')}>
        {(d) => (
          <textarea id="description" name="description" rows={4} maxlength={TENDER_LIMITS.description} aria-describedby={d}>
            {valueOf(v, 'description')}
          </textarea>
        )}
      </Field>
      <fieldset class="group">
        <legend>Jadwal (WITA)</legend>
        <p class="hint">Isi tahap yang ada saja; tiap tahap dengan tanggal mulai dan selesai. Status paket mengikuti jadwal ini.</p>
        {TENDER_STAGES.map((stage) => (
          <div class="stage-row">
            <p class="stage-name">{STAGE_LABELS[stage]}</p>
            <When id={stageField(stage, 'start')} label={`Mulai ${STAGE_LABELS[stage].toLowerCase()}`} v={v} e={e} />
            <When id={stageField(stage, 'end')} label={`Selesai ${STAGE_LABELS[stage].toLowerCase()}`} v={v} e={e} />
          </div>
        ))}
      </fieldset>
      <fieldset class="group">
        <legend>Status, pemenang dan kontrak</legend>
        <Choice
          id="status"
          label="Status"
          hint="Kosongkan agar status mengikuti jadwal. Gagal/batal selalu berlaku; pemenang dan kontrak yang dicatat memajukan status."
          v={v}
          e={e}
          empty="Mengikuti jadwal"
          options={TENDER_STATUSES.map((s) => [s, STATUS_LABELS[s]])}
        />
        {village ? null : <Text id="stage_label" label="Tahap menurut SPSE (opsional)" v={v} e={e} max={TENDER_LIMITS.stageLabel} />}
        <Text id="winner_name" label="Pemenang / penyedia (opsional)" v={v} e={e} max={TENDER_LIMITS.winner} />
        <Text id="contract_value" label="Nilai kontrak (Rp, opsional)" v={v} e={e} inputmode="numeric" max={40} />
        <When id="contract_start" label="Mulai kontrak" v={v} e={e} type="date" />
        <When id="contract_end" label="Selesai kontrak" v={v} e={e} type="date" />
      </fieldset>
      <fieldset class="group">
        <legend>Lokasi</legend>
        {village ? null : (
          <Field
            id="location_codes"
            label="Wilayah lokasi pekerjaan"
            hint="Pilih satu atau beberapa kecamatan/desa (tahan Ctrl untuk memilih lebih dari satu)."
            error={errorFor(e, 'location_codes')}
          >
            {(d) => (
              <select id="location_codes" name="location_codes" multiple size={8} aria-describedby={d}>
                {(p.locations ?? []).map((r) => (
                  <option value={r.code} selected={selected.has(r.code)}>
                    {regionTitle(r)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Text id="location_text" label="Keterangan lokasi (opsional)" hint="Mis. RT 05, Jalan Poros Sangatta." v={v} e={e} max={TENDER_LIMITS.locationText} />
        <div class="coords">
          <Text id="lat" label="Lintang (opsional)" v={v} e={e} inputmode="decimal" max={20} />
          <Text id="lng" label="Bujur (opsional)" v={v} e={e} inputmode="decimal" max={20} />
        </div>
        <p class="hint">Titik lokasi pekerjaan untuk peta, dalam wilayah {REGENCY.name}. Tanpa titik, paket tampil di tengah wilayah lokasinya.</p>
      </fieldset>
      {village ? null : <Text id="source_url" label="Tautan ke SPSE/SiRUP (opsional)" hint="Diawali https://" v={v} e={e} max={500} />}
      {p.create ? (
        <fieldset class="group">
          <legend>Dokumen paket (opsional)</legend>
          <Field id="file" label="Berkas" hint={`PDF, gambar atau dokumen Office, paling besar ${formatBytes(p.uploadMax)}.`} error={errorFor(e, 'file')}>
            {(d) => <input id="file" name="file" type="file" accept={FILE_ACCEPT} aria-describedby={d} />}
          </Field>
          <Text id="file_title" label="Judul berkas" hint="Mis. Kerangka acuan kerja, RAB." v={v} e={e} max={200} />
        </fieldset>
      ) : null}
      {village ? (
        <SaveButtons live={p.live} canPublish={p.canPublish} canDraft={true} waiting={p.waiting} noun="paket" />
      ) : (
        <div class="actions">
          <button type="submit">{p.create ? 'Simpan paket (langsung tampil)' : 'Simpan perubahan (langsung tampil)'}</button>
        </div>
      )}
    </form>
  );
};
