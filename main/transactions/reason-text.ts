// MoMo's reason codes as sentences a support agent can read aloud to a
// customer. The customer may be the one paying (collections) or the one being
// paid (disbursements), so each sentence names the account by its role rather
// than saying "you" or "we".

export const REASON_TEXTS: Readonly<Record<string, string>> = {
  APPROVAL_REJECTED: 'The person asked to approve the payment turned it down, so nothing was paid.',
  CONSENT_MISMATCH: 'The permission the account holder gave does not match this request, so nothing was done.',
  EXPIRED: 'The request ran out of time before it was approved, so nothing was paid; a new request can be sent.',
  INCORRECT_CURRENCY: 'The payment was in a currency this account cannot use, so nothing was paid.',
  INFORMATIONAL_SCOPE_INSTRUCTION: 'The request to see account details was not set up the way MoMo expects, so nothing was done; this is a problem on our side, not with the account.',
  INTERNAL_PROCESSING_ERROR: 'MoMo had a problem on its side and could not complete the payment; it can be tried again later.',
  INVALID_CALLBACK_URL_HOST: 'MoMo refused the payment because of a setup problem on our side, not with the account, so nothing was paid.',
  INVALID_CURRENCY: 'MoMo does not accept the currency this payment was in, so nothing was paid.',
  LOGIN_FAILED: 'Our system could not sign in to MoMo, so nothing was paid; this is a problem on our side, not with the account.',
  MISSING_SCOPE_INSTRUCTION: 'The request did not say what permission it needed, so nothing was done; this is a problem on our side, not with the account.',
  MORE_THAN_ONE_FINANCIAL_SCOPE_NOT_SUPPORTED: 'The request asked permission for more than one kind of payment at once, which MoMo does not allow, so nothing was done.',
  NOT_ACTIVE: 'The MoMo account is not active, so it cannot send or receive money until MTN turns it back on.',
  NOT_ALLOWED: 'MoMo did not allow this payment, so nothing was paid.',
  NOT_ALLOWED_TARGET_ENVIRONMENT: 'Our system is not yet allowed to use this MoMo service, so nothing was paid; this is a problem on our side, not with the account.',
  // For a collection the paying account is the customer's; for a payout it is ours.
  NOT_ENOUGH_FUNDS: 'There was not enough money in the paying account (the customer\'s when they pay us, ours when we pay them), so nothing was paid.',
  NOT_FOUND: 'MoMo could not find the account or payment this was about.',
  PAYEE_NOT_ALLOWED_TO_RECEIVE: 'The number receiving the money is not allowed to receive payments right now, so nothing was paid; its owner can ask MTN why.',
  PAYEE_NOT_FOUND: 'The number receiving the money has no MoMo account, so nothing was paid.',
  PAYER_LIMIT_REACHED: 'The paying account has reached its MoMo limit, so nothing was paid; it can be tried again once the limit resets.',
  PAYER_NOT_FOUND: 'The number paying the money has no MoMo account, so nothing was paid.',
  PAYMENT_NOT_APPROVED: 'The payment was not approved, so nothing was paid.',
  // The earlier payment with this reference may well have gone through, so this must not say "nothing was paid".
  RESOURCE_ALREADY_EXIST: 'MoMo already has a payment with this reference number, so it did not take it a second time; check how the first one ended.',
  RESOURCE_NOT_FOUND: 'MoMo has no record of this payment or account.',
  SERVICE_UNAVAILABLE: 'MoMo was briefly unavailable and did not take the payment; it can be tried again later.',
  TRANSACTION_CANCELED: 'The payment was cancelled before it went through, so nothing was paid.',
  TRANSACTION_EXPIRED: 'The payment request ran out of time before it was approved, so nothing was paid.',
  TRANSACTION_NOT_COMPLETED: 'The payment did not finish, so no money moved.',
  TRANSACTION_NOT_FOUND: 'MoMo could not find this payment.',
  TRANSACTION_REJECTED: 'The person asked to pay turned the request down, so nothing was paid.',
  UNSUPPORTED_SCOPE: 'The request asked for a permission MoMo does not offer, so nothing was done.',
  UNSUPPORTED_SCOPE_COMBINATION: 'The request asked for permissions that MoMo does not allow together, so nothing was done.',
};

// The batch runner writes these reasons itself, in its own words, so they are
// matched before treating the reason as a MoMo code.
const NOT_SENT = /^NOT_SENT(?::\s*([\s\S]*))?$/i;
const NO_FINAL_STATUS = /^no final status within\b/i;
/** The console's own: it stopped short of sending again (NOT_RESENT) or of reading (NOT_CHECKED), and says why. */
const STOPPED = /^NOT_(RESENT|CHECKED):\s*([\s\S]*)$/i;

const NOT_SENT_TEXT = 'The payment never reached MoMo, so nothing was paid.';
const NO_FINAL_STATUS_TEXT = 'MoMo has not given a final answer yet; the payment may still go through. Check again later before paying again.';
const STOPPED_TEXT = {
  RESENT: 'Whether MoMo has this payment is not known, and the console did not send it again.',
  CHECKED: 'The console can no longer ask MoMo about this payment from here.',
};

// Codes come back from callbacks, CSV files and people typing them, so
// "payee not found" and "Payee-Not-Found" must find PAYEE_NOT_FOUND;
// remittance.json itself spells one code with a trailing dot.
function normalise(code: string): string {
  return code.trim().replace(/\.+$/, '').replace(/[\s-]+/g, '_').toUpperCase();
}

function asSentence(text: string): string {
  const trimmed = text.trim().replace(/\.+$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}

export function reasonText(code: string | null | undefined, message?: string | null): string | null {
  const raw = code?.trim();
  if (!raw) return null;
  const notSent = NOT_SENT.exec(raw);
  if (notSent) return notSent[1]?.trim() ? `${NOT_SENT_TEXT} ${asSentence(notSent[1])}` : NOT_SENT_TEXT;
  if (NO_FINAL_STATUS.test(raw)) return NO_FINAL_STATUS_TEXT;
  const stopped = STOPPED.exec(raw);
  if (stopped) return `${STOPPED_TEXT[(stopped[1] ?? 'RESENT').toUpperCase() as 'RESENT' | 'CHECKED']} ${asSentence(stopped[2] ?? '')} Do not pay again until it is found.`;
  const known = REASON_TEXTS[normalise(raw)];
  if (known) return known;
  // MTN's messages usually end in a full stop; dropping it avoids "..".
  const detail = message?.trim().replace(/\.+$/, '');
  return `MoMo gave the reason "${raw}"${detail ? `: ${detail}` : ''}.`;
}
