-- Every scheduled job run records how many D1 queries and KV operations it made (src/lib/binding-counter.ts), the
-- figures `npm run bench -- --volume` reports against the budget of 1,000 each per run. NULL on older runs.
ALTER TABLE job_runs ADD COLUMN d1_queries INTEGER;
ALTER TABLE job_runs ADD COLUMN kv_ops INTEGER;
