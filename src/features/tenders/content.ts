// The content of a package: what the source (SPSE/SiRUP export, a partner system) or the officer says about it,
// normalised into one shape whatever the entry path (admin form, CSV import, partner API). Its hash decides whether a
// write changes anything: the same content never touches the row (no new `updated_at`).
import type { TenderMethod, TenderRow, TenderSource, TenderStatus, TenderType } from '../../db/schema';
import { sha256Hex } from '../../lib/encoding';
import { normalizeSchedule, parseSchedule, type StageWindow, type StatusFacts } from './schedule';

export interface TenderContent {
  source: TenderSource;
  externalCode: string;
  /** Owner region: the regency for SPSE/SiRUP, the village for its procurement. */
  regionCode: string;
  name: string;
  ownerName: string;
  procurementType: TenderType | null;
  method: TenderMethod | null;
  fiscalYear: number | null;
  fundingSource: string;
  pagu: number | null;
  hps: number | null;
  declaredStatus: TenderStatus | null;
  stageLabel: string;
  schedule: StageWindow[];
  plannedFrom: number | null;
  plannedTo: number | null;
  winnerName: string | null;
  contractValue: number | null;
  contractStartAt: number | null;
  contractEndAt: number | null;
  locationText: string;
  /** Regions where the work is carried out (sorted, unique; may be empty). */
  locationCodes: string[];
  lat: number | null;
  lng: number | null;
  sourceUrl: string | null;
  description: string;
}

/** Fills the defaults and puts lists in a canonical order (the hash must not depend on input order). */
export function normalizeContent(c: TenderContent): TenderContent {
  return {
    ...c,
    schedule: normalizeSchedule(c.schedule),
    locationCodes: [...new Set(c.locationCodes)].sort(),
  };
}

/** SHA-256 over every content field in a fixed order. */
export function contentHash(c: TenderContent): Promise<string> {
  const n = normalizeContent(c);
  return sha256Hex(
    JSON.stringify([
      n.source,
      n.externalCode,
      n.regionCode,
      n.name,
      n.ownerName,
      n.procurementType,
      n.method,
      n.fiscalYear,
      n.fundingSource,
      n.pagu,
      n.hps,
      n.declaredStatus,
      n.stageLabel,
      n.schedule.map((w) => [w.stage, w.s, w.e]),
      n.plannedFrom,
      n.plannedTo,
      n.winnerName,
      n.contractValue,
      n.contractStartAt,
      n.contractEndAt,
      n.locationText,
      n.locationCodes,
      n.lat,
      n.lng,
      n.sourceUrl,
      n.description,
    ]),
  );
}

/** The stored content of a row (with its location codes from tender_locations). */
export function contentOfRow(row: TenderRow, locationCodes: readonly string[]): TenderContent {
  return normalizeContent({
    source: row.source,
    externalCode: row.externalCode,
    regionCode: row.regionCode,
    name: row.name,
    ownerName: row.ownerName,
    procurementType: row.procurementType,
    method: row.method,
    fiscalYear: row.fiscalYear,
    fundingSource: row.fundingSource,
    pagu: row.pagu,
    hps: row.hps,
    declaredStatus: row.declaredStatus,
    stageLabel: row.stageLabel,
    schedule: parseSchedule(row.scheduleJson),
    plannedFrom: row.plannedFrom,
    plannedTo: row.plannedTo,
    winnerName: row.winnerName,
    contractValue: row.contractValue,
    contractStartAt: row.contractStartAt,
    contractEndAt: row.contractEndAt,
    locationText: row.locationText,
    locationCodes: [...locationCodes],
    lat: row.lat,
    lng: row.lng,
    sourceUrl: row.sourceUrl,
    description: row.description,
  });
}

/** The row columns that hold the content. */
export function contentColumns(c: TenderContent) {
  const n = normalizeContent(c);
  return {
    regionCode: n.regionCode,
    source: n.source,
    externalCode: n.externalCode,
    name: n.name,
    ownerName: n.ownerName,
    procurementType: n.procurementType,
    method: n.method,
    fiscalYear: n.fiscalYear,
    fundingSource: n.fundingSource,
    pagu: n.pagu,
    hps: n.hps,
    declaredStatus: n.declaredStatus,
    stageLabel: n.stageLabel,
    scheduleJson: JSON.stringify(n.schedule),
    plannedFrom: n.plannedFrom,
    plannedTo: n.plannedTo,
    winnerName: n.winnerName,
    contractValue: n.contractValue,
    contractStartAt: n.contractStartAt,
    contractEndAt: n.contractEndAt,
    locationText: n.locationText,
    lat: n.lat,
    lng: n.lng,
    sourceUrl: n.sourceUrl,
    description: n.description,
  };
}

export function factsOf(c: Pick<TenderContent, keyof StatusFacts>): StatusFacts {
  return {
    declaredStatus: c.declaredStatus,
    schedule: c.schedule,
    winnerName: c.winnerName,
    contractValue: c.contractValue,
    contractStartAt: c.contractStartAt,
    contractEndAt: c.contractEndAt,
  };
}

/** Facts of a stored row, for the schedule job. */
export function factsOfRow(row: TenderRow): StatusFacts {
  return factsOf({ ...row, schedule: parseSchedule(row.scheduleJson) });
}

/** Audit view of a package: identifying and money fields only (packages carry no personal data). */
export function auditShape(c: Pick<TenderContent, 'source' | 'externalCode' | 'name' | 'pagu' | 'hps' | 'winnerName' | 'contractValue'>) {
  return {
    source: c.source,
    code: c.externalCode,
    name: c.name,
    pagu: c.pagu,
    hps: c.hps,
    winner: c.winnerName,
    contract: c.contractValue,
  };
}
