// Procurement packages for tests: written through the feature's own store (the same statements as every entry path).
import { env } from 'cloudflare:test';
import { SYSTEM_ACTOR } from '../../src/auth/actor';
import { purgeRegionPages } from '../../src/cache/purge';
import { createDb } from '../../src/db/client';
import type { TenderContent } from '../../src/features/tenders/content';
import { planUpsert, runBatched } from '../../src/features/tenders/store';
import type { PublishStatus } from '../../src/publishing/workflow';
import { formBody, loginAs } from './auth';
import { ORIGIN } from './http';
import { SELF } from './worker';

let counter = 0;

export const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>"'&`;

/** A package's content with sensible defaults (a regency SPSE tender unless told otherwise). */
export function tenderContent(over: Partial<TenderContent> = {}): TenderContent {
  counter += 1;
  return {
    source: 'spse',
    externalCode: `UJI${Date.now().toString(36)}${counter}`,
    regionCode: '64.08',
    name: `Paket uji ${counter}`,
    ownerName: 'DINAS PEKERJAAN UMUM DAN PENATAAN RUANG',
    procurementType: 'pekerjaan_konstruksi',
    method: 'tender',
    fiscalYear: 2026,
    fundingSource: 'APBD',
    pagu: 1_250_000_000,
    hps: null,
    declaredStatus: null,
    stageLabel: '',
    schedule: [],
    plannedFrom: null,
    plannedTo: null,
    winnerName: null,
    contractValue: null,
    contractStartAt: null,
    contractEndAt: null,
    locationText: '',
    locationCodes: [],
    lat: null,
    lng: null,
    sourceUrl: null,
    description: '',
    ...over,
  };
}

/** Inserts a package (published unless told otherwise) and purges its pages like a real write. */
export async function insertTender(content: TenderContent, opts: { publishStatus?: PublishStatus; now?: number } = {}): Promise<string> {
  const db = createDb(env.DB);
  const planned = await planUpsert(db, { actor: SYSTEM_ACTOR, requestId: null, now: opts.now ?? Date.now() }, content, null, {
    publishStatus: opts.publishStatus ?? 'terbit',
  });
  await runBatched(db, planned.statements);
  for (const code of planned.purgeCodes) await purgeRegionPages({ db, env }, code);
  return planned.id;
}

export async function tenderRow(id: string) {
  return env.DB.prepare('SELECT * FROM tenders WHERE id = ?').bind(id).first<{
    status: string;
    publish_status: string;
    updated_at: number;
    content_hash: string;
    update_due_at: number | null;
    region_code: string;
    deleted_at: number | null;
  }>();
}

/** A partner system registered by Diskominfo at /admin/mitra, and its bearer token. */
export async function partnerToken(scopes: string[]): Promise<string> {
  const admin = await loginAs([['diskominfo', '64.08']]);
  const html = await (await admin.post('/admin/mitra', { name: `Konektor SPSE ${crypto.randomUUID().slice(0, 6)}`, scopes })).text();
  const clientId = /(mitra_[a-z0-9]{16})/.exec(html)![1]!;
  const secret = /(pks_[A-Za-z0-9_-]{20,})/.exec(html)![1]!;
  const res = await SELF.fetch(`${ORIGIN}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}
