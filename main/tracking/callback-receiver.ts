// MoMo's callbacks, received on a small HTTP listener in main (loopback for
// the emulator; behind a tunnel in real use). Callbacks are unauthenticated:
// one never sets a status, it only asks for that payment's status to be read
// now (DESIGN §3, invariant 5). Unknown references and malformed bodies are
// logged and dropped.
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { Logger } from '../logging/logger';

export interface CallbackReceiverOptions {
  host: string;
  port: number;
  logger: Logger;
  /** Our reference id for a callback, from its X-Reference-Id header, its referenceId, or its externalId; null when it is not one of ours. */
  identify(hint: { referenceId: string | null; externalId: string | null }): string | null;
  /** Read that payment's status now. */
  onHint(referenceId: string): void;
}

export interface CallbackReceiver {
  /** The base the X-Callback-Url is built on: `${url}/momo/callback`. */
  url: string;
  received(): number;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function startCallbackReceiver(options: CallbackReceiverOptions): Promise<CallbackReceiver> {
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024 });
  let received = 0;
  const handle = async (request: { headers: Record<string, unknown>; body: unknown }) => {
    received += 1;
    const body = request.body !== null && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : null;
    if (body === null) {
      options.logger.warn({ callback: 'malformed' }, 'a callback without a JSON body was dropped');
      return { dropped: true };
    }
    const header = typeof request.headers['x-reference-id'] === 'string' ? request.headers['x-reference-id'] : null;
    const fromBody = typeof body.referenceId === 'string' ? body.referenceId : null;
    const referenceId = options.identify({
      referenceId: [header, fromBody].find((v): v is string => v !== null && UUID.test(v)) ?? null,
      externalId: typeof body.externalId === 'string' ? body.externalId : null,
    });
    if (referenceId === null) {
      options.logger.warn({ callback: 'unknown' }, 'a callback for a payment this console does not know was dropped');
      return { dropped: true };
    }
    options.logger.info({ callback: 'hint', referenceId }, 'callback: reading the status now');
    options.onHint(referenceId);
    return { received: true };
  };
  app.post('/momo/callback', async (request) => handle(request));
  app.put('/momo/callback', async (request) => handle(request));
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address() as AddressInfo;
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    received: () => received,
    close: () => app.close(),
  };
}
