import { describe, expect, it } from 'vitest';
import { COMPLAINT_STATUSES } from '../../src/db/schema/complaints';
import { LAPOR_STATUS_TABLE, LAPOR_STATUSES, parseLaporStatus, portalStatusOf, toLaporStatus } from '../../src/features/complaints/lapor-status';

describe('SP4N-LAPOR status mapping (one table, both ways)', () => {
  it('every portal status is sent to LAPOR as exactly one LAPOR status', () => {
    for (const status of COMPLAINT_STATUSES) {
      const rows = LAPOR_STATUS_TABLE.filter((r) => (r.sentFor as readonly string[]).includes(status));
      expect(rows, status).toHaveLength(1);
      expect(toLaporStatus(status)).toBe(rows[0]!.lapor);
    }
  });

  it('a LAPOR status read back means the portal status it was sent for (ditolak is archived in LAPOR)', () => {
    for (const status of COMPLAINT_STATUSES) {
      const back = portalStatusOf(toLaporStatus(status));
      expect(back, status).toBe(status === 'ditolak' ? 'diarsipkan' : status);
    }
    expect(toLaporStatus('ditolak')).toBe('diarsipkan');
  });

  it('every LAPOR status has a meaning here; inbound-only ones say so with an empty sentFor', () => {
    expect(new Set(LAPOR_STATUSES).size).toBe(LAPOR_STATUSES.length);
    for (const row of LAPOR_STATUS_TABLE) expect(COMPLAINT_STATUSES).toContain(portalStatusOf(row.lapor));
    expect(portalStatusOf('ditunda')).toBe('diterima');
    expect(LAPOR_STATUS_TABLE.find((r) => r.lapor === 'ditunda')!.sentFor).toEqual([]);
  });

  it('reads LAPOR statuses as code or label in any case, and nothing else', () => {
    expect(parseLaporStatus('Belum Terverifikasi')).toBe('belum_terverifikasi');
    expect(parseLaporStatus(' DIPROSES ')).toBe('diproses');
    expect(parseLaporStatus('bukan-wewenang')).toBe('bukan_wewenang');
    expect(parseLaporStatus('Sedang dikerjakan')).toBeNull();
    expect(parseLaporStatus('')).toBeNull();
    expect(portalStatusOf('Diproses lama')).toBeNull();
    expect(portalStatusOf(null)).toBeNull();
  });
});
