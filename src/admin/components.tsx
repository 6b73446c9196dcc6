import type { FC } from 'hono/jsx';
import type { ManagementStage, RegionLevel } from '../db/schema';
import { regionTitle, STAGE_LABELS } from '../regions/labels';
import { StatusTag, type TagTone } from '../views/components';

/** A region an officer can pick in an admin form or filter. */
export interface RegionOption {
  code: string;
  name: string;
  level: RegionLevel;
}

/** The "Wilayah" filter of admin list pages; hidden when the user manages a single region. */
export const RegionFilter: FC<{ id: string; regions: RegionOption[]; value?: string }> = ({ id, regions, value }) =>
  regions.length > 1 ? (
    <div>
      <label for={id}>Wilayah</label>
      <select id={id} name="wilayah">
        <option value="">Semua</option>
        {regions.map((r) => (
          <option value={r.code} selected={value === r.code}>
            {regionTitle(r)}
          </option>
        ))}
      </select>
    </div>
  ) : null;

/** One filter dropdown of an admin list ("Semua" first); the filter forms are plain GET forms that work without JS. */
export const FilterSelect: FC<{ id: string; name: string; label: string; value?: string; options: Array<{ value: string; label: string }> }> = (p) => (
  <div>
    <label for={p.id}>{p.label}</label>
    <select id={p.id} name={p.name}>
      <option value="">Semua</option>
      {p.options.map((o) => (
        <option value={o.value} selected={p.value === o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

const STAGE_TONES: Record<ManagementStage, TagTone> = { diskominfo: 'grey', pendampingan: 'blue', mandiri: 'green' };

/** A region's management stage as a tag (word and colour). */
export const StageTag: FC<{ stage: ManagementStage }> = ({ stage }) => <StatusTag tone={STAGE_TONES[stage]}>{STAGE_LABELS[stage]}</StatusTag>;
