import type { PostStatus } from '../db/schema';

/**
 * THE publishing workflow of every kind of public content — posts, documents, places and village procurement
 * packages. Pure: no HTTP, no storage; tested in test/unit/content-workflow.test.ts.
 *
 *   draft ──submit──▶ menunggu_tinjauan ──approve──▶ terbit ──unpublish──▶ draft
 *     ▲                   │  └──reject──▶ ditolak ──submit──▶ menunggu_tinjauan
 *     └──── save ─────────┘                 (save turns a rejected or a withdrawn submission back into a draft)
 *   draft / ditolak / menunggu_tinjauan ──publish (without review)──▶ terbit
 *
 * Who may do what comes from the access policy (src/regions/policy.ts) as three rights on the item's region
 * (see ./rights.ts): draft (content.draft: local operators in every stage), publish (content.publish: operators in
 * stage mandiri, Diskominfo always) and review (content.review: Diskominfo, and a kecamatan operator for its villages
 * in pendampingan). Stages decide who publishes, never who prepares.
 */
export type PublishStatus = PostStatus;
export const PUBLISH_ACTIONS = ['save', 'submit', 'approve', 'reject', 'publish', 'unpublish', 'delete'] as const;
export type PublishAction = (typeof PUBLISH_ACTIONS)[number];

export interface PublishRights {
  draft: boolean;
  publish: boolean;
  review: boolean;
}

export type PublishRight = 'content.draft' | 'content.publish' | 'content.review';

export type TransitionResult = { ok: true; to: PublishStatus } | { ok: false; reason: 'state' | 'right'; right?: PublishRight; message: string };

/** The noun used in messages: "Tulisan ini…", "Dokumen ini…", "Tempat ini…", "Paket ini…" (village procurement). */
export type ContentNoun = 'tulisan' | 'dokumen' | 'tempat' | 'paket';
const cap = (n: ContentNoun) => n[0]!.toUpperCase() + n.slice(1);

function stateMessage(action: PublishAction, n: ContentNoun): string {
  const N = cap(n);
  switch (action) {
    case 'save':
      return `${N} ini tidak dapat diubah dalam statusnya sekarang.`;
    case 'submit':
      return `Hanya draf atau ${n} yang dikembalikan yang dapat dikirim untuk ditinjau.`;
    case 'approve':
      return `Hanya ${n} yang menunggu tinjauan yang dapat disetujui.`;
    case 'reject':
      return `Hanya ${n} yang menunggu tinjauan yang dapat dikembalikan.`;
    case 'publish':
      return `${N} ini sudah terbit.`;
    case 'unpublish':
      return `Hanya ${n} yang sudah terbit yang dapat ditarik.`;
    case 'delete':
      return `${N} yang sudah terbit harus ditarik dahulu sebelum dihapus.`;
  }
}

const FROM: Record<PublishAction, readonly PublishStatus[]> = {
  save: ['draft', 'menunggu_tinjauan', 'ditolak', 'terbit'],
  submit: ['draft', 'ditolak'],
  approve: ['menunggu_tinjauan'],
  reject: ['menunggu_tinjauan'],
  publish: ['draft', 'menunggu_tinjauan', 'ditolak'],
  unpublish: ['terbit'],
  delete: ['draft', 'menunggu_tinjauan', 'ditolak'],
};

function deny(right: PublishRight, message: string): TransitionResult {
  return { ok: false, reason: 'right', right, message };
}

/** Decides one transition: the new status, or why it is refused (a state conflict → 409, a missing right → 403). */
export function transition(action: PublishAction, from: PublishStatus, rights: PublishRights, noun: ContentNoun = 'tulisan'): TransitionResult {
  if (!FROM[action].includes(from)) return { ok: false, reason: 'state', message: stateMessage(action, noun) };
  const N = cap(noun);
  switch (action) {
    case 'save':
      if (from === 'terbit') {
        // An edit of published content goes live at once, so it needs the right to publish.
        return rights.publish
          ? { ok: true, to: 'terbit' }
          : deny('content.publish', `${N} yang sudah terbit hanya dapat diubah oleh yang berhak menerbitkan. Minta peninjau menariknya bila perlu diperbaiki.`);
      }
      if (!rights.draft) return deny('content.draft', `Anda tidak dapat mengubah ${noun} di wilayah ini.`);
      // A reviewer/publisher polishing a submission keeps it in the queue; the author editing it withdraws it.
      if (from === 'menunggu_tinjauan') return { ok: true, to: rights.review || rights.publish ? 'menunggu_tinjauan' : 'draft' };
      return { ok: true, to: 'draft' };
    case 'submit':
      return rights.draft ? { ok: true, to: 'menunggu_tinjauan' } : deny('content.draft', `Anda tidak dapat mengirim ${noun} di wilayah ini.`);
    case 'approve':
      return rights.review ? { ok: true, to: 'terbit' } : deny('content.review', `Anda tidak berhak meninjau ${noun} di wilayah ini.`);
    case 'reject':
      return rights.review ? { ok: true, to: 'ditolak' } : deny('content.review', `Anda tidak berhak meninjau ${noun} di wilayah ini.`);
    case 'publish':
      return rights.publish
        ? { ok: true, to: 'terbit' }
        : deny('content.publish', `Wilayah ini belum mandiri: ${noun} Anda perlu ditinjau sebelum terbit. Kirim untuk ditinjau.`);
    case 'unpublish':
      return rights.publish || rights.review ? { ok: true, to: 'draft' } : deny('content.publish', `Anda tidak berhak menarik ${noun} dari situs wilayah ini.`);
    case 'delete':
      return rights.draft || rights.publish ? { ok: true, to: from } : deny('content.draft', `Anda tidak dapat menghapus ${noun} di wilayah ini.`);
  }
}

/** Actions to offer as buttons for an item in `status` (only those that would succeed). */
export function availableActions(status: PublishStatus, rights: PublishRights): PublishAction[] {
  return PUBLISH_ACTIONS.filter((a) => {
    if (a === 'submit' && rights.publish) return false; // a publisher publishes directly
    return transition(a, status, rights).ok;
  });
}

/** Runs the transitions of one request in order (e.g. save then submit) and returns the final status or the refusal. */
export function planTransitions(
  from: PublishStatus,
  actions: readonly PublishAction[],
  rights: PublishRights,
  noun: ContentNoun = 'tulisan',
): TransitionResult {
  let status = from;
  for (const a of actions) {
    const t = transition(a, status, rights, noun);
    if (!t.ok) return t;
    status = t.to;
  }
  return { ok: true, to: status };
}

/** The form buttons every editor offers: save a draft, submit for review, publish (publishers only). */
export const FORM_ACTIONS = { simpan: [], kirim: ['submit'], terbitkan: ['publish'] } as const satisfies Record<string, readonly PublishAction[]>;
export type FormAction = keyof typeof FORM_ACTIONS;
export const FORM_ACTION_NAMES = ['simpan', 'kirim', 'terbitkan'] as const satisfies readonly FormAction[];

/** The transitions of saving an existing item from its editor: publishing what is already live is just a save. */
export function editActions(from: PublishStatus, aksi: FormAction): PublishAction[] {
  return ['save', ...(from === 'terbit' ? [] : FORM_ACTIONS[aksi])];
}

/** Audit action suffixes and Indonesian verbs, the same for every kind of content. */
export const AUDIT_VERBS: Record<PublishAction, string> = {
  save: 'Mengubah',
  submit: 'Mengirim untuk ditinjau',
  approve: 'Menyetujui dan menerbitkan',
  reject: 'Mengembalikan',
  publish: 'Menerbitkan',
  unpublish: 'Menarik dari situs',
  delete: 'Menghapus',
};
export const AUDIT_SUFFIX: Record<PublishAction, string> = {
  save: 'update',
  submit: 'submit',
  approve: 'approve',
  reject: 'reject',
  publish: 'publish',
  unpublish: 'unpublish',
  delete: 'delete',
};
