import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { PpidProfileRow } from '../../db/schema';
import { renderMarkdown } from '../../lib/markdown';
import { formatDate } from '../../lib/time';
import type { RegionContext } from '../../regions/context';
import { regionTitle } from '../../regions/labels';
import { regionHref } from '../../regions/paths';
import { EmptyState, StatusTag } from '../../views/components';
import { PUBLIC_DIP_CATEGORIES, type Dip, type DipEntry } from './dip';
import { DIP_CATEGORY_LABELS } from './labels';

const ProfileSection: FC<{ profile: PpidProfileRow | undefined; ctx: RegionContext; origin: string }> = ({ profile, ctx, origin }) => (
  <section aria-labelledby="profil-ppid">
    <h2 id="profil-ppid">Profil PPID</h2>
    {!profile ? (
      <EmptyState>
        <p>
          Profil PPID {regionTitle(ctx.region)} belum diisi. Permohonan informasi tetap dapat diajukan lewat formulir di halaman ini dan akan ditangani oleh
          PPID yang berwenang.
        </p>
      </EmptyState>
    ) : (
      <>
        {profile.isDemo ? <StatusTag tone="yellow">Contoh konten demo</StatusTag> : null}
        <dl class="ppid-facts">
          <dt>Pejabat Pengelola Informasi dan Dokumentasi</dt>
          <dd>
            {profile.officerName}
            {profile.officerPosition ? `, ${profile.officerPosition}` : ''}
          </dd>
          {profile.superiorName ? (
            <>
              <dt>Atasan PPID (menanggapi keberatan)</dt>
              <dd>{profile.superiorName}</dd>
            </>
          ) : null}
          <dt>Alamat layanan</dt>
          <dd>{profile.address}</dd>
          {profile.phone ? (
            <>
              <dt>Telepon</dt>
              <dd>
                <a href={`tel:${profile.phone.replace(/[^0-9+]/g, '')}`}>{profile.phone}</a>
              </dd>
            </>
          ) : null}
          {profile.email ? (
            <>
              <dt>Email</dt>
              <dd>
                <a href={`mailto:${profile.email}`}>{profile.email}</a>
              </dd>
            </>
          ) : null}
          {profile.officeHours ? (
            <>
              <dt>Jam layanan</dt>
              <dd>{profile.officeHours}</dd>
            </>
          ) : null}
        </dl>
        {profile.maklumat ? (
          <>
            <h3>Maklumat pelayanan</h3>
            <div class="prose">{raw(renderMarkdown(profile.maklumat, { siteOrigin: origin }))}</div>
          </>
        ) : null}
        <h3>Standar layanan</h3>
        {profile.serviceStandard ? (
          <div class="prose">{raw(renderMarkdown(profile.serviceStandard, { siteOrigin: origin }))}</div>
        ) : (
          <ul>
            <li>Jawaban paling lambat 10 hari kerja sejak permohonan diterima, dapat diperpanjang paling lama 7 hari kerja dengan alasan tertulis.</li>
            <li>Keberatan dapat diajukan paling lambat 30 hari kerja; atasan PPID menanggapi paling lambat 30 hari kerja.</li>
          </ul>
        )}
        <p>
          <strong>Biaya:</strong> {profile.cost || 'Tanpa biaya. Biaya penggandaan atau pengiriman salinan, bila ada, ditanggung pemohon.'}
        </p>
      </>
    )}
  </section>
);

const DipTable: FC<{ entries: DipEntry[]; caption: string }> = ({ entries, caption }) => (
  <table class="table">
    <caption class="visually-hidden">{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Informasi</th>
        <th scope="col">Penanggung jawab</th>
        <th scope="col">Tahun</th>
        <th scope="col">Bentuk</th>
        <th scope="col">Jangka waktu simpan</th>
      </tr>
    </thead>
    <tbody>
      {entries.map((e) => (
        <tr>
          <td data-label="Informasi">
            {e.href ? <a href={e.href}>{e.title}</a> : <strong>{e.title}</strong>}
            {e.summary ? <div class="hint">{e.summary}</div> : null}
          </td>
          <td data-label="Penanggung jawab">{e.responsibleUnit || '—'}</td>
          <td data-label="Tahun">{e.year ?? '—'}</td>
          <td data-label="Bentuk">{e.format}</td>
          <td data-label="Jangka waktu simpan">{e.retention || '—'}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

export const DipSection: FC<{ dip: Dip; ctx: RegionContext }> = ({ dip, ctx }) => (
  <section aria-labelledby="dip">
    <h2 id="dip">Daftar Informasi Publik</h2>
    <p>
      Informasi yang dikuasai {regionTitle(ctx.region)}, dikelompokkan menurut UU 14/2008.
      {dip.updatedAt ? ` Terakhir diperbarui ${formatDate(dip.updatedAt)}.` : ''} Data ini juga tersedia sebagai{' '}
      <a href={`/api/v1/dip?region=${ctx.region.code}`}>data terbuka (JSON)</a>.
    </p>
    {PUBLIC_DIP_CATEGORIES.map((cat) => (
      <>
        <h3 id={`dip-${cat}`}>{DIP_CATEGORY_LABELS[cat]}</h3>
        {dip.groups[cat].length === 0 ? (
          <EmptyState>
            <p>Belum ada informasi dalam kategori ini. Informasi yang belum tercantum dapat diminta lewat formulir permohonan.</p>
          </EmptyState>
        ) : (
          <DipTable entries={dip.groups[cat]} caption={DIP_CATEGORY_LABELS[cat]} />
        )}
      </>
    ))}
    <h3 id="dip-dikecualikan">Daftar informasi yang dikecualikan</h3>
    <p class="hint">Berkas informasi ini tidak dibuka untuk umum. Yang ditampilkan hanya judul, dasar hukum dan ringkasan uji konsekuensi.</p>
    {dip.excluded.length === 0 ? (
      <EmptyState>
        <p>Tidak ada informasi yang ditetapkan sebagai dikecualikan.</p>
      </EmptyState>
    ) : (
      <table class="table">
        <caption class="visually-hidden">Informasi yang dikecualikan</caption>
        <thead>
          <tr>
            <th scope="col">Informasi</th>
            <th scope="col">Dasar hukum</th>
            <th scope="col">Ringkasan uji konsekuensi</th>
          </tr>
        </thead>
        <tbody>
          {dip.excluded.map((e) => (
            <tr>
              <td data-label="Informasi">{e.title}</td>
              <td data-label="Dasar hukum">{e.legalBasis || '—'}</td>
              <td data-label="Uji konsekuensi">{e.consequenceTest || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
);

export const PpidHomeView: FC<{ ctx: RegionContext; profile: PpidProfileRow | undefined; dip: Dip; origin: string }> = ({ ctx, profile, dip, origin }) => {
  const path = ctx.region.path;
  return (
    <>
      <h1>PPID {regionTitle(ctx.region)}</h1>
      <p>
        Setiap orang berhak meminta informasi publik dari {regionTitle(ctx.region)}. Ajukan permohonan di sini, lalu pantau statusnya dengan nomor registrasi.
      </p>
      <nav class="quick" aria-label="Layanan PPID">
        <a class="quick-item" href={regionHref(path, 'ppid', 'permohonan')}>
          <span>Ajukan permohonan</span>
          <small>Minta informasi publik</small>
        </a>
        <a class="quick-item" href={regionHref(path, 'ppid', 'lacak')}>
          <span>Lacak permohonan</span>
          <small>Status, jawaban dan keberatan</small>
        </a>
        <a class="quick-item" href={`${regionHref(path, 'ppid', 'laporan')}`}>
          <span>Laporan layanan</span>
          <small>Laporan tahunan PPID</small>
        </a>
        <a class="quick-item" href="#dip">
          <span>Daftar informasi</span>
          <small>Informasi yang tersedia</small>
        </a>
      </nav>
      <ProfileSection profile={profile} ctx={ctx} origin={origin} />
      <DipSection dip={dip} ctx={ctx} />
    </>
  );
};
