// THE contract between the renderer and main. Every call and every event that
// crosses the bridge is declared here with its zod schemas; main implements it,
// the preload (and the loopback test bridge) expose it, the renderer's types
// are inferred from it. Nothing that is not in this file crosses the bridge.
import { z } from 'zod';

export const profileKindSchema = z.enum(['local', 'sandbox', 'production']);

export const activeProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: profileKindSchema,
  environment: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

export const decimalAmount = z.string().regex(/^\d{1,15}(\.\d{1,6})?$/, 'a positive decimal such as "5000" or "250.50"');
const hostName = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/, 'a host name such as "payouts.example.com"');

/** The settings a profile keeps on disk (never a secret). */
export const profileSettingsSchema = z.object({
  name: z.string().trim().min(1, 'a name is required').max(60),
  kind: profileKindSchema,
  baseUrl: z.url({ protocol: /^https?$/, message: 'an http(s) URL such as https://proxy.momoapi.mtn.com' }),
  /** sandbox, mtnuganda, mtnghana, … */
  targetEnvironment: z.string().regex(/^[a-z0-9]{2,40}$/i, 'letters and digits, such as "sandbox" or "mtnuganda"'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as EUR or UGX'),
  callbackHost: hostName.optional(),
  /** The country phone numbers are read in when they have no international prefix. */
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code such as UG').optional(),
  limits: z.object({ maxRowAmount: decimalAmount.optional(), maxBatchTotal: decimalAmount.optional() }).strict().default({}),
});

export const profileSchema = profileSettingsSchema.extend({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/),
});
export type Profile = z.output<typeof profileSchema>;

export const profileListSchema = z.object({
  activeProfileId: z.string(),
  profiles: z.array(profileSchema),
  /** Set when the profile file could not be read and was set aside. */
  problem: z.object({ message: z.string(), setAsideAs: z.string().nullable() }).nullable(),
});

export const productSchema = z.enum(['collection', 'disbursement', 'remittance']);

/** Names one secret of a profile; the value itself only ever travels towards main. */
export const secretRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api-user') }).strict(),
  z.object({ kind: z.literal('api-key') }).strict(),
  z.object({ kind: z.literal('subscription-key'), product: productSchema, slot: z.enum(['primary', 'secondary']).default('primary') }).strict(),
]);
export type SecretRef = z.output<typeof secretRefSchema>;

const secretState = z.object({ set: z.boolean() });
const keyState = secretState.extend({ last4: z.string().max(4).nullable() });
export const secretStatusSchema = z.object({
  profileId: z.string(),
  apiUser: secretState,
  apiKey: secretState,
  subscriptionKeys: z.record(productSchema, z.object({ primary: keyState, secondary: keyState })),
  /** Where these secrets are kept. */
  backend: z.enum(['os-keychain', 'memory', 'local-sandbox']),
});
export type SecretStatus = z.output<typeof secretStatusSchema>;

export const keychainStatusSchema = z.object({
  backend: z.enum(['os-keychain', 'memory']),
  label: z.string(),
  persistent: z.boolean(),
  problem: z.string().nullable(),
  advice: z.string().nullable(),
});

export const connectionTestSchema = z.object({
  profileId: z.string(),
  results: z.array(
    z.object({
      product: productSchema,
      outcome: z.enum(['ok', 'failed', 'skipped']),
      /** "1,000,000.00 EUR available" when ok. */
      balance: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
});

export const provisionResultSchema = z.object({
  profileId: z.string(),
  providerCallbackHost: z.string(),
  targetEnvironment: z.string(),
  /** Whether MoMo already had this API user (a retried provisioning). */
  reused: z.boolean(),
});

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  frontDoor: z.enum(['electron', 'test-bridge']),
  runtime: z.object({
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
  }),
  platform: z.string(),
  dataDir: z.string(),
});

export const localSandboxSchema = z.object({
  state: z.enum(['starting', 'running', 'stopped', 'failed']),
  url: z.string().url().nullable(),
  environment: z.string(),
  message: z.string().nullable(),
});

export const externalUrlSchema = z.object({
  url: z.string().url().max(2048),
});

const noArgs = z.object({}).strict();

const issueSchema = z.object({ line: z.number().int(), column: z.string(), field: z.string().optional(), code: z.string(), message: z.string() });
const fileWarningSchema = z.object({ line: z.null(), column: z.null(), code: z.string(), message: z.string() });
const totalSchema = z.object({ currency: z.string(), count: z.number().int(), amount: z.string() });

export const batchSummarySchema = z.object({
  batchId: z.string(),
  fileName: z.string(),
  importedAt: z.string(),
  profileId: z.string(),
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  excluded: z.number().int(),
  totals: z.array(totalSchema),
  fileWarnings: z.array(fileWarningSchema),
  toAcknowledge: z.array(z.string()),
  approval: z.object({ state: z.enum(['none', 'approved', 'voided']), approvedAt: z.string().nullable() }),
});
export type BatchSummaryView = z.output<typeof batchSummarySchema>;

export const batchRowSchema = z.object({
  index: z.number().int(),
  line: z.number().int(),
  partyType: z.string().nullable(),
  partyId: z.string().nullable(),
  /** The party and amount as typed in the file. */
  partyInput: z.string(),
  amountInput: z.string(),
  /** A decimal string in the row's currency; amounts never cross the bridge as floats. */
  amount: z.string().nullable(),
  currency: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  payerMessage: z.string(),
  payeeNote: z.string(),
  errors: z.array(issueSchema),
  warnings: z.array(issueSchema),
  excluded: z.boolean(),
  /** From the optional account-holder check: null until checked. */
  holder: z.enum(['active', 'not-active', 'check-failed', 'not-checkable']).nullable(),
  /** The payment, once the batch runs: its latest attempt. */
  payment: z.object({ status: z.enum(['SENDING', 'PENDING', 'SUCCESSFUL', 'FAILED', 'UNKNOWN']), referenceId: z.string(), reason: z.string().nullable() }).nullable(),
});
export type BatchRowView = z.output<typeof batchRowSchema>;

export const rowFilterSchema = z.enum(['all', 'valid', 'invalid', 'warning']);
const csvFileSchema = z.object({ fileName: z.string(), content: z.string() });

export const batchProgressSchema = z.object({
  batchId: z.string().min(1),
  total: z.number().int().nonnegative(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  state: z.string().optional(),
  pauseReason: z.string().nullable().optional(),
  /** Per status, decimal strings in the batch's currency. */
  amounts: z.record(z.string(), z.string()).optional(),
});


export const accountCheckProgressSchema = z.object({
  batchId: z.string(),
  total: z.number().int().nonnegative(),
  checked: z.number().int().nonnegative(),
  active: z.number().int().nonnegative(),
  notActive: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});


export const callbackReceiverSchema = z.object({
  running: z.boolean(),
  callbackUrl: z.string().nullable(),
  port: z.number().int().nullable(),
  source: z.enum(['setting', 'process', 'off']),
  problem: z.string().nullable(),
});


// ── Support and treasury ────────────────────────────────────────────────────

/** Operations an agent can start one at a time (refunds start from the transaction they refund). */
export const singleOperationSchema = z.enum([
  'collection.requesttopay',
  'collection.requesttowithdraw.v1',
  'collection.requesttowithdraw.v2',
  'collection.payment',
  'collection.invoice',
  'collection.preapproval',
  'disbursement.transfer',
  'disbursement.deposit.v1',
  'disbursement.deposit.v2',
  'remittance.transfer',
  'remittance.cashtransfer',
]);
export type SingleOperation = z.output<typeof singleOperationSchema>;
export const displayStatusSchema = z.enum(['PENDING', 'SUCCESSFUL', 'FAILED', 'UNKNOWN']);
const partyTypeSchema = z.enum(['MSISDN', 'EMAIL', 'PARTY_CODE']);

export const transactionSchema = z.object({
  referenceId: z.string(),
  profileId: z.string(),
  /** The operation, as in singleOperationSchema, or disbursement.refund.v1/v2. */
  kind: z.string(),
  product: productSchema,
  /** console: started here one at a time; batch: a payout row; lookup: found at MoMo by its reference id. */
  origin: z.enum(['console', 'batch', 'lookup']),
  batchId: z.string().nullable(),
  externalId: z.string().nullable(),
  partyType: partyTypeSchema.nullable(),
  partyId: z.string().nullable(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  status: displayStatusSchema,
  /** MoMo's own word when it is more than the four above (CREATED, EXPIRED, APPROVED…). */
  momoStatus: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TransactionView = z.output<typeof transactionSchema>;

export const transactionDetailSchema = transactionSchema.extend({
  /** The profile it was made with (an action on it is confirmed against this profile, not the active one). */
  profileName: z.string().nullable(),
  profileKind: profileKindSchema.nullable(),
  financialTransactionId: z.string().nullable(),
  /** The reason in words an agent can read to a customer. */
  reasonText: z.string().nullable(),
  /** The request as sent (it never carries a secret). */
  request: z.unknown(),
  timeline: z.array(z.object({ at: z.string(), kind: z.string(), text: z.string(), details: z.unknown() })),
  actions: z.object({ refresh: z.boolean(), checkParty: z.boolean(), deliveryNotification: z.boolean(), refund: z.boolean(), cancel: z.boolean() }),
  related: z.array(z.object({ referenceId: z.string(), kind: z.string(), status: displayStatusSchema, relation: z.string() })),
});
export type TransactionDetail = z.output<typeof transactionDetailSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'a date such as 2026-12-01');
export const transactionSearchSchema = z
  .object({
    /** A reference id, an external id, a phone number or an email: the console tells which. */
    text: z.string().trim().max(256).optional(),
    status: displayStatusSchema.optional(),
    kind: z.string().max(64).optional(),
    profileId: z.string().max(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    minAmount: decimalAmount.optional(),
    maxAmount: decimalAmount.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TransactionSearch = z.input<typeof transactionSearchSchema>;

export const balanceReadingSchema = z.object({
  product: productSchema,
  currency: z.string(),
  available: z.string().nullable(),
  at: z.string().nullable(),
  threshold: z.string().nullable(),
  /** At or under the warning threshold. */
  low: z.boolean(),
  /** Why there is no reading (no subscription key, MoMo refused…). */
  problem: z.string().nullable(),
});
export const balancesSchema = z.object({ profileId: z.string(), currency: z.string(), readings: z.array(balanceReadingSchema) });

/** One entry per function exposed on `window.momo`. */
export const channels = {
  getAppInfo: { args: noArgs, result: appInfoSchema },
  getActiveProfile: { args: noArgs, result: activeProfileSchema },
  getLocalSandbox: { args: noArgs, result: localSandboxSchema },
  openExternal: { args: externalUrlSchema.strict(), result: z.object({ opened: z.literal(true) }) },
  listProfiles: { args: noArgs, result: profileListSchema },
  createProfile: { args: profileSettingsSchema.extend({ kind: z.enum(['sandbox', 'production']) }).strict(), result: profileSchema },
  updateProfile: { args: z.object({ id: z.string().min(1), changes: profileSettingsSchema.omit({ kind: true }).partial().strict() }).strict(), result: profileSchema },
  deleteProfile: { args: z.object({ id: z.string().min(1) }).strict(), result: z.object({ deleted: z.literal(true) }) },
  /** A production profile is activated only with its name typed again. */
  activateProfile: { args: z.object({ id: z.string().min(1), confirmName: z.string().optional() }).strict(), result: activeProfileSchema },
  /** Write-only: the value goes in, only the status comes back. */
  setSecret: { args: z.object({ profileId: z.string().min(1), secret: secretRefSchema, value: z.string().min(1).max(512) }).strict(), result: secretStatusSchema },
  clearSecret: { args: z.object({ profileId: z.string().min(1), secret: secretRefSchema }).strict(), result: secretStatusSchema },
  getSecretStatus: { args: z.object({ profileId: z.string().min(1) }).strict(), result: secretStatusSchema },
  getKeychainStatus: { args: noArgs, result: keychainStatusSchema },
  provisionProfile: { args: z.object({ profileId: z.string().min(1), callbackHost: hostName }).strict(), result: provisionResultSchema },
  testConnection: { args: z.object({ profileId: z.string().min(1) }).strict(), result: connectionTestSchema },
  getCallbackReceiver: { args: noArgs, result: callbackReceiverSchema },
  /** Listens for MoMo's callbacks on this loopback port from now on (null: off); saved only once it listens. */
  setCallbackReceiver: { args: z.object({ port: z.number().int().min(1024, 'a port from 1024 to 65535').max(65535, 'a port from 1024 to 65535').nullable() }).strict(), result: callbackReceiverSchema },
  /** A payout file for the active profile, as base64 (files up to 20 MB). */
  importPayoutFile: {
    args: z
      .object({
        fileName: z.string().min(1).max(255),
        contentBase64: z.base64().max(28_000_000, 'the file is over the 20 MB limit'),
        generateExternalIds: z.boolean().default(false),
        messageCharacters: z.enum(['strip', 'refuse']).default('strip'),
      })
      .strict(),
    result: batchSummarySchema,
  },
  getBatchSummary: { args: z.object({ batchId: z.string().min(1) }).strict(), result: batchSummarySchema },
  getBatchRows: {
    args: z.object({ batchId: z.string().min(1), filter: rowFilterSchema, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }).strict(),
    result: z.object({ total: z.number().int(), rows: z.array(batchRowSchema) }),
  },
  getBatchBalance: {
    args: z.object({ batchId: z.string().min(1) }).strict(),
    result: z.object({ available: z.string().nullable(), currency: z.string(), fits: z.boolean().nullable(), message: z.string().nullable() }),
  },
  approveBatch: {
    args: z.object({ batchId: z.string().min(1), typedTotal: z.string().max(64), confirmName: z.string().max(120).optional(), acknowledged: z.array(z.string().max(64)).max(20) }).strict(),
    result: batchSummarySchema,
  },
  exportInvalidRows: { args: z.object({ batchId: z.string().min(1) }).strict(), result: csvFileSchema },
  getPayoutTemplate: { args: noArgs, result: csvFileSchema },
  /** Starts paying an approved batch; progress comes as batchProgress events. */
  startBatchRun: { args: z.object({ batchId: z.string().min(1), operation: z.enum(['transfer', 'deposit-v1', 'deposit-v2']).default('transfer') }).strict(), result: batchProgressSchema },
  pauseBatchRun: { args: z.object({ batchId: z.string().min(1) }).strict(), result: batchProgressSchema },
  resumeBatchRun: { args: z.object({ batchId: z.string().min(1) }).strict(), result: batchProgressSchema },
  /** Sends nothing more; what was sent is still tracked. */
  cancelBatchRun: { args: z.object({ batchId: z.string().min(1) }).strict(), result: batchProgressSchema },
  getBatchRun: { args: z.object({ batchId: z.string().min(1) }).strict(), result: batchProgressSchema },
  /** "Check now": reads one row's payment by GET and records what MoMo says (for UNKNOWN rows above all). */
  checkPaymentNow: { args: z.object({ batchId: z.string().min(1), rowIndex: z.number().int().min(0) }).strict(), result: batchProgressSchema },
  listBatches: {
    args: noArgs,
    result: z.array(z.object({ batchId: z.string(), fileName: z.string(), importedAt: z.string(), state: z.string() })),
  },
  getBatchReport: { args: z.object({ batchId: z.string().min(1), failedOnly: z.boolean().default(false) }).strict(), result: csvFileSchema },
  /** A new batch of the rows that failed for a reason that may pass later (or the rows named), to approve and run. */
  retryFailedRows: { args: z.object({ batchId: z.string().min(1), overrideRows: z.array(z.number().int().min(0)).max(100_000).default([]) }).strict(), result: batchSummarySchema },
  /** Optional: asks MoMo, paced, whether each payee is an active account holder; progress comes as accountCheckProgress. */
  checkAccountHolders: { args: z.object({ batchId: z.string().min(1) }).strict(), result: accountCheckProgressSchema },
  searchTransactions: {
    args: transactionSearchSchema,
    result: z.object({ rows: z.array(transactionSchema), nextOffset: z.number().int().nullable(), interpretedAs: z.string() }),
  },
  /** A reference id the console does not know is looked up at MoMo (each product, or the one named) and kept when found. */
  getTransaction: { args: z.object({ referenceId: z.string().trim().min(1).max(64), product: productSchema.optional() }).strict(), result: transactionDetailSchema },
  refreshTransaction: { args: z.object({ referenceId: z.string().min(1) }).strict(), result: transactionDetailSchema },
  /** Is the party an active account holder, and under what name (basic user info). */
  checkTransactionParty: {
    args: z.object({ referenceId: z.string().min(1) }).strict(),
    result: z.object({ partyType: partyTypeSchema, partyId: z.string(), active: z.boolean().nullable(), name: z.string().nullable(), message: z.string() }),
  },
  sendDeliveryNotification: { args: z.object({ referenceId: z.string().min(1), message: z.string().trim().min(1, 'a message is required').max(160, 'at most 160 characters') }).strict(), result: transactionDetailSchema },
  /** Refunds a successful collection through the disbursement API; the amount is typed again to approve it. */
  refundTransaction: {
    args: z
      .object({
        referenceId: z.string().min(1),
        amount: decimalAmount,
        typedAmount: z.string().max(64),
        confirmName: z.string().max(120).optional(),
        version: z.enum(['v1', 'v2']).default('v1'),
        payerMessage: z.string().max(160).default(''),
        payeeNote: z.string().max(160).default(''),
      })
      .strict(),
    result: transactionDetailSchema,
  },
  /** One payment or collection, checked as a CSV row is; it lands on its transaction page and is tracked. */
  createTransaction: {
    args: z
      .object({
        kind: singleOperationSchema,
        party: z.string().trim().min(1, 'the phone number, email or party code is required').max(256),
        partyType: partyTypeSchema.default('MSISDN'),
        amount: decimalAmount.optional(),
        externalId: z.string().trim().max(256).optional(),
        payerMessage: z.string().max(160).default(''),
        payeeNote: z.string().max(160).default(''),
        /** Invoices: who is paid; pre-approvals and invoices: how long it stays open. */
        payee: z.object({ partyType: partyTypeSchema, party: z.string().trim().min(1).max(256) }).strict().optional(),
        validitySeconds: z.number().int().min(1).max(99_999_999).optional(),
        confirmName: z.string().max(120).optional(),
      })
      .strict(),
    result: transactionDetailSchema,
  },
  /** Cancels a pending invoice, or a pre-approval. */
  cancelTransaction: { args: z.object({ referenceId: z.string().min(1) }).strict(), result: transactionDetailSchema },
  /** The active profile's balances: the last stored readings, or fresh ones with refresh (in `currency` when asked). */
  getBalances: {
    args: z.object({ refresh: z.boolean().default(false), currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code such as UGX').optional() }).strict(),
    result: balancesSchema,
  },
  getBalanceHistory: {
    args: z.object({ product: productSchema, days: z.number().int().min(1).max(366).default(30) }).strict(),
    result: z.object({ product: productSchema, currency: z.string(), points: z.array(z.object({ at: z.string(), available: z.string() })) }),
  },
  /** Warn when a product's balance is at or under this amount (null: no warning). */
  setBalanceThreshold: { args: z.object({ product: productSchema, amount: decimalAmount.nullable() }).strict(), result: balancesSchema },
} as const;


export const transactionStatusSchema = z.object({
  referenceId: z.string().uuid(),
  status: z.enum(['PENDING', 'SUCCESSFUL', 'FAILED', 'UNKNOWN']),
  at: z.string(),
});

/** Events main pushes to the renderer; each becomes `window.momo.on<Name>(listener)`. */
export const events = {
  batchProgress: batchProgressSchema,
  transactionStatus: transactionStatusSchema,
  accountCheckProgress: accountCheckProgressSchema,
  /** New readings of the active profile's balances (the timer's, or anyone's refresh). */
  balances: balancesSchema,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;

export type ChannelArgs<C extends ChannelName> = z.input<Channels[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.output<Channels[C]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const ipcErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type MomoApi = {
  [C in ChannelName]: (args: ChannelArgs<C>) => Promise<IpcResult<ChannelResult<C>>>;
} & {
  [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

/** The IPC channel string a function travels on; prefixed so it never collides with Electron's own. */
export const ipcChannel = (name: ChannelName): string => `momo:${name}`;
export const ipcEventChannel = (name: EventName): string => `momo-event:${name}`;
export const eventListenerName = (name: EventName): string =>
  `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];
