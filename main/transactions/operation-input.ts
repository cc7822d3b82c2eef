// One payment or collection typed by an agent, checked the way a payout CSV
// row is (party, amount, messages, the profile's limit per payment) and turned
// into MoMo's request body. A bad field is refused by name; nothing is stored.
import { randomBytes } from 'node:crypto';
import type { ChannelArgs, Profile, SingleOperation } from '../../preload/contract';
import { AppError } from '../ipc/app-error';
import { formatAmount, parseAmount } from '../money/amount';
import { amountProblemReason } from '../payouts/amount-checks';
import { CREATE_OPERATIONS, type CreateKind } from '../momo/create-operations';
import { checkMessage } from '../payouts/message-checks';
import { checkParty, type PartyType } from '../payouts/party-checks';
import { limitMinor } from '../payouts/payout-import';

export type OperationInput = ChannelArgs<'createTransaction'>;

export interface PreparedOperation {
  kind: CreateKind;
  product: 'collection' | 'disbursement' | 'remittance';
  body: Record<string, unknown>;
  partyType: PartyType;
  partyId: string;
  amountMinor: bigint | null;
  currency: string;
  externalId: string | null;
}

/** Operations that move the profile's own money out: the profile's limit per payment applies. */
const PAYS_OUT = new Set<SingleOperation>(['disbursement.transfer', 'disbursement.deposit.v1', 'disbursement.deposit.v2', 'remittance.transfer', 'remittance.cashtransfer']);

export function prepareOperation(input: OperationInput, profile: Profile): PreparedOperation {
  const kind = input.kind;
  const currency = profile.currency;
  const phone = { strict: profile.kind === 'production', countryCode: profile.countryCode };
  const partyType = input.partyType ?? 'MSISDN';
  const party = checkParty(partyType, input.party, phone);
  if (!party.ok) throw invalid('party', party.reason);
  const messages = {
    payerMessage: checkedMessage('payerMessage', input.payerMessage ?? ''),
    payeeNote: checkedMessage('payeeNote', input.payeeNote ?? ''),
  };
  let amountMinor: bigint | null = null;
  if (kind !== 'collection.preapproval') {
    if (input.amount === undefined) throw invalid('amount', 'an amount is required');
    const limit = PAYS_OUT.has(kind) && profile.limits.maxRowAmount ? limitMinor(profile.limits.maxRowAmount, currency) : null;
    // The contract has already taken a plain decimal with a point: no separators to guess at, unlike a CSV cell.
    const parsed = parseAmount(input.amount, currency);
    if (!parsed.ok) throw invalid('amount', amountProblemReason(parsed.problem, input.amount, currency));
    if (limit !== null && parsed.minor > limit) throw invalid('amount', `${input.amount} ${currency} is above this profile's limit per payment (${profile.limits.maxRowAmount} ${currency})`);
    amountMinor = parsed.minor;
  }
  const amount = amountMinor === null ? '' : formatAmount(amountMinor, currency);
  const externalId = kind === 'collection.preapproval' ? null : input.externalId?.trim() || `console-${randomBytes(6).toString('hex')}`;
  const partyObject = { partyIdType: partyType, partyId: party.value };
  let body: Record<string, unknown>;
  switch (kind) {
    case 'collection.requesttopay':
    case 'collection.requesttowithdraw.v1':
    case 'collection.requesttowithdraw.v2':
      body = { amount, currency, externalId, payer: partyObject, ...messages };
      break;
    case 'collection.payment':
      body = { externalTransactionId: externalId, money: { amount, currency }, customerReference: party.value, receiverMessage: messages.payerMessage, senderNote: messages.payeeNote };
      break;
    case 'collection.invoice': {
      if (!input.payee) throw invalid('payee', 'an invoice needs the account that is paid');
      const payeeType = input.payee.partyType;
      const payee = checkParty(payeeType, input.payee.party, phone);
      if (!payee.ok) throw invalid('payee', payee.reason);
      body = {
        externalId,
        amount,
        currency,
        ...(input.validitySeconds !== undefined ? { validityDuration: String(input.validitySeconds) } : {}),
        intendedPayer: partyObject,
        payee: { partyIdType: payeeType, partyId: payee.value },
        description: messages.payerMessage,
      };
      break;
    }
    case 'collection.preapproval':
      body = { payer: partyObject, payerCurrency: currency, payerMessage: messages.payerMessage, ...(input.validitySeconds !== undefined ? { validityTime: input.validitySeconds } : {}) };
      break;
    default:
      body = { amount, currency, externalId, payee: partyObject, ...messages };
  }
  checkedBody(kind, body);
  return { kind, product: CREATE_OPERATIONS[kind].product, body, partyType, partyId: party.value, amountMinor, currency, externalId };
}

/** The request body as MoMo's schema for `kind` takes it, or refused naming the field. */
export function checkedBody(kind: CreateKind, body: Record<string, unknown>): void {
  const parsed = CREATE_OPERATIONS[kind].body.safeParse(body);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  throw invalid(String(issue?.path.join('.') || 'request'), issue?.message ?? 'not a valid request');
}

/** A payer message or payee note as MoMo takes it, or refused by field name. */
export function checkedMessage(field: string, raw: string): string {
  const checked = checkMessage(raw, 'refuse');
  if (!checked.ok) throw invalid(field, checked.reason);
  return checked.value.text;
}

function invalid(field: string, reason: string): AppError {
  return new AppError('INVALID_INPUT', `${field}: ${reason}`, { field });
}
