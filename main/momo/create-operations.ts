// Every MoMo operation that creates a transaction under the caller's own
// X-Reference-Id, with where its status is read back. The idempotent create
// needs both halves: it may only send again after the status read says 404.
import type { z } from 'zod';
import type { MomoProduct } from './momo-connection';
import {
  cashTransferBodySchema,
  invoiceBodySchema,
  paymentBodySchema,
  preApprovalBodySchema,
  refundBodySchema,
  requestToPayBodySchema,
  transferBodySchema,
} from './momo-schemas';

export interface CreateOperation<S extends z.ZodType = z.ZodType> {
  product: MomoProduct;
  createPath: string;
  /** The status resource, `{referenceId}` appended. v1 and v2 of one operation share it. */
  statusPath: string;
  body: S;
}

const op = <S extends z.ZodType>(product: MomoProduct, createPath: string, statusPath: string, body: S): CreateOperation<S> => ({
  product,
  createPath: `/${product}${createPath}`,
  statusPath: `/${product}${statusPath}`,
  body,
});

export const CREATE_OPERATIONS = {
  'collection.requesttopay': op('collection', '/v1_0/requesttopay', '/v1_0/requesttopay', requestToPayBodySchema),
  'collection.requesttowithdraw.v1': op('collection', '/v1_0/requesttowithdraw', '/v1_0/requesttowithdraw', requestToPayBodySchema),
  'collection.requesttowithdraw.v2': op('collection', '/v2_0/requesttowithdraw', '/v1_0/requesttowithdraw', requestToPayBodySchema),
  'collection.payment': op('collection', '/v2_0/payment', '/v2_0/payment', paymentBodySchema),
  'collection.invoice': op('collection', '/v2_0/invoice', '/v2_0/invoice', invoiceBodySchema),
  'collection.preapproval': op('collection', '/v2_0/preapproval', '/v2_0/preapproval', preApprovalBodySchema),
  'disbursement.transfer': op('disbursement', '/v1_0/transfer', '/v1_0/transfer', transferBodySchema),
  'disbursement.deposit.v1': op('disbursement', '/v1_0/deposit', '/v1_0/deposit', transferBodySchema),
  'disbursement.deposit.v2': op('disbursement', '/v2_0/deposit', '/v1_0/deposit', transferBodySchema),
  'disbursement.refund.v1': op('disbursement', '/v1_0/refund', '/v1_0/refund', refundBodySchema),
  'disbursement.refund.v2': op('disbursement', '/v2_0/refund', '/v1_0/refund', refundBodySchema),
  'remittance.transfer': op('remittance', '/v1_0/transfer', '/v1_0/transfer', transferBodySchema),
  'remittance.cashtransfer': op('remittance', '/v2_0/cashtransfer', '/v2_0/cashtransfer', cashTransferBodySchema),
} as const;

export type CreateKind = keyof typeof CREATE_OPERATIONS;
export type CreateBody<K extends CreateKind> = z.input<(typeof CREATE_OPERATIONS)[K]['body']>;
