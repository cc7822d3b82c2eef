// Every asynchronous MoMo operation the emulator speaks, as one table: where it
// is created, where its status is read, how its body looks, which party and
// amount it carries, which test-number table decides it, and how it moves money.
import { z } from 'zod';

export const PRODUCTS = ['collection', 'disbursement', 'remittance'] as const;
export type Product = (typeof PRODUCTS)[number];

export const partySchema = z.object({
  partyIdType: z.enum(['MSISDN', 'EMAIL', 'PARTY_CODE']),
  partyId: z.string().min(1).max(256),
});
export type Party = z.infer<typeof partySchema>;

const message = z.string().max(160).optional();
const decimal = z.string().min(1).max(32);
const currency = z.string().min(1).max(8);
const externalId = z.string().max(256).optional();

const requestToPayBody = z.object({ amount: decimal, currency, externalId, payer: partySchema, payerMessage: message, payeeNote: message });
const transferBody = z.object({ amount: decimal, currency, externalId, payee: partySchema, payerMessage: message, payeeNote: message });
const refundBody = z.object({ amount: decimal, currency, externalId, payerMessage: message, payeeNote: message, referenceIdToRefund: z.string().min(1) });
const paymentBody = z.object({
  externalTransactionId: z.string().max(256).optional(),
  money: z.object({ amount: decimal, currency }),
  customerReference: z.string().min(1).max(256),
  serviceProviderUserName: z.string().max(256).optional(),
  couponId: z.string().optional(),
  productId: z.string().optional(),
  productOfferingId: z.string().optional(),
  receiverMessage: message,
  senderNote: message,
  maxNumberOfRetries: z.number().int().nonnegative().optional(),
  includeSenderCharges: z.boolean().optional(),
});
const invoiceBody = z.object({
  externalId,
  amount: decimal,
  currency,
  validityDuration: z.string().regex(/^\d{1,8}$/, 'whole seconds, at most 8 digits').optional(),
  intendedPayer: partySchema,
  payee: partySchema,
  description: message,
});
const preApprovalBody = z.object({ payer: partySchema, payerCurrency: currency, payerMessage: message, validityTime: z.number().int().positive().max(315_360_000).optional() });
const cashTransferBody = transferBody.extend({
  orginatingCountry: z.string().max(64).optional(),
  originalAmount: z.string().max(32).optional(),
  originalCurrency: z.string().max(8).optional(),
  payerIdentificationType: z.enum(['PASS', 'CPFA', 'SRSSA', 'NRIN', 'OTHR', 'DRLC', 'SOCS', 'AREG', 'IDCD', 'EMID']).optional(),
  payerIdentificationNumber: z.string().max(64).optional(),
  payerIdentity: z.string().max(64).optional(),
  payerFirstName: z.string().max(64).optional(),
  payerSurName: z.string().max(64).optional(),
  payerLanguageCode: z.string().max(8).optional(),
  payerEmail: z.string().max(256).optional(),
  payerMsisdn: z.string().max(32).optional(),
  payerGender: z.string().max(16).optional(),
});

/** What the emulator needs from any creation body, whatever its shape. */
export interface Essentials {
  amount: string | null;
  currency: string;
  externalId: string | null;
  party: Party | null;
  /** Refunds name the transaction they refund. */
  refundOf?: string;
}

export type ViewShape = 'payer' | 'payee' | 'payment' | 'invoice' | 'preapproval' | 'cashtransfer';

export interface TransactionKind {
  product: Product;
  kind: string;
  version: 'v1' | 'v2';
  createPath: string;
  /** The status resource; v1 and v2 of one operation share it (and share reference ids). */
  statusPath: string;
  body: z.ZodType<Record<string, unknown>>;
  essentials(body: Record<string, unknown>): Essentials;
  outcomes: 'request' | 'transfer';
  money: 'credit' | 'debit' | 'none';
  view: ViewShape;
}

type Body<S extends z.ZodType> = z.infer<S>;

const payerEssentials = (b: Record<string, unknown>): Essentials => {
  const body = b as Body<typeof requestToPayBody>;
  return { amount: body.amount, currency: body.currency, externalId: body.externalId ?? null, party: body.payer };
};
const payeeEssentials = (b: Record<string, unknown>): Essentials => {
  const body = b as Body<typeof transferBody>;
  return { amount: body.amount, currency: body.currency, externalId: body.externalId ?? null, party: body.payee };
};

function kind(
  product: Product,
  name: string,
  version: 'v1' | 'v2',
  statusPath: string,
  rest: Omit<TransactionKind, 'product' | 'kind' | 'version' | 'createPath' | 'statusPath'>,
  createPath = `/${product}/${version === 'v1' ? 'v1_0' : 'v2_0'}/${name}`,
): TransactionKind {
  return { product, kind: name, version, createPath, statusPath: `/${product}${statusPath}`, ...rest };
}

const requestToPay = { body: requestToPayBody, essentials: payerEssentials, outcomes: 'request', money: 'credit', view: 'payer' } as const;
const transfer = { body: transferBody, essentials: payeeEssentials, outcomes: 'transfer', money: 'debit', view: 'payee' } as const;
const refund = {
  body: refundBody,
  essentials: (b: Record<string, unknown>): Essentials => {
    const body = b as Body<typeof refundBody>;
    return { amount: body.amount, currency: body.currency, externalId: body.externalId ?? null, party: null, refundOf: body.referenceIdToRefund };
  },
  outcomes: 'transfer',
  money: 'debit',
  view: 'payee',
} as const;

export const TRANSACTION_KINDS: readonly TransactionKind[] = [
  kind('collection', 'requesttopay', 'v1', '/v1_0/requesttopay/:referenceId', requestToPay),
  kind('collection', 'requesttowithdraw', 'v1', '/v1_0/requesttowithdraw/:referenceId', requestToPay),
  kind('collection', 'requesttowithdraw', 'v2', '/v1_0/requesttowithdraw/:referenceId', requestToPay),
  kind('collection', 'payment', 'v2', '/v2_0/payment/:referenceId', {
    body: paymentBody,
    essentials: (b) => {
      const body = b as Body<typeof paymentBody>;
      return { amount: body.money.amount, currency: body.money.currency, externalId: body.externalTransactionId ?? null, party: { partyIdType: 'MSISDN', partyId: body.customerReference } };
    },
    outcomes: 'request',
    money: 'credit',
    view: 'payment',
  }),
  kind('collection', 'invoice', 'v2', '/v2_0/invoice/:referenceId', {
    body: invoiceBody,
    essentials: (b) => {
      const body = b as Body<typeof invoiceBody>;
      return { amount: body.amount, currency: body.currency, externalId: body.externalId ?? null, party: body.intendedPayer };
    },
    outcomes: 'request',
    money: 'credit',
    view: 'invoice',
  }),
  kind('collection', 'preapproval', 'v2', '/v2_0/preapproval/:referenceId', {
    body: preApprovalBody,
    essentials: (b) => {
      const body = b as Body<typeof preApprovalBody>;
      return { amount: null, currency: body.payerCurrency, externalId: null, party: body.payer };
    },
    outcomes: 'request',
    money: 'none',
    view: 'preapproval',
  }),
  kind('disbursement', 'transfer', 'v1', '/v1_0/transfer/:referenceId', transfer),
  kind('disbursement', 'deposit', 'v1', '/v1_0/deposit/:referenceId', transfer),
  kind('disbursement', 'deposit', 'v2', '/v1_0/deposit/:referenceId', transfer),
  kind('disbursement', 'refund', 'v1', '/v1_0/refund/:referenceId', refund),
  kind('disbursement', 'refund', 'v2', '/v1_0/refund/:referenceId', refund),
  kind('remittance', 'transfer', 'v1', '/v1_0/transfer/:referenceId', transfer),
  kind('remittance', 'cashtransfer', 'v2', '/v2_0/cashtransfer/:referenceId', { ...transfer, body: cashTransferBody, view: 'cashtransfer' }),
];

/** The kinds whose status is read at each status path (v1 and v2 of one operation share one). */
export function statusFamilies(): Map<string, TransactionKind[]> {
  const families = new Map<string, TransactionKind[]>();
  for (const k of TRANSACTION_KINDS) families.set(k.statusPath, [...(families.get(k.statusPath) ?? []), k]);
  return families;
}
