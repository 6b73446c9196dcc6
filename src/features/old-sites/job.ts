import type { Actor } from '../../auth/actor';
import { createDb } from '../../db/client';
import { memberships, users } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { importTargetsOf, type ScheduledJob } from '../descriptor';
import { unfinishedJobs } from './repo';
import { runImportChunk } from './run';

/** Chunks the hourly job runs per import (an import left running in a closed browser tab still finishes). */
const CHUNKS_PER_RUN = 5;

/**
 * Imports left running continue every hour as the officer who started them (with that officer's current rights: a
 * deactivated or demoted account's import stops with its items reported as refused).
 */
export const continueImportsJob: ScheduledJob = {
  name: 'impor situs lama',
  schedule: 'hourly',
  async run(controller, env, registry) {
    const db = createDb(env.DB);
    const targets = importTargetsOf(registry);
    const failures: string[] = [];
    for (const job of await unfinishedJobs(db)) {
      const user = await db.select().from(users).where(eq(users.id, job.createdBy)).get();
      if (!user?.isActive) {
        failures.push(`impor ${job.id}: akun pengimpor tidak aktif`);
        continue;
      }
      const ms = await db.select({ role: memberships.role, regionCode: memberships.regionCode }).from(memberships).where(eq(memberships.userId, user.id)).all();
      const actor: Actor = { kind: 'user', id: user.id, name: user.name, username: user.username, memberships: ms };
      for (let i = 0; i < CHUNKS_PER_RUN; i++) {
        try {
          const after = await runImportChunk({ db, env, fetch: (u, init) => fetch(u, init), targets }, job.id, {
            actor,
            requestId: null,
            now: controller.scheduledTime,
          });
          if (after.status !== 'berjalan' || (after.leaseUntil ?? 0) > Date.now()) break;
        } catch (err) {
          failures.push(`impor ${job.id}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 200));
          break;
        }
      }
    }
    return failures.length ? { failed: failures.join('; ') } : undefined;
  },
};
