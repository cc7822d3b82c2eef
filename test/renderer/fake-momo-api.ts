// A typed fake of window.momo for component tests: every channel answers from
// a table the test controls (a fixed answer, or a function of the arguments),
// and every call is recorded.
import { channelNames, type ChannelArgs, type ChannelName, type ChannelResult, type EventPayload, type IpcResult, type MomoApi, type SecretStatus } from '../../preload/contract';

type Answer<C extends ChannelName> = IpcResult<ChannelResult<C>> | ((args: ChannelArgs<C>) => IpcResult<ChannelResult<C>>);
type Answers = { [C in ChannelName]: Answer<C> };

const unset = { set: false, last4: null };
export const emptySecrets = (profileId: string): SecretStatus => ({
  profileId,
  apiUser: { set: false },
  apiKey: { set: false },
  subscriptionKeys: { collection: { primary: unset, secondary: unset }, disbursement: { primary: unset, secondary: unset }, remittance: { primary: unset, secondary: unset } },
  backend: 'memory',
});
const localProfile = { id: 'local-sandbox', name: 'Local sandbox', kind: 'local' as const, baseUrl: 'http://127.0.0.1', targetEnvironment: 'sandbox', currency: 'EUR', limits: {} };

export const defaultAnswers: Answers = {
  getAppInfo: {
    ok: true,
    value: { name: 'MoMo Console', version: '9.9.9', frontDoor: 'electron', runtime: { node: '24.0.0', electron: '45.0.0', chrome: '140' }, platform: 'linux', dataDir: '/home/finance/.config/MoMo Console' },
  },
  getActiveProfile: { ok: true, value: { id: 'local-sandbox', name: 'Local sandbox', kind: 'local', environment: 'sandbox', currency: 'EUR' } },
  getLocalSandbox: { ok: true, value: { state: 'running', url: 'http://127.0.0.1:41234', environment: 'sandbox', message: null } },
  openExternal: { ok: true, value: { opened: true } },
  listProfiles: { ok: true, value: { activeProfileId: 'local-sandbox', profiles: [localProfile], problem: null } },
  createProfile: (args) => ({ ok: true, value: { ...args, id: args.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), limits: args.limits ?? {} } }),
  updateProfile: { ok: false, error: { code: 'INTERNAL', message: 'not faked' } },
  deleteProfile: { ok: true, value: { deleted: true } },
  activateProfile: { ok: true, value: { id: 'local-sandbox', name: 'Local sandbox', kind: 'local', environment: 'sandbox', currency: 'EUR' } },
  setSecret: (args) => ({ ok: true, value: emptySecrets(args.profileId) }),
  clearSecret: (args) => ({ ok: true, value: emptySecrets(args.profileId) }),
  getSecretStatus: (args) => ({ ok: true, value: { ...emptySecrets(args.profileId), backend: args.profileId === 'local-sandbox' ? 'local-sandbox' : 'memory' } }),
  getKeychainStatus: { ok: true, value: { backend: 'os-keychain', label: 'the system keychain (Secret Service)', persistent: true, problem: null, advice: null } },
  provisionProfile: (args) => ({ ok: true, value: { profileId: args.profileId, providerCallbackHost: args.callbackHost, targetEnvironment: 'sandbox', reused: false } }),
  testConnection: (args) => ({ ok: true, value: { profileId: args.profileId, results: [] } }),
  getCallbackReceiver: { ok: true, value: { running: false, callbackUrl: null, port: null, source: 'setting', problem: null } },
  setCallbackReceiver: (args) => ({
    ok: true,
    value: { running: args.port !== null, callbackUrl: args.port === null ? null : `http://127.0.0.1:${args.port}/momo/callback`, port: args.port, source: 'setting', problem: null },
  }),
  importPayoutFile: (args) => ({ ok: true, value: fakeBatch(args.fileName) }),
  getBatchSummary: (args) => ({ ok: true, value: args.batchId === 'batch-2' ? { ...fakeBatch('december.csv (retry)'), batchId: 'batch-2' } : fakeBatch('december.csv') }),
  getBatchRows: (args) => ({ ok: true, value: fakeRows(args.filter, args.offset, args.limit) }),
  getBatchBalance: { ok: true, value: { available: '1,000,000.00 EUR', currency: 'EUR', fits: true, message: null } },
  approveBatch: (args) => ({ ok: true, value: { ...fakeBatch('december.csv'), approval: { state: 'approved', approvedAt: '2026-12-01T12:00:00.000Z' }, toAcknowledge: args.acknowledged.length ? [] : ['DUPLICATE_PARTY_AMOUNT'] } }),
  exportInvalidRows: { ok: true, value: { fileName: 'december-invalid-rows.csv', content: 'x' } },
  getPayoutTemplate: { ok: true, value: { fileName: 'momo-payouts-template.csv', content: 'x' } },
  checkAccountHolders: (args) => ({ ok: true, value: { batchId: args.batchId, total: 2, checked: 2, active: 1, notActive: 1, failed: 0 } }),
  startBatchRun: (args) => ({ ok: true, value: fakeRun(args.batchId, 'running') }),
  pauseBatchRun: (args) => ({ ok: true, value: fakeRun(args.batchId, 'paused') }),
  resumeBatchRun: (args) => ({ ok: true, value: fakeRun(args.batchId, 'running') }),
  cancelBatchRun: (args) => ({ ok: true, value: fakeRun(args.batchId, 'cancelled') }),
  getBatchRun: (args) => ({ ok: true, value: fakeRun(args.batchId, 'not-started') }),
  checkPaymentNow: (args) => ({ ok: true, value: fakeRun(args.batchId, 'finished') }),
  listBatches: { ok: true, value: [{ batchId: 'batch-0', fileName: 'november.csv', importedAt: '2026-11-01T09:00:00.000Z', state: 'finished' }] },
  getBatchReport: (args) => ({ ok: true, value: { fileName: args.failedOnly ? 'december-failed.csv' : 'december-results.csv', content: 'x' } }),
  retryFailedRows: () => ({ ok: true, value: { ...fakeBatch('december.csv (retry)'), batchId: 'batch-2', rows: 3, valid: 3, invalid: 0 } }),
  searchTransactions: (args) => ({
    ok: true,
    value: { rows: FAKE_TRANSACTIONS.filter((t) => !args.status || t.status === args.status), nextOffset: null, interpretedAs: args.text ? `phone number +${args.text.replace(/\D/g, '')}` : 'all transactions' },
  }),
  getTransaction: (args) => ({ ok: true, value: fakeDetail(args.referenceId) }),
  refreshTransaction: (args) => ({ ok: true, value: fakeDetail(args.referenceId) }),
  checkTransactionParty: { ok: true, value: { partyType: 'MSISDN', partyId: '256772000001', active: true, name: 'Sand Box', message: 'An active MoMo account holder: Sand Box.' } },
  sendDeliveryNotification: (args) => ({ ok: true, value: fakeDetail(args.referenceId) }),
  refundTransaction: () => ({ ok: true, value: { ...fakeDetail(FAKE_REFUND_ID), kind: 'disbursement.refund.v1', product: 'disbursement', status: 'PENDING', reason: null, reasonText: null } }),
  createTransaction: (args) => ({ ok: true, value: { ...fakeDetail(FAKE_NEW_ID), kind: args.kind, status: 'PENDING', reason: null, reasonText: null } }),
  cancelTransaction: (args) => ({ ok: true, value: fakeDetail(args.referenceId) }),
  getBalances: (args) => ({ ok: true, value: fakeBalances(args.refresh ? '2026-12-01T12:05:00.000Z' : '2026-12-01T12:00:00.000Z') }),
  getBalanceHistory: (args) => ({
    ok: true,
    value: {
      product: args.product,
      currency: 'EUR',
      points: Array.from({ length: 12 }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 20 + i, 9)).toISOString(), available: String(100_000 - i * 5_000) })),
    },
  }),
  setBalanceThreshold: { ok: true, value: fakeBalances('2026-12-01T12:00:00.000Z') },
};

export const FAKE_REFUND_ID = '6a3e9c1e-5b0f-4a37-9b1a-0d7a0d2f4c11';
export const FAKE_NEW_ID = '2c7e1f0a-1d5b-4f4e-8a3c-9e6b5d4c3b21';
export const FAKE_TRANSACTIONS = [
  { referenceId: '5f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a190', kind: 'collection.requesttopay', product: 'collection' as const, status: 'SUCCESSFUL' as const, reason: null, amount: '25.00' },
  { referenceId: '7b6a5f4e-3d2c-4b1a-9f8e-7d6c5b4a3f21', kind: 'disbursement.transfer', product: 'disbursement' as const, status: 'FAILED' as const, reason: 'PAYEE_NOT_FOUND', amount: '40.00' },
  { referenceId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b63', kind: 'disbursement.transfer', product: 'disbursement' as const, status: 'PENDING' as const, reason: null, amount: '12.50' },
].map((t, i) => ({
  ...t,
  profileId: 'local-sandbox',
  origin: i === 2 ? ('batch' as const) : ('console' as const),
  batchId: i === 2 ? 'batch-1' : null,
  externalId: `ext-${i + 1}`,
  partyType: 'MSISDN' as const,
  partyId: '256772000001',
  currency: 'EUR',
  momoStatus: null,
  createdAt: `2026-12-01T1${i}:00:00.000Z`,
  updatedAt: `2026-12-01T1${i}:00:05.000Z`,
}));

function fakeDetail(referenceId: string) {
  const [first] = FAKE_TRANSACTIONS as [(typeof FAKE_TRANSACTIONS)[number]];
  const base = FAKE_TRANSACTIONS.find((t) => t.referenceId === referenceId) ?? { ...first, referenceId };
  return {
    ...base,
    profileName: 'Local sandbox',
    profileKind: 'local' as const,
    financialTransactionId: base.status === 'SUCCESSFUL' ? '1234567890' : null,
    reasonText: base.reason === 'PAYEE_NOT_FOUND' ? 'The number receiving the money has no MoMo account.' : null,
    request: { amount: base.amount, currency: 'EUR', externalId: base.externalId, payer: { partyIdType: 'MSISDN', partyId: base.partyId } },
    timeline: [
      { at: base.createdAt, kind: 'reserved', text: 'Reference id stored before sending', details: {} },
      { at: base.createdAt, kind: 'accepted', text: 'MoMo accepted the request (202)', details: {} },
      { at: base.updatedAt, kind: 'status-final', text: `MoMo says ${base.status}`, details: { status: base.status } },
    ],
    actions: { refresh: true, checkParty: true, deliveryNotification: base.kind === 'collection.requesttopay' && base.status === 'SUCCESSFUL', refund: base.kind === 'collection.requesttopay' && base.status === 'SUCCESSFUL', cancel: false },
    related: [],
  };
}

function fakeBalances(at: string) {
  return {
    profileId: 'local-sandbox',
    currency: 'EUR',
    readings: [
      { product: 'collection' as const, currency: 'EUR', available: '150000.00', at, threshold: null, low: false, problem: null },
      { product: 'disbursement' as const, currency: 'EUR', available: '900.00', at, threshold: '1000.00', low: true, problem: null },
      { product: 'remittance' as const, currency: 'EUR', available: null, at: null, threshold: null, low: false, problem: 'No subscription key for remittance.' },
    ],
  };
}

function fakeRun(batchId: string, state: string) {
  return { batchId, total: 99_900, state, pauseReason: null, counts: { QUEUED: 99_900, SENDING: 0, PENDING: 0, SUCCESSFUL: 0, FAILED: 0, UNKNOWN: 0 }, amounts: { QUEUED: '4999000.00', SUCCESSFUL: '0' } };
}

/** A batch of 100,000 rows where every 1,000th row is invalid and every 500th (otherwise valid) has a warning. */
const FAKE_ROWS = 100_000;
const isInvalid = (i: number) => i % 1000 === 7;
const hasWarning = (i: number) => !isInvalid(i) && i % 500 === 3;
function fakeBatch(fileName: string) {
  const invalid = Math.floor((FAKE_ROWS - 8) / 1000) + 1;
  return {
    batchId: 'batch-1',
    fileName,
    importedAt: '2026-12-01T12:00:00.000Z',
    profileId: 'local-sandbox',
    rows: FAKE_ROWS,
    valid: FAKE_ROWS - invalid,
    invalid,
    excluded: 0,
    totals: [{ currency: 'EUR', count: FAKE_ROWS - invalid, amount: '4999000.00' }],
    fileWarnings: [],
    toAcknowledge: ['DUPLICATE_PARTY_AMOUNT'],
    approval: { state: 'none' as const, approvedAt: null },
  };
}
function fakeRows(filter: 'all' | 'valid' | 'invalid' | 'warning', offset: number, limit: number) {
  const keep = (i: number) => filter === 'all' || (filter === 'invalid' ? isInvalid(i) : filter === 'warning' ? hasWarning(i) : !isInvalid(i));
  const indexes: number[] = [];
  for (let i = 0; i < FAKE_ROWS; i += 1) if (keep(i)) indexes.push(i);
  return {
    total: indexes.length,
    rows: indexes.slice(offset, offset + limit).map((i) => ({
      index: i,
      line: i + 2,
      partyType: 'MSISDN',
      partyId: isInvalid(i) ? null : `2567720${String(i).padStart(5, '0')}`,
      partyInput: `2567720${String(i).padStart(5, '0')}`,
      amountInput: isInvalid(i) ? 'abc' : '50',
      amount: isInvalid(i) ? null : '50.00',
      currency: 'EUR',
      externalId: `row-${i}`,
      name: `Person ${i}`,
      payerMessage: '',
      payeeNote: '',
      errors: isInvalid(i) ? [{ line: i + 2, column: 'amount', field: 'amount', code: 'AMOUNT_FORMAT', message: '"abc" is not an amount' }] : [],
      warnings: hasWarning(i) ? [{ line: i + 2, column: 'party', field: 'party', code: 'DUPLICATE_PARTY_AMOUNT', message: 'the same party and amount as line 2' }] : [],
      excluded: false,
      holder: i === 1 ? ('not-active' as const) : null,
      payment: i === 5 ? { status: 'UNKNOWN' as const, referenceId: '0f215618-6cea-4368-b4cf-31d5710fb9eb', reason: 'no final status within 1440 min' } : null,
    })),
  };
}

export function createFakeMomoApi(overrides: Partial<Answers> = {}) {
  const answers = { ...defaultAnswers, ...overrides };
  const calls: { channel: ChannelName; args: unknown }[] = [];
  const answer =
    <C extends ChannelName>(channel: C) =>
    async (args: ChannelArgs<C>) => {
      calls.push({ channel, args });
      const given = answers[channel] as Answer<C>;
      return typeof given === 'function' ? given(args) : given;
    };
  const progressListeners = new Set<(payload: EventPayload<'accountCheckProgress'>) => void>();
  const batchListeners = new Set<(payload: EventPayload<'batchProgress'>) => void>();
  const balanceListeners = new Set<(payload: EventPayload<'balances'>) => void>();
  const api = {
    ...(Object.fromEntries(channelNames.map((name) => [name, answer(name)])) as { [C in ChannelName]: (args: ChannelArgs<C>) => Promise<IpcResult<ChannelResult<C>>> }),
    onBatchProgress: (listener: (payload: EventPayload<'batchProgress'>) => void) => {
      batchListeners.add(listener);
      return () => batchListeners.delete(listener);
    },
    onTransactionStatus: () => () => {},
    onBalances: (listener: (payload: EventPayload<'balances'>) => void) => {
      balanceListeners.add(listener);
      return () => balanceListeners.delete(listener);
    },
    onAccountCheckProgress: (listener: (payload: EventPayload<'accountCheckProgress'>) => void) => {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
  } satisfies MomoApi;
  /** Pushes an account-check progress event, as main would. */
  const pushProgress = (payload: EventPayload<'accountCheckProgress'>) => progressListeners.forEach((listener) => listener(payload));
  /** Pushes a batch run's progress, as main would. */
  const pushRun = (payload: EventPayload<'batchProgress'>) => batchListeners.forEach((listener) => listener(payload));
  /** Pushes new balance readings, as main's timer would. */
  const pushBalances = (payload: EventPayload<'balances'>) => balanceListeners.forEach((listener) => listener(payload));
  return { api, calls, pushProgress, pushRun, pushBalances };
}
