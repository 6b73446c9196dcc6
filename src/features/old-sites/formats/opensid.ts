import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../../lib/errors';
import type { ParsedExport, Problem, SourceDocument, SourceItem, SourcePost } from '../items';
import { plainText, witaDateTime } from '../items';
import { SqlDumpReader } from './sql-dump';

/**
 * OpenSID (OpenDesa): an SQL dump of its database, or CSV exports of its tables. ONLY these are read: `artikel`
 * (news and static pages), `dokumen` (public documents), `kategori` (to tell pages from news) and the display name
 * (`nama`) of `user` (the article's author). Every other table streams past unread; population tables (tweb_penduduk,
 * tweb_keluarga … with every resident's NIK) are refused — counted for the report, never parsed, never stored — and a
 * CSV file with population columns (nik, no_kk) is refused whole. Citizens' own documents (`dok_warga`, `id_pend`)
 * and excluded information are never imported.
 *
 * Table definitions follow OpenSID's own (donjo-app/models/migrations/struktur_tabel), used when a dump's INSERTs
 * carry no column list and no CREATE TABLE.
 */
const READ = new Set(['artikel', 'dokumen', 'kategori', 'user']);
const POPULATION_TABLE =
  /penduduk|keluarga|rtm|(^|_)kk(_|$)|nik|mandiri|dtks|bantuan|peserta|covid|vaksin|kia|posyandu|suplemen|ktp|surat|permohonan|pemilih|dpt/;
const POPULATION_COLUMN = /^(nik|no_kk|nokk|nik_kepala|ktp|no_ktp|kk|nomor_kk|nama_ayah|nama_ibu|tanggallahir|tempatlahir)$/i;

const DEFAULT_COLUMNS: Record<string, string[]> = {
  artikel: [
    'id',
    'config_id',
    'gambar',
    'isi',
    'enabled',
    'tgl_upload',
    'id_kategori',
    'id_user',
    'judul',
    'headline',
    'gambar1',
    'gambar2',
    'gambar3',
    'dokumen',
    'link_dokumen',
    'boleh_komentar',
    'slug',
    'hit',
    'slider',
    'tipe',
  ],
  dokumen: [
    'id',
    'config_id',
    'satuan',
    'nama',
    'enabled',
    'tgl_upload',
    'id_pend',
    'kategori',
    'attr',
    'tipe',
    'url',
    'tahun',
    'kategori_info_publik',
    'updated_at',
    'deleted',
    'id_syarat',
    'id_parent',
    'created_at',
    'created_by',
    'updated_by',
    'dok_warga',
    'lokasi_arsip',
  ],
  kategori: ['id', 'config_id', 'kategori', 'tipe', 'urut', 'enabled', 'parrent', 'slug'],
  user: ['id', 'config_id', 'username', 'password', 'id_grup', 'pamong_id', 'email', 'last_login', 'email_verified_at', 'active', 'nama'],
};

type Row = Record<string, string | null>;

export interface OpenSidSource {
  name: string;
  /** The file's text in chunks (a dump may be large; it is never held whole). */
  chunks: AsyncIterable<string>;
}

const INFO: Record<string, SourceDocument['infoCategory']> = { '1': 'berkala', '2': 'serta_merta', '3': 'setiap_saat' };

function rowsOf(table: { columns: string[] | null; rows: Array<Array<string | null>> } | undefined, name: string): Row[] {
  if (!table) return [];
  const cols = table.columns ?? DEFAULT_COLUMNS[name] ?? [];
  // Only the display name of an account is kept: never its password hash or e-mail.
  const keep = name === 'user' ? new Set(['id', 'nama', 'config_id']) : null;
  return table.rows.map((r) => Object.fromEntries(cols.flatMap((c, i) => (keep && !keep.has(c) ? [] : [[c, r[i] ?? null]]))));
}

async function readCsv(source: OpenSidSource, problems: Problem[]): Promise<{ table: string; rows: Row[] } | null> {
  let text = '';
  for await (const chunk of source.chunks) {
    text += chunk;
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    if (text.includes('\n') || text.length > 4096) {
      const headers = firstLine.split(/[,;]/).map((h) =>
        h
          .trim()
          .replace(/^["'`]|["'`]$/g, '')
          .toLowerCase(),
      );
      if (headers.some((h) => POPULATION_COLUMN.test(h))) {
        problems.push({ item: source.name, message: 'Berkas berisi data kependudukan (kolom NIK/KK); ditolak — tidak dibaca dan tidak disimpan.' });
        return null;
      }
    }
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Row[];
  try {
    records = parseCsv(text, {
      columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch {
    problems.push({ item: source.name, message: 'Berkas CSV tidak dapat dibaca; periksa pemisah kolom dan tanda kutipnya.' });
    return null;
  }
  const headers = Object.keys(records[0] ?? {});
  if (headers.includes('judul') && headers.includes('isi')) return { table: 'artikel', rows: records };
  if (headers.includes('satuan') && headers.includes('nama')) return { table: 'dokumen', rows: records };
  if (headers.includes('kategori') && headers.includes('urut')) return { table: 'kategori', rows: records };
  problems.push({ item: source.name, message: 'Berkas CSV ini bukan tabel artikel atau dokumen OpenSID; tidak dibaca.' });
  return null;
}

async function readSql(source: OpenSidSource, problems: Problem[]): Promise<Record<string, Row[]>> {
  const reader = new SqlDumpReader((t) => READ.has(t));
  for await (const chunk of source.chunks) reader.push(chunk);
  reader.end();
  for (const [table, n] of reader.skippedRows) {
    if (POPULATION_TABLE.test(table)) {
      problems.push({ item: table, message: `Tabel kependudukan “${table}” (${n} baris) ditolak: tidak dibaca dan tidak disimpan.` });
    }
  }
  const others = [...reader.skippedRows.keys()].filter((t) => !POPULATION_TABLE.test(t));
  if (others.length) problems.push({ message: `${others.length} tabel lain OpenSID diabaikan (hanya artikel dan dokumen yang dibaca).` });
  return Object.fromEntries([...READ].map((t) => [t, rowsOf(reader.tables.get(t), t)]));
}

const yes = (v: string | null | undefined) => v === '1' || v === 'true';

function fileUrl(site: string, folder: 'artikel' | 'dokumen', name: string): string {
  return `${site}/desa/upload/${folder}/${encodeURIComponent(name)}`;
}

function articleItems(rows: Row[], cats: Row[], users: Row[], site: string, problems: Problem[]): SourceItem[] {
  const staticCats = new Set(cats.filter((c) => /statis/i.test(c.kategori ?? '')).map((c) => c.id));
  const names = new Map(users.map((u) => [u.id, u.nama]));
  const out: SourceItem[] = [];
  for (const a of rows) {
    const title = (a.judul ?? '').trim();
    const when = witaDateTime(a.tgl_upload);
    if (!yes(a.enabled ?? '1')) {
      problems.push({ item: title || `artikel ${a.id}`, message: 'Tidak aktif di OpenSID; tidak diimpor.' });
      continue;
    }
    if (!title || when === null || !a.id) {
      problems.push({
        item: title || `artikel ${a.id}`,
        message: title ? 'Tanggal unggah tidak terbaca; tidak diimpor.' : 'Artikel tanpa judul; tidak diimpor.',
      });
      continue;
    }
    const isPage = a.tipe === 'statis' || a.id_kategori === '999' || staticCats.has(a.id_kategori ?? '');
    const slug = (a.slug ?? '').trim();
    const day = (a.tgl_upload ?? '').slice(0, 10).split('-').join('/');
    const extra = ['gambar1', 'gambar2', 'gambar3'].flatMap((k) => (a[k] ? [`<p><img src="${fileUrl(site, 'artikel', `sedang_${a[k]}`)}" alt=""></p>`] : []));
    if (a.dokumen) {
      const url = fileUrl(site, 'dokumen', a.dokumen);
      extra.push(`<p><a href="${url}">${escapeText(a.link_dokumen || 'Unduh dokumen lampiran')}</a></p>`);
      out.push({
        type: 'document',
        key: `opensid:artikel-dokumen:${a.id}`,
        title: (a.link_dokumen || `Lampiran: ${title}`).slice(0, 200),
        description: `Lampiran artikel “${title}”.`,
        fileUrl: url,
        publishedAt: when,
        year: new Date(when + 8 * 3_600_000).getUTCFullYear(),
        category: 'lainnya',
        infoCategory: 'setiap_saat',
        oldUrls: [`/unduh_dokumen_artikel/${a.id}`, `/desa/upload/dokumen/${a.dokumen}`],
      });
    }
    const post: SourcePost = {
      type: 'post',
      key: `opensid:artikel:${a.id}`,
      title,
      html: `${a.isi ?? ''}${extra.join('')}`,
      excerpt: '',
      author: names.get(a.id_user ?? '') ?? null,
      publishedAt: when,
      slug,
      isPage,
      coverUrl: a.gambar ? fileUrl(site, 'artikel', `sedang_${a.gambar}`) : null,
      oldUrls: [`/artikel/${a.id}`, ...(slug ? [`/artikel/${day}/${slug}`] : [])],
    };
    out.push(post);
  }
  return out;
}

function escapeText(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function documentItems(rows: Row[], site: string, problems: Problem[]): SourceItem[] {
  const out: SourceItem[] = [];
  for (const d of rows) {
    const title = (d.nama ?? '').trim();
    if (yes(d.dok_warga) || (d.id_pend && d.id_pend !== '0')) {
      problems.push({ item: `dokumen ${d.id}`, message: 'Dokumen milik warga (data pribadi); tidak diimpor.' });
      continue;
    }
    if (yes(d.deleted) || !yes(d.enabled ?? '1')) continue;
    if (d.kategori_info_publik === '4') {
      problems.push({ item: title, message: 'Informasi dikecualikan di OpenSID; tidak diimpor sebagai dokumen publik.' });
      continue;
    }
    if (!d.satuan || d.tipe === '2') {
      problems.push({ item: title || `dokumen ${d.id}`, message: 'Bukan berkas unggahan (tautan ke luar); tidak diimpor.' });
      continue;
    }
    const when = witaDateTime(d.tgl_upload) ?? witaDateTime(d.created_at) ?? Date.now();
    const year = Number(d.tahun) || new Date(when + 8 * 3_600_000).getUTCFullYear();
    out.push({
      type: 'document',
      key: `opensid:dokumen:${d.id}`,
      title: title || d.satuan,
      description: plainText(d.attr && !d.attr.startsWith('{') && !d.attr.startsWith('[') ? d.attr : '', 2000),
      fileUrl: fileUrl(site, 'dokumen', d.satuan),
      publishedAt: when,
      year,
      category: d.kategori === '2' || d.kategori === '3' ? 'perdes_perkades' : 'lainnya',
      infoCategory: INFO[d.kategori_info_publik ?? ''] ?? 'setiap_saat',
      oldUrls: [`/dokumen_web/unduh_berkas/${d.id}`, `/desa/upload/dokumen/${d.satuan}`],
    });
  }
  return out;
}

/** Keeps the rows of one village when a dump holds several (OpenSID with several `config_id`): the commonest one. */
function oneVillage(rows: Row[], problems: Problem[]): Row[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.config_id ?? '', (counts.get(r.config_id ?? '') ?? 0) + 1);
  if (counts.size <= 1) return rows;
  const [main] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  problems.push({ message: `Dump berisi data ${counts.size} desa (config_id berbeda); hanya config_id ${main || '(kosong)'} yang diimpor.` });
  return rows.filter((r) => (r.config_id ?? '') === main);
}

export async function parseOpenSid(sources: OpenSidSource[], siteUrl: string): Promise<ParsedExport> {
  if (!siteUrl)
    throw new AppError('validation', 'Isi alamat situs OpenSID lama: gambar dan berkas diambil dari sana.', {
      fieldErrors: [{ field: 'site_url', message: 'Isi alamat situs OpenSID lama, mis. https://swargabara.desa.id.' }],
    });
  const problems: Problem[] = [];
  const tables: Record<string, Row[]> = { artikel: [], dokumen: [], kategori: [], user: [] };
  for (const source of sources) {
    if (/\.csv$/i.test(source.name)) {
      const csv = await readCsv(source, problems);
      if (csv) tables[csv.table]!.push(...csv.rows);
    } else {
      const sql = await readSql(source, problems);
      for (const t of READ) tables[t]!.push(...sql[t]!);
    }
  }
  const site = siteUrl.replace(/\/+$/, '');
  const items = [
    ...articleItems(oneVillage(tables.artikel!, problems), tables.kategori!, tables.user!, site, problems),
    ...documentItems(oneVillage(tables.dokumen!, problems), site, problems),
  ];
  if (items.length === 0 && tables.artikel!.length === 0 && tables.dokumen!.length === 0) {
    problems.push({ message: 'Tidak ada tabel artikel atau dokumen OpenSID di berkas ini.' });
  }
  return { format: 'opensid', siteUrl: site, items, problems };
}
