// Decimal strings <-> integer minor units, exactly (BigInt, never floats).
import { minorDigits } from './currency';

export type AmountProblem = 'NOT_A_DECIMAL' | 'NOT_POSITIVE' | 'TOO_PRECISE' | 'UNKNOWN_CURRENCY' | 'TOO_LARGE';

export type ParsedAmount = { ok: true; minor: bigint } | { ok: false; problem: AmountProblem };

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
/** Far above any MoMo transaction, well inside what SQLite's 64-bit integers hold. */
const MAX_MINOR = 10n ** 15n;

/** Parses a plain decimal string such as "1234.50" (no signs, separators or exponents). */
export function parseAmount(text: string, currency: string): ParsedAmount {
  const digits = minorDigits(currency);
  if (digits === undefined) return { ok: false, problem: 'UNKNOWN_CURRENCY' };
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, problem: 'NOT_A_DECIMAL' };
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, problem: 'TOO_PRECISE' };
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor === 0n) return { ok: false, problem: 'NOT_POSITIVE' };
  if (minor > MAX_MINOR) return { ok: false, problem: 'TOO_LARGE' };
  return { ok: true, minor };
}

/** Formats minor units as MoMo writes amounts: "1000", "1000.5" → "1000.50" keeps the currency's digits when there is a fraction. */
export function formatAmount(minor: bigint, currency: string): string {
  const digits = minorDigits(currency) ?? 0;
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  const whole = abs / scale;
  const fraction = abs % scale;
  const text = fraction === 0n ? whole.toString() : `${whole}.${fraction.toString().padStart(digits, '0')}`;
  return negative ? `-${text}` : text;
}

/** A decimal string (a balance: zero allowed) for people: "1000000" → "1,000,000.00" in EUR. Anything else is shown as given. */
export function displayAmount(text: string, currency: string): string {
  const digits = minorDigits(currency);
  const match = DECIMAL.exec(text);
  if (digits === undefined || !match || (match[2] ?? '').replace(/0+$/, '').length > digits) return text;
  const whole = BigInt(match[1] ?? '0').toLocaleString('en-US');
  return digits === 0 ? whole : `${whole}.${(match[2] ?? '').padEnd(digits, '0').slice(0, digits)}`;
}
