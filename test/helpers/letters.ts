import { env } from 'cloudflare:test';
import { createDb } from '../../src/db/client';
import type { LetterDeps } from '../../src/features/letters/actions';
import type { LetterStatusEvent } from '../../src/features/letters/status-machine';
import type { EventActor } from '../../src/features/letters/store';
import { dataKeys } from '../../src/lib/data-key';
import { verifyKeys } from '../../src/features/letters/verify-code';
import { EMPTY_HOLIDAY_CALENDAR } from '../../src/lib/working-days';
import type { RequestInput } from '../../src/features/letters/schemas';

export const SWARGA_BARA = { code: '64.08.04.2012', level: 'desa' as const, name: 'Swarga Bara' };
export const OFFICER: EventActor = { type: 'petugas', id: 'u-test', label: 'Operator desa · Swarga Bara', name: 'Petugas Uji' };

/** Service dependencies over the test bindings; `events` collects the status-change hook's calls. */
export function letterDeps(events: LetterStatusEvent[] = []): LetterDeps {
  return {
    db: createDb(env.DB),
    files: env.FILES,
    dataKeys: dataKeys(env),
    verifyKeys: verifyKeys(env),
    secret: env.SESSION_SECRET,
    calendar: async () => EMPTY_HOLIDAY_CALENDAR,
    purge: async () => 0,
    statusChanged: async (e) => {
      events.push(e);
    },
  };
}

let n = 0;
/** A valid Surat Keterangan Usaha request (NIK of a man born 12 March 1990, serial varies). */
export function skuInput(over: Partial<RequestInput> = {}): RequestInput {
  n += 1;
  const serial = String(1000 + (n % 9000)).padStart(4, '0');
  return {
    region_code: SWARGA_BARA.code,
    service: 'sk-usaha',
    name: 'Budi Sutejo',
    nik: `640804120390${serial}`,
    kk: '6408041505180003',
    birth_place: 'Sangatta',
    birth_date: '1990-03-12',
    gender: 'L',
    occupation: 'Wiraswasta',
    address: 'Jl. Poros Swarga Bara No. 7',
    rt: '003',
    rw: '001',
    phone: '081234567890',
    delivery: 'unduh',
    fields: {
      nama_usaha: 'Warung Berkah',
      jenis_usaha: 'warung makan',
      alamat_usaha: 'Jl. Poros Swarga Bara No. 7',
      mulai_usaha: '2019',
      keperluan: 'pengajuan KUR',
    },
    ...over,
  };
}
