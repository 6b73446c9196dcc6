-- The deployment watched (issue 18): every scheduled job's runs (the dispatcher in src/jobs/index.ts records them;
-- monitoring keeps its own detailed monitoring_runs) and the storage census of the daily job.
CREATE TABLE job_runs (
  id TEXT PRIMARY KEY NOT NULL,
  job TEXT NOT NULL,                              -- ScheduledJob.name
  schedule TEXT NOT NULL CHECK (schedule IN ('daily', 'hourly')),
  cron TEXT NOT NULL,
  scheduled_at INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  status TEXT NOT NULL CHECK (status IN ('berjalan', 'selesai', 'gagal')),
  error TEXT                                      -- short message for operators; never personal data
);
CREATE INDEX job_runs_job ON job_runs (job, started_at DESC);
CREATE INDEX job_runs_status ON job_runs (status, started_at DESC);

-- Storage sizes measured by the daily census (R2 per key prefix, D1 database size, row counts of large tables).
CREATE TABLE storage_census (
  item TEXT PRIMARY KEY NOT NULL,                 -- 'r2:docs/', 'r2:public/', 'd1:size', 'd1:rows:audit_log' …
  count INTEGER NOT NULL,                         -- objects or rows (0 for the database size)
  bytes INTEGER NOT NULL,
  complete INTEGER NOT NULL DEFAULT 1,            -- 0 when the census stopped at its listing budget (a lower bound)
  measured_at INTEGER NOT NULL
);
