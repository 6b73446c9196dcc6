import { describe, expect, it } from 'vitest';
import { POST_STATUSES, type PostStatus } from '../../src/db/schema';
import { changesPublicPages, isVisible, publicationTime } from '../../src/features/content/workflow';
import {
  availableActions,
  PUBLISH_ACTIONS as POST_ACTIONS,
  transition,
  type PublishAction as PostAction,
  type PublishRights as PostRights,
} from '../../src/publishing/workflow';

const OPERATOR_PENDAMPINGAN: PostRights = { draft: true, publish: false, review: false };
const OPERATOR_MANDIRI: PostRights = { draft: true, publish: true, review: false };
const KECAMATAN_REVIEWER: PostRights = { draft: false, publish: false, review: true };
const DISKOMINFO: PostRights = { draft: true, publish: true, review: true };
const NOBODY: PostRights = { draft: false, publish: false, review: false };

/** Expected target status per (action, from), written independently of the implementation; missing = state conflict. */
const TARGET: Record<PostAction, Partial<Record<PostStatus, PostStatus>>> = {
  save: { draft: 'draft', ditolak: 'draft', terbit: 'terbit' /* menunggu_tinjauan depends on rights */ },
  submit: { draft: 'menunggu_tinjauan', ditolak: 'menunggu_tinjauan' },
  approve: { menunggu_tinjauan: 'terbit' },
  reject: { menunggu_tinjauan: 'ditolak' },
  publish: { draft: 'terbit', ditolak: 'terbit', menunggu_tinjauan: 'terbit' },
  unpublish: { terbit: 'draft' },
  delete: { draft: 'draft', ditolak: 'ditolak', menunggu_tinjauan: 'menunggu_tinjauan' },
};

describe('post transitions', () => {
  it('refuses actions from the wrong state as a conflict, whatever the rights', () => {
    for (const action of POST_ACTIONS) {
      for (const from of POST_STATUSES) {
        const r = transition(action, from, DISKOMINFO);
        if (action === 'save' && from === 'menunggu_tinjauan') {
          expect(r).toEqual({ ok: true, to: 'menunggu_tinjauan' });
          continue;
        }
        const expected = TARGET[action][from];
        if (expected) expect(r, `${action} from ${from}`).toEqual({ ok: true, to: expected });
        else expect(r.ok === false && r.reason, `${action} from ${from}`).toBe('state');
      }
    }
  });

  it('pendampingan operator: drafts and submits, never publishes or reviews', () => {
    expect(transition('submit', 'draft', OPERATOR_PENDAMPINGAN)).toEqual({ ok: true, to: 'menunggu_tinjauan' });
    for (const a of ['publish', 'approve', 'reject'] as const) {
      const r = transition(a, a === 'publish' ? 'draft' : 'menunggu_tinjauan', OPERATOR_PENDAMPINGAN);
      expect(r.ok, a).toBe(false);
      expect(!r.ok && r.reason, a).toBe('right');
    }
    // Editing a live post would publish without review.
    const edit = transition('save', 'terbit', OPERATOR_PENDAMPINGAN);
    expect(!edit.ok && edit.right).toBe('content.publish');
    // Editing a submission withdraws it back to a draft.
    expect(transition('save', 'menunggu_tinjauan', OPERATOR_PENDAMPINGAN)).toEqual({ ok: true, to: 'draft' });
    expect(transition('unpublish', 'terbit', OPERATOR_PENDAMPINGAN).ok).toBe(false);
  });

  it('mandiri operator publishes and unpublishes directly but does not review', () => {
    expect(transition('publish', 'draft', OPERATOR_MANDIRI)).toEqual({ ok: true, to: 'terbit' });
    expect(transition('unpublish', 'terbit', OPERATOR_MANDIRI)).toEqual({ ok: true, to: 'draft' });
    expect(transition('approve', 'menunggu_tinjauan', OPERATOR_MANDIRI).ok).toBe(false);
    expect(availableActions('draft', OPERATOR_MANDIRI)).toEqual(['save', 'publish', 'delete']); // no "submit" for publishers
  });

  it('a kecamatan reviewer approves, rejects and withdraws, but never edits', () => {
    expect(transition('approve', 'menunggu_tinjauan', KECAMATAN_REVIEWER)).toEqual({ ok: true, to: 'terbit' });
    expect(transition('reject', 'menunggu_tinjauan', KECAMATAN_REVIEWER)).toEqual({ ok: true, to: 'ditolak' });
    expect(transition('unpublish', 'terbit', KECAMATAN_REVIEWER)).toEqual({ ok: true, to: 'draft' });
    expect(transition('save', 'draft', KECAMATAN_REVIEWER).ok).toBe(false);
    expect(transition('delete', 'draft', KECAMATAN_REVIEWER).ok).toBe(false);
    expect(availableActions('menunggu_tinjauan', KECAMATAN_REVIEWER)).toEqual(['approve', 'reject']);
  });

  it('nobody without rights can do anything', () => {
    for (const s of POST_STATUSES) expect(availableActions(s, NOBODY), s).toEqual([]);
  });
});

describe('publication time and visibility', () => {
  const now = Date.UTC(2026, 2, 10, 2, 0);
  it('keeps a future schedule, otherwise publishes now', () => {
    expect(publicationTime(now + 60_000, now)).toBe(now + 60_000);
    expect(publicationTime(now - 60_000, now)).toBe(now);
    expect(publicationTime(null, now)).toBe(now);
    expect(publicationTime(undefined, now)).toBe(now);
  });
  it('a scheduled publish changes no public page until it is due', () => {
    const draft = { status: 'draft' as const, publishedAt: null };
    expect(isVisible({ status: 'terbit', publishedAt: now }, now)).toBe(true);
    expect(changesPublicPages(draft, { status: 'terbit', publishedAt: now + 1 }, now)).toBe(false);
    expect(changesPublicPages(draft, { status: 'terbit', publishedAt: now - 1 }, now)).toBe(true);
    expect(changesPublicPages({ status: 'terbit', publishedAt: now - 1 }, draft, now)).toBe(true);
    expect(changesPublicPages(draft, { status: 'menunggu_tinjauan', publishedAt: null }, now)).toBe(false);
  });
});
