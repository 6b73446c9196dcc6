import type { FC } from 'hono/jsx';
import type { NotificationRow } from '../../db/schema';
import { formatDateTime } from '../../lib/time';
import { EmptyState, Pagination, StatusTag } from '../../views/components';
import { CsrfField } from '../../admin/render';

export const NotificationsView: FC<{ csrf: string; rows: NotificationRow[]; unread: number; more?: number; marked?: number }> = ({
  csrf,
  rows,
  unread,
  more,
  marked,
}) => (
  <>
    <h1>Notifikasi</h1>
    {marked !== undefined ? (
      <p class="success" role="status">
        {marked} notifikasi ditandai sudah dibaca.
      </p>
    ) : null}
    <p>
      {unread} belum dibaca. Notifikasi dibuat oleh pemindaian pemantauan untuk wilayah yang Anda kelola.{' '}
      <a href="/admin/akun/notifikasi">Terima ringkasan harian dan pesan mendesak lewat Telegram atau e-mail</a>.
    </p>
    {unread > 0 ? (
      <form method="post" action="/admin/notifikasi/baca">
        <CsrfField token={csrf} />
        <button type="submit" class="button-secondary">
          Tandai semua sudah dibaca
        </button>
      </form>
    ) : null}
    {rows.length === 0 ? (
      <EmptyState>
        <p>Belum ada notifikasi.</p>
      </EmptyState>
    ) : (
      <ul class="tasks">
        {rows.map((n) => (
          <li class={n.readAt ? 'info' : 'warn'}>
            {n.href ? <a href={n.href}>{n.title}</a> : n.title} {n.readAt ? null : <StatusTag tone="blue">Baru</StatusTag>}
            <div class="hint">
              {n.body ? `${n.body} · ` : ''}
              {formatDateTime(n.createdAt)}
            </div>
            {n.readAt ? null : (
              <form method="post" action="/admin/notifikasi/baca" class="inline">
                <CsrfField token={csrf} />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" class="link-button" aria-label={`Tandai sudah dibaca: ${n.title}`}>
                  Tandai sudah dibaca
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    )}
    <Pagination label="Halaman notifikasi" next={more ? `/admin/notifikasi?sebelum=${more}` : undefined} />
  </>
);
