/**
 * Rupiah formatting: 'Rp 1.250.000.000' (dot thousands separators, no decimals), negatives as '-Rp 5.000'.
 * Fractional numbers are rounded half away from zero. Independent of Intl/locale data on the host.
 */
export function formatRupiah(amount: number | bigint): string {
  let negative: boolean;
  let digits: string;
  if (typeof amount === 'bigint') {
    negative = amount < 0n;
    digits = (negative ? -amount : amount).toString();
  } else {
    if (typeof amount !== 'number' || !Number.isFinite(amount)) {
      throw new RangeError(`formatRupiah: invalid amount ${String(amount)}`);
    }
    const rounded = Math.round(Math.abs(amount));
    negative = amount < 0 && rounded !== 0; // never '-Rp 0'
    digits = BigInt(rounded).toString(); // BigInt avoids exponent notation for huge values
  }
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}Rp ${grouped}`;
}

export type RupiahParse = { ok: true; value: number } | { ok: false; message: string };

const ABBREVIATED = /\d\s*(t|triliun|m|miliar|milyar|jt|juta|rb|ribu|k)\.?$/i;
const PATTERNS: Array<{ re: RegExp; thousands: string; decimal: string }> = [
  { re: /^\d+$/, thousands: '', decimal: '' },
  { re: /^\d{1,3}(\.\d{3})+(,\d+)?$/, thousands: '.', decimal: ',' }, // 1.250.000.000 / 1.250.000.000,00
  { re: /^\d+,\d{1,2}$/, thousands: '', decimal: ',' }, // 1250000000,00
  { re: /^\d{1,3}(,\d{3})+(\.\d+)?$/, thousands: ',', decimal: '.' }, // 1,250,000,000.00 (English-locale export)
  { re: /^\d+\.\d{1,2}$/, thousands: '', decimal: '.' }, // 1250000000.00
];

/**
 * Reads an amount as Indonesian forms and procurement exports write it, into integer Rupiah: `1250000000`,
 * `1.250.000.000`, `Rp 1.250.000.000,00`, `Rp. 1.250.000.000`, and the English-locale `1,250,000,000.00`. Sen are
 * rounded half away from zero. Abbreviations such as `1,25 M` or `450 Jt` are refused: they are rounded for display and
 * would store a wrong amount. Returns null for an empty text.
 */
export function parseRupiah(text: string): RupiahParse | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/^(rp\.?|idr)\s*/i, '')
    .replace(/\s+/g, '');
  if (cleaned === '') return null;
  const shown = text.trim().slice(0, 40);
  if (ABBREVIATED.test(cleaned)) {
    return { ok: false, message: `Nilai disingkat (“${shown}”) tidak tepat. Tulis angka lengkap, mis. 1.250.000.000.` };
  }
  if (/^[-(]/.test(cleaned)) return { ok: false, message: 'Nilai rupiah tidak boleh negatif.' };
  const pattern = PATTERNS.find((p) => p.re.test(cleaned));
  if (!pattern) return { ok: false, message: `Nilai rupiah tidak dapat dibaca (“${shown}”). Tulis angka, mis. 1.250.000.000.` };
  const [whole = '', fraction = ''] = (pattern.thousands ? cleaned.split(pattern.thousands).join('') : cleaned).split(pattern.decimal || '\u0000');
  const value = Number(whole) + (fraction && Number(`0.${fraction}`) >= 0.5 ? 1 : 0);
  if (!Number.isSafeInteger(value)) return { ok: false, message: 'Nilai rupiah terlalu besar.' };
  return { ok: true, value };
}
