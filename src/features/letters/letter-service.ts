/**
 * The letter of a request (HTML/PDF) and its public verification. The letter opens the sealed NIK/KK (it is the one
 * output that prints them); verification shows only what a checker needs, masked.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions, type LetterRequestRow } from '../../db/schema';
import { open } from '../../lib/data-key';
import type { Keyring } from '../../lib/keyring';
import type { LetterDeps } from './actions';
import { buildLetter, type LetterDocument, type LetterRegion } from './letter-model';
import { maskIdNumber, maskName } from './mask';
import { findRequestByVerifyNonce, settingsFor, templateVersion } from './repo';
import { sealContext } from './submit';
import { codeFor, parseVerifyCode, verifyCodeMatches, type LetterBinding } from './verify-code';

export async function letterRegionOf(db: Db, code: string): Promise<LetterRegion & { code: string }> {
  const parts = code.split('.');
  const codes = [parts.slice(0, 2).join('.'), parts.slice(0, 3).join('.'), code];
  const rows = await db.select({ code: regions.code, name: regions.name, level: regions.level }).from(regions).where(inArray(regions.code, codes)).all();
  const by = new Map(rows.map((r) => [r.code, r]));
  const self = by.get(code);
  if (!self) throw new Error(`region ${code} not found`);
  const kab = by.get(codes[0]!);
  const kec = parts.length >= 3 ? by.get(codes[1]!) : undefined;
  return { code, level: self.level, name: self.name, kecamatanName: kec?.name ?? null, kabupatenName: kab?.name ?? 'Kabupaten' };
}

const bindingOf = (row: LetterRequestRow): LetterBinding | null =>
  row.letterNumber && row.numberedAt !== null
    ? { letterId: row.id, letterNumber: row.letterNumber, regionCode: row.regionCode, issuedAt: row.numberedAt }
    : null;

/** `{origin}/verifikasi/{code}` of a numbered letter (the tag is recomputed from its key, never stored). */
export async function verifyUrlOf(keys: Keyring, row: LetterRequestRow, origin: string): Promise<string | null> {
  const binding = bindingOf(row);
  if (!binding || !row.verifyKid || !row.verifyNonce) return null;
  return `${origin}/verifikasi/${await codeFor(keys, row.verifyKid, row.verifyNonce, binding)}`;
}

export async function letterDocument(
  deps: Pick<LetterDeps, 'db' | 'dataKeys' | 'verifyKeys'>,
  row: LetterRequestRow,
  origin: string,
  now: number,
): Promise<LetterDocument> {
  const [template, region] = await Promise.all([templateVersion(deps.db, row.templateId, row.templateVersion), letterRegionOf(deps.db, row.regionCode)]);
  if (!template) throw new Error(`template ${row.templateId} v${row.templateVersion} missing`);
  const [settings, nik, kk, verifyUrl] = await Promise.all([
    settingsFor(deps.db, { code: row.regionCode, level: region.level, name: region.name }),
    open(deps.dataKeys, row.nikSealed, sealContext(row.id, 'nik')),
    open(deps.dataKeys, row.kkSealed, sealContext(row.id, 'kk')),
    verifyUrlOf(deps.verifyKeys, row, origin),
  ]);
  return buildLetter({ request: row, template, settings, region, identity: { nik, kk }, verifyUrl, now });
}

export type VerificationState = 'valid' | 'dicabut' | 'tidak_dikenal';

/** What a checker sees: enough to compare with the paper in hand, nothing more. */
export interface VerificationView {
  state: VerificationState;
  letter?: {
    type: string;
    number: string;
    region: string;
    issuedAt: number;
    signatory: string;
    signatoryPosition: string;
    applicantName: string;
    applicantNik: string;
    revokedAt: number | null;
    revokeReason: string | null;
  };
}

/**
 * Verification of a code from a QR scan or typed by hand. Anything not made by this portal for a finished letter —
 * malformed, unknown nonce, wrong tag, altered letter, unsigned or cancelled letter — is `tidak_dikenal`.
 */
export async function verifyLetter(deps: Pick<LetterDeps, 'db' | 'dataKeys' | 'verifyKeys'>, input: string): Promise<VerificationView> {
  const unknown: VerificationView = { state: 'tidak_dikenal' };
  const code = parseVerifyCode(input);
  if (!code) return unknown;
  const row = await findRequestByVerifyNonce(deps.db, code.nonce);
  const binding = row ? bindingOf(row) : null;
  if (!row || !binding || row.verifyKid !== code.kid || row.status !== 'selesai') return unknown;
  if (!(await verifyCodeMatches(deps.verifyKeys, code, binding))) return unknown;
  const [template, region, nik] = await Promise.all([
    templateVersion(deps.db, row.templateId, row.templateVersion),
    deps.db.select({ name: regions.name, level: regions.level }).from(regions).where(eq(regions.code, row.regionCode)).get(),
    open(deps.dataKeys, row.nikSealed, sealContext(row.id, 'nik')),
  ]);
  return {
    state: row.revokedAt !== null ? 'dicabut' : 'valid',
    letter: {
      type: template?.title ?? row.templateId,
      number: binding.letterNumber,
      region: region
        ? `${{ kabupaten: 'Kabupaten', kecamatan: 'Kecamatan', desa: 'Desa', kelurahan: 'Kelurahan' }[region.level]} ${region.name}`
        : row.regionCode,
      issuedAt: binding.issuedAt,
      signatory: row.signatoryName ?? '',
      signatoryPosition: row.signatoryPosition ?? '',
      applicantName: maskName(row.applicantName),
      applicantNik: maskIdNumber(nik),
      revokedAt: row.revokedAt,
      revokeReason: row.revokedAt !== null ? row.revokeReason : null,
    },
  };
}
