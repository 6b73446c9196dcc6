import { Hono } from 'hono';
import { renderAdmin } from '../../admin/render';
import { sessionOf } from '../../auth/session';
import type { AppEnv } from '../../env';
import { AppError } from '../../lib/errors';
import { lastRuns, recordedJobNames } from '../../lib/job-runs';
import { DAY_MS } from '../../lib/time';
import { candidateRoots } from '../../regions/policy';
import { allJobsOf, queuedWorkOf, type Registry } from '../descriptor';
import { failedPurges, storageRows } from './repo';
import { type JobLine, StatusView } from './views';

/** `/admin/status` (Diskominfo): job runs, failed purges, queued work and storage, from the portal's own records. */
export function statusRoutes(registry: Registry): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/admin/status', async (c) => {
    if (candidateRoots(sessionOf(c).memberships, 'system.status').length === 0) throw new AppError('not_found');
    const db = c.get('db');
    const now = Date.now();
    const registered = allJobsOf(registry);
    // Jobs outside the registry (the core jobs of src/jobs) appear once they have run.
    const names = [...new Set([...registered.map((j) => j.name), ...(await recordedJobNames(db, now - 30 * DAY_MS))])];
    const [last, purges, queued, storage] = await Promise.all([
      lastRuns(db, names),
      failedPurges(db),
      Promise.all(queuedWorkOf(registry).map((source) => source(db))).then((lists) => lists.flat()),
      storageRows(db),
    ]);
    const jobs: JobLine[] = names.map((name) => ({
      name,
      schedule: registered.find((j) => j.name === name)?.schedule ?? last.get(name)?.schedule ?? null,
      last: last.get(name),
    }));
    c.header('Cache-Control', 'no-store');
    return renderAdmin(c, { title: 'Status sistem', current: '/admin/status' }, <StatusView jobs={jobs} purges={purges} queued={queued} storage={storage} />);
  });
  return app;
}
