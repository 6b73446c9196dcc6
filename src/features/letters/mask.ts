/**
 * Masking of a requester's identity for everything but the letter itself and the officer's reveal: names keep each
 * word's first letter (`Budi Santoso` → `B*** S*****`), identity numbers their last four digits
 * (`6408041203900001` → `************0001`), phone numbers their last three. Pure; the presenters (present.ts) decide
 * which audience gets which.
 */

/** `Budi Santoso` → `B*** S*****`; each word keeps its first letter and its length. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const chars = [...word];
      return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
    })
    .join(' ');
}

/** `6408041203900001` → `************0001` (the same length, last four digits shown). */
export function maskIdNumber(id: string): string {
  const digits = id.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length || 4);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}

/** `081234567890` → `*********890`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 3) return '***';
  return '*'.repeat(digits.length - 3) + digits.slice(-3);
}
