// On every start (the app or the command line), batches that were running
// when the process last stopped are reconciled and carried on before anything
// new is sent (DESIGN §3, invariant 3).
import type { AppServices } from '../app-services';
import { AppError } from '../ipc/app-error';
import { connectionFingerprint } from '../profiles/connection-fingerprint';
import { RunJournal } from '../store/run-journal';
import { BatchRepository } from '../store/batch-repository';
import { BatchRunner, DEFAULT_RUNNER_SETTINGS, type RunnerSettings, type RunSummary } from './batch-runner';

export async function runnerFor(services: Pick<AppServices, 'db' | 'payouts' | 'profiles' | 'clients'>, batchId: string, onProgress?: (summary: RunSummary) => void): Promise<BatchRunner> {
  const batches = new BatchRepository(services.db);
  const batch = batches.get(batchId);
  if (!batch) throw new Error(`no batch ${batchId}`);
  const profile = services.profiles.get(batch.profileId);
  const client = await services.clients.clientFor(profile);
  const connection = await connectionFingerprint(profile, services.clients);
  return new BatchRunner({ journal: new RunJournal(services.db), batches, payouts: services.payouts, client, connection, now: () => new Date(), ...(onProgress ? { onProgress } : {}) });
}

export async function recoverRunningBatches(
  services: Pick<AppServices, 'db' | 'payouts' | 'profiles' | 'clients'>,
  settings: RunnerSettings = DEFAULT_RUNNER_SETTINGS,
  onProgress?: (summary: RunSummary) => void,
): Promise<RunSummary[]> {
  const summaries: RunSummary[] = [];
  for (const batchId of new RunJournal(services.db).runningBatches()) {
    try {
      summaries.push(await (await runnerFor(services, batchId, onProgress)).resume(batchId, settings));
    } catch (error) {
      // Another process is on it, it needs approving again, or its profile points elsewhere now (it is paused, saying so): nothing is lost.
      if (error instanceof AppError && (error.code === 'BATCH_BUSY' || error.code === 'NOT_APPROVED' || error.code === 'PROFILE_CHANGED')) continue;
      throw error;
    }
  }
  return summaries;
}
