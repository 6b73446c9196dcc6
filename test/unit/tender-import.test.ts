// Reading SiRUP/SPSE exports (src/features/tenders/import-csv.ts and the value readers): header mapping in any order,
// extra columns ignored, every row checked with its spreadsheet row number; Indonesian amounts and dates.
import { describe, expect, it } from 'vitest';
import sirupCsv from '../fixtures/tenders/sirup-paket-penyedia-2026.csv?raw';
import spseCsv from '../fixtures/tenders/spse-daftar-tender-2026.csv?raw';
import { mapHeader, parseImportRows, type ParsedImport } from '../../src/features/tenders/import-csv';
import { matchLocations, type RegionName } from '../../src/features/tenders/location-match';
import { methodFromText, parseMonthWindow, safeUrl, statusFromStage, typeFromText } from '../../src/features/tenders/values';
import { parseCsv } from '../../src/lib/csv';
import { witaDateToMs } from '../../src/lib/time';

const REGIONS: RegionName[] = [
  { code: '64.08', name: 'Kutai Timur', level: 'kabupaten', parentCode: null },
  { code: '64.08.04', name: 'Sangatta Utara', level: 'kecamatan', parentCode: '64.08' },
  { code: '64.08.04.2001', name: 'Sangatta Utara', level: 'desa', parentCode: '64.08.04' },
  { code: '64.08.04.2011', name: 'Singa Gembara', level: 'desa', parentCode: '64.08.04' },
  { code: '64.08.04.2012', name: 'Swarga Bara', level: 'desa', parentCode: '64.08.04' },
  { code: '64.08.05', name: 'Sangkulirang', level: 'kecamatan', parentCode: '64.08' },
  { code: '64.08.05.2001', name: 'Sangkulirang', level: 'desa', parentCode: '64.08.05' },
  { code: '64.08.09', name: 'Bengalon', level: 'kecamatan', parentCode: '64.08' },
  { code: '64.08.09.2001', name: 'Tepian Baru', level: 'desa', parentCode: '64.08.09' },
  { code: '64.08.12', name: 'Sangatta Selatan', level: 'kecamatan', parentCode: '64.08' },
  { code: '64.08.15', name: 'Kaubun', level: 'kecamatan', parentCode: '64.08' },
  { code: '64.08.15.2001', name: 'Tepian Baru', level: 'desa', parentCode: '64.08.15' },
];

function read(text: string): ParsedImport {
  const records = parseCsv(text);
  const header = mapHeader(records[0]!);
  if (!header.ok) throw new Error(header.message);
  return parseImportRows(records.slice(1), header.map, REGIONS, '64.08');
}

describe('SiRUP export (Excel, Indonesian settings)', () => {
  const parsed = read(sirupCsv);

  it('is recognised as SiRUP; good rows are read whatever the column order, extra columns ignored', () => {
    expect(parsed.source).toBe('sirup');
    expect(parsed.total).toBe(8); // the empty line is not a row
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3, 4, 10]);
    const road = parsed.rows[0]!.patch;
    expect(road).toMatchObject({
      externalCode: '46210001',
      name: 'Pembangunan Jalan Poros Desa Swarga Bara',
      ownerName: 'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
      fiscalYear: 2026,
      fundingSource: 'APBD',
      method: 'tender',
      procurementType: 'pekerjaan_konstruksi',
      pagu: 1_250_000_000,
      plannedFrom: witaDateToMs('2026-03-01'),
      plannedTo: witaDateToMs('2026-04-01') - 1,
      locationText: 'Kutai Timur (Kab.) - Kec. Sangatta Utara - Desa Swarga Bara',
      locationCodes: ['64.08.04.2012'],
    });
    expect(Object.keys(road)).not.toContain('hps'); // no HPS column: the stored value is kept on re-import
    expect(parsed.rows[1]!.patch).toMatchObject({ pagu: 2_375_500_000, method: 'e_purchasing', procurementType: 'barang', locationCodes: [] });
    expect(parsed.rows[1]!.patch.plannedTo).toBe(witaDateToMs('2026-05-01') - 1);
    expect(parsed.rows[2]!.patch).toMatchObject({
      name: 'Jasa Konsultansi Perencanaan Gedung "Serbaguna"; Tahap I',
      pagu: 450_000_000,
      procurementType: 'jasa_konsultansi',
      method: 'seleksi',
      locationCodes: ['64.08.12'],
    });
    expect(parsed.rows[3]!.patch).toMatchObject({ pagu: 98_500_000, plannedFrom: witaDateToMs('2026-01-01'), plannedTo: witaDateToMs('2027-01-01') - 1 });
  });

  it('bad rows carry their spreadsheet row numbers and every problem of the row', () => {
    expect(parsed.errors.map((e) => e.row)).toEqual([5, 6, 7, 8]);
    const by = Object.fromEntries(parsed.errors.map((e) => [e.row, e.messages.join(' ')]));
    expect(by[5]).toContain('Kode RUP kosong');
    expect(by[6]).toContain('Nilai disingkat');
    expect(by[7]).toContain('Tahun Anggaran tidak valid');
    expect(by[7]).toContain('Metode Pemilihan tidak dikenal: “Lelang Terbatas”');
    expect(by[8]).toContain('Kode 46210001 sudah ada di baris 2');
  });
});

describe('SPSE export', () => {
  const parsed = read(spseCsv);

  it('is recognised as SPSE; stages, HPS, winners, contracts and links are read', () => {
    expect(parsed.source).toBe('spse');
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(parsed.rows[0]!.patch).toMatchObject({
      externalCode: '10045678000',
      declaredStatus: 'evaluasi',
      stageLabel: 'Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga',
      hps: 1_190_000_000,
      pagu: 1_250_000_000,
      locationCodes: ['64.08.04.2011', '64.08.04.2012'],
      sourceUrl: 'https://lpse.kutaitimurkab.go.id/eproc4/lelang/10045678000/pengumumanlelang',
      winnerName: null,
      contractValue: null,
    });
    expect(parsed.rows[1]!.patch).toMatchObject({ declaredStatus: 'selesai', winnerName: 'PT Borneo Motor Utama', contractValue: 612_500_000 });
    expect(parsed.rows[2]!.patch).toMatchObject({ declaredStatus: 'pengumuman', hps: 2_100_000_000, locationCodes: ['64.08.05'] });
  });

  it('refuses an abbreviated HPS, an unknown stage and a javascript: link, with row numbers', () => {
    expect(parsed.errors.map((e) => e.row)).toEqual([5, 6]);
    expect(parsed.errors[0]!.messages.join(' ')).toContain('HPS: Nilai disingkat');
    expect(parsed.errors[1]!.messages.join(' ')).toContain('Tahap tidak dikenal: “Tahap Misterius”');
    expect(parsed.errors[1]!.messages.join(' ')).toContain('URL harus alamat web lengkap');
  });
});

describe('header mapping', () => {
  it('needs a code column and the required columns of the export, named in the message', () => {
    const none = mapHeader(['Nama Paket', 'Pagu']);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.message).toContain('Kode Tender');
    const sirup = mapHeader(['Kode RUP', 'Nama Paket', 'Satuan Kerja']);
    expect(!sirup.ok && sirup.message).toBe('Kolom wajib ekspor SiRUP tidak ditemukan: “Tahun Anggaran”, “Pagu”.');
    const isb = mapHeader(['kd_rup', 'nama_paket', 'nama_satker', 'tahun_anggaran', 'pagu', 'mtd_pemilihan']);
    expect(isb.ok && isb.map).toMatchObject({ source: 'sirup', columns: { code: 0, name: 1, owner: 2, year: 3, pagu: 4, method: 5 } });
  });
});

describe('value readers', () => {
  it('SiRUP month windows', () => {
    expect(parseMonthWindow('Maret 2026')).toEqual({ from: witaDateToMs('2026-03-01'), to: witaDateToMs('2026-04-01') - 1 });
    expect(parseMonthWindow('Jan 2026 s/d Mar 2026')).toEqual({ from: witaDateToMs('2026-01-01'), to: witaDateToMs('2026-04-01') - 1 });
    expect(parseMonthWindow('Desember 2026')?.to).toBe(witaDateToMs('2027-01-01') - 1);
    expect(parseMonthWindow('03/2026')?.from).toBe(witaDateToMs('2026-03-01'));
    for (const bad of ['Maretan 2026', 'Maret', 'April 2026 - Maret 2026', '2026']) expect(parseMonthWindow(bad), bad).toBeNull();
  });

  it('SPSE stage names, methods and types', () => {
    expect(statusFromStage('Pengumuman Pemenang')).toBe('pemenang_ditetapkan');
    expect(statusFromStage('Download Dokumen Pemilihan')).toBe('pengumuman');
    expect(statusFromStage('Pembukaan Dokumen Penawaran')).toBe('evaluasi');
    expect(statusFromStage('Penandatanganan Kontrak')).toBe('kontrak');
    expect(statusFromStage('Tender Batal')).toBe('gagal');
    expect(methodFromText('Pengadaan Langsung')).toBe('pengadaan_langsung');
    expect(methodFromText('e-Purchasing')).toBe('e_purchasing');
    expect(typeFromText('Jasa Konsultansi Perorangan Konstruksi')).toBe('jasa_konsultansi');
    expect(typeFromText('Mobil')).toBeNull();
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeUrl('https://lpse.kutaitimurkab.go.id/x')).toBe('https://lpse.kutaitimurkab.go.id/x');
  });

  it('location names match exactly and never guess', () => {
    expect(matchLocations('Kutai Timur (Kab.)', REGIONS)).toEqual([]);
    expect(matchLocations('Sangatta Utara', REGIONS)).toEqual(['64.08.04']); // the kecamatan, not its village of that name
    expect(matchLocations('Desa Sangatta Utara', REGIONS)).toEqual(['64.08.04.2001']);
    expect(matchLocations('Tepian Baru', REGIONS)).toEqual([]); // two villages of that name
    expect(matchLocations('Kec. Kaubun - Desa Tepian Baru', REGIONS)).toEqual(['64.08.15.2001']);
    expect(matchLocations('Desa Tidak Ada', REGIONS)).toEqual([]);
  });
});
