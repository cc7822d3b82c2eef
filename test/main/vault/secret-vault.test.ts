import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withEnvironmentCredentials } from '../../../main/vault/env-credentials';
import { MemorySecretStore } from '../../../main/vault/memory-secret-store';
import { SecretVault } from '../../../main/vault/secret-vault';

describe('secret vault', () => {
  it('stores per profile, reports set-or-not with at most the last 4 of a subscription key', async () => {
    const vault = new SecretVault(new MemorySecretStore());
    const user = randomUUID();
    await vault.set('p', { kind: 'api-user' }, user);
    await vault.set('p', { kind: 'api-key' }, 'a-very-secret-api-key');
    await vault.set('p', { kind: 'subscription-key', product: 'disbursement', slot: 'primary' }, '0123456789abcdef0123');
    const status = await vault.status('p');
    expect(status).toMatchObject({ profileId: 'p', apiUser: { set: true }, apiKey: { set: true }, backend: 'memory' });
    expect(status.subscriptionKeys.disbursement).toEqual({ primary: { set: true, last4: '0123' }, secondary: { set: false, last4: null } });
    expect(status.subscriptionKeys.collection.primary).toEqual({ set: false, last4: null });
    expect(JSON.stringify(status)).not.toMatch(/a-very-secret-api-key|0123456789abcdef|[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(await vault.status('other')).toMatchObject({ apiUser: { set: false }, apiKey: { set: false } });
  });

  it('refuses a value that cannot be a credential, saying which', async () => {
    const vault = new SecretVault(new MemorySecretStore());
    await expect(vault.set('p', { kind: 'api-user' }, 'not-a-uuid')).rejects.toMatchObject({ code: 'INVALID_SECRET', message: expect.stringMatching(/API user id must be a UUID/) });
    await expect(vault.set('p', { kind: 'subscription-key', product: 'collection', slot: 'secondary' }, 'two words')).rejects.toThrow(/The secondary collection subscription key must be one word/);
  });

  it('credentials take the primary key, else the secondary; clearProfile removes only that profile', async () => {
    const store = new MemorySecretStore();
    const vault = new SecretVault(store);
    await vault.set('p', { kind: 'subscription-key', product: 'collection', slot: 'secondary' }, 'secondary-collection');
    await vault.set('p', { kind: 'subscription-key', product: 'remittance', slot: 'primary' }, 'primary-remittance');
    await vault.set('p', { kind: 'subscription-key', product: 'remittance', slot: 'secondary' }, 'secondary-remittance');
    await vault.set('q', { kind: 'api-key' }, 'q-key');
    expect((await vault.credentials('p')).subscriptionKeys).toEqual({ collection: 'secondary-collection', remittance: 'primary-remittance' });
    await vault.clear('p', { kind: 'subscription-key', product: 'collection', slot: 'secondary' });
    expect((await vault.credentials('p')).subscriptionKeys.collection).toBeUndefined();
    await vault.clearProfile('p');
    expect(await store.list()).toEqual(['q:api-key']);
  });

  it('environment variables override the stored credentials for a headless run', () => {
    const stored = { apiUser: 'u', apiKey: 'k', subscriptionKeys: { collection: 'c' } };
    expect(withEnvironmentCredentials(stored, { MOMO_API_KEY: 'env-key', MOMO_DISBURSEMENT_SUBSCRIPTION_KEY: 'env-d', MOMO_COLLECTION_SUBSCRIPTION_KEY: '  ' })).toEqual({
      apiUser: 'u',
      apiKey: 'env-key',
      subscriptionKeys: { collection: 'c', disbursement: 'env-d' },
    });
  });
});
