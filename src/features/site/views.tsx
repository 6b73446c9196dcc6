import type { FC } from 'hono/jsx';
import type { FieldError } from '../../lib/errors';
import { daysAgo, formatDate, formatRelativeDays } from '../../lib/time';
import type { RegionContext } from '../../regions/context';
import { childrenLabel, regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import type { Crumb } from '../../views/components';
import { EmptyState } from '../../views/components';
import type { PublicPostRow } from '../content/repo';
import { PostList } from '../content/views';
import { DocumentList } from '../documents/views';
import { RegionSvgMap } from '../geo/views';
import { PUBLIC_RELATIVE_MAX_DAYS } from '../monitoring/freshness';
import type { DistrictGroup, RegionHome } from './service';

export function regionCrumbs(ctx: RegionContext, ...tail: Crumb[]): Crumb[] {
  return [
    ...[...ctx.ancestors, ctx.region].map((r) => ({ label: regionTitle(r), href: regionHref(r.path) })),
    ...tail,
  ];
}

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
        Diperbarui <time datetime={new Date(at).toISOString()}>{formatRelativeDays(at, now)}</time> (
        {formatDate(at)})
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

export const RegionHomeView: FC<{ home: RegionHome; now: number; saveData: boolean }> = ({ home, now, saveData }) => {
  const { ctx } = home;
  const path = ctx.region.path;
  const parent = ctx.ancestors[ctx.ancestors.length - 1];
  return (
    <>
      <h1>{regionTitle(ctx.region)}</h1>
      <UpdatedNote at={ctx.region.lastContentUpdate} now={now} />
      <QuickActions path={path} />
      <section aria-labelledby="berita-terbaru">
        <h2 id="berita-terbaru">Berita terbaru</h2>
        <LatestList items={home.news} path={path} saveData={saveData} empty="Belum ada berita." more={regionHref(path, 'berita')} />
      </section>
      <section aria-labelledby="pengumuman-terbaru">
        <h2 id="pengumuman-terbaru">Pengumuman dan agenda</h2>
        <LatestList
          items={home.announcements}
          path={path}
          saveData={saveData}
          empty="Belum ada pengumuman atau agenda."
          more={`${regionHref(path, 'berita')}?jenis=pengumuman`}
        />
      </section>
      <section aria-labelledby="dokumen-publik">
        <h2 id="dokumen-publik">Dokumen publik</h2>
        {home.documents.length ? <DocumentList items={home.documents} showRegion={ctx.children.length > 0} /> : null}
        <p>
          SOP, LKJIP, Renstra, RKA, APBDes dan dokumen resmi lain:{' '}
          <a href={regionHref(path, 'dokumen')}>lihat daftar dokumen {regionTitle(ctx.region)}</a>.
        </p>
      </section>
      <section aria-labelledby="peta-wilayah">
        <h2 id="peta-wilayah">Peta wilayah</h2>
        {home.shapes.self ? <RegionSvgMap self={home.shapes.self} children={home.shapes.children} places={home.dots} /> : null}
        <p>
          <a href={regionHref(path, 'peta')}>Buka peta {regionTitle(ctx.region)}</a>
        </p>
      </section>
      <section aria-labelledby="profil">
        <h2 id="profil">Profil singkat</h2>
        <p>{home.profile}</p>
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

const LatestList: FC<{ items: PublicPostRow[]; path: string; saveData: boolean; empty: string; more: string }> = (
  p,
) =>
  p.items.length === 0 ? (
    <EmptyState>
      <p>{p.empty} Kabar dari wilayah ini akan tampil di sini setelah diterbitkan oleh pengelola.</p>
    </EmptyState>
  ) : (
    <>
      <PostList items={p.items} saveData={p.saveData} showRegion />
      <p>
        <a href={p.more}>Lihat semua</a>
      </p>
    </>
  );

export const SearchForm: FC<{ q: string; error?: string }> = ({ q, error }) => (
  <form class="search" method="get" action="/wilayah" role="search">
    <label for="q">Cari desa, kelurahan atau kecamatan</label>
    {error ? (
      <p class="error-message" id="q-error">
        <span class="visually-hidden">Kesalahan: </span>
        {error}
      </p>
    ) : null}
    <div class="search-row">
      <input
        id="q"
        name="q"
        type="search"
        value={q}
        maxlength={100}
        autocomplete="off"
        aria-describedby={error ? 'q-error' : undefined}
        hx-get="/wilayah"
        hx-trigger="input changed delay:300ms, search"
        hx-target="#hasil"
        hx-push-url="true"
        hx-indicator="#hasil"
      />
      <button type="submit">Cari</button>
    </div>
  </form>
);

/** The live region stays in the page; htmx swaps only its contents (DirectoryResultList). */
export const DirectoryResults: FC<{ groups: DistrictGroup[]; total: number; q: string }> = (p) => (
  <div id="hasil" aria-live="polite">
    <DirectoryResultList {...p} />
  </div>
);

export const DirectoryResultList: FC<{ groups: DistrictGroup[]; total: number; q: string }> = ({ groups, total, q }) => (
  <>
    {q ? (
      <p class="result-count">
        {total === 0 ? `Tidak ada wilayah yang cocok dengan “${q}”.` : `${total} wilayah cocok dengan “${q}”.`}
      </p>
    ) : null}
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

export const NotFoundView: FC<{ detail?: string }> = ({ detail }) => (
  <>
    <h1>Halaman tidak ditemukan</h1>
    <p>{detail ?? 'Alamat yang Anda buka tidak ada atau sudah dipindahkan.'}</p>
    <p>Periksa kembali alamatnya, atau cari desa/kecamatan yang Anda tuju:</p>
    <SearchForm q="" />
    <p>
      <a href="/">Kembali ke beranda portal</a>
    </p>
  </>
);

export const ErrorView: FC<{ title: string; detail: string; requestId?: string; errors?: FieldError[] }> = ({
  title,
  detail,
  requestId,
  errors,
}) => (
  <>
    <h1>{title}</h1>
    <p>{detail}</p>
    {errors?.length ? (
      <ul class="error-list">
        {errors.map((e) => (
          <li>{e.message}</li>
        ))}
      </ul>
    ) : null}
    {requestId ? (
      <p class="hint">
        Kode kejadian: <code>{requestId}</code>. Sebutkan kode ini bila menghubungi Diskominfo.
      </p>
    ) : null}
    <p>
      <a href="/">Kembali ke beranda portal</a>
    </p>
  </>
);
