// `momo-console payouts validate FILE`: checks a payout file exactly as the app
// would import it, stores nothing, and prints what it found (DESIGN §8).
// Exit 0 every row valid, 1 some rows invalid, 2 the file cannot be used.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../data-dir';
import { AppError } from '../ipc/app-error';
import { formatAmount } from '../money/amount';
import { PayoutBatches } from '../payouts/batch-service';
import { totalsOf } from '../payouts/batch-warnings';
import { ProfileService } from '../profiles/profile-service';
import { ProfileStore } from '../profiles/profile-store';
import { BatchRepository } from '../store/batch-repository';
import { DATABASE_FILE, openDatabase } from '../store/database';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, type CliIo } from './cli-io';
import { runBatchCommand } from './payouts-run-command';

export const PAYOUTS_USAGE = `momo-console payouts validate FILE [--profile NAME] [--json]`;

export async function runPayoutsCommand(args: string[], io: CliIo): Promise<number> {
  const first = args.find((a) => !a.startsWith('--'));
  if (first !== undefined && first !== 'validate') return runBatchCommand('payouts', args, io);
  const json = args.includes('--json');
  const fail = (code: string, message: string) => {
    io.stderr(json ? `${JSON.stringify({ error: { code, message } })}\n` : `momo-console payouts: ${message}\n`);
    return EXIT_USAGE;
  };
  let parsed;
  try {
    parsed = parseArgs({ args: args.filter((a) => a !== '--json'), options: { profile: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (error) {
    return fail('USAGE', `${(error as Error).message}\n\nUsage: ${PAYOUTS_USAGE}`);
  }
  const [sub, file, ...more] = parsed.positionals;
  if (sub !== 'validate' || !file || more.length > 0) return fail('USAGE', `${sub === undefined ? 'payouts needs a subcommand' : sub === 'validate' ? 'validate takes one FILE' : `unknown payouts subcommand: ${sub}`}\n\nUsage: ${PAYOUTS_USAGE}`);

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fail('UNREADABLE_FILE', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const dataDir = resolveDataDir(io.env);
  const profiles = await ProfileService.open(new ProfileStore(dataDir));
  let profile;
  try {
    profile = parsed.values.profile ? profiles.find(parsed.values.profile) : profiles.active();
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message);
    throw error;
  }
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  try {
    const checked = await new PayoutBatches({
      batches: new BatchRepository(db),
      profile: () => profile,
      balance: () => Promise.reject(new Error('not needed to validate')),
      accountHolderActive: () => Promise.reject(new Error('not needed to validate')),
      now: () => new Date(),
    }).check(new Uint8Array(bytes), profile);
    if (!checked.ok) return fail(checked.code, checked.message);
    const valid = checked.rows.filter((r) => r.errors.length === 0);
    const report = {
      file,
      rows: checked.rows.length,
      valid: valid.length,
      invalid: checked.rows.length - valid.length,
      totals: totalsOf(valid).map((t) => ({ currency: t.currency, count: t.count, amount: formatAmount(t.minor, t.currency) })),
      errors: checked.rows.flatMap((r) => r.errors.map(({ field: _field, ...issue }) => issue)),
      warnings: [...checked.fileWarnings, ...checked.rows.flatMap((r) => r.warnings.map(({ field: _field, ...issue }) => issue))],
    };
    if (json) io.stdout(`${JSON.stringify(report)}\n`);
    else {
      const lines = [
        `${report.file}: ${report.rows} rows, ${report.valid} valid, ${report.invalid} invalid (profile ${profile.name})`,
        ...report.totals.map((t) => `  total ${t.currency} ${t.amount} in ${t.count} payments`),
        ...report.errors.map((e) => `  line ${e.line}, ${e.column}: ${e.message} [${e.code}]`),
        ...report.warnings.map((w) => `  warning${w.line === null ? '' : ` line ${w.line}, ${w.column}`}: ${w.message} [${w.code}]`),
      ];
      io.stdout(`${lines.join('\n')}\n`);
    }
    return report.invalid === 0 ? EXIT_OK : EXIT_SOME_FAILED;
  } finally {
    db.close();
  }
}
