import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../fixtures/payout-files';
import { runCommand } from '../../support/run-cli';

let dir: string;
const env = () => ({ MOMO_CONSOLE_HOME: path.join(dir, 'home') });
const write = async (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'momo-validate-'));
});

describe('momo-console payouts validate', () => {
  it('prints the DESIGN §8 JSON and exits 1 when some rows are invalid', async () => {
    const fixture = FIXTURES.find((f) => f.name.startsWith('Excel "CSV UTF-8"'));
    const file = await write('excel.csv', fixture?.bytes ?? new Uint8Array());
    const { code, stdout } = await runCommand(['payouts', 'validate', file, '--json'], env());
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      file,
      rows: 5,
      valid: 3,
      invalid: 2,
      totals: [{ currency: 'EUR', count: 3, amount: '2520.50' }],
      errors: [
        { line: 4, column: 'Phone Number', code: 'PHONE_SCIENTIFIC_NOTATION', message: expect.stringContaining('scientific notation') },
        { line: 6, column: 'Phone Number', code: 'PHONE_DECIMAL', message: expect.any(String) },
      ],
      warnings: [],
    });
  });

  it('exits 0 when every row is valid, in words without --json', async () => {
    const file = await write('ok.csv', 'msisdn,amount,id\n256772000001,5,a\n256772000002,6,b\n');
    const { code, stdout } = await runCommand(['payouts', 'validate', file], env());
    expect(code).toBe(0);
    expect(stdout).toContain('2 rows, 2 valid, 0 invalid (profile Local sandbox)');
    expect(stdout).toContain('total EUR 11 in 2 payments');
  });

  it('exits 2 when the file cannot be used at all, naming why', async () => {
    for (const [name, bytes, code] of [
      ['empty.csv', '', 'EMPTY_FILE'],
      ['header.csv', 'msisdn,amount,id\n', 'NO_ROWS'],
      ['binary.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'NOT_TEXT'],
      ['columns.csv', 'who,what\nx,y\n', 'MISSING_COLUMN'],
    ] as const) {
      const result = await runCommand(['payouts', 'validate', await write(name, bytes), '--json'], env());
      expect(result.code, name).toBe(2);
      expect(JSON.parse(result.stderr).error.code, name).toBe(code);
    }
    const missing = await runCommand(['payouts', 'validate', path.join(dir, 'nope.csv')], env());
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read') });
    expect((await runCommand(['payouts', 'validate'], env())).code).toBe(2);
    const ok = await write('fine.csv', 'msisdn,amount,id\n256772000001,5,a\n');
    expect((await runCommand(['payouts', 'validate', ok, '--profile', 'Kenya'], env())).stderr).toContain('There is no profile "Kenya"');
  });
});
