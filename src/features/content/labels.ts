import type { PostStatus } from '../../db/schema';
import type { TagTone } from '../../views/components';

export { PUBLISH_STATUS_LABELS as STATUS_LABELS } from '../../publishing/panel';
import { PUBLISH_STATUS_LABELS as STATUS_LABELS, PUBLISH_STATUS_TONES as STATUS_TONES } from '../../publishing/panel';

/** Label of a post's state as staff see it: a published post with a future time is "Terjadwal". */
export function statusLabel(status: PostStatus, publishedAt: number | null, now: number): { label: string; tone: TagTone } {
  if (status === 'terbit' && publishedAt !== null && publishedAt > now) return { label: 'Terjadwal', tone: 'blue' };
  return { label: STATUS_LABELS[status], tone: STATUS_TONES[status] };
}

export const ACTION_LABELS: Record<string, string> = {
  'content.create': 'Ditulis',
  'content.update': 'Diubah',
  'content.submit': 'Dikirim untuk ditinjau',
  'content.approve': 'Disetujui dan diterbitkan',
  'content.reject': 'Dikembalikan',
  'content.publish': 'Diterbitkan',
  'content.unpublish': 'Ditarik dari situs',
  'content.delete': 'Dihapus (ke Sampah)',
  'content.restore': 'Dipulihkan dari Sampah',
  'content.detach': 'Dilepaskan dari pengumuman bersama',
};
