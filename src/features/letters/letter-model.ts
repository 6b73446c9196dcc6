/**
 * The letter as a document: everything the HTML page and the PDF print, built once from the request, the template
 * VERSION it was made from, the region's letter settings and the opened identity. Both renderers take this plain
 * object, so the printed page and the PDF never disagree. The full NIK appears here — the letter itself is the one
 * output where it belongs; callers reach this only with the private code or as an officer in scope.
 */
import type { LetterRequestRow, LetterSettingsRow, RegionLevel } from '../../db/schema';
import { formatDate } from '../../lib/time';
import type { BodyBlock, TemplateContent } from './template';
import { fillBody } from './template';

export interface LetterRegion {
  level: RegionLevel;
  name: string;
  kecamatanName: string | null;
  kabupatenName: string;
}

export interface LetterDocument {
  /** Kop surat, top to bottom: 'PEMERINTAH KABUPATEN KUTAI TIMUR', 'KECAMATAN SANGATTA UTARA', 'DESA SWARGA BARA'. */
  kop: string[];
  officeLine: string;
  title: string;
  /** null before numbering (a preview). */
  number: string | null;
  blocks: BodyBlock[];
  identity: [string, string][];
  closing: string;
  placeAndDate: string;
  signatory: { position: string; name: string; nip: string };
  signMethod: 'basah' | 'pindaian' | null;
  /** `{origin}/verifikasi/{code}` once numbered. */
  verifyUrl: string | null;
  /** A preview carries a watermark and no QR code. */
  draft: boolean;
}

const LEVEL_WORD: Record<RegionLevel, string> = { kabupaten: 'Kabupaten', kecamatan: 'Kecamatan', desa: 'Desa', kelurahan: 'Kelurahan' };

function formatBirthDate(key: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return ''; // erased (src/features/letters/erasure.ts)
  const [y, m, d] = key.split('-').map(Number);
  return formatDate(Date.UTC(y!, m! - 1, d!, 4));
}

export function buildLetter(args: {
  request: LetterRequestRow;
  template: TemplateContent;
  settings: LetterSettingsRow;
  region: LetterRegion;
  identity: { nik: string; kk: string };
  verifyUrl: string | null;
  now: number;
}): LetterDocument {
  const { request: r, template: t, settings: s, region } = args;
  const fields = JSON.parse(r.fields) as Record<string, string>;
  const regionWord = LEVEL_WORD[region.level];
  const date = r.numberedAt ?? args.now;
  const position = r.signatoryPosition ?? s.signatoryPosition;
  const values: Record<string, string> = {
    ...fields,
    nama: r.applicantName,
    nik: args.identity.nik,
    kk: args.identity.kk,
    tempat_lahir: r.birthPlace,
    tanggal_lahir: formatBirthDate(r.birthDate),
    jenis_kelamin: r.gender === 'L' ? 'Laki-laki' : 'Perempuan',
    pekerjaan: r.occupation,
    alamat: r.address,
    rt: r.rt,
    rw: r.rw,
    wilayah: region.name,
    jenis_wilayah: regionWord,
    kecamatan: region.kecamatanName ?? region.name,
    kabupaten: region.kabupatenName,
    jabatan_penandatangan: position,
    tanggal_surat: formatDate(date),
  };
  const kop = [`Pemerintah ${region.kabupatenName}`];
  if (region.kecamatanName && region.level !== 'kecamatan') kop.push(`Kecamatan ${region.kecamatanName}`);
  kop.push(`${regionWord} ${region.name}`);
  return {
    kop: kop.map((l) => l.toUpperCase()),
    officeLine: [s.officeAddress, s.officePhone ? `Telp. ${s.officePhone}` : ''].filter(Boolean).join(' · '),
    title: t.title.toUpperCase(),
    number: r.letterNumber,
    blocks: fillBody(t.body, values),
    identity: [
      ['Nama', r.applicantName],
      ['NIK', args.identity.nik],
      ['Tempat/tanggal lahir', `${r.birthPlace}, ${values.tanggal_lahir}`],
      ['Jenis kelamin', values.jenis_kelamin!],
      ['Pekerjaan', r.occupation || '-'],
      ['Alamat', `${r.address} RT ${r.rt} RW ${r.rw}, ${regionWord} ${region.name}`],
    ],
    closing: fillBody(t.closing, values)
      .flatMap((b) => (b.kind === 'text' ? [b.text] : []))
      .join(' '),
    placeAndDate: `${region.name}, ${formatDate(date)}`,
    signatory: { position, name: r.signatoryName ?? s.signatoryName, nip: r.signatoryNip ?? s.signatoryNip },
    signMethod: r.signMethod,
    verifyUrl: args.verifyUrl,
    draft: r.letterNumber === null,
  };
}
