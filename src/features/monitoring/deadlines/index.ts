import { complaintsSource } from './complaints-source';
import { lettersSource } from './letters-source';
import { objectionsSource, ppidSource } from './ppid-source';
import type { DeadlineSource, DeadlineSourceName } from './types';

/** Every deadline source the hourly scan reads. A feature that adds deadlines adds its adapter here. */
export const DEADLINE_SOURCES: DeadlineSource[] = [complaintsSource, ppidSource, objectionsSource, lettersSource];

export const SOURCE_LABELS: Record<DeadlineSourceName, string> = {
  pengaduan: 'Pengaduan',
  ppid: 'Permohonan informasi',
  keberatan: 'Keberatan informasi',
  layanan: 'Layanan surat',
};

export type { DeadlineSource, OpenDeadlineItem, ClosedDeadlineStats, DeadlineSourceName } from './types';
