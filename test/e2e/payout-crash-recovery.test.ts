// The money-safety proof: a 2,000-row batch run by the real command line
// against the emulator with 20% 5xx, 10% requests outlasting the client's
// timeout, 5% accepted-then-dropped and 5% 429, killed with SIGKILL three times
// at random moments and resumed each time. Afterwards the emulator's ledger
// shows every row paid at most once, every row is final (or UNKNOWN with a
// reason), and the balance moved by exactly the sum of the SUCCESSFUL rows.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunJournal } from '../../main/store/run-journal';
import { DATABASE_FILE, openDatabase } from '../../main/store/database';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox-server';
import { runCommand } from '../support/run-cli';

const ROWS = 2000;
/** MTN's sandbox number for PAYEE_NOT_FOUND: these rows must end FAILED. */
const MUST_FAIL = '46733123457';
let mtn: RunningSandbox;
let home: string;
let file: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  mtn = await startSandbox({ completeAfterMs: 0 });
  const key = mtn.subscriptionKeys.disbursement;
  const apiUser = randomUUID();
  await fetch(`${mtn.url}/v1_0/apiuser`, { method: 'POST', headers: { 'X-Reference-Id': apiUser, 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' }, body: '{"providerCallbackHost":"127.0.0.1"}' });
  const { apiKey } = (await (await fetch(`${mtn.url}/v1_0/apiuser/${apiUser}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key } })).json()) as { apiKey: string };
  home = await mkdtemp(path.join(os.tmpdir(), 'momo-chaos-'));
  env = {
    ...process.env,
    MOMO_CONSOLE_HOME: home,
    MOMO_API_USER: apiUser,
    MOMO_API_KEY: apiKey,
    MOMO_DISBURSEMENT_SUBSCRIPTION_KEY: key,
    // No keychain here: credentials come from the variables above.
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/momo-chaos-bus',
  };
  delete env.DISPLAY;
  expect((await runCommand(['profiles', 'add', 'Emulator', '--kind', 'sandbox', '--base-url', mtn.url, '--environment', 'sandbox', '--currency', 'EUR'], env)).code).toBe(0);
  const lines = ['msisdn,amount,id'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`${i % 100 === 0 ? MUST_FAIL : `2567${String(70_000_000 + i).padStart(8, '0')}`},${(i % 50) + 1}.${String(i % 100).padStart(2, '0')},chaos-${i}`);
  file = path.join(home, 'chaos.csv');
  await writeFile(file, `${lines.join('\n')}\n`);
  mtn.setFaults([
    { method: 'POST', path: '/disbursement/v1_0/transfer', action: 'delay', ms: 700, rate: 0.1 },
    { method: 'POST', path: '/disbursement/v1_0/transfer', action: 'error', status: 500, rate: 0.2 },
    { method: 'POST', path: '/disbursement/v1_0/transfer', action: 'drop-after-accept', rate: 0.05 },
    { method: 'POST', path: '/disbursement/v1_0/transfer', action: 'rate-limit', retryAfter: 0, rate: 0.05 },
  ]);
});
afterAll(() => mtn?.close());

const FLAGS = ['--json', '--acknowledge', 'DUPLICATE_PARTY_AMOUNT', '--concurrency', '32', '--rate', '400', '--request-timeout', '400', '--status-rate', '1000'];

/** Runs the command line; kills it with SIGKILL `killAfterMs` after its first line, or lets it finish. */
function cli(args: string[], killAfterMs: number | null): Promise<{ lines: Record<string, unknown>[]; code: number | null; killed: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve('out/cli/cli.js'), ...args, ...FLAGS], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: Record<string, unknown>[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let timer: NodeJS.Timeout | undefined;
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(JSON.parse(line) as Record<string, unknown>);
      if (killAfterMs !== null && timer === undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    const t0 = Date.now();
    child.on('exit', (code, signal) => {
      if (process.env.MOMO_DEBUG_CHAOS) console.log(args[1], Date.now() - t0, 'ms', signal, JSON.stringify(lines.at(-1)));
      clearTimeout(timer);
      resolve({ lines, code, killed: signal === 'SIGKILL', stderr });
    });
  });
}

describe('a batch killed three times', () => {
  it('pays every row at most once, ends every row final, and moves the balance by exactly the successful total', async () => {
    const opening = BigInt(mtn.ledger().length === 0 ? 1 : 0);
    expect(opening).toBe(1n);
    const random = () => 500 + Math.floor(Math.random() * 2500);
    const first = await cli(['payouts', 'run', file, '--profile', 'Emulator', '--yes'], random());
    expect(first.lines[0], first.stderr).toMatchObject({ event: 'batch-created', rows: ROWS, valid: ROWS });
    expect(first.killed, `${first.stderr}\n${JSON.stringify(first.lines.at(-1))}`).toBe(true);
    const batchId = String(first.lines[0]?.batchId);
    const kills = [first.killed];
    for (let i = 0; i < 2; i += 1) kills.push((await cli(['payouts', 'resume'], random())).killed);
    let last = { lines: [] as Record<string, unknown>[], code: null as number | null, killed: false, stderr: '' };
    for (let round = 0; round < 6; round += 1) {
      last = await cli(['payouts', 'resume', batchId], null);
      const summary = last.lines.at(-1) as { counts?: Record<string, number> } | undefined;
      if ((summary?.counts?.SENDING ?? 0) + (summary?.counts?.PENDING ?? 0) + (summary?.counts?.QUEUED ?? 0) === 0) break;
    }
    // Three kills really happened mid-run (a run that finished before its kill would not prove anything).
    expect(kills).toEqual([true, true, true]);

    const summary = last.lines.at(-1) as { event: string; counts: Record<'QUEUED' | 'SENDING' | 'PENDING' | 'SUCCESSFUL' | 'FAILED' | 'UNKNOWN', number> };
    expect(summary).toMatchObject({ event: 'summary', batchId, state: 'finished' });
    expect(summary.counts.QUEUED + summary.counts.SENDING + summary.counts.PENDING).toBe(0);
    expect(summary.counts.SUCCESSFUL + summary.counts.FAILED + summary.counts.UNKNOWN).toBe(ROWS);

    // At most once: one ledger entry per external id, and no more entries than rows.
    const ledger = mtn.ledger();
    const perRow = new Map<string, number>();
    for (const tx of ledger) perRow.set(String(tx.externalId), (perRow.get(String(tx.externalId)) ?? 0) + 1);
    expect([...perRow.values()].every((n) => n === 1)).toBe(true);
    expect(ledger.length).toBeLessThanOrEqual(ROWS);

    const db = openDatabase(path.join(home, DATABASE_FILE));
    try {
      const journal = new RunJournal(db);
      const attempts = journal.attempts(batchId);
      const latest = new Map(attempts.map((a) => [a.rowIndex, a]));
      expect(latest.size).toBe(ROWS);
      for (const [rowIndex, attempt] of latest) {
        if (rowIndex % 100 === 0) expect(attempt.state === 'FAILED' || attempt.state === 'UNKNOWN', `row ${rowIndex}`).toBe(true);
        else expect(attempt.state === 'SUCCESSFUL' || attempt.state === 'UNKNOWN', `row ${rowIndex} ${attempt.state} ${attempt.reason}`).toBe(true);
        if (attempt.state === 'UNKNOWN') expect(attempt.reason).toMatch(/\S/);
      }
      // Every SUCCESSFUL row in the journal is SUCCESSFUL in the ledger under the same reference id, and the balance moved by their sum.
      const successful = [...latest.values()].filter((a) => a.state === 'SUCCESSFUL');
      const byReference = new Map(ledger.map((tx) => [tx.referenceId, tx]));
      let sumMinor = 0n;
      for (const attempt of successful) {
        expect(byReference.get(attempt.referenceId)?.status).toBe('SUCCESSFUL');
        const [whole = '0', fraction = ''] = String(attempt.body.amount).split('.');
        sumMinor += BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
      }
      const closing = (await (await fetch(`${mtn.url}/_sandbox/balances`)).json()) as { balances: { disbursement: { EUR: string } } };
      const [w = '0', f = ''] = closing.balances.disbursement.EUR.split('.');
      expect(1_000_000n * 100n - (BigInt(w) * 100n + BigInt(f.padEnd(2, '0')))).toBe(sumMinor);
      expect(journal.verify()).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  }, 300_000);
});
