// The body of a status GET (and of a callback), in the shape MTN's spec gives
// each operation.
import { formatAmount } from '../money/amount';
import type { Reason, Transaction } from './sandbox-ledger';

export type ReasonStyle = 'object' | 'string';

export function statusView(tx: Transaction, reasonStyle: ReasonStyle): Record<string, unknown> {
  const amount = tx.amountMinor === null ? undefined : formatAmount(tx.amountMinor, tx.currency);
  const reason = (r: Reason | null, style: ReasonStyle) => (r === null ? undefined : style === 'object' ? { code: r.code, message: r.message } : r.code);
  const common = {
    financialTransactionId: tx.financialTransactionId ?? undefined,
    status: tx.status,
    reason: reason(tx.reason, reasonStyle),
  };
  const request = tx.request;
  switch (tx.kind.view) {
    case 'payer':
      return prune({ amount, currency: tx.currency, externalId: tx.externalId, payer: tx.party, payerMessage: request.payerMessage, payeeNote: request.payeeNote, ...common });
    case 'payee':
      return prune({ amount, currency: tx.currency, externalId: tx.externalId, payee: tx.party, payerMessage: request.payerMessage, payeeNote: request.payeeNote, ...common });
    case 'payment':
      return prune({ referenceId: tx.referenceId, ...common });
    case 'invoice':
      return prune({
        referenceId: tx.referenceId,
        externalId: tx.externalId,
        amount,
        currency: tx.currency,
        status: tx.status,
        paymentReference: tx.referenceId.replace(/-/g, '').slice(0, 12).toUpperCase(),
        invoiceId: tx.financialTransactionId ?? undefined,
        expiryDateTime: new Date(tx.createdAt + Number(request.validityDuration ?? 3600) * 1000).toISOString(),
        errorReason: reason(tx.reason, 'object'),
        intendedPayer: tx.party,
        description: request.description,
      });
    case 'preapproval':
      return prune({
        payer: tx.party,
        payerCurrency: tx.currency,
        payerMessage: request.payerMessage,
        status: tx.status,
        expirationDateTime: tx.createdAt + Number(request.validityTime ?? 3600) * 1000,
        reason: reason(tx.reason, reasonStyle),
      });
    case 'cashtransfer':
      // The spec types this one's reason as a plain string.
      return prune({ ...request, amount, currency: tx.currency, externalId: tx.externalId, payee: tx.party, ...common, reason: reason(tx.reason, 'string') });
  }
}

function prune(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined && value !== null));
}
