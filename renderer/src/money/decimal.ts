// Amounts are decimal strings end to end: these compare them digit by digit,
// never through a float.
const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;

/** "5000", "250.50": what the contract accepts as an amount. */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** A decimal greater than zero. */
export function isPositiveDecimal(text: string): boolean {
  return isDecimal(text) && /[1-9]/.test(text);
}

/** The amount in millionths, exact: "25.5" → 25500000n. */
function scaled(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

/** -1, 0 or 1, as a is less than, equal to or more than b (both valid decimals). */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const x = scaled(a);
  const y = scaled(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether two typed amounts are the same amount ("25" and "25.00" are). */
export function sameAmount(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  return isDecimal(x) && isDecimal(y) && compareDecimals(x, y) === 0;
}
