// `tx get`, `tx search` and `balance` in-process, against an emulator standing
// in for MTN (credentials from the MOMO_* variables, no keychain): a payout
// row is found by phone, a reference id made elsewhere is looked up at MoMo
// and kept, balances are read and stored, and bad arguments exit 2.
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientHarness, type ClientHarness } from '../../support/momo-client-harness';
import { runCommand } from '../../support/run-cli';

process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/momo-test-bus';
delete process.env.DISPLAY;

let mtn: ClientHarness;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  mtn = await startClientHarness();
  dir = await mkdtemp(path.join(os.tmpdir(), 'momo-tx-cli-'));
  env = {
    MOMO_CONSOLE_HOME: path.join(dir, 'home'),
    MOMO_API_USER: mtn.credentials.apiUser,
    MOMO_API_KEY: mtn.credentials.apiKey,
    MOMO_COLLECTION_SUBSCRIPTION_KEY: mtn.credentials.subscriptionKeys.collection,
    MOMO_DISBURSEMENT_SUBSCRIPTION_KEY: mtn.credentials.subscriptionKeys.disbursement,
  };
  expect((await runCommand(['profiles', 'add', 'Emulator', '--kind', 'sandbox', '--base-url', mtn.h.sandbox.url, '--environment', 'sandbox', '--currency', 'EUR'], env)).code).toBe(0);
  expect((await runCommand(['profiles', 'use', 'Emulator'], env)).code).toBe(0);
  await writeFile(path.join(dir, 'pay.csv'), 'msisdn,amount,id\n256772000061,10.25,cli-a\n256772000062,20,cli-b\n');
  const run = await runCommand(['payouts', 'run', path.join(dir, 'pay.csv'), '--profile', 'Emulator', '--yes', '--json', '--status-rate', '1000'], env);
  expect(run.code).toBe(0);
});
afterAll(() => mtn.close());

describe('momo-console tx and balance', () => {
  let paid = '';

  it('tx search finds a payout row by the phone number however it is typed', async () => {
    const found = await runCommand(['tx', 'search', '+256 772 000 061', '--json'], env);
    expect(found.code).toBe(0);
    const result = JSON.parse(found.stdout) as { interpretedAs: string; rows: { referenceId: string; origin: string; amount: string; status: string; externalId: string }[]; nextOffset: number | null };
    expect(result.interpretedAs).toContain('phone number +256772000061');
    expect(result.rows).toEqual([expect.objectContaining({ origin: 'batch', amount: '10.25', status: 'SUCCESSFUL', externalId: 'cli-a' })]);
    paid = result.rows[0]?.referenceId ?? '';
    const words = await runCommand(['tx', 'search', 'cli-b'], env);
    expect(words.stdout).toMatch(/^searched for .*cli-b: 1\n/);
    expect(words.stdout).toContain('256772000062');
    const none = await runCommand(['tx', 'search', '--status', 'failed', '--json'], env);
    expect(JSON.parse(none.stdout).rows).toEqual([]);
  });

  it('tx get prints the transaction and its timeline; an id made elsewhere is looked up at MoMo and kept', async () => {
    const shown = await runCommand(['tx', 'get', paid], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`${paid}  disbursement.transfer  SUCCESSFUL`);
    expect(shown.stdout).toMatch(/timeline:\n(.+\n)*.+MoMo accepted the request \(202\)/);

    const elsewhere = randomUUID();
    expect((await mtn.client.collection.requestToPay(elsewhere, { amount: '33', currency: 'EUR', externalId: 'shop-9', payer: { partyIdType: 'MSISDN', partyId: '256772000063' }, payerMessage: '', payeeNote: '' })).outcome).toBe('accepted');
    const looked = await runCommand(['tx', 'get', elsewhere, '--product', 'collection', '--json'], env);
    expect(looked.code).toBe(0);
    expect(JSON.parse(looked.stdout)).toMatchObject({ referenceId: elsewhere, origin: 'lookup', kind: 'collection.requesttopay', amount: '33', partyId: '256772000063', status: 'SUCCESSFUL' });
    // Kept: the next search finds it without asking MoMo.
    expect(JSON.parse((await runCommand(['tx', 'search', 'shop-9', '--json'], env)).stdout).rows).toHaveLength(1);

    const unknown = await runCommand(['tx', 'get', randomUUID(), '--json'], env);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stderr).error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('looked in collection, disbursement') });
  });

  it('balance reads every product now, keeps the reading, and a product without a key is not a failure', async () => {
    const read = await runCommand(['balance', '--json'], env);
    expect(read.code).toBe(0);
    const balances = JSON.parse(read.stdout) as { readings: { product: string; available: string | null; problem: string | null }[] };
    expect(balances.readings.find((r) => r.product === 'disbursement')).toMatchObject({ available: expect.stringMatching(/^\d+(\.\d+)?$/), problem: null });
    expect(balances.readings.find((r) => r.product === 'remittance')).toMatchObject({ available: null, problem: 'No subscription key for remittance.' });
    const words = await runCommand(['balance'], env);
    expect(words.stdout).toMatch(/^Emulator\ncollection +[\d,.]+ EUR\n/);
  });

  it('bad arguments exit 2 naming what is wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['tx'], /tx needs a subcommand/],
      [['tx', 'get'], /tx get takes one REFERENCE_ID/],
      [['tx', 'get', 'not-an-id'], /referenceId: "not-an-id" is not a reference id/],
      [['tx', 'get', randomUUID(), '--product', 'treasury'], /--product is collection, disbursement or remittance/],
      [['tx', 'search', '--status', 'DONE'], /--status is PENDING, SUCCESSFUL, FAILED or UNKNOWN/],
      [['tx', 'search', '--from', 'yesterday'], /--from: a date such as 2026-12-01/],
      [['tx', 'search', '--min-amount', '5,00'], /--min-amount: a positive decimal such as/],
      [['tx', 'search', '--frm', '2026-01-01'], /Unknown option '--frm'/],
      [['balance', 'now'], /balance takes no arguments/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCommand(argv, env);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(message);
    }
  });
});
