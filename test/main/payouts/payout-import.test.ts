// Every fixture file, every row: valid with the right party and minor amount,
// or refused with the right code, line and column.
import { describe, expect, it } from 'vitest';
import { importPayoutFile, MAX_FILE_BYTES, type ImportProfile } from '../../../main/payouts/payout-import';
import { bigFile, FIXTURES } from '../../fixtures/payout-files';

const sandbox: ImportProfile = { kind: 'sandbox', currency: 'EUR', limits: {} };

describe('payout files as real tools write them', () => {
  for (const fixture of FIXTURES) {
    it(fixture.name, async () => {
      const result = await importPayoutFile(fixture.bytes, sandbox);
      if (fixture.fileError) {
        expect(result).toMatchObject({ ok: false, code: fixture.fileError, message: expect.stringMatching(/\S/) });
        return;
      }
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      expect(result.rows.map((r) => r.line)).toEqual(fixture.rows?.map((r) => r.line));
      for (const [i, expected] of (fixture.rows ?? []).entries()) {
        const row = result.rows[i];
        if ('errors' in expected) {
          expect(row?.errors.map((e) => e.code), `line ${expected.line}`).toEqual(expected.errors);
          for (const error of row?.errors ?? []) expect(error).toMatchObject({ line: expected.line, column: expect.stringMatching(/\S/), message: expect.stringMatching(/\S/) });
        } else {
          expect(row?.errors, `line ${expected.line}`).toEqual([]);
          expect(row).toMatchObject({ partyId: expected.partyId, amountMinor: expected.amountMinor, currency: 'EUR' });
          expect(row?.warnings.map((w) => w.code)).toEqual(expected.warnings ?? []);
        }
      }
    });
  }
});

describe('file-level refusals name what is wrong', () => {
  it('a missing column lists the columns found and the names accepted', async () => {
    const result = await importPayoutFile(new Uint8Array(Buffer.from('phone,sum total,id\n256772000040,5,m1\n')), sandbox);
    expect(result).toMatchObject({ ok: false, code: 'MISSING_COLUMN' });
    if (result.ok) return;
    expect(result.message).toContain('The file has no amount column. Columns found: "phone", "sum total", "id".');
    expect(result.message).toContain('amount: "amount", "amt"');
  });

  it('a file over 20 MB is refused with the limit named, before it is read', async () => {
    const result = await importPayoutFile(new Uint8Array(MAX_FILE_BYTES + 1), sandbox);
    expect(result).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE', message: expect.stringContaining('the limit is 20 MB') });
  });

  it('100,000 rows are read, and one more is refused', async () => {
    const full = await importPayoutFile(bigFile(100_000), sandbox);
    expect(full.ok && full.rows.length).toBe(100_000);
    expect(full.ok && full.rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(full.ok && full.rows[99_999]?.line).toBe(100_001);
    expect(await importPayoutFile(bigFile(100_001), sandbox)).toMatchObject({ ok: false, code: 'TOO_MANY_ROWS' });
  });
});

describe('settings', () => {
  it('external ids may be generated, and refused message characters refuse the row', async () => {
    const file = new Uint8Array(Buffer.from("msisdn,amount,payer message\n256772000060,5,Tom's pay\n"));
    expect(await importPayoutFile(file, sandbox)).toMatchObject({ ok: false, code: 'MISSING_COLUMN' });
    const generated = await importPayoutFile(file, sandbox, { generateExternalIds: true, messageCharacters: 'refuse' });
    expect(generated.ok && generated.rows[0]?.errors.map((e) => e.code)).toEqual(['MESSAGE_CHARACTERS']);
    const stripped = await importPayoutFile(file, sandbox, { generateExternalIds: true, messageCharacters: 'strip' });
    expect(stripped.ok && stripped.rows[0]).toMatchObject({ payerMessage: 'Toms pay', externalId: expect.stringMatching(/^[0-9a-f-]{36}$/), errors: [] });
  });

  it('a profile limit per row refuses larger amounts', async () => {
    const result = await importPayoutFile(new Uint8Array(Buffer.from('msisdn,amount,id\n256772000070,500,l1\n256772000071,500.01,l2\n')), { ...sandbox, limits: { maxRowAmount: '500' } });
    expect(result.ok && result.rows.map((r) => r.errors.map((e) => e.code))).toEqual([[], ['AMOUNT_OVER_LIMIT']]);
  });

  it('unknown columns are carried along; the name is kept for the report', async () => {
    const result = await importPayoutFile(new Uint8Array(Buffer.from('msisdn,amount,id,name,department\n256772000080,5,k1,Ann,Finance\n')), sandbox);
    expect(result.ok && result.rows[0]).toMatchObject({ name: 'Ann', extra: { department: 'Finance' } });
  });
});
