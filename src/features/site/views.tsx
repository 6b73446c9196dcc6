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
export const RegionHomeView: FC<{ ctx: RegionContext; profile: string; blocks: Child[]; now: number; notice?: Child }> = ({
  ctx,
  profile,
  blocks,
  now,
  notice,
}) => {
  const path = ctx.region.path;
  const parent = ctx.ancestors[ctx.ancestors.length - 1];
  return (
    <>
      <h1>{regionTitle(ctx.region)}</h1>
      <UpdatedNote at={ctx.region.lastContentUpdate} now={now} />
      {notice}
      <QuickActions path={path} />
      {blocks}
      <section aria-labelledby="profil">
        <h2 id="profil">Profil singkat</h2>
        <p>{profile}</p>
        <p>
          <a href={regionHref(path, 'tentang')}>Profil, visi-misi, struktur organisasi dan kontak {regionTitle(ctx.region)}</a>
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

/** Words to search for from an old link's last segment ('/2021/05/kerja-bakti-rt-03.html' → 'kerja bakti rt 03'). */
export function wordsOfOldPath(oldPath: string): string {
  const last =
    oldPath
      .split('?')[0]!
      .split('/')
      .filter((s) => s && !/^\d+$/.test(s))
      .pop() ?? '';
  let text = last;
  try {
    text = decodeURIComponent(last);
  } catch {
    // keep it as written
  }
  return text
    .replace(/\.[a-z0-9]{2,5}$/i, '')
    .replace(/[-_+]+/g, ' ')
    .trim()
    .slice(0, 100);
}

/** On a region's home after an old site's link with no known new place: what happened, and a news search. */
export const OldLinkNotice: FC<{ ctx: RegionContext; oldPath: string }> = ({ ctx, oldPath }) => (
  <section class="callout" aria-labelledby="alamat-lama">
    <h2 id="alamat-lama">Halaman dari situs lama</h2>
    <p>
      Anda membuka alamat <code>{oldPath}</code> dari situs lama {regionTitle(ctx.region)}. Situs itu sudah pindah ke portal ini, tetapi halaman tersebut belum
      ditemukan di sini. Cari tulisannya, atau pilih menu di bawah.
    </p>
    <form method="get" action={regionHref(ctx.region.path, 'berita')} role="search">
      <label for="cari-lama">Cari berita {regionTitle(ctx.region)}</label>
      <div class="search-row">
        <input id="cari-lama" name="q" type="search" maxlength={100} value={wordsOfOldPath(oldPath)} />
        <button type="submit">Cari</button>
      </div>
    </form>
  </section>
);
