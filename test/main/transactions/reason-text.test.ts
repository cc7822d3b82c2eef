// The sentences support agents read aloud: one for every code MTN defines,
// each a plain sentence, and a fallback that still names what MoMo said.
import { describe, expect, it } from 'vitest';
import { REASON_TEXTS, reasonText } from '../../../main/transactions/reason-text';
import { MOMO_REASON_CODES } from '../../fixtures/momo-reason-codes';

describe('REASON_TEXTS', () => {
  it('has a sentence for every code in MTN\'s specs', () => {
    const missing = MOMO_REASON_CODES.filter((code) => !Object.hasOwn(REASON_TEXTS, code));
    expect(missing).toEqual([]);
  });

  it('has no codes the fixture does not list, so the fixture stays the one list', () => {
    expect(Object.keys(REASON_TEXTS).sort()).toEqual([...MOMO_REASON_CODES]);
  });

  it('keeps the fixture sorted and free of repeats', () => {
    expect([...new Set(MOMO_REASON_CODES)].sort()).toEqual([...MOMO_REASON_CODES]);
  });

  it.each(Object.entries(REASON_TEXTS))('%s reads as one plain sentence', (code, sentence) => {
    expect(sentence.trim()).not.toBe('');
    expect(sentence).toMatch(/^[A-Z]/);
    expect(sentence).toMatch(/\.$/);
    expect(sentence).not.toContain(code);
    expect(sentence).not.toContain('_');
  });

  it('says who was short of money for both collections and payouts', () => {
    expect(REASON_TEXTS.NOT_ENOUGH_FUNDS).toMatch(/customer/);
    expect(REASON_TEXTS.NOT_ENOUGH_FUNDS).toMatch(/ours/);
  });
});

describe('reasonText', () => {
  it('returns null when there is no code', () => {
    expect(reasonText(null)).toBeNull();
    expect(reasonText(undefined)).toBeNull();
    expect(reasonText('')).toBeNull();
    expect(reasonText('   ', 'some message')).toBeNull();
  });

  it('gives the sentence for a known code', () => {
    expect(reasonText('PAYEE_NOT_FOUND')).toBe('The number receiving the money has no MoMo account, so nothing was paid.');
    expect(reasonText('NOT_ENOUGH_FUNDS', 'The payer does not have enough funds.')).toBe(REASON_TEXTS.NOT_ENOUGH_FUNDS);
  });

  it('finds codes whatever their case, spacing or trailing dot', () => {
    const sentence = REASON_TEXTS.PAYEE_NOT_FOUND;
    expect(reasonText('payee_not_found')).toBe(sentence);
    expect(reasonText('  Payee Not  Found ')).toBe(sentence);
    expect(reasonText('payee-not-found')).toBe(sentence);
    expect(reasonText('login_failed')).toBe(REASON_TEXTS.LOGIN_FAILED);
    // remittance.json's own spelling
    expect(reasonText('TRANSACTION_CANCELED.')).toBe(REASON_TEXTS.TRANSACTION_CANCELED);
  });

  it('names an unknown code, with MoMo\'s message when there is one', () => {
    expect(reasonText('SOMETHING_NEW')).toBe('MoMo gave the reason "SOMETHING_NEW".');
    expect(reasonText('SOMETHING_NEW', 'It broke.')).toBe('MoMo gave the reason "SOMETHING_NEW": It broke.');
    expect(reasonText(' odd code ', null)).toBe('MoMo gave the reason "odd code".');
  });

  it('explains the console\'s own NOT_SENT reasons, keeping their detail', () => {
    expect(reasonText('NOT_SENT: the batch was stopped before this payment reached MoMo')).toBe(
      'The payment never reached MoMo, so nothing was paid. The batch was stopped before this payment reached MoMo.',
    );
    expect(reasonText('NOT_SENT: could not connect within 10000 ms.')).toBe('The payment never reached MoMo, so nothing was paid. Could not connect within 10000 ms.');
    expect(reasonText('NOT_SENT:')).toBe('The payment never reached MoMo, so nothing was paid.');
    expect(reasonText('NOT_SENT')).toBe('The payment never reached MoMo, so nothing was paid.');
  });

  it('says a payment without a final status may still go through', () => {
    const expected = 'MoMo has not given a final answer yet; the payment may still go through. Check again later before paying again.';
    expect(reasonText('no final status within 30 min')).toBe(expected);
    expect(reasonText('no final status within 5 min (last: GET /disbursement/v1_0/transfer/x answered 500)')).toBe(expected);
  });

  it("says in words when the console stopped short of sending again or of reading, and that nobody should pay again", () => {
    expect(reasonText('NOT_RESENT: the profile it was made with is gone; look it up there before paying again')).toBe(
      'Whether MoMo has this payment is not known, and the console did not send it again. The profile it was made with is gone; look it up there before paying again. Do not pay again until it is found.',
    );
    expect(reasonText('NOT_CHECKED: Uganda live now points at another MoMo')).toMatch(/^The console can no longer ask MoMo about this payment from here\. Uganda live now points at another MoMo\. Do not pay again/);
  });
});
