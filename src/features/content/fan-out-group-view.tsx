import type { FC } from 'hono/jsx';
import { ConfirmLink } from '../../admin/confirm';
import { PUBLISH_STATUS_LABELS, PUBLISH_STATUS_TONES } from '../../publishing/panel';
import { regionTitle } from '../../regions/labels';
import { StatusTag } from '../../views/components';
import type { GroupView } from './fan-out-group';

/** On top of the editor of a shared announcement: where it shows, and what an edit here changes (fan-out-group.ts). */
export const GroupBanner: FC<{ group: GroupView; postId: string }> = ({ group, postId }) => {
  const n = group.copies.length;
  const reviewed = group.copies.filter((c) => c.reviewed);
  return (
    <section class="callout fan-out-group" aria-labelledby="pengumuman-bersama">
      {group.allEditable ? (
        <h2 id="pengumuman-bersama">Pengumuman ini tampil di {n} wilayah — perubahan berlaku untuk semua</h2>
      ) : (
        <h2 id="pengumuman-bersama">Pengumuman ini tampil di {n} wilayah — Anda hanya berwenang atas sebagian</h2>
      )}
      <details>
        <summary>Daftar {n} wilayah</summary>
        <ul>
          {group.copies.map((c) => (
            <li>
              {c.id === postId ? (
                <strong>{regionTitle({ level: c.regionLevel, name: c.regionName })} (salinan ini)</strong>
              ) : (
                regionTitle({ level: c.regionLevel, name: c.regionName })
              )}{' '}
              <StatusTag tone={PUBLISH_STATUS_TONES[c.status]}>{PUBLISH_STATUS_LABELS[c.status]}</StatusTag>
              {c.editable ? null : ' · bukan wewenang Anda'}
            </li>
          ))}
        </ul>
      </details>
      {group.allEditable && reviewed.length ? (
        <p>
          Di {reviewed.length} wilayah yang masih perlu tinjauan, salinan yang sudah terbit ditarik dan dikirim ulang ke peninjau wilayah itu setelah diubah.
        </p>
      ) : null}
      {group.allEditable ? (
        <p>Ingin mengubah hanya salinan wilayah ini? Lepaskan dulu dari pengumuman bersama.</p>
      ) : (
        <p>
          Perubahan di sini tidak dapat berlaku untuk wilayah lain. Untuk mengubah salinan wilayah Anda saja, lepaskan dari pengumuman bersama: salinan ini
          menjadi tulisan wilayah Anda sendiri dan tidak lagi ikut berubah bila pengumuman bersama diubah.
        </p>
      )}
      <div class="actions">
        <ConfirmLink href={`/admin/konten/${postId}/lepaskan`} label="Lepaskan dari pengumuman bersama" />
        {group.allDeletable ? <ConfirmLink href={`/admin/konten/${postId}/hapus`} label={`Hapus dari ${n} wilayah`} /> : null}
      </div>
    </section>
  );
};
