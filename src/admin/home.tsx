import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { candidateRoots } from '../regions/policy';
import { membershipsOfUser } from '../auth/repo';
import { sessionOf } from '../auth/session';
import { attentionFor } from './attention';
import { AdminHomeView } from './home-view';
import { listManagedRegions } from './regions-repo';
import { renderAdmin } from './render';

/** The admin home: "Perlu tindakan" from every registered feature's attention provider, and the officer's regions. */
export function adminHome(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin', async (c) => {
    const s = sessionOf(c);
    const db = c.get('db');
    const [ms, tasks, managed] = await Promise.all([
      membershipsOfUser(db, s.userId),
      attentionFor(c.get('adminShell').attention, { db, now: Date.now() }, s),
      listManagedRegions(db, { roots: candidateRoots(s.memberships, 'dashboard.view'), limit: 25 }),
    ]);
    return renderAdmin(
      c,
      { title: 'Beranda admin', current: '/admin' },
      <AdminHomeView name={s.name} memberships={ms} tasks={tasks} regions={managed.rows} regionsTotal={managed.total} />,
    );
  });

  return app;
}
