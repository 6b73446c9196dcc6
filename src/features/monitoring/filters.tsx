import type { FC } from 'hono/jsx';
import { FilterSelect } from '../../admin/components';
import { MANAGEMENT_STAGES } from '../../db/schema';
import { STAGE_LABELS } from '../../regions/labels';
import { FRESHNESS_LABELS } from './freshness';
import type { MonitoringQuery, Sort } from './schemas';

export const SORT_LABELS: Record<Sort, string> = {
  perhatian: 'Perlu perhatian dulu',
  wilayah: 'Kode wilayah',
  nama: 'Nama',
  skor: 'Skor',
  hari: 'Lama tanpa pembaruan',
  kelengkapan: 'Kelengkapan',
  tenggat: 'Batas waktu',
};

/** True when the reader narrowed or re-sorted the list (the filter panel then starts open). */
export function isFiltered(q: MonitoringQuery): boolean {
  return Boolean(q.kecamatan || q.tingkat || q.tahap || q.kesegaran || q.kelengkapan || q.siap || q.urut !== 'perhatian' || q.arah !== 'naik');
}

/** The plain GET filter form, folded away on a phone until asked for (the list comes first). */
export const MonitoringFilters: FC<{ q: MonitoringQuery; kecamatan: Array<{ code: string; name: string }> }> = ({ q, kecamatan }) => (
  <details class="action" open={isFiltered(q)}>
    <summary>Saring dan urutkan</summary>
    <form method="get" action="/admin/pemantauan" class="filters">
      <FilterSelect
        id="f-kecamatan"
        name="kecamatan"
        label="Kecamatan"
        value={q.kecamatan}
        options={kecamatan.map((k) => ({ value: k.code, label: k.name }))}
      />
      <FilterSelect
        id="f-tingkat"
        name="tingkat"
        label="Tingkat"
        value={q.tingkat}
        options={(['kecamatan', 'desa', 'kelurahan'] as const).map((l) => ({ value: l, label: l[0]!.toUpperCase() + l.slice(1) }))}
      />
      <FilterSelect id="f-tahap" name="tahap" label="Tahap" value={q.tahap} options={MANAGEMENT_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))} />
      <div>
        <label for="f-kesegaran">Kesegaran</label>
        <select id="f-kesegaran" name="kesegaran">
          <option value="">Semua</option>
          {(['segar', 'perlu_pembaruan', 'usang'] as const).map((s) => (
            <option value={s} selected={q.kesegaran === s}>
              {FRESHNESS_LABELS[s]}
            </option>
          ))}
          <option value="belum" selected={q.kesegaran === 'belum'}>
            Belum dipindai
          </option>
        </select>
      </div>
      <div>
        <label for="f-kelengkapan">Kelengkapan</label>
        <select id="f-kelengkapan" name="kelengkapan">
          <option value="">Semua</option>
          <option value="kurang" selected={q.kelengkapan === 'kurang'}>
            Kurang
          </option>
          <option value="lengkap" selected={q.kelengkapan === 'lengkap'}>
            Lengkap
          </option>
        </select>
      </div>
      <div>
        <label for="f-urut">Urutkan</label>
        <select id="f-urut" name="urut">
          {(Object.keys(SORT_LABELS) as Sort[]).map((s) => (
            <option value={s} selected={q.urut === s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-arah">Arah</label>
        <select id="f-arah" name="arah">
          <option value="naik" selected={q.arah === 'naik'}>
            Naik
          </option>
          <option value="turun" selected={q.arah === 'turun'}>
            Turun
          </option>
        </select>
      </div>
      <div class="checks">
        <input type="checkbox" id="f-siap" name="siap" value="1" checked={q.siap === '1'} />
        <label for="f-siap">Hanya yang siap mandiri</label>
      </div>
      <button type="submit" class="button-secondary">
        Saring
      </button>
    </form>
  </details>
);
