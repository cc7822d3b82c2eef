// The emulator's book of transactions and accounts: creation, the PENDING →
// final life cycle, money moving between product accounts, and the ledger
// view tests use to count what was really created.
import { randomInt } from 'node:crypto';
import { formatAmount, parseAmount } from '../money/amount';
import { isKnownCurrency } from '../money/currency';
import { requestOutcome, transferOutcome, type Outcome } from './test-numbers';
import type { Party, Product, TransactionKind } from './transaction-kinds';

export interface Reason {
  code: string;
  message: string;
}

export type Status = 'PENDING' | 'SUCCESSFUL' | 'FAILED';

export interface Transaction {
  kind: TransactionKind;
  referenceId: string;
  externalId: string | null;
  amountMinor: bigint | null;
  currency: string;
  party: Party | null;
  request: Record<string, unknown>;
  planned: Outcome;
  status: Status;
  reason: Reason | null;
  financialTransactionId: string | null;
  createdAt: number;
  dueAt: number;
  finalAt: number | null;
  callbackUrl: string | null;
  callbackAttempts: { at: number; outcome: string }[];
  deliveryNotifications: string[];
  /** The API user who created it: only its owner may read or act on it. */
  ownerId: string;
  /** For a refund: the request to pay it refunds, when that exists. */
  refundOf: string | null;
  refundOriginal: Transaction | null;
  /** For a request to pay: how much of it has been refunded so far. */
  refundedMinor: bigint;
  /** For a pre-approval: when its payer or creator withdrew it. */
  cancelledAt: number | null;
}

type NewTransaction = Pick<Transaction, 'kind' | 'referenceId' | 'externalId' | 'amountMinor' | 'currency' | 'party' | 'request' | 'callbackUrl' | 'refundOf' | 'ownerId'>;

/** Refunds give back collected money: they refer to a request to pay. */
const REFUNDABLE_STATUS_PATH = '/collection/v1_0/requesttopay/:referenceId';

export interface LedgerEntry {
  product: Product;
  kind: string;
  version: 'v1' | 'v2';
  referenceId: string;
  externalId: string | null;
  amount: string | null;
  currency: string;
  party: string | null;
  status: Status;
  reason: string | null;
  createdAt: string;
  finalAt: string | null;
  callbackAttempts: number;
  deliveryNotifications: number;
}

export type Balances = Record<Product, Record<string, string>>;

export class SandboxLedger {
  private readonly byStatusPath = new Map<string, Transaction>();
  private readonly all: Transaction[] = [];
  /** Transactions waiting to become final, ordered by due time. */
  private readonly due: Transaction[] = [];
  private readonly accounts = new Map<Product, Map<string, bigint>>();

  constructor(
    openingBalances: Balances,
    private readonly onFinal: (tx: Transaction) => void,
  ) {
    this.setBalances(openingBalances);
  }

  find(statusPath: string, referenceId: string): Transaction | undefined {
    return this.byStatusPath.get(`${statusPath}|${referenceId.toLowerCase()}`);
  }

  /** Records a new transaction; the caller has checked the reference id is free. */
  create(input: NewTransaction & { now: number; completeAfterMs: number }): Transaction {
    const { now, completeAfterMs, ...fields } = input;
    const refundOriginal = fields.refundOf === null ? null : (this.find(REFUNDABLE_STATUS_PATH, fields.refundOf) ?? null);
    // A refund pays the original payer, so that payer's test number decides it.
    const party = refundOriginal?.party ?? fields.party;
    const planned = fields.kind.outcomes === 'request' ? requestOutcome(party?.partyId ?? '') : transferOutcome(party?.partyId ?? '');
    const tx: Transaction = {
      ...fields,
      party,
      refundOriginal,
      refundedMinor: 0n,
      cancelledAt: null,
      planned,
      status: 'PENDING',
      reason: null,
      financialTransactionId: null,
      createdAt: now,
      dueAt: now + completeAfterMs,
      finalAt: null,
      callbackAttempts: [],
      deliveryNotifications: [],
    };
    this.byStatusPath.set(`${input.kind.statusPath}|${input.referenceId.toLowerCase()}`, tx);
    this.all.push(tx);
    if (planned.status !== 'PENDING') this.enqueue(tx);
    return tx;
  }

  /** Makes final every transaction whose time has come, oldest first. */
  settleDue(now: number): void {
    while (this.due.length > 0 && (this.due[0]?.dueAt ?? Infinity) <= now) {
      const tx = this.due.shift();
      if (tx && tx.status === 'PENDING') this.settle(tx, now);
    }
  }

  /** When the next transaction becomes due, if any. */
  nextDueAt(): number | null {
    return this.due[0]?.dueAt ?? null;
  }

  /** Every transaction of one kind, oldest first. */
  ofKind(product: Product, kind: string): Transaction[] {
    return this.all.filter((tx) => tx.kind.product === product && tx.kind.kind === kind);
  }

  /** Ends a PENDING transaction early with a failure (an invoice cancelled by its creator). */
  cancel(tx: Transaction, reason: Reason, now: number): void {
    this.finish(tx, 'FAILED', reason, now);
    const index = this.due.indexOf(tx);
    if (index >= 0) this.due.splice(index, 1);
  }

  balance(product: Product, currency: string): bigint {
    return this.accounts.get(product)?.get(currency) ?? 0n;
  }

  balances(): Balances {
    const out = { collection: {}, disbursement: {}, remittance: {} } as Balances;
    for (const [product, byCurrency] of this.accounts) {
      for (const [currency, minor] of byCurrency) out[product][currency] = formatAmount(minor, currency);
    }
    return out;
  }

  /** Sets the given balances, all or none: a bad entry throws before anything changes. */
  setBalances(balances: Partial<Balances>): void {
    const updates: [Product, string, bigint][] = [];
    for (const [product, byCurrency] of Object.entries(balances) as [Product, Record<string, string>][]) {
      for (const [currency, amount] of Object.entries(byCurrency)) {
        const parsed = /^0+(\.0+)?$/.test(amount) && isKnownCurrency(currency) ? { ok: true as const, minor: 0n } : parseAmount(amount, currency);
        if (!parsed.ok) throw new Error(`balance ${product} ${currency} "${amount}": ${parsed.problem}`);
        updates.push([product, currency, parsed.minor]);
      }
    }
    for (const [product, currency, minor] of updates) {
      const account = this.accounts.get(product) ?? new Map<string, bigint>();
      account.set(currency, minor);
      this.accounts.set(product, account);
    }
  }

  ledger(): LedgerEntry[] {
    return this.all.map((tx) => ({
      product: tx.kind.product,
      kind: tx.kind.kind,
      version: tx.kind.version,
      referenceId: tx.referenceId,
      externalId: tx.externalId,
      amount: tx.amountMinor === null ? null : formatAmount(tx.amountMinor, tx.currency),
      currency: tx.currency,
      party: tx.party?.partyId ?? null,
      status: tx.status,
      reason: tx.reason?.code ?? null,
      createdAt: new Date(tx.createdAt).toISOString(),
      finalAt: tx.finalAt === null ? null : new Date(tx.finalAt).toISOString(),
      callbackAttempts: tx.callbackAttempts.length,
      deliveryNotifications: tx.deliveryNotifications.length,
    }));
  }

  clear(openingBalances: Balances): void {
    this.byStatusPath.clear();
    this.all.length = 0;
    this.due.length = 0;
    this.accounts.clear();
    this.setBalances(openingBalances);
  }

  private enqueue(tx: Transaction): void {
    let index = this.due.length;
    while (index > 0 && (this.due[index - 1]?.dueAt ?? 0) > tx.dueAt) index -= 1;
    this.due.splice(index, 0, tx);
  }

  private settle(tx: Transaction, now: number): void {
    if (tx.planned.status === 'FAILED') {
      this.finish(tx, 'FAILED', { code: tx.planned.reason, message: tx.planned.message }, now);
      return;
    }
    const refusal = this.refundRefusal(tx) ?? this.moveMoney(tx);
    if (refusal) {
      this.finish(tx, 'FAILED', refusal, now);
      return;
    }
    if (tx.refundOriginal) tx.refundOriginal.refundedMinor += tx.amountMinor ?? 0n;
    this.finish(tx, 'SUCCESSFUL', null, now);
  }

  private refundRefusal(tx: Transaction): Reason | null {
    if (tx.refundOf === null) return null;
    const original = tx.refundOriginal;
    if (!original || original.status !== 'SUCCESSFUL' || original.ownerId !== tx.ownerId) {
      return { code: 'RESOURCE_NOT_FOUND', message: 'The transaction to refund was not found or did not succeed.' };
    }
    if (original.currency !== tx.currency || original.refundedMinor + (tx.amountMinor ?? 0n) > (original.amountMinor ?? 0n)) {
      return { code: 'NOT_ALLOWED', message: 'Refunds cannot add up to more than the original amount or change its currency.' };
    }
    return null;
  }

  private moveMoney(tx: Transaction): Reason | null {
    if (tx.kind.money === 'none' || tx.amountMinor === null) return null;
    const account = this.accounts.get(tx.kind.product) ?? new Map<string, bigint>();
    this.accounts.set(tx.kind.product, account);
    const current = account.get(tx.currency) ?? 0n;
    if (tx.kind.money === 'credit') {
      account.set(tx.currency, current + tx.amountMinor);
      return null;
    }
    if (current < tx.amountMinor) return { code: 'NOT_ENOUGH_FUNDS', message: 'The payer does not have enough funds.' };
    account.set(tx.currency, current - tx.amountMinor);
    return null;
  }

  private finish(tx: Transaction, status: Status, reason: Reason | null, now: number): void {
    tx.status = status;
    tx.reason = reason;
    tx.finalAt = now;
    if (status === 'SUCCESSFUL') tx.financialTransactionId = String(randomInt(10_000_000, 99_999_999));
    this.onFinal(tx);
  }
}
