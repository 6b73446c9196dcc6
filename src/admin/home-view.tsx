import type { FC } from 'hono/jsx';
import { formatDateTime } from '../lib/time';
import { ROLE_LABELS, regionTitle } from '../regions/labels';
import { regionHref } from '../regions/paths';
import { EmptyState } from '../views/components';
import type { AttentionItem } from './attention';
import { StageTag } from './components';
import type { ManagedRegion } from './regions-repo';

export const AdminHomeView: FC<{
  name: string;
  memberships: Array<{ role: keyof typeof ROLE_LABELS; regionName: string; regionLevel: ManagedRegion['level'] }>;
  tasks: AttentionItem[];
  regions: ManagedRegion[];
  regionsTotal: number;
}> = ({ name, memberships, tasks, regions, regionsTotal }) => (
  <>
    <h1>Selamat datang, {name}</h1>
    <p class="hint">
      Peran Anda:{' '}
      {memberships.map((m, i) => (
        <>
          {i > 0 ? '; ' : ''}
          {ROLE_LABELS[m.role]} — {regionTitle({ level: m.regionLevel, name: m.regionName })}
        </>
      ))}
    </p>
    <section aria-labelledby="perlu-tindakan">
      <h2 id="perlu-tindakan">Perlu tindakan</h2>
      {tasks.length === 0 ? (
        <EmptyState>
          <p>Tidak ada yang perlu ditindaklanjuti saat ini.</p>
        </EmptyState>
      ) : (
        <ul class="tasks">
          {tasks.map((t) => (
            <li class={t.tone}>
              <a href={t.href}>{t.label}</a>
              {t.detail ? <div class="hint">{t.detail}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
    <section aria-labelledby="wilayah-saya">
      <h2 id="wilayah-saya">Wilayah yang Anda kelola ({regionsTotal})</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Wilayah</th>
            <th scope="col">Kode</th>
            <th scope="col">Tahap</th>
            <th scope="col">Pembaruan terakhir</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr>
              <td data-label="Wilayah">
                <a href={regionHref(r.path)}>{regionTitle(r)}</a>
              </td>
              <td data-label="Kode">{r.code}</td>
              <td data-label="Tahap">
                <StageTag stage={r.stage} />
              </td>
              <td data-label="Pembaruan terakhir">{r.lastContentUpdate ? formatDateTime(r.lastContentUpdate) : 'Belum ada'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {regionsTotal > regions.length ? (
        <p>
          Menampilkan {regions.length} dari {regionsTotal}. <a href="/admin/wilayah">Lihat semua wilayah</a>
        </p>
      ) : null}
    </section>
  </>
);
