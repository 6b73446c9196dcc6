import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Operations records (migrations/0042_job_runs.sql): every scheduled job's runs and the storage census. */
export const JOB_SCHEDULES = ['daily', 'hourly'] as const;
export const JOB_RUN_STATUSES = ['berjalan', 'selesai', 'gagal'] as const;

export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: text('id').primaryKey(),
    job: text('job').notNull(),
    schedule: text('schedule', { enum: JOB_SCHEDULES }).notNull(),
    cron: text('cron').notNull(),
    scheduledAt: integer('scheduled_at').notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    status: text('status', { enum: JOB_RUN_STATUSES }).notNull(),
    error: text('error'),
    /** D1 queries and KV operations the run made (migrations/0080_job_run_counts.sql); NULL on older runs. */
    d1Queries: integer('d1_queries'),
    kvOps: integer('kv_ops'),
  },
  (t) => [index('job_runs_job').on(t.job, t.startedAt), index('job_runs_status').on(t.status, t.startedAt)],
);

export const storageCensus = sqliteTable('storage_census', {
  item: text('item').primaryKey(),
  count: integer('count').notNull(),
  bytes: integer('bytes').notNull(),
  complete: integer('complete', { mode: 'boolean' }).notNull().default(true),
  measuredAt: integer('measured_at').notNull(),
});

export type JobRunRow = typeof jobRuns.$inferSelect;
export type StorageCensusRow = typeof storageCensus.$inferSelect;
