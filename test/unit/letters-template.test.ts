import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { fieldsSchema, fillBody, placeholdersOf, TemplateContent, type FieldDef } from '../../src/features/letters/template';

const FIELDS: FieldDef[] = [
  { key: 'nama_usaha', label: 'Nama usaha', type: 'teks', required: true, max: 20 },
  { key: 'mulai', label: 'Mulai (tahun)', type: 'angka', required: true },
  { key: 'tanggal', label: 'Tanggal acara', type: 'tanggal', required: false },
  { key: 'status', label: 'Status', type: 'pilihan', required: true, options: ['Belum kawin', 'Cerai hidup'] },
  { key: 'catatan', label: 'Catatan', type: 'paragraf', required: false },
];

const base = {
  title: 'Surat Keterangan Usaha',
  purpose: 'Untuk pengajuan KUR.',
  body: 'Menerangkan bahwa:\n\n{{identitas}}\n\nmemiliki usaha {{nama_usaha}} di {{wilayah}}.',
  fields: FIELDS,
  requirements: [{ key: 'ktp', label: 'Foto KTP', upload: true, required: true }],
  classification: '503',
  serviceDays: 2,
  levels: ['desa'],
};

describe('letter template model', () => {
  it('builds a zod schema from the field definitions, with Indonesian messages', () => {
    const schema = fieldsSchema(FIELDS);
    expect(schema.parse({ nama_usaha: ' Warung Berkah ', mulai: '2019', status: 'Belum kawin', tanggal: '', catatan: '' })).toEqual({
      nama_usaha: 'Warung Berkah',
      mulai: '2019',
      status: 'Belum kawin',
      tanggal: undefined,
      catatan: undefined,
    });
    const bad = schema.safeParse({ nama_usaha: 'x'.repeat(21), mulai: 'dua ribu', status: 'Menikah', tanggal: '2026-02-30' });
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      nama_usaha: 'Nama usaha terlalu panjang (maksimal 20 huruf).',
      mulai: 'Mulai (tahun) harus angka.',
      status: 'Pilih status.',
      tanggal: 'Isi tanggal acara sebagai tanggal yang benar.',
    });
    expect(schema.safeParse({}).error!.issues.map((i) => i.message)).toEqual(['Isi nama usaha.', 'Isi mulai (tahun).', 'Isi status.']);
    expect(schema.safeParse({ nama_usaha: ['a', 'b'], mulai: 1, status: null }).success).toBe(false);
  });

  it('fills the body: placeholders, the identity block, and "…" for what is missing (never a raw marker)', () => {
    const blocks = fillBody(base.body + '\n\nDibuat {{tanggal_surat}} untuk {{tidak_ada}}.', { nama_usaha: 'Warung <b>Berkah</b>', wilayah: 'Swarga Bara' });
    expect(blocks).toEqual([
      { kind: 'text', text: 'Menerangkan bahwa:' },
      { kind: 'identity' },
      { kind: 'text', text: 'memiliki usaha Warung <b>Berkah</b> di Swarga Bara.' },
      { kind: 'text', text: 'Dibuat … untuk ….' },
    ]);
    expect(placeholdersOf(base.body)).toEqual(['identitas', 'nama_usaha', 'wilayah']);
  });

  it('accepts a sound template and explains every mistake in one', () => {
    expect(TemplateContent.parse(base)).toMatchObject({ costRupiah: 0, legalBasis: '', closing: expect.stringContaining('Demikian') });
    const bad = TemplateContent.safeParse({
      ...base,
      body: 'Menerangkan {{nama_usah}} dan {{nama}} yang cukup panjang.',
      fields: [...FIELDS, { key: 'nama', label: 'Nama lagi', type: 'teks' }, { key: 'x', label: 'Pilihan', type: 'pilihan', options: ['a'] }],
      classification: '470/1',
      serviceDays: 31,
      levels: [],
    });
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'fields.5.key: Kunci isian "nama" sudah dipakai.',
        expect.stringMatching(/^fields\.6\.key: Kunci isian/),
        'fields.6.options: Isian pilihan memerlukan minimal 2 pilihan.',
        'classification: Kode klasifikasi: angka/huruf dan titik, mis. 470 atau 474.1.',
        'serviceDays: Waktu layanan 0–30 hari kerja.',
        'levels: Pilih minimal satu jenis wilayah.',
      ]),
    );
  });

  it('every template the regency starts with is a valid template (the seed migration is data, checked here)', async () => {
    const rows = (
      await env.DB.prepare(
        'SELECT t.id, t.name, v.content FROM letter_templates t JOIN letter_template_versions v ON v.template_id = t.id AND v.version = t.current_version',
      ).all<{ id: string; name: string; content: string }>()
    ).results;
    expect(rows.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'sk-domisili',
        'sk-usaha',
        'sktm',
        'pengantar-skck',
        'pengantar-nikah',
        'sk-kelahiran',
        'sk-kematian',
        'pengantar-pindah',
        'legalisasi-kecamatan',
        'rekomendasi-kecamatan',
      ]),
    );
    for (const row of rows) {
      const parsed = TemplateContent.safeParse(JSON.parse(row.content));
      expect(parsed.error?.issues ?? [], row.id).toEqual([]);
      expect(parsed.data!.title).toBe(row.name);
    }
  });
});
