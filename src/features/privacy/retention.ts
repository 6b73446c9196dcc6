import type { PersonalDataSource } from '../personal-data';

/**
 * The retention period per kind of record: each source's default, overridden by `RETENTION_DAYS`
 * (e.g. `pengaduan=1825,ppid=1825,surat=3650`; README, Configuration). An entry that is not a whole number of days
 * of at least 30, or names no kind, is ignored (the default applies): a typo never erases early.
 */
export const MIN_RETENTION_DAYS = 30;

export function retentionDays(sources: readonly PersonalDataSource[], setting: string | undefined): Map<string, number> {
  const out = new Map(sources.map((s) => [s.kind, s.defaultRetentionDays]));
  for (const part of (setting ?? '').split(',')) {
    const m = /^\s*([a-z_]+)\s*=\s*(\d{1,6})\s*$/.exec(part);
    if (!m || !out.has(m[1]!)) continue;
    const days = Number(m[2]);
    if (days >= MIN_RETENTION_DAYS) out.set(m[1]!, days);
  }
  return out;
}
