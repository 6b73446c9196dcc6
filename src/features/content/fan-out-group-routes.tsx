import type { Context, Hono } from 'hono';
import { actionContext } from '../../admin/context';
import { renderConfirm, type ConfirmProps } from '../../admin/confirm';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { regionTitle } from '../../regions/labels';
import type { PostRow } from '../../db/schema';
import { detachCopy, type GroupView } from './fan-out-group';
import { PostIdParam } from './schemas';
import { loadPostFor, type ContentDeps } from './service';

/** The confirmation page frame of an action on one post (breadcrumbs back to it). */
export const confirmPage = (post: { id: string; title: string }, verb: string) => ({
  title: `${verb} ${post.title}`,
  current: '/admin/konten',
  breadcrumbs: [{ label: 'Konten', href: '/admin/konten' }, { label: post.title, href: `/admin/konten/${post.id}` }, { label: verb }],
});

/** Deleting a copy of a shared announcement: the whole group when the officer may, else this copy alone (detached). */
export function groupDeleteConfirm(post: PostRow, group: GroupView): ConfirmProps {
  const n = group.copies.length;
  const where = group.copies.map((c) => regionTitle({ level: c.regionLevel, name: c.regionName })).join(', ');
  const base = { action: `/admin/konten/${post.id}/hapus`, cancelHref: `/admin/konten/${post.id}` };
  if (group.allDeletable) {
    return {
      ...base,
      question: `Hapus pengumuman “${post.title}” dari ${n} wilayah?`,
      consequence: `Pengumuman ditarik dari situs dan dipindahkan ke Sampah di semua wilayah ini: ${where}. Anda dapat memulihkan semuanya sekaligus dari Sampah (sebagai draf).`,
      confirmLabel: `Ya, hapus dari ${n} wilayah`,
    };
  }
  return {
    ...base,
    question: `Hapus “${post.title}” dari wilayah ini saja?`,
    consequence: `Pengumuman ini juga tampil di wilayah yang bukan wewenang Anda, jadi hanya salinan wilayah ini yang dipindahkan ke Sampah; salinan ini sekaligus dilepaskan dari pengumuman bersama. Wilayah lain (${where}) tidak berubah.`,
    confirmLabel: 'Ya, hapus salinan wilayah ini',
  };
}

function postId(c: Context<AppEnv>): string {
  const parsed = PostIdParam.safeParse(c.req.param('id'));
  if (!parsed.success) throw new AppError('not_found', 'Tulisan tidak ditemukan.');
  return parsed.data;
}

/** "Lepaskan dari pengumuman bersama": a confirmation page (or panel with htmx), then the POST. */
export function groupAdminRoutes(app: Hono<AppEnv>, deps: (c: Context<AppEnv>) => ContentDeps): void {
  app.get('/admin/konten/:id/lepaskan', async (c) => {
    const { post } = await loadPostFor(c.get('db'), actionContext(c).actor, postId(c));
    if (!post.fanOutGroup) return c.redirect(`/admin/konten/${post.id}`, 303);
    return renderConfirm(c, confirmPage(post, 'Lepaskan'), {
      question: `Lepaskan “${post.title}” dari pengumuman bersama?`,
      consequence:
        'Salinan wilayah ini menjadi tulisan wilayah ini sendiri: Anda dapat mengubahnya tanpa mengubah wilayah lain, dan perubahan pengumuman bersama tidak lagi berlaku untuknya. Salinan di wilayah lain tidak berubah. Langkah ini tidak dapat dibatalkan.',
      action: `/admin/konten/${post.id}/lepaskan`,
      confirmLabel: 'Ya, lepaskan salinan ini',
      cancelHref: `/admin/konten/${post.id}`,
    });
  });

  app.post('/admin/konten/:id/lepaskan', async (c) => {
    const id = postId(c);
    await detachCopy(deps(c), id, actionContext(c));
    return c.redirect(`/admin/konten/${id}?ok=dilepaskan`, 303);
  });
}
