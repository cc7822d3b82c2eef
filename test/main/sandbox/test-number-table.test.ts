// The table must say what MTN's sandbox tables say (as the integration guide
// reproduces them); written out literally here so a table edit cannot pass unseen.
import { describe, expect, it } from 'vitest';
import { accountHolderState, consentScenario, requestOutcome, transferOutcome } from '../../../main/sandbox/test-numbers';

describe('sandbox test number table', () => {
  it('request to pay', () => {
    expect(requestOutcome('46733123450')).toMatchObject({ status: 'FAILED' });
    expect(requestOutcome('46733123451')).toMatchObject({ status: 'FAILED', reason: 'APPROVAL_REJECTED' });
    expect(requestOutcome('46733123452')).toMatchObject({ status: 'FAILED', reason: 'EXPIRED' });
    expect(requestOutcome('46733123453')).toEqual({ status: 'PENDING' });
    expect(requestOutcome('46733123455')).toMatchObject({ status: 'FAILED', reason: 'PAYER_NOT_FOUND' });
    expect(requestOutcome('46733123456')).toMatchObject({ status: 'FAILED', reason: 'PAYEE_NOT_ALLOWED_TO_RECEIVE' });
    expect(requestOutcome('46733123457')).toMatchObject({ status: 'FAILED', reason: 'NOT_ALLOWED' });
    expect(requestOutcome('46733123460')).toMatchObject({ status: 'FAILED', reason: 'INVALID_CURRENCY' });
    expect(requestOutcome('256772123456')).toEqual({ status: 'SUCCESSFUL' });
  });

  it('transfer', () => {
    expect(transferOutcome('46733123450')).toMatchObject({ status: 'FAILED' });
    expect(transferOutcome('46733123455')).toMatchObject({ status: 'FAILED', reason: 'NOT_ENOUGH_FUNDS' });
    expect(transferOutcome('46733123456')).toMatchObject({ status: 'FAILED', reason: 'PAYER_LIMIT_REACHED' });
    expect(transferOutcome('46733123457')).toMatchObject({ status: 'FAILED', reason: 'PAYEE_NOT_FOUND' });
    expect(transferOutcome('256772987654')).toEqual({ status: 'SUCCESSFUL' });
  });

  it('account holders and consent', () => {
    expect(accountHolderState('46733123450')).toBe('NOT_FOUND');
    expect(accountHolderState('46733123451')).toBe('NOT_ACTIVE');
    expect(accountHolderState('notfound@email.com')).toBe('NOT_FOUND');
    expect(accountHolderState('NotActive@Email.com')).toBe('NOT_ACTIVE');
    expect(accountHolderState('256772123456')).toBe('ACTIVE');
    expect(consentScenario('46733123450')).toBe('UNKNOWN_USER');
    expect(consentScenario('46733123451')).toBe('REJECTED');
    expect(consentScenario('46733123452')).toBe('PENDING');
    expect(consentScenario('46733123458')).toBe('INSUFFICIENT_FUNDS');
    expect(consentScenario('256772123456')).toBe('GRANTED');
  });
});
