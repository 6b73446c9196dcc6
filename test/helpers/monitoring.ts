import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../src/index';

const uid = (p: string) => `${p}${crypto.randomUUID().replace(/-/g, '')}`.toUpperCase().slice(0, 26);

export const DAILY = '0 17 * * *';
export const HOURLY = '5 * * * *';

/** Runs the worker's scheduled() handler like the cron trigger does, and waits for its waitUntil work. */
export async function runCron(cron: string, scheduledTime: number): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** 'YYYY-MM-DD HH:MM' in WITA → epoch ms. */
export function wita(s: string): number {
  return Date.parse(`${s.replace(' ', 'T')}:00+08:00`);
}

export async function insertDocument(d: {
  regionCode: string;
  category: string;
  year: number;
  title?: string;
  at: number;
  infoCategory?: string;
  deleted?: boolean;
  version?: number;
}) {
  const id = uid('DOC');
  await env.DB.prepare(
    `INSERT INTO documents (id, region_code, title, category, year, info_category, current_version, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      d.regionCode,
      d.title ?? `${d.category.toUpperCase()} ${d.year}`,
      d.category,
      d.year,
      d.infoCategory ?? 'berkala',
      d.version ?? 1,
      d.at,
      d.at,
      d.deleted ? d.at : null,
    )
    .run();
  return id;
}

export async function insertComplaint(c: {
  regionCode: string;
  status?: string;
  receivedAt: number;
  dueAt: number | null;
  onTime?: boolean;
  updatedAt?: number;
}) {
  const id = uid('CMP');
  const ticket = `ADU-${id.slice(-8, -4)}-${id.slice(-4)}`;
  await env.DB.prepare(
    `INSERT INTO complaints (id, ticket, region_code, origin_region_code, classification, category_id, title, description, secret_hash, status,
       received_at, verify_due_at, due_at, on_time, created_at, updated_at, reporter_name, reporter_phone)
     VALUES (?, ?, ?, ?, 'pengaduan', 'infrastruktur', 'Jalan rusak di depan rumah Pak Rahmat', 'Deskripsi', 'x', ?, ?, ?, ?, ?, ?, ?,
       'Rahmat Hidayat', '081234567890')`,
  )
    .bind(
      id,
      ticket,
      c.regionCode,
      c.regionCode,
      c.status ?? 'diterima',
      c.receivedAt,
      c.dueAt ?? c.receivedAt,
      c.dueAt,
      c.onTime === false ? 0 : 1,
      c.receivedAt,
      c.updatedAt ?? c.receivedAt,
    )
    .run();
  return { id, ticket };
}

export async function insertInfoRequest(r: { regionCode: string; status?: string; registeredAt: number; dueAt: number; answeredAt?: number }) {
  const id = uid('REQ');
  const number = `PPID-${id.slice(-8, -4)}-${id.slice(-4)}`;
  await env.DB.prepare(
    `INSERT INTO info_requests (id, region_code, number, code_hash, status, requester_type, requester_name, requester_address, requester_occupation,
       identity_type, identity_last4, information, purpose, obtain_method, registered_at, original_due_at, due_at, answered_at, created_at, updated_at)
     VALUES (?, ?, ?, 'h', ?, 'perorangan', 'Siti Aminah', 'Jl. Mawar 3', 'Guru', 'ktp', '1234', 'Data APBDes', 'Penelitian', 'melihat',
       ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      id,
      r.regionCode,
      number,
      r.status ?? 'diterima',
      r.registeredAt,
      r.dueAt,
      r.dueAt,
      r.answeredAt ?? null,
      r.registeredAt,
      r.answeredAt ?? r.registeredAt,
    )
    .run();
  return { id, number };
}

export async function insertFixedPage(regionCode: string, slug: string, publishedAt: number) {
  const id = uid('PG');
  await env.DB.prepare(
    `INSERT INTO posts (id, region_code, kind, slug, title, status, published_at, created_at, updated_at) VALUES (?, ?, 'halaman', ?, ?, 'terbit', ?, ?, ?)`,
  )
    .bind(id, regionCode, slug, slug, publishedAt, publishedAt, publishedAt)
    .run();
  return id;
}

export interface FlagRow {
  id: string;
  region_code: string;
  kind: string;
  flag_key: string;
  state: string;
  audience_code: string;
  source: string | null;
  title: string;
  href: string;
  subject_at: number | null;
  opened_at: number;
  updated_at: number;
  resolved_at: number | null;
}

export async function allFlags(kind?: string): Promise<FlagRow[]> {
  const q = kind
    ? env.DB.prepare('SELECT * FROM monitoring_flags WHERE kind = ? ORDER BY region_code, flag_key, opened_at').bind(kind)
    : env.DB.prepare('SELECT * FROM monitoring_flags ORDER BY region_code, flag_key, opened_at');
  return (await q.all<FlagRow>()).results;
}

export async function openFlags(regionCode: string, kind?: string): Promise<FlagRow[]> {
  return (await allFlags(kind)).filter((f) => f.region_code === regionCode && f.resolved_at === null);
}

export interface StatusRow {
  region_code: string;
  freshness: string | null;
  last_content_at: number | null;
  fresh_since: number | null;
  checklist_total: number | null;
  checklist_done: number | null;
  deadlines_near: number | null;
  deadlines_overdue: number | null;
  deadlines_long_overdue: number | null;
  deadlines_closed: number | null;
  deadlines_closed_on_time: number | null;
  on_time_since: number | null;
  score: number | null;
  rollup_score: number | null;
}

export async function statusOf(code: string): Promise<StatusRow | null> {
  return env.DB.prepare('SELECT * FROM monitoring_region_status WHERE region_code = ?').bind(code).first<StatusRow>();
}

export interface RunRow {
  id: string;
  job: string;
  trigger: string;
  cron: string | null;
  triggered_by: string | null;
  scheduled_at: number;
  started_at: number;
  finished_at: number | null;
  status: string;
  counts_json: string;
  error: string | null;
}

export async function runs(job?: string): Promise<RunRow[]> {
  const q = job
    ? env.DB.prepare('SELECT * FROM monitoring_runs WHERE job = ? ORDER BY started_at, id').bind(job)
    : env.DB.prepare('SELECT * FROM monitoring_runs ORDER BY started_at, id');
  return (await q.all<RunRow>()).results;
}

export const countsOf = (r: RunRow) => JSON.parse(r.counts_json) as Record<string, number>;
