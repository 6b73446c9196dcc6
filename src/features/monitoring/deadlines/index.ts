import { complaintsSource } from '../../complaints/deadline-source';
import { objectionsSource, ppidSource } from '../../ppid/deadline-source';
import type { DeadlineSource, DeadlineSourceName } from '../../deadlines';

/** Every deadline source the hourly scan reads. A feature that adds deadlines adds its adapter here. */
export const DEADLINE_SOURCES: DeadlineSource[] = [complaintsSource, ppidSource, objectionsSource];

export const SOURCE_LABELS: Record<DeadlineSourceName, string> = {
  pengaduan: 'Pengaduan',
  ppid: 'Permohonan informasi',
  keberatan: 'Keberatan informasi',
};

export type { DeadlineSource, OpenDeadlineItem, ClosedDeadlineStats, DeadlineSourceName } from '../../deadlines';
