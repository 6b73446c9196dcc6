import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { PostRow } from '../../db/schema';
import type { FieldError } from '../../lib/errors';
import { errorFor, valueOf, type FormValues } from '../../lib/forms';
import { renderMarkdown } from '../../lib/markdown';
import { formatDate, formatDateTime } from '../../lib/time';
import { Field, StatusTag } from '../../views/components';
import { CsrfField } from '../../admin/render';
import { coverOf, KIND_LABELS } from './views';
import { imgAttrs } from '../../media/manifest';

/**
 * Review with eyes open: a post waiting for review is shown to its reviewer first as the public will see it
 * (title, dates, cover, rendered Markdown), with the decision right under it; the edit fields come after, folded.
 */
export const PostPreview: FC<{ post: PostRow; now: number; siteOrigin: string }> = ({ post, now, siteOrigin }) => (
  <section class="review-preview" aria-labelledby="pratinjau">
    <h2 id="pratinjau">Pratinjau: seperti yang akan dilihat warga</h2>
    <article class="article preview-frame">
      <p class="h1-like">{post.title}</p>
      <p class="meta">
        {post.kind !== 'berita' ? <StatusTag tone="blue">{KIND_LABELS[post.kind]}</StatusTag> : null}{' '}
        {formatDate(post.publishedAt && post.publishedAt > now ? post.publishedAt : now)}
      </p>
      {post.kind === 'agenda' && post.eventStartsAt ? (
        <p class="callout">
          <strong>Waktu:</strong> {formatDateTime(post.eventStartsAt)}
          {post.eventPlace ? (
            <>
              <br />
              <strong>Tempat:</strong> {post.eventPlace}
            </>
          ) : null}
        </p>
      ) : null}
      {post.kind === 'pengumuman' && (post.validFrom || post.validUntil) ? (
        <p class="callout">
          Berlaku {post.validFrom ? `mulai ${formatDate(post.validFrom)}` : ''} {post.validUntil ? `sampai ${formatDate(post.validUntil)}` : ''}
        </p>
      ) : null}
      {coverOf(post) ? <img class="article-cover" {...imgAttrs(coverOf(post)!, 'article')} alt={post.coverAlt ?? ''} /> : null}
      {post.summary ? <p class="lead">{post.summary}</p> : null}
      <div class="prose">{raw(renderMarkdown(post.bodyMd, { siteOrigin }))}</div>
    </article>
  </section>
);

/** Approve (optional note) or send back (note required), right under the preview. */
export const ReviewDecision: FC<{ csrf: string; base: string; errors?: FieldError[]; values?: FormValues }> = (p) => (
  <section class="review" aria-labelledby="keputusan">
    <h2 id="keputusan">Keputusan Anda</h2>
    <form method="post" action={`${p.base}/setujui`}>
      <CsrfField token={p.csrf} />
      <Field id="approve-note" label="Catatan untuk penulis (opsional)" error={errorFor(p.errors, 'approve-note')}>
        {(d) => <textarea id="approve-note" name="note" rows={2} maxlength={1000} aria-describedby={d}></textarea>}
      </Field>
      <button type="submit">Setujui dan terbitkan</button>
    </form>
    <form method="post" action={`${p.base}/tolak`}>
      <CsrfField token={p.csrf} />
      <Field id="note" label="Alasan pengembalian" hint="Wajib: jelaskan apa yang perlu diperbaiki." error={errorFor(p.errors, 'note')}>
        {(d) => (
          <textarea id="note" name="note" rows={3} maxlength={1000} aria-describedby={d}>
            {valueOf(p.values, 'note')}
          </textarea>
        )}
      </Field>
      <button type="submit" class="button-danger">
        Kembalikan ke penulis
      </button>
    </form>
  </section>
);
