import type { FC } from 'hono/jsx';
import type { RegionLevel } from '../../db/schema';
import { regionTitle } from '../../regions/labels';

/** The "Wilayah" filter of admin list pages; hidden when the user manages a single region. */
export const RegionFilter: FC<{ id: string; regions: Array<{ code: string; name: string; level: RegionLevel }>; value?: string }> = ({ id, regions, value }) =>
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
