import { type TrackerHint, TrackBox } from '../../views/track-box';
import type { Child, FC } from 'hono/jsx';
import { daysAgo, formatDate, formatRelativeDays } from '../../lib/time';
import type { RegionContext } from '../../regions/context';
import { childrenLabel, regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { PUBLIC_RELATIVE_MAX_DAYS } from '../../regions/freshness';
import type { DistrictGroup } from './service';

const QuickActions: FC<{ path: string }> = ({ path }) => (
  <nav class="quick" aria-label="Layanan cepat">
    <a class="quick-item" href={regionHref(path, 'pengaduan')}>
      <span>Ajukan Pengaduan</span>
      <small>Sampaikan keluhan atau aspirasi</small>
    </a>
    <a class="quick-item" href={regionHref(path, 'ppid')}>
      <span>Minta Informasi</span>
      <small>Permohonan informasi publik (PPID)</small>
    </a>
    <a class="quick-item" href={regionHref(path, 'layanan')}>
      <span>Ajukan Surat</span>
      <small>Surat keterangan dan administrasi</small>
    </a>
    <a class="quick-item" href={regionHref(path, 'pengaduan', 'lacak')}>
      <span>Lacak Nomor</span>
      <small>Cek status dengan nomor pelacakan</small>
    </a>
  </nav>
);

/** Relative wording only while recent; older (incl. every `usang` region, see monitoring/freshness.ts) shows just the date. */
export const UpdatedNote: FC<{ at: number | null; now: number }> = ({ at, now }) =>
  at ? (
    daysAgo(at, now) <= PUBLIC_RELATIVE_MAX_DAYS ? (
      <p class="updated">
        Diperbarui <time datetime={new Date(at).toISOString()}>{formatRelativeDays(at, now)}</time> ({formatDate(at)})
      </p>
    ) : (
      <p class="updated">
        Diperbarui <time datetime={new Date(at).toISOString()}>{formatDate(at)}</time>
      </p>
    )
  ) : null;

const ChildList: FC<{ ctx: RegionContext }> = ({ ctx }) =>
  ctx.children.length === 0 ? null : (
    <section aria-labelledby="wilayah-bawah">
      <h2 id="wilayah-bawah">
        {childrenLabel(ctx.region.level)} di {regionTitle(ctx.region)} ({ctx.children.length})
      </h2>
      <ul class="columns">
        {ctx.children.map((r) => (
          <li>
            <a href={regionHref(r.path)}>{regionTitle(r)}</a>
          </li>
        ))}
      </ul>
    </section>
  );

/** A region's home: quick actions, the blocks of the registered features (news, documents, map …), profile, children. */
export const RegionHomeView: FC<{ ctx: RegionContext; profile: string; blocks: Child[]; now: number; trackers: readonly TrackerHint[] }> = ({
  ctx,
  profile,
  blocks,
  now,
  trackers,
}) => {
  const path = ctx.region.path;
  const parent = ctx.ancestors[ctx.ancestors.length - 1];
  return (
    <>
      <h1>{regionTitle(ctx.region)}</h1>
      <UpdatedNote at={ctx.region.lastContentUpdate} now={now} />
      <QuickActions path={path} />
      <TrackBox regionPath={path} trackers={trackers} />
      {blocks}
      <section aria-labelledby="profil">
        <h2 id="profil">Profil singkat</h2>
        <p>{profile}</p>
        <p>
          <a href={regionHref(path, 'tentang')}>Profil, visi-misi, struktur organisasi dan kontak {regionTitle(ctx.region)}</a>
        </p>
        <p>
          <a href={regionHref(path, 'poster')}>Poster layanan untuk papan pengumuman (A4, kode QR)</a>
        </p>
        {parent ? (
          <p>
            Bagian dari <a href={regionHref(parent.path)}>{regionTitle(parent)}</a>.
          </p>
        ) : null}
      </section>
      <ChildList ctx={ctx} />
    </>
  );
};

/** The live region stays in the page; htmx swaps only its contents (DirectoryResultList). */
export const DirectoryResults: FC<{ groups: DistrictGroup[]; total: number; q: string }> = (p) => (
  <div id="hasil" aria-live="polite">
    <DirectoryResultList {...p} />
  </div>
);

export const DirectoryResultList: FC<{ groups: DistrictGroup[]; total: number; q: string }> = ({ groups, total, q }) => (
  <>
    {q ? <p class="result-count">{total === 0 ? `Tidak ada wilayah yang cocok dengan “${q}”.` : `${total} wilayah cocok dengan “${q}”.`}</p> : null}
    {groups.map((g) => (
      <section class="district">
        <h2>
          <a href={regionHref(g.kecamatan.path)}>{regionTitle(g.kecamatan)}</a>
        </h2>
        {g.villages.length ? (
          <ul class="columns">
            {g.villages.map((v) => (
              <li>
                <a href={regionHref(v.path)}>{regionTitle(v)}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    ))}
  </>
);
