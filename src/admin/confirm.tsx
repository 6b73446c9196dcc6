import type { Context } from 'hono';
import type { Child, FC } from 'hono/jsx';
import type { AppEnv } from '../env';
import { formatDateTime } from '../lib/time';
import { sessionOf } from '../auth/session';
import { EmptyState, type Crumb } from '../views/components';
import { CsrfField, renderAdmin } from './render';

/**
 * Confirmation before a destructive action (delete, revoke, archive). Without JavaScript the link opens a page of its
 * own; with htmx the same GET answers only the panel, swapped in place of the link. Either way the POST is a plain form.
 */
export interface ConfirmProps {
  /** The question, e.g. "Hapus “Kerja bakti”?". */
  question: string;
  /** What happens, and whether it can be undone. */
  consequence: Child;
  /** Where the confirming form posts. */
  action: string;
  confirmLabel: string;
  cancelHref: string;
}

const ConfirmPanel: FC<ConfirmProps & { csrf: string; heading: 'h1' | 'h2' }> = (p) => (
  <section class="confirm-panel" aria-labelledby="confirm-question">
    {p.heading === 'h1' ? <h1 id="confirm-question">{p.question}</h1> : <h2 id="confirm-question">{p.question}</h2>}
    <p>{p.consequence}</p>
    <form method="post" action={p.action} class="actions">
      <CsrfField token={p.csrf} />
      <button type="submit" class="button-danger">
        {p.confirmLabel}
      </button>{' '}
      <a class="button button-secondary" href={p.cancelHref}>
        Batal
      </a>
    </form>
  </section>
);

/** Answers the confirmation: its own page, or the panel alone for an htmx request. */
export function renderConfirm(c: Context<AppEnv>, page: { title: string; current: string; breadcrumbs?: Crumb[] }, props: ConfirmProps) {
  const csrf = sessionOf(c).csrfToken;
  return renderAdmin(c, page, <ConfirmPanel {...props} csrf={csrf} heading="h1" />, { fragment: <ConfirmPanel {...props} csrf={csrf} heading="h2" /> });
}

/** The link that asks first: a page without JavaScript, the panel in place with htmx. */
export const ConfirmLink: FC<{ href: string; label: string }> = (p) => (
  <a class="button button-danger" href={p.href} hx-get={p.href} hx-target="this" hx-swap="outerHTML">
    {p.label}
  </a>
);

/** The notice after a delete, with the undo button right there. */
export const UndoNotice: FC<{ csrf: string; message: string; restoreAction: string }> = (p) => (
  <div class="success undo" role="status">
    <p>{p.message}</p>
    <form method="post" action={p.restoreAction} class="inline">
      <CsrfField token={p.csrf} />
      <button type="submit" class="button-secondary">
        Urungkan
      </button>
    </form>
  </div>
);

/** One deleted item in a trash list. */
export interface TrashRow {
  id: string;
  title: string;
  where: string;
  deletedAt: number;
  restoreAction: string;
}

/** The trash of one kind of content: what was deleted, when, and a restore button each (restored items are drafts). */
export const TrashList: FC<{ csrf: string; rows: TrashRow[]; noun: string; backHref: string; backLabel: string }> = (p) => (
  <>
    <p>
      {p.noun[0]!.toUpperCase()}
      {p.noun.slice(1)} yang dihapus tersimpan di sini. Memulihkan mengembalikannya sebagai draf (belum tampil di situs publik).
    </p>
    {p.rows.length === 0 ? (
      <EmptyState>Tidak ada {p.noun} yang dihapus.</EmptyState>
    ) : (
      <ul class="card-list trash-list">
        {p.rows.map((r) => (
          <li>
            <strong>{r.title}</strong>
            <br />
            <span class="hint">
              {r.where} · dihapus {formatDateTime(r.deletedAt)}
            </span>
            <form method="post" action={r.restoreAction} class="inline">
              <CsrfField token={p.csrf} />
              <button type="submit" class="button-secondary" aria-label={`Pulihkan ${r.title}`}>
                Pulihkan
              </button>
            </form>
          </li>
        ))}
      </ul>
    )}
    <p>
      <a href={p.backHref}>{p.backLabel}</a>
    </p>
  </>
);
