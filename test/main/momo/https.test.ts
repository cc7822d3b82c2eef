// MoMo is https-only in production: the client over TLS against the emulator
// serving https, and a certificate it does not trust refused before anything is sent.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/logging/logger';
import { createMomoClient, type MomoClient } from '../../../main/momo/momo-client';
import type { MomoCredentials } from '../../../main/momo/momo-connection';
import { MomoTransportError } from '../../../main/momo/momo-errors';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox-server';
import { manualClock } from '../../support/sandbox-harness';
import { loopbackCertificate } from '../../support/self-signed';

const clock = manualClock();
let sandbox: RunningSandbox;
let client: MomoClient;
let credentials: MomoCredentials;
const clientFor = (trustedCertificates: string) =>
  createMomoClient({
    connection: { profileId: 'tls', baseUrl: sandbox.url, targetEnvironment: 'sandbox', currency: 'EUR' },
    credentials: () => credentials,
    logger: createLogger(undefined, 'silent'),
    trustedCertificates,
  });

beforeAll(async () => {
  const tls = await loopbackCertificate();
  sandbox = await startSandbox({ completeAfterMs: 0, tls }, clock.now);
  credentials = { apiUser: randomUUID(), apiKey: '', subscriptionKeys: sandbox.subscriptionKeys };
  client = clientFor(tls.cert);
  // Provisioned over https by the client itself.
  expect(await client.provisioning.createApiUser(credentials.apiUser, '127.0.0.1')).toEqual({ outcome: 'created' });
  credentials.apiKey = await client.provisioning.createApiKey(credentials.apiUser);
});
afterAll(async () => {
  client.close();
  await sandbox.close();
});

const payee = { partyIdType: 'MSISDN' as const, partyId: '256772123456' };

describe('over https', () => {
  it('pays and reads back through a trusted certificate', async () => {
    expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const refs = Array.from({ length: 10 }, () => randomUUID());
    const outcomes = await Promise.all(refs.map((ref) => client.disbursement.transfer(ref, { amount: '1', currency: 'EUR', payee })));
    expect(outcomes.map((o) => o.outcome)).toEqual(refs.map(() => 'accepted'));
    clock.advance(1);
    expect((await client.disbursement.getTransferStatus(refs[0] ?? ''))?.status).toBe('SUCCESSFUL');
  });

  it('an untrusted certificate is a definitive refusal, and the transfer never left this machine', async () => {
    const untrusting = clientFor((await loopbackCertificate()).cert);
    try {
      const ref = randomUUID();
      const outcome = await untrusting.disbursement.transfer(ref, { amount: '1', currency: 'EUR', payee });
      expect(outcome).toMatchObject({ outcome: 'refused', attempts: 1 });
      if (outcome.outcome !== 'refused') return;
      // The token request met the certificate first; the transfer itself was never attempted.
      const cause = outcome.error.cause;
      expect(cause).toBeInstanceOf(MomoTransportError);
      expect(cause).toMatchObject({ sent: false, classification: 'definitive' });
      expect((cause as Error).message).toMatch(/certificate is not trusted/);
      expect(sandbox.ledger().some((tx) => tx.referenceId === ref)).toBe(false);
    } finally {
      untrusting.close();
    }
  });
});
