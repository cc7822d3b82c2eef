// The batch commands in-process on the Local sandbox: run (approve with --yes),
// status, list, report, retry-failed and audit verify, with DESIGN §8's JSON
// lines and exit codes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../support/run-cli';

process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/momo-test-bus';
delete process.env.DISPLAY;

let dir: string;
const env = () => ({ MOMO_CONSOLE_HOME: path.join(dir, 'home') });
const jsonLines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'momo-run-cli-'));
  // 46733123450 fails with INTERNAL_PROCESSING_ERROR in MTN's sandbox table: a failure worth retrying.
  await writeFile(path.join(dir, 'pay.csv'), 'msisdn,amount,id\n256772000001,10,a\n256772000002,20,b\n46733123450,30,c\n');
});

describe('momo-console payouts run and friends', () => {
  let batchId = '';

  it('run without --yes sends nothing and says how to approve', async () => {
    const refused = await runCommand(['payouts', 'run', path.join(dir, 'pay.csv'), '--profile', 'Local sandbox', '--json'], env());
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stderr).error).toMatchObject({ code: 'NOT_APPROVED', message: expect.stringContaining('add --yes') });
  });

  it('the same file again must be acknowledged as such', async () => {
    const again = await runCommand(['payouts', 'run', path.join(dir, 'pay.csv'), '--profile', 'Local sandbox', '--yes', '--json'], env());
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stderr).error).toMatchObject({ code: 'ACKNOWLEDGEMENT_REQUIRED', message: expect.stringContaining('FILE_SEEN_BEFORE') });
  });

  it('run --yes --json: batch-created first, summary last, exit 1 when a row failed', async () => {
    const { code, stdout } = await runCommand(['payouts', 'run', path.join(dir, 'pay.csv'), '--profile', 'Local sandbox', '--yes', '--acknowledge', 'FILE_SEEN_BEFORE', '--json', '--status-rate', '1000', '--unknown-after-minutes', '60', '--pause-after', '5'], env());
    const lines = jsonLines(stdout);
    expect(lines[0]).toMatchObject({ event: 'batch-created', rows: 3, valid: 3 });
    expect(lines.at(-1)).toMatchObject({ event: 'summary', state: 'finished', counts: { SUCCESSFUL: 2, FAILED: 1 } });
    expect(code).toBe(1);
    batchId = String(lines[0]?.batchId);
  }, 30_000);

  it('status prints that summary; list shows the batch', async () => {
    const status = await runCommand(['payouts', 'status', batchId, '--json'], env());
    expect(JSON.parse(status.stdout)).toMatchObject({ event: 'summary', batchId, counts: { SUCCESSFUL: 2, FAILED: 1 } });
    const list = await runCommand(['payouts', 'list', '--json'], env());
    // The two refused attempts were imported (stored) but never approved or started.
    expect((JSON.parse(list.stdout).batches as { id: string; state: string }[]).map((b) => b.state).sort()).toEqual(['finished', 'not-started', 'not-started']);
    expect(JSON.parse(list.stdout).batches).toContainEqual(expect.objectContaining({ id: batchId, state: 'finished' }));
  });

  it('report --failed-only --out writes the failed row with its reason', async () => {
    const out = path.join(dir, 'failed.csv');
    expect((await runCommand(['payouts', 'report', batchId, '--failed-only', '--out', out], env())).code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\ufeffmsisdn,amount,id,line,reference id')).toBe(true);
    expect(text).toContain('FAILED,INTERNAL_PROCESSING_ERROR');
    expect(text.trim().split('\r\n')).toHaveLength(2);
  });

  it('retry-failed --yes runs the failed row again under a new reference id', async () => {
    const { stdout } = await runCommand(['payouts', 'retry-failed', batchId, '--yes', '--json', '--status-rate', '1000'], env());
    const lines = jsonLines(stdout);
    expect(lines[0]).toMatchObject({ event: 'batch-created', retryOf: batchId, rows: 1 });
    expect(lines.at(-1)).toMatchObject({ event: 'summary', counts: { FAILED: 1 } });
  }, 30_000);

  it('names a bad setting and exits 2', async () => {
    const bad = await runCommand(['payouts', 'run', path.join(dir, 'pay.csv'), '--profile', 'Local sandbox', '--pause-after', 'many', '--json'], env());
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr).error.message).toBe('--pause-after takes a positive number, got "many"');
  });

  it('audit verify: the journal chains', async () => {
    const { code, stdout } = await runCommand(['audit', 'verify', '--json'], env());
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, events: expect.any(Number) });
  });
});
