import { describe, expect, it } from 'vitest';
import { displayAmount, formatAmount, parseAmount } from '../../../main/money/amount';

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

  it('shows a balance for people: grouped, with the currency\'s digits, zero allowed', () => {
    expect(displayAmount('1000000', 'EUR')).toBe('1,000,000.00');
    expect(displayAmount('0', 'EUR')).toBe('0.00');
    expect(displayAmount('1234.5', 'EUR')).toBe('1,234.50');
    expect(displayAmount('25000', 'UGX')).toBe('25,000');
    expect(displayAmount('12.345', 'EUR')).toBe('12.345');
    expect(displayAmount('n/a', 'EUR')).toBe('n/a');
  });
});
