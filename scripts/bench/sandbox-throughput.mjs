// Benchmark: the emulator's throughput for requesttopay POST and status GET at
// concurrency 64. The emulator runs in its own process (the built CLI); the
// load comes from this one (autocannon). Prints figures and their ratio to
// the target; never part of the tests.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

const TARGET_GETS_PER_SECOND = 5000;
const CONNECTIONS = 64;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const server = spawn(process.execPath, ['out/cli/cli.js', 'sandbox', '--port', '0', '--complete-after-ms', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const [line] = await once(createInterface({ input: server.stdout }), 'line');
const { url, subscriptionKeys } = JSON.parse(line);
const key = subscriptionKeys.collection;

try {
  const userId = randomUUID();
  await fetch(`${url}/v1_0/apiuser`, { method: 'POST', headers: { 'X-Reference-Id': userId, 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' }, body: '{"providerCallbackHost":"127.0.0.1"}' });
  const { apiKey } = await (await fetch(`${url}/v1_0/apiuser/${userId}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key } })).json();
  const { access_token } = await (
    await fetch(`${url}/collection/token/`, { method: 'POST', headers: { Authorization: `Basic ${Buffer.from(`${userId}:${apiKey}`).toString('base64')}`, 'Ocp-Apim-Subscription-Key': key } })
  ).json();
  const headers = { Authorization: `Bearer ${access_token}`, 'X-Target-Environment': 'sandbox', 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' };
  const body = JSON.stringify({ amount: '100', currency: 'EUR', externalId: 'bench', payer: { partyIdType: 'MSISDN', partyId: '256772123456' }, payerMessage: 'bench', payeeNote: 'bench' });

  const created = [];
  const post = await autocannon({
    url: `${url}/collection/v1_0/requesttopay`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers,
    body,
    requests: [
      {
        setupRequest(request) {
          const referenceId = randomUUID();
          if (created.length < 10_000) created.push(referenceId);
          return { ...request, headers: { ...headers, 'X-Reference-Id': referenceId } };
        },
      },
    ],
  });
  let next = 0;
  const get = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers,
    requests: [
      {
        setupRequest(request) {
          const referenceId = created[next++ % created.length];
          return { ...request, method: 'GET', path: `/collection/v1_0/requesttopay/${referenceId}`, headers };
        },
      },
    ],
  });

  const report = (name, result, status) => ({
    benchmark: name,
    connections: CONNECTIONS,
    seconds: DURATION_SECONDS,
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    expectedStatus: status,
  });
  const rows = [report('requesttopay POST', post, 202), report('requesttopay status GET', get, 200)];
  for (const row of rows) console.log(JSON.stringify(row));
  const ratio = rows[1].requestsPerSecond / TARGET_GETS_PER_SECOND;
  console.log(`status GET: ${rows[1].requestsPerSecond} req/s against a target of ${TARGET_GETS_PER_SECOND} req/s: ratio ${ratio.toFixed(2)} (${ratio >= 1 ? 'meets' : 'MISSES'} the target)`);
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
}
