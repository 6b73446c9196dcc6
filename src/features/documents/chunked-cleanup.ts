import { createDb } from '../../db/client';
import type { ScheduledJob } from '../descriptor';
import { expiredSessions, keysUsedByVersions } from './chunked-repo';
import { removeUpload } from './chunked-service';

/** Sessions handled per run (each is one R2 call and one D1 batch); what is left waits for the next day. */
const CLEANUP_BATCH = 200;

/**
 * Daily: chunked uploads past their expiry are given up: an open one's R2 multipart upload is aborted, a completed
 * file no document took is deleted, and the records go. A session left 'used' (the worker stopped between claiming
 * the upload and writing the document) keeps its file only when a document version points to it.
 */
export const uploadCleanupJob: ScheduledJob = {
  name: 'stale chunked uploads',
  schedule: 'daily',
  async run(controller, env) {
    const db = createDb(env.DB);
    const rows = await expiredSessions(db, controller.scheduledTime, CLEANUP_BATCH);
    const used = await keysUsedByVersions(
      db,
      rows.filter((r) => r.status === 'used').map((r) => r.r2Key),
    );
    let failed = 0;
    for (const row of rows) {
      await removeUpload({ db, env }, row, used.has(row.r2Key)).catch((err: unknown) => {
        failed += 1;
        console.error(JSON.stringify({ msg: 'upload cleanup failed', upload: row.id, err: String(err) }));
      });
    }
    console.log(JSON.stringify({ msg: 'upload cleanup', removed: rows.length - failed, failed }));
    return failed ? { failed: `${failed} unggahan kedaluwarsa gagal dibersihkan` } : undefined;
  },
};
