// Starts the emulator on loopback with a clock the test moves, provisions an
// API user and speaks to it over real HTTP. Only plain fetch: what any MoMo
// client would do.
import { randomUUID } from 'node:crypto';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/sandbox-server';
import type { SandboxOptionsInput } from '../../main/sandbox/sandbox-options';
import type { Product } from '../../main/sandbox/transaction-kinds';

export interface Clock {
  now(): number;
  advance(ms: number): void;
}

export function manualClock(start = Date.UTC(2026, 11, 1, 12)): Clock {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

export interface Harness {
  sandbox: RunningSandbox;
  clock: Clock;
  userId: string;
  apiKey: string;
  token(product: Product): Promise<string>;
  call(method: string, path: string, init?: { product?: Product; body?: unknown; headers?: Record<string, string>; referenceId?: string; token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(options: SandboxOptionsInput = {}, providerCallbackHost = '127.0.0.1'): Promise<Harness> {
  const clock = manualClock();
  const sandbox = await startSandbox({ completeAfterMs: 1000, ...options }, clock.now);
  const userId = randomUUID();
  const key = sandbox.subscriptionKeys.collection;
  const created = await fetch(`${sandbox.url}/v1_0/apiuser`, {
    method: 'POST',
    headers: { 'X-Reference-Id': userId, 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify({ providerCallbackHost }),
  });
  if (created.status !== 201) throw new Error(`apiuser: ${created.status}`);
  const keyResponse = await fetch(`${sandbox.url}/v1_0/apiuser/${userId}/apikey`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key } });
  const { apiKey } = (await keyResponse.json()) as { apiKey: string };
  const tokens = new Map<Product, { token: string; expiresAt: number }>();

  const harness: Harness = {
    sandbox,
    clock,
    userId,
    apiKey,
    async token(product) {
      const cached = tokens.get(product);
      if (cached && cached.expiresAt > clock.now()) return cached.token;
      const response = await fetch(`${sandbox.url}/${product}/token/`, {
        method: 'POST',
        headers: { Authorization: `Basic ${Buffer.from(`${userId}:${apiKey}`).toString('base64')}`, 'Ocp-Apim-Subscription-Key': sandbox.subscriptionKeys[product] },
      });
      const body = (await response.json()) as { access_token: string; expires_in: number };
      tokens.set(product, { token: body.access_token, expiresAt: clock.now() + body.expires_in * 1000 });
      return body.access_token;
    },
    async call(method, path, init = {}) {
      const product = init.product ?? (path.split('/')[1] as Product);
      const headers: Record<string, string> = {
        'Ocp-Apim-Subscription-Key': sandbox.subscriptionKeys[product],
        'X-Target-Environment': 'sandbox',
        ...(init.token === null ? {} : { Authorization: `Bearer ${init.token ?? (await harness.token(product))}` }),
        ...(init.referenceId ? { 'X-Reference-Id': init.referenceId } : {}),
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      };
      return fetch(`${sandbox.url}${path}`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    },
    close: () => sandbox.close(),
  };
  return harness;
}

export const msisdn = (partyId: string) => ({ partyIdType: 'MSISDN' as const, partyId });
