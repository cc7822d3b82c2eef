// Benchmark: the MoMo client against a naive client written the way the
// integration guide's Node sample is (a fresh axios call per request, a token
// check-then-fetch with no sharing, no keep-alive agent), on the same
// emulator, at the same concurrency, in the same run. Each round pays 2,000
// transfers and reads each one's status; rounds alternate so neither client
// gets the warmer machine. It runs over https (MoMo's only transport in
// production) and over plain http (loopback only), and prints throughput, the
// ratio and the token requests each made (counted by /_sandbox/stats).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import axios from 'axios';
import { build } from 'esbuild';
import pino from 'pino';
import { generate } from 'selfsigned';

const TRANSFERS = Number(process.env.BENCH_TRANSFERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TARGET_RATIO = 2;

await build({ entryPoints: ['main/momo/momo-client.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node24', packages: 'external', outfile: 'out/bench/momo-client.js', logLevel: 'warning' });
const { createMomoClient } = createRequire(import.meta.url)('../../out/bench/momo-client.js');

/** The guide's MTNMoMoAPI, pointed at disbursement transfers. */
class GuideStyleClient {
  constructor(url, ca, subscriptionKey, apiUser, apiKey) {
    Object.assign(this, { url, subscriptionKey, apiUser, apiKey, accessToken: null, tokenExpiresAt: 0 });
    // The guide relies on the default agent of the Node it was written for: no keep-alive.
    this.agents = { httpAgent: new http.Agent({ keepAlive: false }), httpsAgent: new https.Agent({ keepAlive: false, ca }) };
  }
  async getAccessToken() {
    if (this.accessToken && Date.now() < this.tokenExpiresAt) return this.accessToken;
    const auth = Buffer.from(`${this.apiUser}:${this.apiKey}`).toString('base64');
    const response = await axios.post(`${this.url}/disbursement/token/`, {}, { ...this.agents, headers: { Authorization: `Basic ${auth}`, 'Ocp-Apim-Subscription-Key': this.subscriptionKey } });
    this.accessToken = response.data.access_token;
    this.tokenExpiresAt = Date.now() + response.data.expires_in * 1000 - 60000;
    return this.accessToken;
  }
  async transfer(referenceId, body) {
    const token = await this.getAccessToken();
    const headers = { Authorization: `Bearer ${token}`, 'X-Reference-Id': referenceId, 'X-Target-Environment': 'sandbox', 'Ocp-Apim-Subscription-Key': this.subscriptionKey, 'Content-Type': 'application/json' };
    await axios.post(`${this.url}/disbursement/v1_0/transfer`, body, { ...this.agents, headers });
  }
  async getTransferStatus(referenceId) {
    const token = await this.getAccessToken();
    const headers = { Authorization: `Bearer ${token}`, 'X-Target-Environment': 'sandbox', 'Ocp-Apim-Subscription-Key': this.subscriptionKey };
    return (await axios.get(`${this.url}/disbursement/v1_0/transfer/${referenceId}`, { ...this.agents, headers })).data;
  }
}

async function startEmulator(tlsFiles) {
  const args = ['out/cli/cli.js', 'sandbox', '--port', '0', '--complete-after-ms', '0', ...(tlsFiles ? ['--tls-key', tlsFiles.key, '--tls-cert', tlsFiles.cert] : [])];
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(createInterface({ input: server.stdout }), 'line');
  return { server, ...JSON.parse(line) };
}

/** Control calls go over the client's own trust: node's https with the bench CA. */
function control(url, ca, method, path, body) {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const request = (target.protocol === 'https:' ? https : http).request(target, { method, ca, headers: body ? { 'Content-Type': 'application/json', ...body.headers } : {} }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(text ? JSON.parse(text) : null));
    });
    request.on('error', reject);
    request.end(body?.json === undefined ? undefined : JSON.stringify(body.json));
  });
}

/** CONCURRENCY workers share TRANSFERS payouts: each POSTs one, then GETs its status. */
async function run(emulator, ca, transfer, status) {
  await control(emulator.url, ca, 'POST', '/_sandbox/reset');
  await control(emulator.url, ca, 'POST', '/_sandbox/balances', { json: { disbursement: { EUR: '100000000' } } });
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TRANSFERS) {
        next += 1;
        const referenceId = randomUUID();
        await transfer(referenceId, { amount: '10', currency: 'EUR', externalId: referenceId, payee: { partyIdType: 'MSISDN', partyId: '256772123456' }, payerMessage: 'bench', payeeNote: 'bench' });
        const { status: state } = await status(referenceId);
        if (state !== 'SUCCESSFUL') throw new Error(`transfer ${referenceId} read back ${state}`);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { requests } = await control(emulator.url, ca, 'GET', '/_sandbox/stats');
  const { transactions } = await control(emulator.url, ca, 'GET', '/_sandbox/ledger');
  if (transactions.length !== TRANSFERS) throw new Error(`expected ${TRANSFERS} transfers in the ledger, found ${transactions.length}`);
  return { opsPerSecond: (TRANSFERS * 2) / seconds, seconds, tokenRequests: requests['POST /disbursement/token/'] ?? 0 };
}

async function compare(label, tlsFiles, ca) {
  const emulator = await startEmulator(tlsFiles);
  try {
    const key = emulator.subscriptionKeys.collection;
    const apiUser = randomUUID();
    await control(emulator.url, ca, 'POST', '/v1_0/apiuser', { headers: { 'X-Reference-Id': apiUser, 'Ocp-Apim-Subscription-Key': key }, json: { providerCallbackHost: '127.0.0.1' } });
    const { apiKey } = await control(emulator.url, ca, 'POST', `/v1_0/apiuser/${apiUser}/apikey`, { headers: { 'Ocp-Apim-Subscription-Key': key } });
    const credentials = { apiUser, apiKey, subscriptionKeys: emulator.subscriptionKeys };
    const results = { client: [], naive: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const naive = new GuideStyleClient(emulator.url, ca, emulator.subscriptionKeys.disbursement, apiUser, apiKey);
      results.naive.push(await run(emulator, ca, (ref, body) => naive.transfer(ref, body), (ref) => naive.getTransferStatus(ref)));
      const client = createMomoClient({
        connection: { profileId: `bench-${round}`, baseUrl: emulator.url, targetEnvironment: 'sandbox', currency: 'EUR' },
        credentials: () => credentials,
        ...(ca ? { trustedCertificates: ca } : {}),
        logger: pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false })),
        // Pacing off: the naive client has none and the emulator sets no cap; at MTN's 10/s this would time the pacer.
        statusReadsPerSecond: Infinity,
      });
      const transfer = async (ref, body) => {
        const outcome = await client.disbursement.transfer(ref, body);
        if (outcome.outcome !== 'accepted') throw new Error(`transfer ${ref}: ${outcome.outcome}`);
      };
      results.client.push(await run(emulator, ca, transfer, (ref) => client.disbursement.getTransferStatus(ref)));
      client.close();
    }
    const mean = (list) => list.reduce((sum, r) => sum + r.opsPerSecond, 0) / list.length;
    const ratio = mean(results.client) / mean(results.naive);
    console.log(`${label}:`);
    for (const [name, list] of Object.entries(results)) {
      console.log(`  ${name.padEnd(6)} ${list.map((r) => `${r.opsPerSecond.toFixed(0)} req/s (${r.seconds.toFixed(2)} s, ${r.tokenRequests} token requests)`).join(' | ')}`);
    }
    const oneToken = results.client.every((r) => r.tokenRequests === 1);
    console.log(`  throughput ratio client/naive: ${ratio.toFixed(2)} (target >= ${TARGET_RATIO}); token requests per round: client ${results.client.map((r) => r.tokenRequests).join(', ')} (target 1), naive ${results.naive.map((r) => r.tokenRequests).join(', ')}`);
    console.log(`  ${ratio >= TARGET_RATIO && oneToken ? 'target met' : 'TARGET MISSED'}`);
  } finally {
    emulator.server.kill();
  }
}

console.log(`MoMo client vs guide-style client: ${TRANSFERS} transfers + ${TRANSFERS} status GETs per round, concurrency ${CONCURRENCY}, ${ROUNDS} rounds each, alternating`);
const dir = await mkdtemp(join(tmpdir(), 'momo-bench-'));
try {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  const tlsFiles = { key: join(dir, 'key.pem'), cert: join(dir, 'cert.pem') };
  await writeFile(tlsFiles.key, pems.private, { mode: 0o600 });
  await writeFile(tlsFiles.cert, pems.cert);
  await compare('https (as MoMo is served)', tlsFiles, pems.cert);
  await compare('plain http on loopback (no TLS handshakes to save)', null, undefined);
} finally {
  await rm(dir, { recursive: true, force: true });
}
