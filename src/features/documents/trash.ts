import { and, eq, isNotNull } from 'drizzle-orm';
import { documents } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { publishRights } from '../../publishing/rights';
import { restoreFields, restoreRefusal } from '../../publishing/trash';
import { authorize } from '../../regions/guard';
import type { ActionContext } from '../../auth/actor';
import { auditInsert } from '../../audit/log';
import { findDeletedDocument } from './repo';
import type { DocumentDeps } from './service';

const notInTrash = () => new AppError('not_found', 'Dokumen tidak ada di Sampah.');

/** Brings a document back from the trash as a draft with all its versions (404 outside the actor's regions). */
export async function restoreDocument(deps: DocumentDeps, id: string, ctx: ActionContext): Promise<void> {
  const { db } = deps;
  const found = await findDeletedDocument(db, id);
  if (!found) throw notInTrash();
  const region = await authorize(db, ctx.actor, 'dashboard.view', found.doc.regionCode).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') throw notInTrash();
    throw err;
  });
  const refusal = restoreRefusal(publishRights(ctx.actor, region), 'dokumen');
  if (refusal) throw new AppError('forbidden', refusal);
  const [res] = await db.batch([
    db
      .update(documents)
      .set(restoreFields(ctx))
      .where(and(eq(documents.id, id), isNotNull(documents.deletedAt))),
    auditInsert(db, ctx, {
      action: 'document.restore',
      regionCode: found.doc.regionCode,
      entityType: 'document',
      entityId: id,
      summary: `Memulihkan dokumen “${found.doc.title}” dari Sampah sebagai draf`,
      after: { status: 'draft' },
    }),
  ]);
  if (res.meta.changes === 0) throw new AppError('conflict', 'Dokumen ini baru saja dipulihkan orang lain.');
}
