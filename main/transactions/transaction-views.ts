// A stored transaction as the window and the command line show it: amounts
// as decimals in their currency, the four statuses an agent knows, the reason
// in words, and a timeline of what happened in plain sentences.
import type { Profile, TransactionDetail, TransactionView } from '../../preload/contract';
import { formatAmount } from '../money/amount';
import type { TimelineEvent, TransactionRecord, TransactionState } from '../store/transaction-repository';
import { reasonText } from './reason-text';

/** Collections that can be refunded once successful, and the one kind a delivery notification may follow. */
export const REFUNDABLE_KINDS: ReadonlySet<string> = new Set(['collection.requesttopay', 'collection.payment']);
export const NOTIFIED_KIND = 'collection.requesttopay';

const DISPLAY: Record<TransactionState, TransactionView['status']> = {
  reserved: 'PENDING',
  // No clear answer yet: not "pending", so nobody makes the payment again while the console is still finding out.
  unresolved: 'UNKNOWN',
  accepted: 'PENDING',
  SUCCESSFUL: 'SUCCESSFUL',
  FAILED: 'FAILED',
  UNKNOWN: 'UNKNOWN',
};

/** The four statuses an agent knows, for a stored state. */
export function displayStatus(state: TransactionState): TransactionView['status'] {
  return DISPLAY[state];
}

export function toView(record: TransactionRecord): TransactionView {
  const status = DISPLAY[record.state];
  return {
    referenceId: record.referenceId,
    profileId: record.profileId,
    kind: record.kind,
    product: record.product,
    origin: record.origin,
    batchId: record.batchId,
    externalId: record.externalId,
    partyType: record.partyType,
    partyId: record.partyId,
    amount: record.amountMinor === null || record.currency === null ? null : formatAmount(record.amountMinor, record.currency),
    currency: record.currency,
    status,
    momoStatus: record.momoStatus && record.momoStatus !== status ? record.momoStatus : null,
    reason: record.reason,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function toDetail(record: TransactionRecord, timeline: TimelineEvent[], related: TransactionRecord[], profile: Pick<Profile, 'name' | 'kind'> | null): TransactionDetail {
  const view = toView(record);
  const open = view.status === 'PENDING';
  return {
    ...view,
    profileName: profile?.name ?? null,
    profileKind: profile?.kind ?? null,
    financialTransactionId: record.financialTransactionId,
    reasonText:
      record.state === 'unresolved'
        ? 'MoMo has not said whether it received this request. The console keeps asking under the same reference id and sends it again only if MoMo never got it. Do not make this payment again.'
        : reasonText(record.reason),
    request: record.body,
    timeline: timeline.map((event) => ({ ...event, text: describe(event) })),
    actions: {
      refresh: true,
      checkParty: record.partyType !== null && record.partyId !== null,
      deliveryNotification: record.kind === NOTIFIED_KIND && record.state === 'SUCCESSFUL',
      refund: REFUNDABLE_KINDS.has(record.kind) && record.state === 'SUCCESSFUL',
      cancel: (record.kind === 'collection.invoice' && open) || (record.kind === 'collection.preapproval' && record.state !== 'FAILED' && record.momoStatus !== 'CANCELLED'),
    },
    related: related.map((r) => ({ referenceId: r.referenceId, kind: r.kind, status: DISPLAY[r.state], relation: r.kind.startsWith('disbursement.refund') ? 'refund' : 'related' })),
  };
}

function describe(event: TimelineEvent): string {
  const d = (event.details ?? {}) as Record<string, unknown>;
  const status = typeof d.status === 'string' ? d.status : null;
  switch (event.kind) {
    case 'created':
      return 'Reference id stored, before anything was sent';
    case 'accepted':
      return 'MoMo accepted the request (202)';
    case 'adopted':
    case 'reconciled-found':
      return `MoMo already had it under this reference id${status ? `: ${status}` : ''}`;
    case 'refused':
      return `MoMo refused the request${typeof d.code === 'string' ? ` (${d.code})` : ''}`;
    case 'unknown':
      return typeof d.reason === 'string' ? `UNKNOWN: ${d.reason}` : 'No clear answer from MoMo; it will be looked up before anything is sent again';
    case 'failed':
      return 'Not sent: the console refused the request before it left';
    case 'status-seen':
      return status ? `Status read: still ${status}` : `Status read failed${typeof d.problem === 'string' ? `: ${d.problem}` : ''}`;
    case 'status-final':
    case 'status-refreshed':
      return `MoMo says ${status ?? 'nothing new'}`;
    case 'status-not-found':
      return 'MoMo has no transaction under this reference id';
    case 'reconciled-not-received':
      return 'MoMo never received it: sent again under the same reference id';
    case 'reconcile-failed':
    case 'refresh-failed':
      return `Could not ask MoMo${typeof d.message === 'string' ? `: ${d.message}` : ''}`;
    case 'found-at-momo':
      return `Found at MoMo by its reference id${status ? `: ${status}` : ''}`;
    case 'party-checked':
      return d.active === true ? `Party checked: an active account holder${typeof d.name === 'string' ? ` (${d.name})` : ''}` : d.active === false ? 'Party checked: not an active account holder' : 'Party checked: MoMo could not say';
    case 'delivery-notification-sent':
      return `Delivery notification sent: "${String(d.message ?? '')}"`;
    case 'delivery-notification-refused':
      return `Delivery notification refused: ${String(d.refusal ?? '')}`;
    case 'refund-requested':
      return `Refund of ${String(d.amount ?? '')} ${String(d.currency ?? '')} requested`;
    case 'cancel-requested':
      return 'Cancellation requested';
    case 'cancelled':
      return 'Cancelled at MoMo';
    case 'cancel-refused':
      return `MoMo did not cancel it${typeof d.message === 'string' ? `: ${d.message}` : ''}`;
    case 'exchange':
      return `Request and response kept (${String(d.method ?? '')} ${String(d.endpoint ?? d.path ?? '')})`;
    case 'not-resent':
      return `Not sent again: ${String(d.problem ?? '')}`;
    case 'timed-out':
      return 'No clear answer within the window: not sent again';
    case 'not-checked':
      return `Not read: ${String(d.problem ?? '')}`;
    case 'no-final-status':
      return 'No final status within the window: UNKNOWN';
    case 'check-failed':
    case 'recover-failed':
      return `Could not look at it inside the console${typeof d.message === 'string' ? `: ${d.message}` : ''}; trying again later`;
    case 'status-checked-now':
      return `Checked now: ${status ?? 'no answer'}`;
    default:
      return event.kind.replace(/-/g, ' ');
  }
}
