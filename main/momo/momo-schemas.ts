// The bodies the client sends and the answers it accepts, per MTN's OpenAPI
// specs. Requests are strict (a typo must not reach MoMo); answers are loose
// (MoMo adds fields over time) but must carry what the console relies on.
import { z } from 'zod';

export const partySchema = z.object({
  partyIdType: z.enum(['MSISDN', 'EMAIL', 'PARTY_CODE']),
  partyId: z.string().min(1).max(256),
});
export type Party = z.infer<typeof partySchema>;

/** A decimal amount as MoMo wants it: digits, at most one point, no sign or exponent. */
const amount = z.string().regex(/^\d{1,18}(\.\d{1,6})?$/, 'a positive decimal such as "1500" or "12.50"');
const currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code');
const note = z.string().max(160).optional();
const externalId = z.string().max(256).optional();

export const requestToPayBodySchema = z.strictObject({ amount, currency, externalId, payer: partySchema, payerMessage: note, payeeNote: note });
export const transferBodySchema = z.strictObject({ amount, currency, externalId, payee: partySchema, payerMessage: note, payeeNote: note });
export const refundBodySchema = z.strictObject({ amount, currency, externalId, payerMessage: note, payeeNote: note, referenceIdToRefund: z.uuid() });
export const paymentBodySchema = z.strictObject({
  externalTransactionId: z.string().max(256).optional(),
  money: z.strictObject({ amount, currency }),
  customerReference: z.string().min(1).max(256),
  serviceProviderUserName: z.string().max(256).optional(),
  couponId: z.string().optional(),
  productId: z.string().optional(),
  productOfferingId: z.string().optional(),
  receiverMessage: note,
  senderNote: note,
  maxNumberOfRetries: z.number().int().nonnegative().optional(),
  includeSenderCharges: z.boolean().optional(),
});
export const invoiceBodySchema = z.strictObject({
  externalId,
  amount,
  currency,
  validityDuration: z.string().regex(/^\d{1,8}$/, 'whole seconds').optional(),
  intendedPayer: partySchema,
  payee: partySchema,
  description: note,
});
export const preApprovalBodySchema = z.strictObject({
  payer: partySchema,
  payerCurrency: currency,
  payerMessage: note,
  validityTime: z.number().int().positive().optional(),
});
export const cashTransferBodySchema = transferBodySchema.extend({
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

export interface Reason {
  code: string;
  message: string | null;
}

/** The spec says `{code, message}`; some live answers carry a bare string. Both become one shape. */
export const reasonSchema = z
  .union([z.looseObject({ code: z.string(), message: z.string().optional() }), z.string()])
  .transform((r): Reason => (typeof r === 'string' ? { code: r, message: null } : { code: r.code, message: r.message ?? null }));

/** Any status body: the fields every operation shares, the rest kept as sent. */
export const statusBodySchema = z.looseObject({
  status: z.string().min(1),
  reason: reasonSchema.optional(),
  errorReason: reasonSchema.optional(),
  financialTransactionId: z.string().optional(),
  amount: z.string().optional(),
  currency: z.string().optional(),
  externalId: z.string().optional(),
});

export interface TransactionStatus {
  referenceId: string;
  /** PENDING, SUCCESSFUL, FAILED, and for some operations CREATED, EXPIRED, REJECTED… */
  status: string;
  reason: Reason | null;
  financialTransactionId: string | null;
  /** The answer as MoMo sent it (status bodies carry no secrets). */
  body: Record<string, unknown>;
}

export function toTransactionStatus(referenceId: string, body: z.output<typeof statusBodySchema>): TransactionStatus {
  return {
    referenceId,
    status: body.status.toUpperCase(),
    reason: body.reason ?? body.errorReason ?? null,
    financialTransactionId: body.financialTransactionId ?? null,
    body,
  };
}

export const balanceSchema = z.looseObject({ availableBalance: z.string(), currency: z.string() });
export const accountHolderActiveSchema = z.looseObject({ result: z.boolean() });
export const basicUserInfoSchema = z.looseObject({
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  birthdate: z.string().optional(),
  locale: z.string().optional(),
  gender: z.string().optional(),
  status: z.string().optional(),
});
export const accessTokenSchema = z.looseObject({ access_token: z.string().min(1), token_type: z.string().optional(), expires_in: z.number().positive() });
export const bcAuthorizeSchema = z.looseObject({ auth_req_id: z.string().min(1), interval: z.number().optional(), expires_in: z.number().optional() });
export const consentTokenSchema = accessTokenSchema.extend({
  scope: z.string().optional(),
  refresh_token: z.string().min(1),
  refresh_token_expired_in: z.number().optional(),
});
export const userInfoSchema = z.looseObject({ sub: z.string() });
export const apiUserKeySchema = z.looseObject({ apiKey: z.string().min(1) });
export const apiUserSchema = z.looseObject({ providerCallbackHost: z.string(), targetEnvironment: z.string() });
export const preApprovalDetailsSchema = z.array(z.looseObject({ preApprovalId: z.string() }));
