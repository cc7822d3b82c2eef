// Batch runs inside the app: started, paused, resumed and cancelled from the
// window, running in the background with their progress pushed as events.
// One runner per batch at a time.
import type { AppServices } from '../app-services';
import { AppError } from '../ipc/app-error';
import { BatchRepository } from '../store/batch-repository';
import { RunJournal } from '../store/run-journal';
import { BatchResults } from './batch-results';
import { DEFAULT_RUNNER_SETTINGS, type BatchRunner, type Operation, type RunSummary } from './batch-runner';
import { runnerFor } from './run-recovery';

export interface RunView {
  batchId: string;
  total: number;
  counts: Record<string, number>;
  amounts: Record<string, string>;
  state: string;
  pauseReason: string | null;
}

export class RunService {
  private readonly active = new Map<string, { runner: BatchRunner; done: Promise<unknown> }>();

  constructor(private readonly services: Pick<AppServices, 'db' | 'payouts' | 'profiles' | 'clients' | 'events' | 'logger'>) {}

  async start(batchId: string, operation: Operation): Promise<RunView> {
    if (this.active.has(batchId) || new RunJournal(this.services.db).run(batchId)) throw new AppError('ALREADY_STARTED', 'This batch has been started already.');
    if (!this.services.payouts.approvalHolds(batchId)) throw new AppError('NOT_APPROVED', 'This batch has no approval that matches its rows; approve it first.');
    const balance = await this.services.payouts.balance(batchId);
    if (balance.fits === false) throw new AppError('INSUFFICIENT_BALANCE', `The disbursement balance (${balance.available}) does not cover this batch.`);
    const runner = await runnerFor(this.services, batchId, (summary) => this.push(summary));
    this.background(batchId, runner, () => runner.start(batchId, { ...DEFAULT_RUNNER_SETTINGS, operation }));
    return this.view(batchId);
  }

  async resume(batchId: string): Promise<RunView> {
    if (this.active.has(batchId)) return this.view(batchId);
    const runner = await runnerFor(this.services, batchId, (summary) => this.push(summary));
    this.background(batchId, runner, () => runner.resume(batchId));
    return this.view(batchId);
  }

  /** At app start: every batch that was running is reconciled and carried on, each as a run of this service. */
  recoverAll(): void {
    for (const batchId of new RunJournal(this.services.db).runningBatches()) {
      void this.resume(batchId).catch((error: unknown) => this.services.logger.warn({ err: error, batchId }, 'a running batch was not resumed at start'));
    }
  }

  async checkNow(batchId: string, rowIndex: number): Promise<RunView> {
    await (await runnerFor(this.services, batchId)).checkNow(batchId, rowIndex);
    return this.pushView(batchId);
  }

  async pause(batchId: string): Promise<RunView> {
    (await runnerFor(this.services, batchId)).pause(batchId, 'paused by the operator');
    return this.pushView(batchId);
  }

  async cancel(batchId: string): Promise<RunView> {
    (await runnerFor(this.services, batchId)).cancel(batchId);
    return this.pushView(batchId);
  }

  async view(batchId: string): Promise<RunView> {
    return toView((await runnerFor(this.services, batchId)).summary(batchId));
  }

  list(profileId: string): { batchId: string; fileName: string; importedAt: string; state: string }[] {
    const journal = new RunJournal(this.services.db);
    return new BatchRepository(this.services.db).list(profileId).map((b) => ({ batchId: b.id, fileName: b.fileName, importedAt: b.importedAt, state: journal.run(b.id)?.state ?? (this.services.payouts.approvalHolds(b.id) ? 'approved' : 'not-started') }));
  }

  results(): BatchResults {
    return new BatchResults({ batches: new BatchRepository(this.services.db), journal: new RunJournal(this.services.db), payouts: this.services.payouts, now: () => new Date() });
  }

  /** Waits for every run in the background to finish (tests). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
  }

  /** Quitting: runs stop after the requests in flight, still "running" in the journal, to be reconciled at the next start. */
  async stopAll(): Promise<void> {
    for (const { runner } of this.active.values()) runner.stop();
    await this.settled();
  }

  private background(batchId: string, runner: BatchRunner, work: () => Promise<RunSummary>): void {
    const done = work()
      .then((summary) => this.push(summary))
      .catch((error: unknown) => this.services.logger.error({ err: error, batchId }, 'a batch run stopped with an error'))
      .finally(() => this.active.delete(batchId));
    this.active.set(batchId, { runner, done });
  }

  private async pushView(batchId: string): Promise<RunView> {
    const view = await this.view(batchId);
    this.services.events.emit('batchProgress', view);
    return view;
  }

  private push(summary: RunSummary): void {
    this.services.events.emit('batchProgress', toView(summary));
  }
}

function toView(summary: RunSummary): RunView {
  return { batchId: summary.batchId, total: Object.values(summary.counts).reduce((a, b) => a + b, 0), counts: summary.counts, amounts: summary.amounts, state: summary.state, pauseReason: summary.pauseReason };
}
