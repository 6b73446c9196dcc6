// Demo letters for Desa Swarga Bara: its letter settings (a demo signatory) and three requests at different stages —
// a new Surat Keterangan Usaha, an SKTM waiting for a correction, and a finished Surat Keterangan Domisili with its
// number and verification code. NIK/KK/phone are sealed with the local DATA_KEYS exactly as src/lib/data-key.ts does
// (AES-256-GCM, `k1:<iv>:<ct+tag>`, context letter:<id>:<column>). Idempotent (fixed ids, INSERT OR IGNORE).
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY = 86_400_000;
const REGION = '64.08.04.2012';
/** Private code of every demo request (README, demo walk-through). */
export const DEMO_LETTER_CODE = 'DEMA-2026-SRT1-0001';

const q = (s) => (s === null || s === undefined ? 'NULL' : `'${String(s).replace(/'/g, "''")}'`);

function devVar(root, name) {
  const file = join(root, '.dev.vars');
  if (!existsSync(file)) return null;
  const m = new RegExp(`^${name}=(.*)$`, 'm').exec(readFileSync(file, 'utf8'));
  return m ? m[1].trim().replace(/^'(.*)'$/, '$1') : null;
}

function sealer(root) {
  const keys = JSON.parse(devVar(root, 'DATA_KEYS') ?? 'null');
  const active = devVar(root, 'DATA_KEY_ACTIVE');
  if (!keys || !active || !keys[active]) return null;
  const key = Buffer.from(keys[active], 'base64');
  return (plain, context) => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(Buffer.from(context));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
    return `${active}:${iv.toString('base64url')}:${ct.toString('base64url')}`;
  };
}

const codeHash = (code) =>
  createHash('sha256')
    .update(`letter:${code.replace(/-/g, '')}`)
    .digest('hex');

export function demoLettersSql(now, root) {
  const seal = sealer(root);
  if (!seal) return ['-- demo letters skipped: DATA_KEYS not in .dev.vars'];
  const year = new Date(now + 8 * 3600_000).getUTCFullYear();
  const month = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][new Date(now - DAY + 8 * 3600_000).getUTCMonth()];
  const out = [
    `INSERT OR IGNORE INTO letter_settings (region_code, short_code, number_pattern, signatory_name, signatory_position, signatory_nip, office_address, office_hours, office_phone, updated_at) VALUES (${[
      q(REGION),
      q('DS-SB'),
      q('{klasifikasi}/{nomor:3}/{kode}/{bulan}/{tahun}'),
      q('Sutrisno (contoh)'),
      q('Kepala Desa Swarga Bara'),
      q(''),
      q('Kantor Desa Swarga Bara, Jl. Poros Sangatta–Bengalon'),
      q('Senin–Jumat, 08.00–15.00 WITA'),
      q(''),
      now,
    ].join(', ')});`,
  ];
  const requests = [
    {
      id: 'DEMOSRT0000000000000000001',
      number: 'SRT-DEM0-0001',
      template: 'sk-usaha',
      status: 'diajukan',
      name: 'Rahmat Hidayat',
      nik: '6408041708850003',
      gender: 'L',
      birth: '1985-08-17',
      days: 0,
      due: 2,
      fields: {
        nama_usaha: 'Bengkel Motor Rahmat',
        jenis_usaha: 'bengkel sepeda motor',
        alamat_usaha: 'Jl. Poros Swarga Bara RT 002',
        mulai_usaha: '2018',
        keperluan: 'pengajuan Kredit Usaha Rakyat',
      },
    },
    {
      id: 'DEMOSRT0000000000000000002',
      number: 'SRT-DEM0-0002',
      template: 'sktm',
      status: 'perlu_perbaikan',
      name: 'Siti Rahmawati',
      nik: '6408045504900002',
      gender: 'P',
      birth: '1990-04-15',
      days: 2,
      due: null,
      fields: { penghasilan: '1500000', tanggungan: '3', keperluan: 'keringanan biaya sekolah anak' },
      note: 'Foto Kartu Keluarga terpotong di bagian bawah. Mohon unggah ulang foto KK yang utuh.',
    },
    {
      id: 'DEMOSRT0000000000000000003',
      number: 'SRT-DEM0-0003',
      template: 'sk-domisili',
      status: 'selesai',
      name: 'Budi Sutejo',
      nik: '6408041203900001',
      gender: 'L',
      birth: '1990-03-12',
      days: 3,
      due: null,
      fields: { sejak: '2015', keperluan: 'melamar pekerjaan' },
      letter: { seq: 1, number: `470/001/DS-SB/${month}/${year}`, nonce: 'DEM0VER1F1CAT10N' },
    },
  ];
  for (const r of requests) {
    const at = now - r.days * DAY;
    const l = r.letter;
    out.push(
      `INSERT OR IGNORE INTO letter_requests (id, tracking_number, region_code, template_id, template_version, channel, delivery, status, version, applicant_name, nik_sealed, kk_sealed, contact_sealed, birth_place, birth_date, gender, occupation, address, rt, rw, fields, secret_hash, submitted_at, due_at, paused_days, clock_from, clock_days, on_time, finished_at, letter_year, letter_seq, letter_number, numbered_at, verify_kid, verify_nonce, signed_at, sign_method, signatory_name, signatory_position, signatory_nip, is_demo, created_at, updated_at) VALUES (${[
        q(r.id),
        q(r.number),
        q(REGION),
        q(r.template),
        1,
        q('portal'),
        q('unduh'),
        q(r.status),
        r.status === 'diajukan' ? 1 : 2,
        q(r.name),
        q(seal(r.nik, `letter:${r.id}:nik`)),
        q(seal('6408041505180003', `letter:${r.id}:kk`)),
        q(seal('081234500000', `letter:${r.id}:contact`)),
        q('Sangatta'),
        q(r.birth),
        q(r.gender),
        q('Wiraswasta'),
        q('Jl. Poros Swarga Bara'),
        q('002'),
        q('001'),
        q(JSON.stringify(r.fields)),
        q(codeHash(DEMO_LETTER_CODE)),
        at,
        r.due ? at + r.due * DAY : 'NULL',
        r.status === 'perlu_perbaikan' ? 1 : 'NULL',
        r.due ? at : 'NULL',
        r.due ?? 'NULL',
        1,
        l ? now - DAY : 'NULL',
        l ? year : 'NULL',
        l ? l.seq : 'NULL',
        q(l?.number ?? null),
        l ? now - DAY : 'NULL',
        q(l ? 'v1' : null),
        q(l?.nonce ?? null),
        l ? now - DAY : 'NULL',
        q(l ? 'basah' : null),
        q(l ? 'Sutrisno (contoh)' : null),
        q(l ? 'Kepala Desa Swarga Bara' : null),
        q(l ? '' : null),
        1,
        at,
        at,
      ].join(', ')});`,
      `INSERT OR IGNORE INTO letter_events (id, request_id, region_code, seq, at, kind, from_status, to_status, actor_type, actor_label, note_requester) VALUES (${[q(`${r.id}-1`), q(r.id), q(REGION), 1, at, q('dibuat'), 'NULL', q('diajukan'), q('pemohon'), q('Pemohon'), 'NULL'].join(', ')});`,
    );
    if (r.status !== 'diajukan') {
      out.push(
        `INSERT OR IGNORE INTO letter_events (id, request_id, region_code, seq, at, kind, from_status, to_status, actor_type, actor_label, note_requester) VALUES (${[q(`${r.id}-2`), q(r.id), q(REGION), 2, at + 3600_000, q(l ? 'tanda_tangan' : 'status'), q(l ? 'menunggu_tanda_tangan' : 'diajukan'), q(r.status), q('petugas'), q('Operator desa · Swarga Bara'), q(r.note ?? null)].join(', ')});`,
      );
    }
  }
  // The register's counter matches the finished demo letter (never lowers a counter that moved on).
  out.push(`INSERT OR IGNORE INTO letter_counters (region_code, year, last_seq) VALUES (${q(REGION)}, ${year}, 1);`);
  return out;
}
