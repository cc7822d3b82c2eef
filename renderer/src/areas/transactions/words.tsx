// How the Transactions area says things: operations and statuses in words an
// agent can read out, times in the agent's clock, parties as MoMo knows them.
import type { SingleOperation, TransactionView } from '../../../../preload/contract';

export const OPERATION_WORDS: Record<SingleOperation, string> = {
  'collection.requesttopay': 'Request to pay',
  'collection.requesttowithdraw.v1': 'Withdrawal v1',
  'collection.requesttowithdraw.v2': 'Withdrawal v2',
  'collection.payment': 'Bill payment',
  'collection.invoice': 'Invoice',
  'collection.preapproval': 'Pre-approval',
  'disbursement.transfer': 'Transfer',
  'disbursement.deposit.v1': 'Deposit v1',
  'disbursement.deposit.v2': 'Deposit v2',
  'remittance.transfer': 'Remittance transfer',
  'remittance.cashtransfer': 'Cash transfer',
};
export const OPERATIONS = Object.keys(OPERATION_WORDS) as SingleOperation[];

const REFUND_WORDS: Record<string, string> = {
  'disbursement.refund.v1': 'Refund v1',
  'disbursement.refund.v2': 'Refund v2',
};
/** Every kind the search can filter on: the single operations and the refunds. */
export const SEARCHABLE_KINDS: { value: string; label: string }[] = [
  ...OPERATIONS.map((value) => ({ value, label: OPERATION_WORDS[value] })),
  ...Object.entries(REFUND_WORDS).map(([value, label]) => ({ value, label })),
];

export function kindInWords(kind: string): string {
  return (OPERATION_WORDS as Record<string, string>)[kind] ?? REFUND_WORDS[kind] ?? kind;
}

export type DisplayStatus = TransactionView['status'];
export const STATUSES: DisplayStatus[] = ['PENDING', 'SUCCESSFUL', 'FAILED', 'UNKNOWN'];
const STATUS_WORDS: Record<DisplayStatus, string> = {
  PENDING: 'Pending',
  SUCCESSFUL: 'Successful',
  FAILED: 'Failed',
  UNKNOWN: 'Unknown',
};
export function statusInWords(status: DisplayStatus): string {
  return STATUS_WORDS[status];
}

const DOT: Record<DisplayStatus, string> = {
  PENDING: 'status-dot status-dot--pending',
  SUCCESSFUL: 'status-dot status-dot--ok',
  FAILED: 'status-dot status-dot--bad',
  UNKNOWN: 'status-dot status-dot--unknown',
};
export function StatusWord({ status }: { status: DisplayStatus }) {
  return (
    <span className={`transaction-status transaction-status--${status.toLowerCase()}`}>
      <span className={DOT[status]} aria-hidden="true" />
      {statusInWords(status)}
    </span>
  );
}

export const PARTY_TYPE_WORDS = { MSISDN: 'Phone number', EMAIL: 'Email', PARTY_CODE: 'Party code' } as const;
export type PartyType = keyof typeof PARTY_TYPE_WORDS;

export function partyInWords(partyType: PartyType | null, partyId: string | null): string {
  if (partyId === null) return '—';
  if (partyType === null || partyType === 'MSISDN') return partyId;
  return `${partyId} (${PARTY_TYPE_WORDS[partyType].toLowerCase()})`;
}

const TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
export function Time({ at }: { at: string }) {
  const date = new Date(at);
  return (
    <time dateTime={at} title={at}>
      {Number.isNaN(date.getTime()) ? at : TIME.format(date)}
    </time>
  );
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
