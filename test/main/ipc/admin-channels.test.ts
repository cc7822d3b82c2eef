// Every admin channel through the real router and handlers, against the
// emulator: profiles, write-only secrets, provisioning, connection tests. Every
// result and every log line is then scanned for the secret values used.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../preload/contract';
import { createHandlers } from '../../../main/ipc/handlers';
import { createRouter } from '../../../main/ipc/router';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/sandbox-server';
import { startTestServices, type TestServices } from '../../support/test-services';

const ORIGIN = 'app://momo-console/index.html';
let services: TestServices;
let mtn: RunningSandbox;
const results: unknown[] = [];
let call: (channel: keyof typeof channels, args: unknown) => Promise<{ ok: boolean; value?: never; error?: { code: string; message: string } }>;

beforeAll(async () => {
  services = await startTestServices();
  mtn = await startSandbox({ completeAfterMs: 0 });
  const router = createRouter(channels, createHandlers({ frontDoor: 'electron', services, runtime: { node: '24', electron: null, chrome: null }, openUrl: async () => {} }), {
    isTrustedSender: (url) => url === ORIGIN,
    logger: { error: () => {}, warn: () => {} },
  });
  call = async (channel, args) => {
    const result = (await router.handle(channel, ORIGIN, args)) as Awaited<ReturnType<typeof call>>;
    results.push(result);
    return result;
  };
});
afterAll(async () => {
  await services.close();
  await mtn.close();
});

describe('admin channels', () => {
  let profileId = '';

  it('a fresh install lists one profile, Local sandbox, active, and says where secrets are kept', async () => {
    expect(await call('listProfiles', {})).toEqual({ ok: true, value: { activeProfileId: 'local-sandbox', profiles: [expect.objectContaining({ id: 'local-sandbox', kind: 'local' })], problem: null } });
    expect((await call('getKeychainStatus', {})).value).toEqual({ backend: 'memory', label: 'memory, for this session only', persistent: false, problem: null, advice: null });
  });

  it('the Local sandbox profile works out of the box: provisioned on its own, every product answers', async () => {
    const tested = await call('testConnection', { profileId: 'local-sandbox' });
    expect(tested.value).toEqual({
      profileId: 'local-sandbox',
      results: ['collection', 'disbursement', 'remittance'].map((product) => ({ product, outcome: 'ok', balance: expect.stringMatching(/ EUR available$/), message: null })),
    });
    expect((await call('getSecretStatus', { profileId: 'local-sandbox' })).value).toMatchObject({ backend: 'local-sandbox' });
    expect((await call('setSecret', { profileId: 'local-sandbox', secret: { kind: 'api-key' }, value: 'x'.repeat(20) })).error?.code).toBe('NOT_ALLOWED');
  });

  it('creates a sandbox profile, takes secrets write-only, provisions, and tests the connection', async () => {
    const created = await call('createProfile', { name: 'Emulator as MTN', kind: 'sandbox', baseUrl: mtn.url, targetEnvironment: 'sandbox', currency: 'EUR' });
    expect(created.ok).toBe(true);
    profileId = (created.value as unknown as { id: string }).id;
    expect((await call('provisionProfile', { profileId, callbackHost: 'payouts.example.com' })).error).toMatchObject({ code: 'MISSING_SECRET' });
    for (const product of ['collection', 'disbursement', 'remittance'] as const) {
      const status = await call('setSecret', { profileId, secret: { kind: 'subscription-key', product, slot: 'primary' }, value: mtn.subscriptionKeys[product] });
      expect((status.value as unknown as { subscriptionKeys: Record<string, { primary: { set: boolean; last4: string } }> }).subscriptionKeys[product]?.primary).toEqual({ set: true, last4: mtn.subscriptionKeys[product].slice(-4) });
    }
    const before = await call('testConnection', { profileId });
    expect((before.value as unknown as { results: { outcome: string; message: string }[] }).results[0]).toEqual({ product: 'collection', outcome: 'failed', balance: null, message: 'The API user and API key are not set for this profile.' });
    const provisioned = await call('provisionProfile', { profileId, callbackHost: 'payouts.example.com' });
    expect(provisioned).toEqual({ ok: true, value: { profileId, providerCallbackHost: 'payouts.example.com', targetEnvironment: 'sandbox', reused: false } });
    expect((await call('getSecretStatus', { profileId })).value).toMatchObject({ apiUser: { set: true }, apiKey: { set: true }, backend: 'memory' });
    const tested = await call('testConnection', { profileId });
    expect((tested.value as unknown as { results: { outcome: string }[] }).results.map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok']);
  });

  it('a failed re-provisioning leaves the working credentials alone; the retry finishes the same API user', async () => {
    const before = await services.vault.credentials(profileId);
    mtn.setFaults([{ method: 'POST', path: '/v1_0/apiuser', action: 'error', status: 500 }]);
    const failed = await call('provisionProfile', { profileId, callbackHost: 'payouts.example.com' });
    expect(failed.error).toMatchObject({ code: 'PROVISIONING_FAILED' });
    const pending = await services.vault.pendingApiUser(profileId);
    expect(pending).not.toBeNull();
    expect(failed.error?.message).not.toContain(pending);
    expect(await services.vault.credentials(profileId)).toEqual(before);
    expect(((await call('testConnection', { profileId })).value as unknown as { results: { outcome: string }[] }).results.map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok']);
    mtn.setFaults([]);
    expect((await call('provisionProfile', { profileId, callbackHost: 'payouts.example.com' })).ok).toBe(true);
    expect((await services.vault.credentials(profileId)).apiUser).toBe(pending);
    expect(await services.vault.pendingApiUser(profileId)).toBeNull();
  });

  it('a wrong key and a missing product key are reported per product in plain words', async () => {
    await call('clearSecret', { profileId, secret: { kind: 'subscription-key', product: 'remittance', slot: 'primary' } });
    await call('setSecret', { profileId, secret: { kind: 'subscription-key', product: 'collection', slot: 'primary' }, value: 'wrong-subscription-key-0000' });
    const tested = (await call('testConnection', { profileId })).value as unknown as { results: { product: string; outcome: string; message: string | null }[] };
    expect(tested.results).toEqual([
      { product: 'collection', outcome: 'failed', balance: null, message: 'could not get a collection access token: the subscription key was refused' },
      { product: 'disbursement', outcome: 'ok', balance: expect.any(String), message: null },
      { product: 'remittance', outcome: 'skipped', balance: null, message: 'No subscription key for this product.' },
    ]);
  });

  it('updates, activates (production only with its name typed), and deletes with its secrets', async () => {
    expect((await call('updateProfile', { id: profileId, changes: { currency: 'EUR', countryCode: 'SE' } })).value).toMatchObject({ countryCode: 'SE' });
    const live = await call('createProfile', { name: 'Ghana live', kind: 'production', baseUrl: 'https://proxy.momoapi.mtn.com', targetEnvironment: 'mtnghana', currency: 'GHS' });
    const liveId = (live.value as unknown as { id: string }).id;
    expect((await call('provisionProfile', { profileId: liveId, callbackHost: 'x.example.com' })).error?.message).toMatch(/partner portal/);
    expect((await call('activateProfile', { id: liveId })).error).toMatchObject({ code: 'CONFIRMATION_REQUIRED', message: expect.stringMatching(/Type its name exactly/) });
    expect((await call('activateProfile', { id: liveId, confirmName: 'Ghana live' })).value).toMatchObject({ id: liveId, kind: 'production' });
    expect((await call('getActiveProfile', {})).value).toMatchObject({ id: liveId, environment: 'mtnghana' });
    await call('setSecret', { profileId: liveId, secret: { kind: 'api-key' }, value: 'production-api-key-123456' });
    expect(await call('deleteProfile', { id: liveId })).toEqual({ ok: true, value: { deleted: true } });
    expect((await call('getActiveProfile', {})).value).toMatchObject({ id: 'local-sandbox' });
    expect((await services.store.list()).some((account) => account.startsWith(`${liveId}:`))).toBe(false);
    expect((await call('createProfile', { name: 'Bad', kind: 'production', baseUrl: 'https://x.example', targetEnvironment: 'mtnghana', currency: 'ghs' })).error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/currency/) });
  });

  it('a new profile never inherits secrets a deleted one of the same name left behind', async () => {
    const first = (await call('createProfile', { name: 'Acme', kind: 'sandbox', baseUrl: mtn.url, targetEnvironment: 'sandbox', currency: 'EUR' })).value as unknown as { id: string };
    await call('setSecret', { profileId: first.id, secret: { kind: 'api-key' }, value: 'left-behind-api-key-000' });
    // The keychain delete failed last time: the profile went, its secret stayed.
    await services.profiles.delete(first.id);
    const again = (await call('createProfile', { name: 'Acme', kind: 'sandbox', baseUrl: mtn.url, targetEnvironment: 'sandbox', currency: 'EUR' })).value as unknown as { id: string };
    expect(again.id).toBe(first.id);
    expect((await call('getSecretStatus', { profileId: again.id })).value).toMatchObject({ apiKey: { set: false } });
    await call('deleteProfile', { id: again.id });
  });

  it('no result and no log line carries a secret that was used', async () => {
    // The API user ids count too: they are credentials here.
    const secrets = [...Object.values(mtn.subscriptionKeys), 'wrong-subscription-key-0000', 'production-api-key-123456', 'left-behind-api-key-000'];
    for (const account of await services.store.list()) {
      const value = await services.store.get(account);
      if (value) secrets.push(value);
    }
    expect((await services.store.list()).some((account) => account.endsWith(':api-user'))).toBe(true);
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const haystacks = { results: JSON.stringify(results), logs: services.logLines.join('\n') };
    expect(services.logLines.length).toBeGreaterThan(10);
    for (const [where, text] of Object.entries(haystacks)) for (const secret of secrets) expect(text.includes(secret), `${where} carries a secret`).toBe(false);
  });
});

describe('bad calls change nothing', () => {
  it('unknown profile, unknown secret kind', async () => {
    const before = JSON.stringify((await call('listProfiles', {})).value);
    expect((await call('setSecret', { profileId: 'nope', secret: { kind: 'api-key' }, value: 'abcdefgh' })).error?.code).toBe('PROFILE_NOT_FOUND');
    expect((await call('setSecret', { profileId: 'local-sandbox', secret: { kind: 'password' }, value: 'abcdefgh' })).error?.code).toBe('INVALID_ARGUMENT');
    expect((await call('deleteProfile', { id: randomUUID() })).error?.code).toBe('PROFILE_NOT_FOUND');
    expect(JSON.stringify((await call('listProfiles', {})).value)).toBe(before);
  });
});
