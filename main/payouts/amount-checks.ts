// Amounts as people type them, into integer minor units. Thousands separators
// and a decimal comma are accepted only where they cannot mean anything else.
import { parseAmount, type AmountProblem } from '../money/amount';
import type { Check } from './party-checks';

export function checkAmount(raw: string, currency: string, delimiter: string, maxRowMinor: bigint | null): Check<bigint> {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, code: 'AMOUNT_MISSING', reason: 'no amount' };
  // Spaces group thousands only before the decimal mark: "1.000 000" is not a number anyone means.
  if (/[.,]\d*[\u00a0\u202f ]/.test(trimmed)) return { ok: false, code: 'AMOUNT_FORMAT', reason: `"${trimmed}" is not an amount` };
  const text = trimmed.replace(/[\u00a0\u202f ](?=\d{3}\b)/g, '');
  const normalised = normalise(text, delimiter);
  if (!normalised.ok) return normalised;
  const parsed = parseAmount(normalised.value, currency);
  if (!parsed.ok) return { ok: false, code: AMOUNT_PROBLEM_CODES[parsed.problem], reason: amountProblemReason(parsed.problem, raw.trim(), currency) };
  if (maxRowMinor !== null && parsed.minor > maxRowMinor) return { ok: false, code: 'AMOUNT_OVER_LIMIT', reason: `${raw.trim()} is above this profile's limit per payment` };
  return { ok: true, value: parsed.minor };
}

const AMOUNT_PROBLEM_CODES: Record<AmountProblem, string> = {
  TOO_PRECISE: 'AMOUNT_PRECISION',
  NOT_POSITIVE: 'AMOUNT_NOT_POSITIVE',
  TOO_LARGE: 'AMOUNT_TOO_LARGE',
  UNKNOWN_CURRENCY: 'CURRENCY_UNKNOWN',
  NOT_A_DECIMAL: 'AMOUNT_FORMAT',
};

/** Why an amount is refused, in words, wherever it was typed (a CSV cell, a form). */
export function amountProblemReason(problem: AmountProblem, text: string, currency: string): string {
  switch (problem) {
    case 'TOO_PRECISE':
      return `"${text}" has more decimals than ${currency} allows`;
    case 'NOT_POSITIVE':
      return 'the amount must be above zero';
    case 'TOO_LARGE':
      return `"${text}" is far larger than any payment`;
    case 'UNKNOWN_CURRENCY':
      return `"${currency}" is not a currency code`;
    case 'NOT_A_DECIMAL':
      return `"${text}" is not an amount`;
  }
}

function normalise(text: string, delimiter: string): Check<string> {
  const ambiguous = (): Check<string> => ({ ok: false, code: 'AMOUNT_AMBIGUOUS', reason: `"${text}" could be read two ways; write it as 1000.50 (no thousands separator, a point for decimals)` });
  if (/^\d+$/.test(text)) return { ok: true, value: text };
  const hasComma = text.includes(',');
  const hasDot = text.includes('.');
  if (hasComma && hasDot) {
    // Both: the last one is the decimal mark, the other groups thousands.
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const match = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+\\${decimal}\\d+$`).exec(text);
    return match ? { ok: true, value: text.split(group).join('').replace(decimal, '.') } : { ok: false, code: 'AMOUNT_FORMAT', reason: `"${text}" is not an amount` };
  }
  const mark = hasComma ? ',' : hasDot ? '.' : null;
  if (mark === null) return { ok: false, code: 'AMOUNT_FORMAT', reason: `"${text}" is not an amount` };
  const parts = text.split(mark);
  if (!parts.every((p) => /^\d+$/.test(p))) return { ok: false, code: 'AMOUNT_FORMAT', reason: `"${text}" is not an amount` };
  if (parts.length > 2) {
    // 1,000,000 or 1.000.000: only grouping can repeat.
    return parts.slice(1).every((p) => p.length === 3) && (parts[0]?.length ?? 0) <= 3 ? { ok: true, value: parts.join('') } : { ok: false, code: 'AMOUNT_FORMAT', reason: `"${text}" is not an amount` };
  }
  const after = parts[1] ?? '';
  // 1,000 or 1.000: a thousand, or one with three decimals.
  if (after.length === 3) return ambiguous();
  if (mark === '.') return { ok: true, value: text };
  // A decimal comma only where commas do not separate columns.
  return delimiter === ',' ? ambiguous() : { ok: true, value: parts.join('.') };
}
