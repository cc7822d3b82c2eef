// Benchmark: importing and checking a 100,000-row payout file for a sandbox
// and a production profile, against csv-parse alone parsing the same bytes,
// each in a fresh process so peak memory is its own. Prints time (median of
// 3), peak RSS and the ratio.
// Targets: at most 1.5 s and 300 MB, and at most 3x csv-parse alone.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = 3;
const TARGET = { seconds: 1.5, megabytes: 300, ratio: 3 };

await build({ entryPoints: ['main/payouts/payout-import.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node24', packages: 'external', outfile: 'out/bench/payout-import.js', logLevel: 'warning' });

const dir = await mkdtemp(join(tmpdir(), 'momo-import-bench-'));
const file = join(dir, 'payouts.csv');
const lines = ['msisdn,amount,currency,external id,payer message,payee note,name'];
for (let i = 0; i < ROWS; i += 1) lines.push(`2567${String(70_000_000 + i).padStart(8, '0')},${(i % 5000) + 1}.${String(i % 100).padStart(2, '0')},EUR,row-${i},Salary December,Thanks,Person ${i}`);
await writeFile(file, `\ufeff${lines.join('\r\n')}\r\n`);

const child = (code) => JSON.parse(execFileSync(process.execPath, ['-e', code, file], { encoding: 'utf8', cwd: process.cwd() }));
const consoleImport = (profile) => `
  const { readFileSync } = require('node:fs');
  const { importPayoutFile } = require('./out/bench/payout-import.js');
  const bytes = new Uint8Array(readFileSync(process.argv[1]));
  const started = process.hrtime.bigint();
  importPayoutFile(bytes, ${JSON.stringify(profile)}).then((result) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!result.ok || result.rows.length !== ${ROWS} || result.rows.some((r) => r.errors.length)) throw new Error('the benchmark file did not import clean');
    console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  });`;
const csvParseAlone = `
  const { readFileSync } = require('node:fs');
  const { parse } = require('csv-parse');
  const bytes = readFileSync(process.argv[1]);
  const started = process.hrtime.bigint();
  (async () => {
    const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
    parser.end(bytes.toString('utf8'));
    let records = 0;
    for await (const _ of parser) records += 1;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (records !== ${ROWS + 1}) throw new Error('csv-parse read ' + records);
    console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  })();`;

try {
  // Sandbox profiles check a phone number's shape; production profiles check it against the country's numbering plan.
  const profiles = { sandbox: { kind: 'sandbox', currency: 'EUR', limits: {} }, production: { kind: 'production', currency: 'EUR', countryCode: 'UG', limits: {} } };
  const runs = { sandbox: [], production: [], csvParse: [] };
  for (let i = 0; i < RUNS; i += 1) {
    runs.sandbox.push(child(consoleImport(profiles.sandbox)));
    runs.production.push(child(consoleImport(profiles.production)));
    runs.csvParse.push(child(csvParseAlone));
  }
  const median = (list, field) => [...list].map((r) => r[field]).sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const baseline = median(runs.csvParse, 'seconds');
  console.log(`Payout import of ${ROWS.toLocaleString('en-US')} rows (${(Buffer.byteLength(lines.join('\r\n')) / 1048576).toFixed(1)} MB), ${RUNS} runs each in fresh processes:`);
  console.log(`  csv-parse alone: ${baseline.toFixed(3)} s (median; runs ${runs.csvParse.map((r) => r.seconds.toFixed(3)).join(', ')}), peak RSS ${Math.max(...runs.csvParse.map((r) => r.maxRssMb)).toFixed(0)} MB`);
  for (const kind of ['sandbox', 'production']) {
    const seconds = median(runs[kind], 'seconds');
    const memory = Math.max(...runs[kind].map((r) => r.maxRssMb));
    const ratio = seconds / baseline;
    const met = seconds <= TARGET.seconds && memory <= TARGET.megabytes && ratio <= TARGET.ratio;
    console.log(`  ${kind} profile: ${seconds.toFixed(3)} s (median; runs ${runs[kind].map((r) => r.seconds.toFixed(3)).join(', ')}), peak RSS ${memory.toFixed(0)} MB, ratio ${ratio.toFixed(2)} — ${met ? 'targets met' : 'TARGET MISSED'}`);
  }
  console.log(`  targets: <= ${TARGET.seconds} s, <= ${TARGET.megabytes} MB, ratio <= ${TARGET.ratio}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
