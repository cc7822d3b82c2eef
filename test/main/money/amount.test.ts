import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../../../main/money/amount';

describe('amounts', () => {
  it.each([
    ['100', 'EUR', 10000n],
    ['100.5', 'EUR', 10050n],
    ['100.50', 'EUR', 10050n],
    ['0.01', 'EUR', 1n],
    ['1.100', 'EUR', 110n],
    ['5000', 'UGX', 5000n],
    ['5000.0', 'UGX', 5000n],
    ['999999999999999', 'UGX', 999999999999999n],
  ])('parses %s %s exactly', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ['', 'EUR', 'NOT_A_DECIMAL'],
    ['-1', 'EUR', 'NOT_A_DECIMAL'],
    ['1e3', 'EUR', 'NOT_A_DECIMAL'],
    ['1,000', 'EUR', 'NOT_A_DECIMAL'],
    [' 1', 'EUR', 'NOT_A_DECIMAL'],
    ['.5', 'EUR', 'NOT_A_DECIMAL'],
    ['0', 'EUR', 'NOT_POSITIVE'],
    ['0.00', 'EUR', 'NOT_POSITIVE'],
    ['0.001', 'EUR', 'TOO_PRECISE'],
    ['10.5', 'UGX', 'TOO_PRECISE'],
    ['1', 'XYZ', 'UNKNOWN_CURRENCY'],
    ['10000000000000000', 'UGX', 'TOO_LARGE'],
  ])('refuses %j in %s as %s', (text, currency, problem) => {
    expect(parseAmount(text, currency)).toEqual({ ok: false, problem });
  });

  it('formats minor units back without losing a cent', () => {
    expect(formatAmount(10000n, 'EUR')).toBe('100');
    expect(formatAmount(10050n, 'EUR')).toBe('100.50');
    expect(formatAmount(1n, 'EUR')).toBe('0.01');
    expect(formatAmount(-250n, 'EUR')).toBe('-2.50');
    expect(formatAmount(5000n, 'UGX')).toBe('5000');
  });
});
