import { describe, expect, it } from 'vitest';
import { witaDateToMs } from '../../src/lib/time';
import { addWorkingDays, holidayCalendar } from '../../src/lib/working-days';
import {
  allowedActions,
  initialState,
  LETTER_STATUSES,
  transition,
  TransitionError,
  type ActionType,
  type LetterAction,
  type LetterStatus,
  type MachineRole,
  type MachineState,
} from '../../src/features/letters/status-machine';

// Monday 2 March 2026, 09:00 WITA; 2026-03-18…24 is Nyepi/Idul Fitri in the real calendar.
const MON = witaDateToMs('2026-03-02') + 9 * 3600_000;
const CAL = holidayCalendar(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24']);
const HOUR = 3600_000;

const ACTIONS: Record<ActionType, LetterAction> = {
  periksa: { type: 'periksa' },
  minta_perbaikan: { type: 'minta_perbaikan', note: 'Foto KK buram, unggah ulang.' },
  perbaiki: { type: 'perbaiki', note: 'Sudah saya unggah ulang.' },
  proses: { type: 'proses' },
  beri_nomor: { type: 'beri_nomor' },
  tandatangani: { type: 'tandatangani', method: 'basah' },
  tolak: { type: 'tolak', reason: 'Bukan warga desa ini.' },
  batalkan: { type: 'batalkan', reason: 'Tidak jadi.' },
  cabut: { type: 'cabut', reason: 'Data usaha tidak benar.' },
};

/** Written independently of the implementation: from → action → role → to (absent = refused). */
const EXPECTED: Partial<Record<LetterStatus, Partial<Record<ActionType, Partial<Record<MachineRole, LetterStatus>>>>>> = {
  diajukan: {
    periksa: { petugas: 'diperiksa' },
    minta_perbaikan: { petugas: 'perlu_perbaikan' },
    tolak: { petugas: 'ditolak' },
    batalkan: { petugas: 'dibatalkan', pemohon: 'dibatalkan' },
  },
  diperiksa: {
    minta_perbaikan: { petugas: 'perlu_perbaikan' },
    proses: { petugas: 'diproses' },
    tolak: { petugas: 'ditolak' },
    batalkan: { petugas: 'dibatalkan', pemohon: 'dibatalkan' },
  },
  perlu_perbaikan: {
    perbaiki: { pemohon: 'diperiksa' },
    tolak: { petugas: 'ditolak' },
    batalkan: { petugas: 'dibatalkan', pemohon: 'dibatalkan' },
  },
  diproses: {
    minta_perbaikan: { petugas: 'perlu_perbaikan' },
    beri_nomor: { petugas: 'menunggu_tanda_tangan' },
    tolak: { petugas: 'ditolak' },
    batalkan: { petugas: 'dibatalkan', pemohon: 'dibatalkan' },
  },
  menunggu_tanda_tangan: {
    tandatangani: { petugas: 'selesai' },
    batalkan: { petugas: 'dibatalkan' },
  },
  selesai: { cabut: { petugas: 'selesai' } },
  ditolak: {},
  dibatalkan: {},
};

const stateIn = (status: LetterStatus): MachineState => ({ ...initialState(MON, 5, CAL), status });

describe('letter status machine', () => {
  it('starts as diajukan with the service time in working days as its deadline', () => {
    const s = initialState(MON, 5, CAL);
    expect(s).toMatchObject({ status: 'diajukan', onTime: true, pausedDays: null, finishedAt: null, revokedAt: null });
    expect(s.dueAt).toBe(witaDateToMs('2026-03-09') + 24 * HOUR - 1); // Tue..Mon = 5 working days
  });

  it('allows exactly the expected transitions for every status, action and role', () => {
    const mismatches: string[] = [];
    for (const status of LETTER_STATUSES) {
      for (const type of Object.keys(ACTIONS) as ActionType[]) {
        for (const role of ['petugas', 'pemohon'] as MachineRole[]) {
          const want = EXPECTED[status]?.[type]?.[role] ?? null;
          let got: LetterStatus | null;
          try {
            got = transition(stateIn(status), ACTIONS[type], role, MON + HOUR, CAL).state.status;
          } catch (err) {
            if (!(err instanceof TransitionError)) throw err;
            got = null;
          }
          if (got !== want) mismatches.push(`${status} ${type} ${role}: got ${got} want ${want}`);
          expect(allowedActions(stateIn(status), role).includes(type)).toBe(want !== null);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('walks the happy path with a correction round and finishes on time', () => {
    let s = initialState(MON, 5, CAL);
    const steps: [LetterAction, MachineRole, number][] = [
      [ACTIONS.periksa, 'petugas', MON + HOUR],
      [ACTIONS.minta_perbaikan, 'petugas', MON + 2 * HOUR],
      [ACTIONS.perbaiki, 'pemohon', MON + 48 * HOUR],
      [ACTIONS.proses, 'petugas', MON + 49 * HOUR],
      [ACTIONS.beri_nomor, 'petugas', MON + 50 * HOUR],
      [ACTIONS.tandatangani, 'petugas', MON + 51 * HOUR],
    ];
    const seen: LetterStatus[] = [];
    for (const [action, role, at] of steps) {
      s = transition(s, action, role, at, CAL).state;
      seen.push(s.status);
    }
    expect(seen).toEqual(['diperiksa', 'perlu_perbaikan', 'diperiksa', 'diproses', 'menunggu_tanda_tangan', 'selesai']);
    expect(s).toMatchObject({ onTime: true, finishedAt: MON + 51 * HOUR, dueAt: null });
  });

  it('stops the clock while the requester fixes and resumes with the days that were left', () => {
    const s0 = transition(initialState(MON, 5, CAL), ACTIONS.periksa, 'petugas', MON + HOUR, CAL).state;
    const asked = transition(s0, ACTIONS.minta_perbaikan, 'petugas', MON + 2 * HOUR, CAL);
    expect(asked.state).toMatchObject({ dueAt: null, pausedDays: 5 });
    expect(asked.entry.noteRequester).toBe('Foto KK buram, unggah ulang.');
    // The fix comes on Tuesday 17 March: 5 working days from then skip the holidays 18–20 and 23–24 March.
    const fixedAt = witaDateToMs('2026-03-17') + 8 * HOUR;
    const fixed = transition(asked.state, ACTIONS.perbaiki, 'pemohon', fixedAt, CAL).state;
    expect(fixed.dueAt).toBe(addWorkingDays(fixedAt, 5, CAL));
    expect(fixed.dueAt).toBe(witaDateToMs('2026-03-31') + 24 * HOUR - 1);
    expect(fixed.onTime).toBe(true); // the weeks spent waiting on the requester do not count against the office
  });

  it('records a missed deadline even when the letter is finished later', () => {
    const s = transition(initialState(MON, 1, CAL), ACTIONS.periksa, 'petugas', MON + 5 * 24 * HOUR, CAL).state;
    expect(s.onTime).toBe(false);
    const done = [ACTIONS.proses, ACTIONS.beri_nomor, ACTIONS.tandatangani].reduce((st, a) => transition(st, a, 'petugas', MON + 6 * 24 * HOUR, CAL).state, s);
    expect(done).toMatchObject({ status: 'selesai', onTime: false });
  });

  it('requires a reason to refuse, to ask for a correction, to revoke and for an officer to cancel', () => {
    expect(() => transition(stateIn('diperiksa'), { type: 'tolak', reason: '  ' }, 'petugas', MON, CAL)).toThrow(/alasan penolakan/);
    expect(() => transition(stateIn('diperiksa'), { type: 'minta_perbaikan', note: '' }, 'petugas', MON, CAL)).toThrow(/diperbaiki/);
    expect(() => transition(stateIn('selesai'), { type: 'cabut', reason: '' }, 'petugas', MON, CAL)).toThrow(/pencabutan/);
    expect(() => transition(stateIn('menunggu_tanda_tangan'), { type: 'batalkan' }, 'petugas', MON, CAL)).toThrow(/pembatalan/);
    const own = transition(stateIn('diajukan'), { type: 'batalkan' }, 'pemohon', MON, CAL);
    expect(own.state.status).toBe('dibatalkan');
  });

  it('revokes a finished letter once: it stays selesai with the revocation date and reason', () => {
    const r = transition(stateIn('selesai'), ACTIONS.cabut, 'petugas', MON + HOUR, CAL);
    expect(r.state).toMatchObject({ status: 'selesai', revokedAt: MON + HOUR });
    expect(r.entry).toMatchObject({ kind: 'cabut', noteRequester: 'Data usaha tidak benar.' });
    expect(allowedActions(r.state, 'petugas')).toEqual([]);
    expect(() => transition(r.state, ACTIONS.cabut, 'petugas', MON + 2 * HOUR, CAL)).toThrow(TransitionError);
  });

  it('marks numbering and signing in the timeline', () => {
    expect(transition(stateIn('diproses'), ACTIONS.beri_nomor, 'petugas', MON, CAL).entry.kind).toBe('nomor');
    const signed = transition(stateIn('menunggu_tanda_tangan'), { type: 'tandatangani', method: 'pindaian' }, 'petugas', MON, CAL);
    expect(signed.entry).toMatchObject({ kind: 'tanda_tangan', toStatus: 'selesai' });
    expect(signed.entry.noteInternal).toMatch(/Pindaian/);
  });
});
