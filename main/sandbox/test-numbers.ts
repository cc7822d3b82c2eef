// MTN's sandbox test numbers and what each one does, in one table. Source: the
// sandbox use-case tables in MTN's developer documentation as reproduced in the
// project's integration guide. Any number not listed succeeds. Entries marked
// `emulatorExtension` are not in MTN's tables; they exist so the console's own
// tests can hold a payout in PENDING, and say so.

export type Outcome =
  | { status: 'SUCCESSFUL' }
  | { status: 'FAILED'; reason: string; message: string }
  | { status: 'PENDING' };

interface NumberRule {
  outcome: Outcome;
  description: string;
  emulatorExtension?: true;
}

const failed = (reason: string, message: string): Outcome => ({ status: 'FAILED', reason, message });
const ongoing: Outcome = { status: 'PENDING' };

/** Payments the account holder must approve: request to pay, request to withdraw, bill payment, pre-approval, invoice. */
export const REQUEST_NUMBERS: Readonly<Record<string, NumberRule>> = {
  '46733123450': { outcome: failed('INTERNAL_PROCESSING_ERROR', 'Transaction failed.'), description: 'Failed' },
  '46733123451': { outcome: failed('APPROVAL_REJECTED', 'The payer rejected the request.'), description: 'Rejected' },
  '46733123452': { outcome: failed('EXPIRED', 'The request expired before the payer approved it.'), description: 'Expired' },
  '46733123453': { outcome: ongoing, description: 'Ongoing: stays PENDING' },
  '46733123455': { outcome: failed('PAYER_NOT_FOUND', 'Payer does not exist.'), description: 'Payer not found' },
  '46733123456': { outcome: failed('PAYEE_NOT_ALLOWED_TO_RECEIVE', 'Payee is not allowed to receive.'), description: 'Payee not allowed to receive' },
  '46733123457': { outcome: failed('NOT_ALLOWED', 'Authorization failed: the request is not allowed.'), description: 'Not allowed' },
  '46733123458': { outcome: failed('NOT_ENOUGH_FUNDS', 'The payer does not have enough funds.'), description: 'Insufficient funds (consent scenario)' },
  '46733123460': { outcome: failed('INVALID_CURRENCY', 'Currency not supported.'), description: 'Invalid currency' },
};

/** Money sent out of the provider's account: transfer, deposit, refund, remittance, cash transfer. */
export const TRANSFER_NUMBERS: Readonly<Record<string, NumberRule>> = {
  '46733123450': { outcome: failed('INTERNAL_PROCESSING_ERROR', 'Transfer failed.'), description: 'Failed' },
  '46733123453': { outcome: ongoing, description: 'Ongoing: stays PENDING', emulatorExtension: true },
  '46733123455': { outcome: failed('NOT_ENOUGH_FUNDS', 'The payer does not have enough funds.'), description: 'Not enough funds' },
  '46733123456': { outcome: failed('PAYER_LIMIT_REACHED', 'The payer limit has been reached.'), description: 'Payer limit reached' },
  '46733123457': { outcome: failed('PAYEE_NOT_FOUND', 'Payee does not exist.'), description: 'Payee not found' },
};

export type AccountHolderState = 'ACTIVE' | 'NOT_ACTIVE' | 'NOT_FOUND';

/** Account holder checks (active, basic user info), by MSISDN or e-mail. */
export const ACCOUNT_HOLDERS: Readonly<Record<string, AccountHolderState>> = {
  '46733123450': 'NOT_FOUND',
  '46733123451': 'NOT_ACTIVE',
  'notfound@email.com': 'NOT_FOUND',
  'notactive@email.com': 'NOT_ACTIVE',
};

export type ConsentScenario = 'UNKNOWN_USER' | 'REJECTED' | 'PENDING' | 'INSUFFICIENT_FUNDS';

/** The consent flow (bc-authorize then oauth2/token), by the MSISDN in login_hint. */
export const CONSENT_NUMBERS: Readonly<Record<string, ConsentScenario>> = {
  '46733123450': 'UNKNOWN_USER',
  '46733123451': 'REJECTED',
  '46733123452': 'PENDING',
  '46733123458': 'INSUFFICIENT_FUNDS',
};

export function requestOutcome(partyId: string): Outcome {
  return REQUEST_NUMBERS[partyId]?.outcome ?? { status: 'SUCCESSFUL' };
}

export function transferOutcome(partyId: string): Outcome {
  return TRANSFER_NUMBERS[partyId]?.outcome ?? { status: 'SUCCESSFUL' };
}

export function accountHolderState(id: string): AccountHolderState {
  return ACCOUNT_HOLDERS[id.toLowerCase()] ?? 'ACTIVE';
}

export function consentScenario(msisdn: string): ConsentScenario | 'GRANTED' {
  return CONSENT_NUMBERS[msisdn] ?? 'GRANTED';
}
