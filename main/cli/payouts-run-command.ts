// `momo-console payouts run | resume | status | list` and `audit verify`: the
// batch runner headless (DESIGN §8). With --json, `run` prints one JSON object
// per line: first {"event":"batch-created"}, last {"event":"summary"}.
import { readFile, writeFile } from 'node:fs/promises';
import type { Profile } from '../../preload/contract';
import { createAppServices, type AppServices } from '../app-services';
import { resolveDataDir } from '../data-dir';
import { AppError } from '../ipc/app-error';
import { createLogger } from '../logging/logger';
import { DEFAULT_RUNNER_SETTINGS, OPERATIONS, type Operation, type RunSummary, type RunnerSettings } from '../payouts/batch-runner';
import { BatchResults } from '../payouts/batch-results';
import type { BatchSummary } from '../payouts/batch-service';
import { recoverRunningBatches, runnerFor } from '../payouts/run-recovery';
import { BatchRepository } from '../store/batch-repository';
import { RunJournal } from '../store/run-journal';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, type CliIo } from './cli-io';
import { parseFlags } from './cli-args';

export const RUN_USAGE = `momo-console payouts run FILE --profile NAME [--concurrency N] [--rate R] [--request-timeout MS]
                     [--status-rate N] [--operation transfer|deposit-v1|deposit-v2] [--yes] [--confirm-name NAME]
                     [--acknowledge CODE,...] [--callback-port N] [--unknown-after-minutes N] [--pause-after N]
                     [--no-wait] [--json]
  momo-console payouts resume [BATCH_ID] | status BATCH_ID | list   [--json]
  momo-console payouts report BATCH_ID [--failed-only] [--out FILE]
  momo-console payouts retry-failed BATCH_ID [--override ROW,...] [--yes] [--acknowledge CODE,...]
  momo-console audit verify`;

const resultsFor = (services: AppServices) => new BatchResults({ batches: new BatchRepository(services.db), journal: new RunJournal(services.db), payouts: services.payouts, now: () => new Date() });

const USAGE_CODES = new Set(['NOTHING_TO_RETRY', 'USAGE', 'PROFILE_NOT_FOUND', 'NOT_APPROVED', 'ACKNOWLEDGEMENT_REQUIRED', 'CONFIRMATION_REQUIRED', 'TOTAL_MISMATCH', 'BATCH_NOT_FOUND', 'NOT_STARTED', 'ALREADY_STARTED', 'NOTHING_TO_APPROVE', 'UNREADABLE_FILE', 'INSUFFICIENT_BALANCE', 'BATCH_OVER_LIMIT', 'PROFILE_CHANGED']);

const options = {
  profile: { type: 'string' },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  'request-timeout': { type: 'string' },
  'status-rate': { type: 'string' },
  operation: { type: 'string' },
  yes: { type: 'boolean' },
  'confirm-name': { type: 'string' },
  acknowledge: { type: 'string' },
  'no-wait': { type: 'boolean' },
  json: { type: 'boolean' },
  'failed-only': { type: 'boolean' },
  out: { type: 'string' },
  override: { type: 'string' },
  'callback-port': { type: 'string' },
  'unknown-after-minutes': { type: 'string' },
  'pause-after': { type: 'string' },
} as const;

export async function runBatchCommand(command: string, args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  let services: AppServices | null = null;
  try {
    const { values, positionals } = parseFlags(args, options);
    const number = (flag: keyof typeof values, fallback: number) => {
      const text = values[flag];
      if (text === undefined) return fallback;
      if (typeof text !== 'string' || !/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) throw new AppError('USAGE', `--${flag} takes a positive number, got "${String(text)}"`);
      return Number(text);
    };
    const port = (text: string) => {
      if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new AppError('USAGE', `--callback-port takes a port number (0 for any free one), got "${text}"`);
      return Number(text);
    };
    const operation = (values.operation ?? 'transfer') as Operation;
    if (!(operation in OPERATIONS)) throw new AppError('USAGE', `--operation is transfer, deposit-v1 or deposit-v2; got "${operation}"`);
    const settings: RunnerSettings = {
      ...DEFAULT_RUNNER_SETTINGS,
      operation,
      concurrency: number('concurrency', 8),
      ratePerSecond: number('rate', 20),
      unknownAfterMs: number('unknown-after-minutes', DEFAULT_RUNNER_SETTINGS.unknownAfterMs / 60_000) * 60_000,
      pauseAfterUnclear: number('pause-after', DEFAULT_RUNNER_SETTINGS.pauseAfterUnclear),
      noWait: values['no-wait'] === true,
    };
    services = await createAppServices({
      dataDir: resolveDataDir(io.env),
      logger: createLogger(undefined, io.env.MOMO_LOG_LEVEL ?? 'silent'),
      env: io.env,
      clientOptions: { requestTimeoutMs: number('request-timeout', 30_000), statusReadsPerSecond: number('status-rate', 10) },
      ...(values['callback-port'] !== undefined ? { callbackPort: port(values['callback-port']) } : {}),
    });
    const print = (line: object, words: string) => io.stdout(json ? `${JSON.stringify(line)}\n` : `${words}\n`);
    const summaryLine = (s: RunSummary) => ({ event: 'summary', batchId: s.batchId, state: s.state, pauseReason: s.pauseReason, counts: s.counts, amounts: s.amounts });
    const summaryWords = (s: RunSummary) => `batch ${s.batchId}: ${s.state}${s.pauseReason ? ` (${s.pauseReason})` : ''}; ${Object.entries(s.counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')}`;
    let lastProgress = 0;
    const onProgress = (s: RunSummary) => {
      if (!json || Date.now() - lastProgress < 1000) return;
      lastProgress = Date.now();
      io.stdout(`${JSON.stringify({ event: 'progress', batchId: s.batchId, counts: s.counts })}\n`);
    };
    const exitFor = (s: RunSummary) => (Object.entries(s.counts).every(([status, n]) => status === 'SUCCESSFUL' || n === 0) ? EXIT_OK : EXIT_SOME_FAILED);

    if (command === 'audit') {
      if (positionals[0] !== 'verify') throw new AppError('USAGE', 'audit takes one subcommand: verify');
      const result = new RunJournal(services.db).verify();
      print(result, result.ok ? `the journal's ${result.events} events chain correctly` : `the journal is broken in batch ${result.batchId} at event ${result.eventId}: ${result.problem}`);
      return result.ok ? EXIT_OK : EXIT_SOME_FAILED;
    }
    const [sub, target] = positionals;
    if (sub === 'status' || sub === 'list') {
      if (sub === 'status') {
        if (!target) throw new AppError('USAGE', 'status takes a BATCH_ID');
        if (!new BatchRepository(services.db).get(target)) throw new AppError('BATCH_NOT_FOUND', `There is no batch ${target}.`);
        const summary = (await runnerFor(services, target)).summary(target);
        print(summaryLine(summary), summaryWords(summary));
        return exitFor(summary);
      }
      const profile = values.profile ? services.profiles.find(values.profile) : services.profiles.active();
      const journal = new RunJournal(services.db);
      const list = new BatchRepository(services.db).list(profile.id).map((b) => ({ ...b, state: journal.run(b.id)?.state ?? 'not-started' }));
      print({ batches: list }, list.map((b) => `${b.id}  ${b.importedAt}  ${b.state.padEnd(11)} ${b.fileName}`).join('\n') || 'no batches');
      return EXIT_OK;
    }
    if (sub === 'report') {
      if (!target) throw new AppError('USAGE', 'report takes a BATCH_ID');
      const report = resultsFor(services).report(target, { failedOnly: values['failed-only'] === true });
      if (values.out) {
        await writeFile(values.out, report.content);
        print({ event: 'report', batchId: target, file: values.out }, `wrote ${values.out}`);
      } else io.stdout(report.content);
      return EXIT_OK;
    }
    // Before anything new is sent: reconcile what was running when the last process stopped.
    const recovered = await recoverRunningBatches(services, settings, onProgress);
    for (const summary of recovered) print({ event: 'recovered', batchId: summary.batchId, counts: summary.counts }, `recovered ${summaryWords(summary)}`);
    if (sub === 'resume') {
      if (target && !recovered.some((s) => s.batchId === target)) {
        const summary = await (await runnerFor(services, target, onProgress)).resume(target, settings);
        print(summaryLine(summary), summaryWords(summary));
        return exitFor(summary);
      }
      const mine = recovered.find((s) => s.batchId === target) ?? recovered.at(-1);
      if (mine) print(summaryLine(mine), summaryWords(mine));
      return mine ? exitFor(mine) : EXIT_OK;
    }
    if (sub === 'retry-failed') {
      if (!target) throw new AppError('USAGE', 'retry-failed takes a BATCH_ID');
      const overrides = (values.override ?? '').split(',').filter(Boolean).map(Number);
      const retry = await resultsFor(services).retryFailed(target, overrides);
      print({ event: 'batch-created', batchId: retry.batchId, retryOf: target, rows: retry.rows, valid: retry.valid, totals: retry.totals, toAcknowledge: retry.toAcknowledge }, `retry batch ${retry.batchId}: ${retry.rows} failed rows of ${target}`);
      return await approveAndRun(retry, services.profiles.get(retry.profileId));
    }
    if (sub !== 'run' || !target) throw new AppError('USAGE', sub === 'run' ? 'run takes a FILE' : `unknown payouts subcommand: ${sub ?? '(none)'}`);
    if (!values.profile) throw new AppError('USAGE', 'run needs --profile NAME');
    const profile = services.profiles.find(values.profile);
    let bytes: Buffer;
    try {
      bytes = await readFile(target);
    } catch (error) {
      throw new AppError('UNREADABLE_FILE', `cannot read ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const batch = await services.payouts.import(target, new Uint8Array(bytes), profile.id);
    print({ event: 'batch-created', batchId: batch.batchId, rows: batch.rows, valid: batch.valid, invalid: batch.invalid, totals: batch.totals, toAcknowledge: batch.toAcknowledge }, `batch ${batch.batchId}: ${batch.valid} of ${batch.rows} rows valid`);
    return await approveAndRun(batch, profile);

    async function approveAndRun(batch: BatchSummary, profile: Profile): Promise<number> {
      const ready = services as AppServices;
      const total = batch.totals[0];
      if (!values.yes) throw new AppError('NOT_APPROVED', `Nothing was sent. To approve ${total?.count ?? 0} payments of ${total?.amount ?? '0'} ${total?.currency ?? ''} from the command line, add --yes${profile.kind === 'production' ? ' and --confirm-name with the profile name' : ''}.`);
      ready.payouts.approve(batch.batchId, { typedTotal: total?.amount ?? '', confirmName: values['confirm-name'], acknowledged: (values.acknowledge ?? '').split(',').filter(Boolean) });
      const summary = await (await runnerFor(ready, batch.batchId, onProgress)).start(batch.batchId, settings);
      print(summaryLine(summary), summaryWords(summary));
      return exitFor(summary);
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.stderr(json ? `${JSON.stringify({ error: { code: error.code, message: error.message } })}\n` : `momo-console: ${error.message}\n${error.code === 'USAGE' ? `\nUsage: ${RUN_USAGE}\n` : ''}`);
    return USAGE_CODES.has(error.code) ? EXIT_USAGE : EXIT_SOME_FAILED;
  } finally {
    await (services as AppServices | null)?.close();
  }
}
