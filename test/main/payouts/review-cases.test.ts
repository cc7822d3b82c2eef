// Inputs a reviewer found that must not pay the wrong person or amount: a row
// wider than its header, two columns claiming one field, a limit written with
// decimals, line numbers after a quoted CRLF, phone numbers with a trunk 0, an
// emoji on a chunk boundary, spaces after a decimal mark, and a second batch
// approved after the first without "paid recently" being asked again.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../preload/contract';
import { checkAmount } from '../../../main/payouts/amount-checks';
import { PayoutBatches } from '../../../main/payouts/batch-service';
import { checkPhone } from '../../../main/payouts/party-checks';
import { importPayoutFile, type ImportProfile } from '../../../main/payouts/payout-import';
import { BatchRepository } from '../../../main/store/batch-repository';
import { openDatabase } from '../../../main/store/database';

const sandbox: ImportProfile = { kind: 'sandbox', currency: 'EUR', limits: {} };
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const codes = async (text: string, profile: ImportProfile = sandbox) => {
  const result = await importPayoutFile(bytes(text), profile);
  return result.ok ? result.rows.map((r) => r.errors.map((e) => e.code)) : result.code;
};

describe('rows are never read shifted or from the wrong column', () => {
  it('a row with more cells than the header is refused, naming the column', async () => {
    expect(await codes('msisdn,id,amount\n256772000001,r1,1,500\n256772000002,r2,7,\n')).toEqual([['TOO_MANY_CELLS'], []]);
    expect(await codes('msisdn,amount,id\n256772000001,1,500,r1\n')).toEqual([['TOO_MANY_CELLS']]);
  });

  it('two columns that could be the same field make the file unusable', async () => {
    const result = await importPayoutFile(bytes('account,msisdn,amount,id\n0772000111,256772000001,5,x\n'), sandbox);
    expect(result).toMatchObject({ ok: false, code: 'AMBIGUOUS_COLUMN', message: expect.stringContaining('party ("account", "msisdn")') });
  });
});

describe('limits and amounts', () => {
  it('a limit written with decimals still limits (rounded down to what the currency can pay)', async () => {
    expect(await codes('msisdn,amount,id\n256772000001,500,a\n256772000002,501,b\n256772000003,999999999,c\n', { kind: 'sandbox', currency: 'UGX', limits: { maxRowAmount: '500.50' } })).toEqual([[], ['AMOUNT_OVER_LIMIT'], ['AMOUNT_OVER_LIMIT']]);
  });

  it('spaces group thousands only before the decimal mark', () => {
    expect(checkAmount('1 000.50', 'EUR', ',', null)).toEqual({ ok: true, value: 100050n });
    expect(checkAmount('1.000 000', 'EUR', ',', null)).toMatchObject({ ok: false, code: 'AMOUNT_FORMAT' });
    expect(checkAmount('1,000 000', 'EUR', ';', null)).toMatchObject({ ok: false, code: 'AMOUNT_FORMAT' });
  });
});

describe('line numbers and text', () => {
  it('a quoted CRLF does not shift the lines after it', async () => {
    const result = await importPayoutFile(bytes('msisdn,amount,id,message\r\n256772000001,5,r1,"a\r\nb"\r\n256772000002,x,r2,c\r\n'), sandbox);
    expect(result.ok && result.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(result.ok && result.rows[1]?.errors[0]?.line).toBe(4);
  });

  it('an emoji on a 64 K chunk boundary arrives whole', async () => {
    const prefix = 'msisdn,amount,id,name\n256772000001,5,r1,';
    // The emoji's first half is the last code unit of the first 64 K chunk.
    const text = `${prefix}${'x'.repeat(65_535 - prefix.length)}🎉\n`;
    expect(text.charCodeAt(65_535)).toBe(0xd83c);
    const result = await importPayoutFile(bytes(text), sandbox);
    expect(result.ok && result.rows[0]?.name.endsWith('🎉')).toBe(true);
  });
});

describe('phone numbers are stored as validated', () => {
  it('a "(0)" after the country code, and a trunk 0 before it, are refused rather than guessed', () => {
    expect(checkPhone('+256 (0) 772 123456', { strict: true, countryCode: 'UG' })).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
    expect(checkPhone('0256772123456', { strict: false, countryCode: 'UG' })).toMatchObject({ ok: false, code: 'PHONE_INVALID' });
    expect(checkPhone('0772 123456', { strict: true, countryCode: 'UG' })).toEqual({ ok: true, value: '256772123456' });
    expect(checkPhone('+256 772 123456', { strict: true, countryCode: 'UG' })).toEqual({ ok: true, value: '256772123456' });
  });
});

describe('approval asks the cross-batch questions again', () => {
  it('a second batch approved after the first is warned about paying the same people', async () => {
    const db = openDatabase(path.join(await mkdtemp(path.join(os.tmpdir(), 'momo-review-')), 'db.sqlite'));
    const profile: Profile = { id: 'p', name: 'Sandbox', kind: 'sandbox', baseUrl: 'https://sandbox.momodeveloper.mtn.com', targetEnvironment: 'sandbox', currency: 'EUR', limits: {} };
    const service = new PayoutBatches({ batches: new BatchRepository(db), profile: () => profile, balance: async () => ({ availableBalance: '1000', currency: 'EUR' }), accountHolderActive: async () => true, now: () => new Date() });
    const a = await service.import('a.csv', bytes('msisdn,amount,id\n256772000001,10,a1\n'), 'p');
    const b = await service.import('b.csv', bytes('msisdn,amount,id\n256772000001,10,b1\n'), 'p');
    expect(b.toAcknowledge).toEqual([]);
    service.approve(a.batchId, { typedTotal: '10', acknowledged: [] });
    expect(service.summary(b.batchId).toAcknowledge).toEqual(['PAID_RECENTLY']);
    expect(() => service.approve(b.batchId, { typedTotal: '10', acknowledged: [] })).toThrow(/Acknowledge these warnings first: PAID_RECENTLY/);
    expect(service.approve(b.batchId, { typedTotal: '10', acknowledged: ['PAID_RECENTLY'] }).approval.state).toBe('approved');
  });

  it('the invalid-rows export keeps phone numbers as text, so Excel cannot turn them into 2.56772E+11', async () => {
    const db = openDatabase(':memory:');
    const profile: Profile = { id: 'p', name: 'Sandbox', kind: 'sandbox', baseUrl: 'https://sandbox.momodeveloper.mtn.com', targetEnvironment: 'sandbox', currency: 'EUR', limits: { maxRowAmount: '100' } };
    const service = new PayoutBatches({ batches: new BatchRepository(db), profile: () => profile, balance: async () => ({ availableBalance: '1000', currency: 'EUR' }), accountHolderActive: async () => true, now: () => new Date() });
    const batch = await service.import('c.csv', bytes('msisdn,amount,id\n256772000001,abc,x\n256772000002,50,y\n'), 'p');
    expect(service.exportInvalid(batch.batchId)).toContain('"\t256772000001"');
    // A limit lowered after the import is applied again at approval.
    profile.limits.maxRowAmount = '40';
    expect(() => service.approve(batch.batchId, { typedTotal: '50', acknowledged: [] })).toThrow(/above this profile's limit per payment \(line 3 first\)/);
  });
});
