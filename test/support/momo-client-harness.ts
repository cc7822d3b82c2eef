// The MoMo client wired to the emulator on loopback, with every log line and
// every exchange captured so tests can look for secrets in them.
import { Writable } from 'node:stream';
import { createLogger } from '../../main/logging/logger';
import type { Exchange } from '../../main/momo/exchange';
import { createMomoClient, type MomoClient, type MomoClientOptions } from '../../main/momo/momo-client';
import type { MomoCredentials } from '../../main/momo/momo-connection';
import { startHarness, type Harness } from './sandbox-harness';
import type { SandboxOptionsInput } from '../../main/sandbox/sandbox-options';

export interface ClientHarness {
  h: Harness;
  client: MomoClient;
  credentials: MomoCredentials;
  logLines: string[];
  exchanges: Exchange[];
  /** Another client on the same emulator and log (own options, e.g. a shared TokenCache). */
  makeClient(overrides?: Partial<MomoClientOptions>): MomoClient;
  /** Requests the emulator has seen, by "METHOD /path-template". */
  stats(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function startClientHarness(
  clientOptions: Partial<MomoClientOptions> = {},
  sandboxOptions: SandboxOptionsInput = { completeAfterMs: 0 },
): Promise<ClientHarness> {
  const h = await startHarness(sandboxOptions);
  const logLines: string[] = [];
  const exchanges: Exchange[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger(sink, 'debug');
  const credentials: MomoCredentials = { apiUser: h.userId, apiKey: h.apiKey, subscriptionKeys: { ...h.sandbox.subscriptionKeys } };
  const clients: MomoClient[] = [];
  const makeClient = (overrides: Partial<MomoClientOptions> = {}) => {
    const client = createMomoClient({
      connection: { profileId: 'test', baseUrl: h.sandbox.url, targetEnvironment: 'sandbox', currency: 'EUR' },
      credentials: () => credentials,
      logger,
      onExchange: (exchange) => exchanges.push(exchange),
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      statusReadsPerSecond: 1000,
      ...clientOptions,
      ...overrides,
    });
    clients.push(client);
    return client;
  };
  const client = makeClient();
  return {
    h,
    client,
    credentials,
    logLines,
    exchanges,
    makeClient,
    async stats() {
      const response = await fetch(`${h.sandbox.url}/_sandbox/stats`);
      return ((await response.json()) as { requests: Record<string, number> }).requests;
    },
    async close() {
      for (const c of clients) c.close();
      await h.close();
    },
  };
}
