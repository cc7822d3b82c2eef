// Batches from import to approval, on a real SQLite file: stored the moment
// they are imported, warnings that must be acknowledged, an approval bound to
// the exact rows, exports that cannot run formulas.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../preload/contract';
import { PayoutBatches } from '../../../main/payouts/batch-service';
import { BatchRepository } from '../../../main/store/batch-repository';
import { openDatabase, type Db } from '../../../main/store/database';

const sandbox: Profile = { id: 'sbx', name: 'MTN sandbox', kind: 'sandbox', baseUrl: 'https://sandbox.momodeveloper.mtn.com', targetEnvironment: 'sandbox', currency: 'EUR', limits: {} };
const live: Profile = { id: 'live', name: 'Uganda live', kind: 'production', baseUrl: 'https://proxy.momoapi.mtn.com', targetEnvironment: 'mtnuganda', currency: 'UGX', countryCode: 'UG', limits: { maxBatchTotal: '100000' } };
const file = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const SIMPLE = 'msisdn,amount,id,name\n256772000001,10.50,p1,Ann\n256772000002,20,p2,Ben\nbad,5,p3,Cy\n';

let dbFile: string;
let db: Db;
let clock: Date;
let balance: string;
const service = (database = db) =>
  new PayoutBatches({
    batches: new BatchRepository(database),
    profile: (id) => [sandbox, live].find((p) => p.id === id) ?? sandbox,
    balance: async () => ({ availableBalance: balance, currency: 'EUR' }),
    accountHolderActive: async (_profile, _type, id) => id !== '256772000002',
    now: () => clock,
  });

beforeEach(async () => {
  dbFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'momo-batches-')), 'momo.sqlite');
  db = openDatabase(dbFile);
  clock = new Date('2026-12-01T12:00:00Z');
  balance = '1000';
});

describe('import', () => {
  it('stores the batch at once: a new process sees every row, with the events', async () => {
    const summary = await service().import('december.csv', file(SIMPLE), 'sbx');
    expect(summary).toMatchObject({ rows: 3, valid: 2, invalid: 1, totals: [{ currency: 'EUR', count: 2, amount: '30.50' }], approval: { state: 'none' } });
    db.close();
    const reopened = openDatabase(dbFile);
    const again = service(reopened);
    expect(again.summary(summary.batchId)).toEqual(summary);
    expect(again.rows(summary.batchId, 'invalid', 0, 10).rows[0]).toMatchObject({ line: 4, errors: [{ code: 'PHONE_INVALID', column: 'msisdn' }] });
    expect(new BatchRepository(reopened).events(summary.batchId).map((e) => e.kind)).toEqual(['imported']);
  });

  it('a file that cannot be used stores nothing and says why', async () => {
    await expect(service().import('empty.csv', new Uint8Array(0), 'sbx')).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    expect(new BatchRepository(db).list('sbx')).toEqual([]);
  });
});

describe('warnings that need an acknowledgement', () => {
  it('the same party and amount twice, the same file again, an outlier, and a payment approved in the last 7 days', async () => {
    const text = 'msisdn,amount,id\n256772000001,10,a\n256772000001,10,b\n256772000003,10,c\n256772000004,10,d\n256772000005,10,e\n256772000006,5000,f\n';
    const first = await service().import('a.csv', file(text), 'sbx');
    expect(first.toAcknowledge).toEqual(['DUPLICATE_PARTY_AMOUNT', 'AMOUNT_OUTLIER']);
    const warned = service().rows(first.batchId, 'warning', 0, 10).rows;
    expect(warned.map((r) => [r.line, r.warnings.map((w) => w.code)])).toEqual([
      [3, ['DUPLICATE_PARTY_AMOUNT']],
      [7, ['AMOUNT_OUTLIER']],
    ]);
    service().approve(first.batchId, { typedTotal: '5050.00', acknowledged: ['DUPLICATE_PARTY_AMOUNT', 'AMOUNT_OUTLIER'] });
    clock = new Date('2026-12-03T12:00:00Z');
    const second = await service().import('a-again.csv', file(text), 'sbx');
    expect(second.toAcknowledge).toEqual(['DUPLICATE_PARTY_AMOUNT', 'FILE_SEEN_BEFORE', 'PAID_RECENTLY', 'AMOUNT_OUTLIER']);
    expect(second.fileWarnings[0]?.message).toContain(first.batchId);
    // A week later the earlier approval no longer counts as recent.
    clock = new Date('2026-12-09T12:00:01Z');
    expect((await service().import('a-later.csv', file(text), 'sbx')).toAcknowledge).not.toContain('PAID_RECENTLY');
  });
});

describe('approval', () => {
  it('needs the total typed exactly and every warning acknowledged; records the hash of the rows', async () => {
    const { batchId } = await service().import('d.csv', file(SIMPLE), 'sbx');
    expect(() => service().approve(batchId, { typedTotal: '30.5', acknowledged: [] })).not.toThrow();
    expect(service().summary(batchId).approval.state).toBe('approved');
    expect(() => service().approve(batchId, { typedTotal: '30.49', acknowledged: [] })).toThrow(/Type the batch total exactly \(30\.50 EUR\)/);
    expect(new BatchRepository(db).events(batchId).map((e) => e.kind)).toEqual(['imported', 'approved']);
  });

  it('in production also needs the profile name typed, and keeps to the batch limit', async () => {
    const { batchId } = await service().import('ug.csv', file('msisdn,amount,id\n0772123456,60000,u1\n0772123457,50000,u2\n'), 'live');
    expect(service().summary(batchId).totals).toEqual([{ currency: 'UGX', count: 2, amount: '110000' }]);
    expect(() => service().approve(batchId, { typedTotal: '110,000', acknowledged: [] })).toThrow(/Type the profile name/);
    expect(() => service().approve(batchId, { typedTotal: '110000', confirmName: 'Uganda live', acknowledged: [] })).toThrow(/above this profile's batch limit of 100,000 UGX/);
    service().exclude(batchId, [1], true);
    expect(service().approve(batchId, { typedTotal: '60 000 UGX', confirmName: 'Uganda live', acknowledged: [] }).approval.state).toBe('approved');
  });

  it('is voided by any later change to the rows: an exclusion, or an edit behind the console\u2019s back', async () => {
    const { batchId } = await service().import('d.csv', file(SIMPLE), 'sbx');
    service().approve(batchId, { typedTotal: '30.50', acknowledged: [] });
    expect(service().approvalHolds(batchId)).toBe(true);
    const after = service().exclude(batchId, [0], true);
    expect(after).toMatchObject({ approval: { state: 'voided' }, totals: [{ count: 1, amount: '20' }] });
    expect(new BatchRepository(db).events(batchId).map((e) => e.kind)).toEqual(['imported', 'approved', 'rows-excluded', 'approval-voided']);
    service().approve(batchId, { typedTotal: '20', acknowledged: [] });
    expect(service().approvalHolds(batchId)).toBe(true);
    db.prepare('UPDATE batch_rows SET amount_minor = 2001 WHERE batch_id = ? AND row_index = 1').run(batchId);
    expect(service().approvalHolds(batchId)).toBe(false);
    expect(service().summary(batchId).approval.state).toBe('voided');
  });

  it('nothing to pay, nothing to approve', async () => {
    const { batchId } = await service().import('bad.csv', file('msisdn,amount,id\nbad,1,x\n'), 'sbx');
    expect(() => service().approve(batchId, { typedTotal: '0', acknowledged: [] })).toThrow(/no valid rows/);
  });
});

describe('preview against the balance', () => {
  it('says whether the total fits the live disbursement balance', async () => {
    const { batchId } = await service().import('d.csv', file(SIMPLE), 'sbx');
    expect(await service().balance(batchId)).toEqual({ available: '1,000.00 EUR', currency: 'EUR', fits: true, message: null });
    balance = '30.49';
    expect((await service().balance(batchId)).fits).toBe(false);
  });
});

describe('exports', () => {
  it('invalid rows come back as read, with a reason column, ready to fix and re-import; formulas cannot run', async () => {
    const text = 'msisdn,amount,id,name\n=cmd|calc,5,x1,"=HYPERLINK(""http://evil.example"")"\n+256772000009,abc,x2,@SUM(A1)\n256772000010,5,x3,ok\n';
    const { batchId } = await service().import('f.csv', file(text), 'sbx');
    const csv = service().exportInvalid(batchId);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows[0]).toEqual(['msisdn', 'amount', 'id', 'name', 'line', 'problems']);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ["'=cmd|calc", '5', 'x1', '\'=HYPERLINK("http://evil.example")', '2'],
      ["'+256772000009", 'abc', 'x2', "'@SUM(A1)", '3'],
    ]);
    expect(rows[2]?.[5]).toContain('amount: "abc" is not an amount [AMOUNT_FORMAT]');
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Re-imported after the fix, the console's own protection is undone.
    const fixed = csv.replace('abc', '7');
    const reimported = await service().import('f-fixed.csv', file(fixed), 'sbx');
    expect(service().rows(reimported.batchId, 'all', 0, 10).rows[1]).toMatchObject({ partyId: '256772000009', amountMinor: 700n, errors: [] });
  });

  it('the template keeps phone numbers as text and imports clean', async () => {
    const template = service().template('sbx');
    expect(template.startsWith('\ufeffmsisdn,amount,currency,external id')).toBe(true);
    expect(template).toContain('"\t256772123456"');
    const imported = await service().import('template.csv', file(template), 'sbx');
    expect(imported).toMatchObject({ rows: 1, valid: 1 });
  });
});

describe('the optional account-holder check', () => {
  it('asks about each valid payee, reports progress, marks each row, and leaves the approval standing', async () => {
    const { batchId } = await service().import('d.csv', file(SIMPLE), 'sbx');
    service().approve(batchId, { typedTotal: '30.50', acknowledged: [] });
    const seen: number[] = [];
    const result = await service().checkAccountHolders(batchId, (p) => seen.push(p.checked));
    expect(result).toEqual({ batchId, total: 2, checked: 2, active: 1, notActive: 1, failed: 0 });
    expect(seen).toEqual([0, 1, 2]);
    expect(service().rows(batchId, 'all', 0, 10).rows.map((r) => r.holder)).toEqual(['active', 'not-active', null]);
    expect(service().approvalHolds(batchId)).toBe(true);
    expect(new BatchRepository(db).events(batchId).at(-1)?.kind).toBe('account-holders-checked');
  });
});
