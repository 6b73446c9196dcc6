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
