// What happens to a payment or collection made one at a time once its id is
// stored: it is sent, its outcome recorded, and it is followed until MoMo
// gives a final answer. The rules are the batch runner's: an unclear outcome
// is settled by GET of the same reference id (found → adopted; 404 → the same
// request again under the same id, to the same MoMo and API user only, and
// only within the window); a final status is never overwritten; one look at a
// time per reference id.
import type { Profile } from '../../preload/contract';
import type { Logger } from '../logging/logger';
import type { CreateKind } from '../momo/create-operations';
import type { CreateOutcome } from '../momo/idempotent-create';
import type { MomoClient } from '../momo/momo-client';
import { MomoConfigError, MomoError } from '../momo/momo-errors';
import type { TransactionStatus } from '../momo/momo-schemas';
import { connectionFingerprint } from '../profiles/connection-fingerprint';
import type { ProfileClients } from '../profiles/profile-clients';
import type { ProfileService } from '../profiles/profile-service';
import { DEFAULT_STATUS_SCHEDULE, nextCheckInMs, noFinalStatusReason, pastWindow, type StatusSchedule } from '../tracking/status-schedule';
import type { TransactionRecord, TransactionRepository, TransactionState } from '../store/transaction-repository';

export interface TransactionTrackerDeps {
  repo: TransactionRepository;
  profiles: ProfileService;
  clients: ProfileClients;
  logger: Logger;
  now: () => Date;
  /** A transaction moved; the app pushes it to the window. */
  onStatus?: (record: TransactionRecord) => void;
  /** The payout runner's schedule unless given; its window also bounds how long an unclear payment may be resent. */
  schedule?: Partial<StatusSchedule>;
}

type Change = Parameters<TransactionRepository['update']>[1];
const FINAL_FAILED = new Set(['FAILED', 'REJECTED', 'EXPIRED', 'CANCELLED', 'CANCELED', 'TIMEOUT', 'DECLINED']);

/** MoMo's word, as the console's four: APPROVED (a pre-approval) is a success; REJECTED, EXPIRED… are failures. */
export function stateFromMomo(status: string): TransactionState {
  if (status === 'SUCCESSFUL' || status === 'APPROVED') return 'SUCCESSFUL';
  return FINAL_FAILED.has(status) ? 'FAILED' : 'accepted';
}

export class TransactionTracker {
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<unknown> = Promise.resolve();
  private tracking = false;
  private readonly inFlight = new Map<string, Promise<void>>();

  private readonly schedule: StatusSchedule;

  constructor(private readonly deps: TransactionTrackerDeps) {
    this.schedule = { ...DEFAULT_STATUS_SCHEDULE, ...deps.schedule };
  }

  /** Where a transaction made through `profile` goes (see connection-fingerprint.ts). */
  connectionFor(profile: Profile): Promise<string> {
    return connectionFingerprint(profile, this.deps.clients);
  }

  /** The profile of a stored transaction, when it still reaches the MoMo the transaction went to; else why not. */
  async reach(record: TransactionRecord): Promise<{ profile: Profile; problem: null } | { profile: Profile | null; problem: string }> {
    let profile: Profile;
    try {
      profile = this.deps.profiles.get(record.profileId);
    } catch {
      return { profile: null, problem: 'the profile it was made with is gone' };
    }
    if (record.connection !== null && record.connection !== (await this.connectionFor(profile))) {
      return { profile, problem: `${profile.name} now points at another MoMo (address, environment, currency or API user) than the one this was sent to` };
    }
    return { profile, problem: null };
  }

  /** When the first status read of a transaction MoMo has just accepted falls due. */
  firstCheckAt(): string {
    return this.later(this.schedule.firstCheckMs);
  }

  /** Sends a stored transaction under its reference id and records what came of it. */
  async send(client: MomoClient, kind: CreateKind, referenceId: string, body: Record<string, unknown>, unclearSoFar = 0): Promise<void> {
    const unclear = (reason: string, details: unknown) =>
      this.move(referenceId, { state: 'unresolved', reason, checks: unclearSoFar + 1, nextCheckAt: this.later(this.backoff(unclearSoFar + 1)) }, 'unknown', details);
    let outcome: CreateOutcome;
    try {
      outcome = await client.create(kind, referenceId, body as never);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof MomoConfigError) this.move(referenceId, { state: 'FAILED', reason: `NOT_SENT: ${message}` }, 'failed', { notSent: true, message });
      else unclear(message, { message });
      return;
    }
    switch (outcome.outcome) {
      case 'accepted':
        this.move(referenceId, { state: 'accepted', reason: null, checks: 0, nextCheckAt: this.firstCheckAt() }, 'accepted', { attempts: outcome.attempts });
        return;
      case 'already-exists':
        this.apply(referenceId, outcome.status, 'adopted');
        return;
      case 'refused':
        this.move(referenceId, { state: 'FAILED', reason: outcome.error.code ?? outcome.error.message }, 'refused', outcome.error.toJSON());
        return;
      case 'unknown':
        unclear(outcome.error.message, outcome.error.toJSON());
    }
  }

  /**
   * A transaction with no clear outcome (or stored but maybe never sent): GET
   * first; found → adopted; 404 → the same request under the same id, only to
   * the MoMo it was meant for and only within the window. One look at a time.
   */
  settle(record: TransactionRecord): Promise<void> {
    return this.once(record.referenceId, () => this.settleNow(record.referenceId));
  }

  /** Reads the status of an accepted transaction; final → recorded; past the window → UNKNOWN. One look at a time. */
  check(record: TransactionRecord): Promise<void> {
    return this.once(record.referenceId, () => this.checkNow(record.referenceId));
  }

  /** What MoMo says, recorded: final states end tracking; anything else is read again later. */
  apply(referenceId: string, status: TransactionStatus, kind: string): void {
    const state = stateFromMomo(status.status);
    this.move(
      referenceId,
      {
        state,
        momoStatus: status.status,
        // MoMo's answer replaces whatever the console noted on the way (a 500 before the success).
        reason: status.reason?.code ?? null,
        financialTransactionId: status.financialTransactionId,
        ...(state === 'accepted' ? { nextCheckAt: this.firstCheckAt() } : {}),
      },
      kind,
      { status: status.status, reason: status.reason, financialTransactionId: status.financialTransactionId },
    );
  }

  /** On start: every transaction whose request may or may not have reached MoMo is settled first. */
  async recover(): Promise<void> {
    for (const record of this.deps.repo.unsettled()) {
      try {
        await this.settle(record);
      } catch (error) {
        // A keychain or local-sandbox failure on one must not leave the others unsettled; this one is tried again later.
        this.postpone(record, 'recover-failed', error);
      }
    }
  }

  /** One round of due looks (status reads, and settling of unclear outcomes); returns how many were due. */
  async track(limit = 50): Promise<number> {
    // A round still running when the next tick comes (MoMo slow) is not doubled.
    if (this.tracking) return 0;
    this.tracking = true;
    try {
      const due = this.deps.repo.due(this.deps.now().toISOString(), limit);
      for (const record of due) {
        try {
          await (record.state === 'unresolved' ? this.settle(record) : this.check(record));
        } catch (error) {
          this.postpone(record, 'check-failed', error);
        }
      }
      return due.length;
    } finally {
      this.tracking = false;
    }
  }

  /** Recovers, then looks at due transactions every `intervalMs` until stop(). */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.round = this.recover().catch((error: unknown) => this.deps.logger.warn({ err: String(error) }, 'transaction recovery failed'));
    this.timer = setInterval(() => {
      this.round = this.round.then(() => this.track()).catch((error: unknown) => this.deps.logger.warn({ err: String(error) }, 'transaction tracking round failed'));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.round.catch(() => undefined);
    await Promise.allSettled(this.inFlight.values());
  }

  private async settleNow(referenceId: string): Promise<void> {
    const record = this.deps.repo.get(referenceId);
    if (!record || (record.state !== 'reserved' && record.state !== 'unresolved')) return;
    const reach = await this.reach(record);
    if (reach.problem !== null) {
      this.move(referenceId, { state: 'UNKNOWN', reason: `NOT_RESENT: ${reach.problem}; look it up there before paying again` }, 'not-resent', { problem: reach.problem });
      return;
    }
    const client = await this.deps.clients.clientFor(reach.profile);
    const outOfTime = pastWindow(this.schedule, record.createdAt, this.deps.now());
    let status: TransactionStatus | null;
    try {
      status = await client.status(record.kind as CreateKind, referenceId);
    } catch (error) {
      if (!(error instanceof MomoError)) throw error;
      if (outOfTime) {
        this.move(referenceId, { state: 'UNKNOWN', reason: `NOT_RESENT: no clear answer from MoMo within ${this.windowWords()} (last: ${error.message})` }, 'timed-out', { message: error.message });
        return;
      }
      const checks = record.checks + 1;
      this.move(referenceId, { state: 'unresolved', checks, nextCheckAt: this.later(this.backoff(checks)) }, 'reconcile-failed', { message: error.message });
      return;
    }
    if (status) {
      this.apply(referenceId, status, 'reconciled-found');
      return;
    }
    if (outOfTime) {
      // A payment that reaches MoMo days after the agent was told it did not would be its own kind of double payment.
      this.move(referenceId, { state: 'UNKNOWN', reason: `NOT_RESENT: MoMo never received it, and it was not sent again after ${this.windowWords()}` }, 'timed-out', {});
      return;
    }
    this.deps.repo.note(referenceId, this.deps.now().toISOString(), 'reconciled-not-received', {});
    await this.send(client, record.kind as CreateKind, referenceId, record.body, record.checks);
  }

  private async checkNow(referenceId: string): Promise<void> {
    const record = this.deps.repo.get(referenceId);
    if (!record || record.state !== 'accepted') return;
    const reach = await this.reach(record);
    if (reach.problem !== null) {
      this.move(referenceId, { state: 'UNKNOWN', reason: `NOT_CHECKED: ${reach.problem}; look it up there` }, 'not-checked', { problem: reach.problem });
      return;
    }
    const client = await this.deps.clients.clientFor(reach.profile);
    let status: TransactionStatus | null = null;
    let problem: string | null = null;
    try {
      status = await client.status(record.kind as CreateKind, referenceId);
    } catch (error) {
      if (!(error instanceof MomoError)) throw error;
      problem = error.message;
    }
    if (status && stateFromMomo(status.status) !== 'accepted') {
      this.apply(referenceId, status, 'status-final');
      return;
    }
    if (pastWindow(this.schedule, record.acceptedAt ?? record.createdAt, this.deps.now())) {
      const reason = noFinalStatusReason(this.schedule, problem);
      this.move(referenceId, { state: 'UNKNOWN', reason }, 'no-final-status', { reason });
      return;
    }
    const checks = record.checks + 1;
    this.move(referenceId, { state: 'accepted', checks, nextCheckAt: this.later(this.backoff(checks)), ...(status ? { momoStatus: status.status } : {}) }, 'status-seen', { status: status?.status ?? null, problem });
  }

  /** A look that failed inside the console (keychain, a profile gone): tried again later, never in a tight loop. */
  private postpone(record: TransactionRecord, kind: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.deps.logger.warn({ referenceId: record.referenceId, err: message }, 'could not look at a transaction; trying again later');
    const state = record.state === 'reserved' ? 'unresolved' : record.state;
    if (state !== 'unresolved' && state !== 'accepted') return;
    const checks = record.checks + 1;
    this.move(record.referenceId, { state, checks, nextCheckAt: this.later(this.backoff(checks)) }, kind, { message });
  }

  private once(referenceId: string, work: () => Promise<void>): Promise<void> {
    const running = this.inFlight.get(referenceId);
    if (running) return running;
    const next = work().finally(() => this.inFlight.delete(referenceId));
    this.inFlight.set(referenceId, next);
    return next;
  }

  private move(referenceId: string, change: Change, kind: string, details: unknown): void {
    if (this.deps.repo.update(referenceId, change, { kind, details }, this.deps.now().toISOString())) {
      const record = this.deps.repo.get(referenceId);
      if (record) this.deps.onStatus?.(record);
    }
  }

  private windowWords(): string {
    const minutes = Math.round(this.schedule.unknownAfterMs / 60000);
    return minutes % 60 === 0 && minutes >= 60 ? `${minutes / 60} h` : `${minutes} min`;
  }

  private later(ms: number): string {
    return new Date(this.deps.now().getTime() + ms).toISOString();
  }

  private backoff(n: number): number {
    return nextCheckInMs(this.schedule, n);
  }
}
