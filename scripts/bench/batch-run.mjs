// Benchmark: the batch runner end to end, as the command line runs it, against
// the emulator in its own process (completion after 1 s): 10,000 rows, then the
// same with 50 ms added to every disbursement call. Prints rows per second
// accepted and to all-final, store writes and status GETs per row, and the
// runner's peak memory. The runner is started as its bin, so its shebang's
// node flags apply. Targets: >= 500 rows/s accepted without added latency,
// <= 3 status GETs per row (<= 1.5 with the callback receiver), <= 300 MB. BENCH_NODE_FLAGS passes
// more flags to the runner's node (e.g. "--max-old-space-size=160" to see how much
// of its peak is garbage not yet collected); BENCH_CPU_PROF a profile folder.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

const ROWS = Number(process.env.BENCH_RUN_ROWS ?? 10_000);
const FLAGS = ['--concurrency', '64', '--rate', '5000', '--status-rate', '5000'];

async function emulator() {
  const server = spawn(process.execPath, ['out/cli/cli.js', 'sandbox', '--port', '0', '--complete-after-ms', '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(createInterface({ input: server.stdout }), 'line');
  return { server, ...JSON.parse(line) };
}

async function measure(label, latencyMs, extraFlags = []) {
  const emu = await emulator();
  const home = await mkdtemp(join(tmpdir(), 'momo-run-bench-'));
  try {
    await fetch(`${emu.url}/_sandbox/balances`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ disbursement: { EUR: '100000000' } }) });
    if (latencyMs > 0) await fetch(`${emu.url}/_sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ method: '*', path: '/disbursement/*', action: 'delay', ms: latencyMs }]) });
    const key = emu.subscriptionKeys.disbursement;
    const apiUser = randomUUID();
    await fetch(`${emu.url}/v1_0/apiuser`, { method: 'POST', headers: { 'X-Reference-Id': apiUser, 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' }, body: '{"providerCallbackHost":"127.0.0.1"}' });
    const { apiKey } = await (await fetch(`${emu.url}/v1_0/apiuser/${apiUser}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key } })).json();
    const env = { ...process.env, MOMO_CONSOLE_HOME: home, MOMO_API_USER: apiUser, MOMO_API_KEY: apiKey, MOMO_DISBURSEMENT_SUBSCRIPTION_KEY: key, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/momo-bench' };
    const add = spawn(process.execPath, ['out/cli/cli.js', 'profiles', 'add', 'Emulator', '--kind', 'sandbox', '--base-url', emu.url, '--environment', 'sandbox', '--currency', 'EUR'], { env, stdio: 'ignore' });
    await once(add, 'exit');
    const lines = ['msisdn,amount,id'];
    for (let i = 0; i < ROWS; i += 1) lines.push(`2567${String(70_000_000 + i).padStart(8, '0')},${(i % 90) + 10},bench-${i}`);
    const file = join(home, 'bench.csv');
    await writeFile(file, `${lines.join('\n')}\n`);

    const started = process.hrtime.bigint();
    const nodeOptions = [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_CPU_PROF] : []), ...(process.env.BENCH_NODE_FLAGS ? [process.env.BENCH_NODE_FLAGS] : [])].join(' ');
    const binEnv = { ...env, PATH: `${dirname(process.execPath)}:${env.PATH}`, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) };
    const child = spawn('out/cli/cli.js', ['payouts', 'run', file, '--profile', 'Emulator', '--yes', '--json', ...FLAGS, ...extraFlags], { env: binEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    let peakKb = 0;
    const sampler = setInterval(async () => {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // the process has gone
      }
    }, 100);
    let acceptedAt = null;
    let summary = null;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (event.counts && acceptedAt === null && event.counts.QUEUED === 0 && event.counts.SENDING === 0) acceptedAt = seconds;
      if (event.event === 'summary') summary = event;
    });
    await once(child, 'exit');
    clearInterval(sampler);
    const total = Number(process.hrtime.bigint() - started) / 1e9;
    const stats = (await (await fetch(`${emu.url}/_sandbox/stats`)).json()).requests;
    const gets = stats['GET /disbursement/v1_0/transfer/{referenceId}'] ?? 0;
    const posts = stats['POST /disbursement/v1_0/transfer'] ?? 0;
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(home, 'momo-console.sqlite'), { readonly: true });
    const events = db.prepare('SELECT count(*) AS n FROM row_events').get().n;
    const attempts = db.prepare('SELECT count(*) AS n FROM attempts').get().n;
    db.close();
    console.log(`${label}:`);
    console.log(`  ${ROWS.toLocaleString('en-US')} rows, ${summary?.counts?.SUCCESSFUL ?? 0} SUCCESSFUL, state ${summary?.state}; flags ${[...FLAGS, ...extraFlags].join(' ')}`);
    console.log(`  all accepted after ${acceptedAt?.toFixed(2) ?? '?'} s (${acceptedAt ? Math.round(ROWS / acceptedAt) : '?'} rows/s accepted), all final after ${total.toFixed(2)} s (${Math.round(ROWS / total)} rows/s)`);
    console.log(`  per row: ${(posts / ROWS).toFixed(2)} POSTs, ${(gets / ROWS).toFixed(2)} status GETs, ${((events + attempts) / ROWS).toFixed(1)} store writes (${events} journal events + ${attempts} attempts)`);
    console.log(`  runner peak RSS ${(peakKb / 1024).toFixed(0)} MB`);
    return { acceptedPerSecond: acceptedAt ? ROWS / acceptedAt : 0, getsPerRow: gets / ROWS, peakMb: peakKb / 1024 };
  } finally {
    emu.server.kill();
    await rm(home, { recursive: true, force: true });
  }
}

const plain = await measure('Batch run against the emulator, no added latency', 0);
await measure('Batch run against the emulator, 50 ms added to every disbursement call', 50);
const withCallbacks = await measure('Batch run against the emulator, with the callback receiver', 0, ['--callback-port', '0']);
console.log(`  targets: >= 500 rows/s accepted (${Math.round(plain.acceptedPerSecond)}), <= 3 status GETs per row (${plain.getsPerRow.toFixed(2)}), <= 1.5 with callbacks (${withCallbacks.getsPerRow.toFixed(2)}), <= 300 MB (${plain.peakMb.toFixed(0)} MB)`);
console.log(`  ${plain.acceptedPerSecond >= 500 && plain.getsPerRow <= 3 && withCallbacks.getsPerRow <= 1.5 && plain.peakMb <= 300 ? 'targets met' : 'TARGET MISSED'}`);
