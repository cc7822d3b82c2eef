// Runs an approved batch through the disbursement API so that no row is paid
// twice and none is lost, whatever fails:
//   - a row's reference id is committed to the journal before its POST;
//   - sends go through the client's idempotent create (same id on every retry);
//   - after a crash, every row with an id and no known outcome is looked up
//     by GET first: 404 → sent again under the same id; found → adopted;
//   - after a 202, the status is read with backoff until it is final, and a
//     row that never settles becomes UNKNOWN, never FAILED.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import pThrottle from 'p-throttle';
import { AppError } from '../ipc/app-error';
import { formatAmount } from '../money/amount';
import type { CreateKind } from '../momo/create-operations';
import type { CreateOutcome } from '../momo/idempotent-create';
import type { MomoClient } from '../momo/momo-client';
import { MomoConfigError, MomoError } from '../momo/momo-errors';
import type { TransactionStatus } from '../momo/momo-schemas';
import type { BatchRepository, StoredRow } from '../store/batch-repository';
import type { AttemptRecord, RunJournal } from '../store/run-journal';
import type { PayoutBatches } from './batch-service';
import { DEFAULT_STATUS_SCHEDULE, nextCheckInMs, noFinalStatusReason, pastWindow } from '../tracking/status-schedule';

export const OPERATIONS = { transfer: 'disbursement.transfer', 'deposit-v1': 'disbursement.deposit.v1', 'deposit-v2': 'disbursement.deposit.v2' } as const satisfies Record<string, CreateKind>;
export type Operation = keyof typeof OPERATIONS;

export interface RunnerSettings {
  operation: Operation;
  concurrency: number;
  /** Payment requests per second at most. */
  ratePerSecond: number;
  /** Pause the batch after this many payments in a row end with no clear outcome. */
  pauseAfterUnclear: number;
  firstCheckMs: number;
  maxCheckMs: number;
  /** A payment with no final status this long after it was sent becomes UNKNOWN. */
  unknownAfterMs: number;
  /** Stop once everything is sent, without waiting for final statuses. */
  noWait: boolean;
}

export const DEFAULT_RUNNER_SETTINGS: RunnerSettings = {
  operation: 'transfer',
  concurrency: 8,
  ratePerSecond: 20,
  pauseAfterUnclear: 10,
  ...DEFAULT_STATUS_SCHEDULE,
  noWait: false,
};

export type RowStatus = 'QUEUED' | 'SENDING' | 'PENDING' | 'SUCCESSFUL' | 'FAILED' | 'UNKNOWN';

export interface RunSummary {
  batchId: string;
  state: string;
  pauseReason: string | null;
  counts: Record<RowStatus, number>;
  amounts: Record<RowStatus, string>;
}

export interface RunnerDeps {
  journal: RunJournal;
  batches: BatchRepository;
  payouts: PayoutBatches;
  client: MomoClient;
  /** Where `client` reaches (connection-fingerprint.ts): kept at start, checked on every resume. */
  connection?: string;
  now(): Date;
  onProgress?(summary: RunSummary): void;
}

/** A runner renews its hold on a batch a few times within this; a dead process's hold runs out after it. */
const LEASE_MS = 30_000;

/** How each attempt state shows as a row's payment status. */
export const STATE_TO_STATUS = { reserved: 'SENDING', unresolved: 'SENDING', accepted: 'PENDING', SUCCESSFUL: 'SUCCESSFUL', FAILED: 'FAILED', UNKNOWN: 'UNKNOWN' } as const;

export class BatchRunner {
  private unclearInARow = 0;
  private lastProgress = 0;
  private stopping = false;
  /** Who holds the batch while this runner works on it: host, process and runner, so a dead holder on this host can be recognised. */
  private readonly owner = `${hostname()}|${process.pid}|${randomUUID()}`;

  constructor(private readonly deps: RunnerDeps) {}

  /** Starts an approved batch: the approval must still match the rows, and the balance must cover the total. */
  async start(batchId: string, settings: RunnerSettings = DEFAULT_RUNNER_SETTINGS): Promise<RunSummary> {
    const { payouts, journal } = this.deps;
    if (journal.run(batchId)) throw new AppError('ALREADY_STARTED', `Batch ${batchId} was started before; resume it instead.`);
    if (!payouts.approvalHolds(batchId)) throw new AppError('NOT_APPROVED', `Batch ${batchId} has no approval that matches its rows; approve it first.`);
    const balance = await payouts.balance(batchId);
    if (balance.fits === false) throw new AppError('INSUFFICIENT_BALANCE', `The disbursement balance (${balance.available}) does not cover this batch.`);
    journal.startRun(batchId, settings.operation, this.at(), this.deps.connection ?? null);
    return this.holding(batchId, () => this.drive(batchId, settings));
  }

  /** Picks a batch up again: first reconciles every row that has a reference id and no known outcome, then goes on. */
  async resume(batchId: string, settings: RunnerSettings = DEFAULT_RUNNER_SETTINGS): Promise<RunSummary> {
    const run = this.deps.journal.run(batchId);
    if (!run) throw new AppError('NOT_STARTED', `Batch ${batchId} was never started.`);
    // Rows may have changed while it was paused (an excluded row taken back in): the approval must still hold.
    if ((run.state === 'paused' || run.state === 'running') && !this.deps.payouts.approvalHolds(batchId)) {
      throw new AppError('NOT_APPROVED', `Batch ${batchId} changed since it was approved; approve it again before it goes on.`);
    }
    this.sameConnection(batchId);
    return this.holding(batchId, async () => {
      if (run.state === 'paused') this.deps.journal.setRunState(batchId, 'running', null, this.at());
      await this.reconcile(batchId, { ...settings, operation: run.operation as Operation });
      return this.drive(batchId, { ...settings, operation: run.operation as Operation });
    });
  }

  /**
   * A batch goes on only through the MoMo (and API user) it was started on: a
   * profile edited to point elsewhere would look its sent rows up there, find
   * nothing, and pay them again. It is paused, saying why.
   */
  private sameConnection(batchId: string): void {
    const started = this.deps.journal.run(batchId)?.connection ?? null;
    if (started === null || this.deps.connection === undefined || started === this.deps.connection) return;
    const reason = 'Its profile now points at another MoMo (address, environment, currency or API user) than the one this batch was started on; point it back to go on.';
    this.pause(batchId, reason);
    throw new AppError('PROFILE_CHANGED', `Batch ${batchId}: ${reason}`);
  }

  /** Works on the batch only while holding its lease, renewed as long as the work goes on. */
  private async holding(batchId: string, work: () => Promise<RunSummary>): Promise<RunSummary> {
    const { journal } = this.deps;
    const claim = () => journal.claim(batchId, this.owner, this.at(), this.later(LEASE_MS));
    if (!claim()) {
      // A holder on this machine whose process is gone (killed, crashed) holds nothing.
      const holder = journal.holder(batchId);
      if (!holder || !isDeadLocalHolder(holder) || !journal.takeOver(batchId, holder, this.owner, this.later(LEASE_MS))) {
        throw new AppError('BATCH_BUSY', `Batch ${batchId} is being run by another window or process; it can be resumed here once that one stops.`);
      }
    }
    const renew = setInterval(() => {
      if (!claim()) this.stop();
    }, LEASE_MS / 3);
    try {
      return await work();
    } finally {
      clearInterval(renew);
      journal.release(batchId, this.owner);
    }
  }

  /**
   * The operator's "check now" on one row: its latest payment is read by GET
   * and what MoMo says is recorded. UNKNOWN rows get their answer this way.
   */
  async checkNow(batchId: string, rowIndex: number): Promise<AttemptRecord> {
    const attempt = this.deps.journal.attempts(batchId).filter((a) => a.rowIndex === rowIndex).at(-1);
    if (!attempt) throw new AppError('NOT_SENT', 'This row has not been sent, so there is nothing to check.');
    if (attempt.state === 'SUCCESSFUL' || attempt.state === 'FAILED') return attempt;
    this.sameConnection(batchId);
    const operation = (this.deps.journal.run(batchId)?.operation ?? 'transfer') as Operation;
    let status: TransactionStatus | null;
    try {
      status = await this.deps.client.status(OPERATIONS[operation], attempt.referenceId);
    } catch (error) {
      if (!(error instanceof MomoError)) throw error;
      throw new AppError('CHECK_FAILED', `MoMo could not be asked about this payment: ${error.message}`);
    }
    if (status === null) {
      this.deps.journal.update(attempt, { state: attempt.state, reason: 'MoMo does not know this reference id (yet)' }, { kind: 'checked', details: { found: false } }, this.at());
    } else {
      this.adopt(attempt, status, { ...DEFAULT_RUNNER_SETTINGS, operation }, 'checked');
    }
    return this.deps.journal.attempts(batchId).filter((a) => a.rowIndex === rowIndex).at(-1) ?? attempt;
  }

  pause(batchId: string, reason: string): void {
    if (this.deps.journal.run(batchId)?.state === 'running') this.deps.journal.setRunState(batchId, 'paused', reason, this.at());
  }

  /**
   * The process is going away (the app quits): finish the requests in flight,
   * record them, and return without changing the run's state, so the next
   * start reconciles and carries on.
   */
  stop(): void {
    this.stopping = true;
  }

  /** Sends nothing more; what was sent is still tracked to a final status. */
  cancel(batchId: string): void {
    const state = this.deps.journal.run(batchId)?.state;
    if (state === 'running' || state === 'paused') this.deps.journal.setRunState(batchId, 'cancelled', 'cancelled by the operator', this.at());
  }

  summary(batchId: string): RunSummary {
    const run = this.deps.journal.run(batchId);
    const counts = { QUEUED: 0, SENDING: 0, PENDING: 0, SUCCESSFUL: 0, FAILED: 0, UNKNOWN: 0 } satisfies Record<RowStatus, number>;
    const minor = { QUEUED: 0n, SENDING: 0n, PENDING: 0n, SUCCESSFUL: 0n, FAILED: 0n, UNKNOWN: 0n } satisfies Record<RowStatus, bigint>;
    for (const { state, count, minor: amount } of this.deps.journal.tally(batchId)) {
      const status: RowStatus = state === 'QUEUED' ? 'QUEUED' : STATE_TO_STATUS[state];
      counts[status] += count;
      minor[status] += amount;
    }
    const currency = this.deps.batches.rows(batchId, 'valid', 0, 1)[0]?.currency ?? 'EUR';
    const amounts = Object.fromEntries(Object.entries(minor).map(([k, v]) => [k, formatAmount(v, currency)])) as Record<RowStatus, string>;
    return { batchId, state: run?.state ?? 'not-started', pauseReason: run?.pauseReason ?? null, counts, amounts };
  }

  private async drive(batchId: string, settings: RunnerSettings): Promise<RunSummary> {
    const { journal, batches } = this.deps;
    const throttle = pThrottle({ limit: Math.max(1, Math.ceil(settings.ratePerSecond / 10)), interval: (Math.max(1, Math.ceil(settings.ratePerSecond / 10)) * 1000) / settings.ratePerSecond });
    const send = throttle((attempt: AttemptRecord) => this.send(attempt, settings));
    // Ids are committed a group at a time, ahead of the workers; each worker takes the next stored one.
    const queue: AttemptRecord[] = [];
    const refill = () => {
      const next = journal.unsentRows(batchId, settings.concurrency * 4);
      if (next.length === 0) return;
      const group = batches.rowsAt(batchId, next).map((row) => ({ rowIndex: row.index, referenceId: randomUUID(), attempt: 1, operation: settings.operation, kind: OPERATIONS[settings.operation], body: bodyOf(row) }));
      journal.reserve(batchId, group, this.at());
      const ids = new Set<string>(group.map((g) => g.referenceId));
      queue.push(...journal.attempts(batchId, ['reserved']).filter((a) => ids.has(a.referenceId)));
      this.progress(batchId);
    };
    let sending = true;
    // Statuses are read while sending goes on, so a FAILED NOT_ENOUGH_FUNDS can pause the batch mid-run.
    const tracking = settings.noWait ? Promise.resolve() : this.track(batchId, settings, () => sending);
    try {
      await Promise.all(
        Array.from({ length: settings.concurrency }, async () => {
          while (!this.stopping && journal.run(batchId)?.state === 'running') {
            if (queue.length === 0) refill();
            const attempt = queue.shift();
            if (!attempt) return;
            await send(attempt);
          }
        }),
      );
    } finally {
      sending = false;
    }
    this.progress(batchId);
    await tracking;
    if (this.stopping) return this.summary(batchId);
    const state = journal.run(batchId)?.state;
    const open = journal.attempts(batchId, ['reserved', 'unresolved', 'accepted']).length;
    if (state === 'running' && journal.unsentRows(batchId, 1).length === 0 && open === 0) journal.setRunState(batchId, 'finished', null, this.at());
    const summary = this.summary(batchId);
    this.deps.onProgress?.(summary);
    return summary;
  }

  /** Sends one attempt under its stored reference id and records what came of it. */
  private async send(attempt: AttemptRecord, settings: RunnerSettings): Promise<void> {
    let outcome: CreateOutcome;
    try {
      outcome = await this.deps.client.create(OPERATIONS[settings.operation], attempt.referenceId, attempt.body as never);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof MomoConfigError) {
        // Refused by the console before any I/O (a body or id it would not send): nothing left this machine.
        this.deps.journal.update(attempt, { state: 'FAILED', reason: `NOT_SENT: ${message}` }, { kind: 'failed', details: { notSent: true, message } }, this.at());
      } else {
        // Anything else may have happened after MoMo answered: look it up by GET before anything else.
        this.deps.journal.update(attempt, { state: 'unresolved', reason: message }, { kind: 'unknown', details: { message } }, this.at());
      }
      return;
    }
    this.record(attempt, outcome, settings);
  }

  private record(attempt: AttemptRecord, outcome: CreateOutcome, settings: RunnerSettings): void {
    const { journal } = this.deps;
    const at = this.at();
    switch (outcome.outcome) {
      case 'accepted':
        this.unclearInARow = 0;
        journal.update(attempt, { state: 'accepted', nextCheckAt: this.later(settings.firstCheckMs) }, { kind: 'accepted', details: { attempts: outcome.attempts } }, at);
        return;
      case 'already-exists':
        this.unclearInARow = 0;
        this.adopt(attempt, outcome.status, settings, 'adopted');
        return;
      case 'refused':
        this.unclearInARow = 0;
        journal.update(attempt, { state: 'FAILED', reason: outcome.error.code ?? outcome.error.message }, { kind: 'refused', details: outcome.error.toJSON() }, at);
        if (outcome.error.code === 'NOT_ENOUGH_FUNDS') this.pause(attempt.batchId, 'MoMo says the account does not have enough funds; top it up and resume.');
        return;
      case 'unknown':
        this.unclearInARow += 1;
        journal.update(attempt, { state: 'unresolved', reason: outcome.error.message }, { kind: 'unknown', details: outcome.error.toJSON() }, at);
        if (this.unclearInARow >= settings.pauseAfterUnclear) this.pause(attempt.batchId, `${this.unclearInARow} payments in a row had no clear outcome (last: ${outcome.error.message}); check MoMo's status, then resume.`);
        return;
    }
  }

  private adopt(attempt: AttemptRecord, status: TransactionStatus, settings: RunnerSettings, kind: string): void {
    const at = this.at();
    const details = { status: status.status, reason: status.reason, financialTransactionId: status.financialTransactionId };
    if (status.status === 'SUCCESSFUL' || status.status === 'FAILED') {
      this.deps.journal.update(attempt, { state: status.status, financialTransactionId: status.financialTransactionId, reason: status.reason?.code ?? null }, { kind, details }, at);
      if (status.reason?.code === 'NOT_ENOUGH_FUNDS') this.pause(attempt.batchId, 'MoMo says the account does not have enough funds; top it up and resume.');
    } else {
      this.deps.journal.update(attempt, { state: 'accepted', nextCheckAt: this.later(settings.firstCheckMs) }, { kind, details }, at);
    }
  }

  /** Every row with a reference id and no known outcome is looked up before anything new is sent. */
  private async reconcile(batchId: string, settings: RunnerSettings): Promise<void> {
    const open = this.deps.journal.attempts(batchId, ['reserved', 'unresolved']);
    let cursor = 0;
    await Promise.all(
      Array.from({ length: settings.concurrency }, async () => {
        while (cursor < open.length && !this.stopping) {
          const attempt = open[cursor++];
          if (attempt) await this.reconcileOne(attempt, settings);
        }
      }),
    );
    this.progress(batchId);
  }

  private async reconcileOne(attempt: AttemptRecord, settings: RunnerSettings): Promise<void> {
    {
      let status: TransactionStatus | null;
      try {
        status = await this.deps.client.status(OPERATIONS[settings.operation], attempt.referenceId);
      } catch (error) {
        if (!(error instanceof MomoError)) throw error;
        // Still cannot tell: leave it for the next resume rather than guess.
        this.deps.journal.update(attempt, { state: 'unresolved', reason: error.message }, { kind: 'reconcile-failed', details: error.toJSON() }, this.at());
        return;
      }
      if (status === null) {
        if (this.stopping || this.deps.journal.run(attempt.batchId)?.state !== 'running') {
          // MoMo never got it and the batch is cancelled (or paused): it is safe to say it was not sent.
          this.deps.journal.update(attempt, { state: 'FAILED', reason: 'NOT_SENT: the batch was stopped before this payment reached MoMo' }, { kind: 'reconciled-not-received', details: { notSent: true } }, this.at());
          return;
        }
        this.deps.journal.update(attempt, { state: 'reserved' }, { kind: 'reconciled-not-received', details: {} }, this.at());
        await this.send({ ...attempt, state: 'reserved' }, settings);
      } else {
        this.adopt(attempt, status, settings, 'reconciled-found');
      }
    }
  }

  /** Reads the status of every accepted payment with backoff until it is final, or UNKNOWN after the window. */
  private async track(batchId: string, settings: RunnerSettings, stillSending: () => boolean = () => false): Promise<void> {
    const { journal } = this.deps;
    while (!this.stopping) {
      const due = journal.dueChecks(batchId, this.at(), settings.concurrency * 8);
      if (due.length === 0) {
        const { open, at } = journal.nextCheck(batchId);
        if (open === 0 && !stillSending()) return;
        const wait = at === null ? 200 : Date.parse(at) - this.deps.now().getTime();
        await sleep(Math.min(1000, Math.max(20, wait)));
        continue;
      }
      let cursor = 0;
      await Promise.all(
        Array.from({ length: settings.concurrency }, async () => {
          while (cursor < due.length) {
            const attempt = due[cursor++];
            if (attempt) await this.check(attempt, settings);
          }
        }),
      );
      this.progress(batchId);
    }
  }

  private async check(attempt: AttemptRecord, settings: RunnerSettings): Promise<void> {
    const at = this.at();
    let status: TransactionStatus | null = null;
    let problem: string | null = null;
    try {
      status = await this.deps.client.status(OPERATIONS[settings.operation], attempt.referenceId);
    } catch (error) {
      if (!(error instanceof MomoError)) throw error;
      problem = error.message;
    }
    if (status && (status.status === 'SUCCESSFUL' || status.status === 'FAILED')) {
      this.adopt(attempt, status, settings, 'status-final');
      return;
    }
    if (pastWindow(settings, attempt.acceptedAt ?? attempt.createdAt, this.deps.now())) {
      const reason = noFinalStatusReason(settings, problem);
      this.deps.journal.update(attempt, { state: 'UNKNOWN', reason }, { kind: 'unknown', details: { reason } }, at);
      return;
    }
    const checks = attempt.checks + 1;
    this.deps.journal.update(attempt, { state: 'accepted', checks, nextCheckAt: this.later(nextCheckInMs(settings, checks)) }, { kind: 'status-seen', details: { status: status?.status ?? null, problem } }, at);
  }

  /** At most twice a second: counting a large batch is not free. The final summary is always sent. */
  private progress(batchId: string): void {
    if (!this.deps.onProgress || Date.now() - this.lastProgress < 500) return;
    this.lastProgress = Date.now();
    this.deps.onProgress(this.summary(batchId));
  }

  private at(): string {
    return this.deps.now().toISOString();
  }

  private later(ms: number): string {
    return new Date(this.deps.now().getTime() + ms).toISOString();
  }
}

/** The transfer body for a row, exactly as approved. */
function bodyOf(row: StoredRow): Record<string, unknown> {
  if (row.amountMinor === null || row.partyId === null || row.partyType === null || row.externalId === null) throw new Error('only valid rows are sent');
  return {
    amount: formatAmount(row.amountMinor, row.currency),
    currency: row.currency,
    externalId: row.externalId,
    payee: { partyIdType: row.partyType, partyId: row.partyId },
    ...(row.payerMessage ? { payerMessage: row.payerMessage } : {}),
    ...(row.payeeNote ? { payeeNote: row.payeeNote } : {}),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isDeadLocalHolder(holder: string): boolean {
  const [host, pid] = holder.split('|');
  if (host !== hostname() || !pid || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
