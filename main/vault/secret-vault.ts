// A profile's secrets: stored, cleared and described (set or not, at most the
// last four characters of a subscription key), and assembled into the
// credentials the MoMo client asks for. Values go in and never come back out
// through anything but `credentials`, which stays in main.
import { z } from 'zod';
import { productSchema, type SecretRef, type SecretStatus } from '../../preload/contract';
import { AppError } from '../ipc/app-error';
import type { MomoCredentials, MomoProduct } from '../momo/momo-connection';
import { describeSecret, secretAccount } from './secret-accounts';
import type { SecretStore } from './secret-store';

const PRODUCTS = productSchema.options;
const uuid = z.uuid();

export class SecretVault {
  constructor(readonly store: SecretStore) {}

  async set(profileId: string, ref: SecretRef, value: string): Promise<void> {
    const trimmed = value.trim();
    if (trimmed === '' || /\s/.test(trimmed)) throw new AppError('INVALID_SECRET', `${capitalise(describeSecret(ref))} must be one word with no spaces.`);
    if (ref.kind === 'api-user' && !uuid.safeParse(trimmed).success) throw new AppError('INVALID_SECRET', 'The API user id must be a UUID such as 3f2b…-…, as MTN issued it.');
    await this.store.set(secretAccount(profileId, ref), trimmed);
  }

  async clear(profileId: string, ref: SecretRef): Promise<void> {
    await this.store.delete(secretAccount(profileId, ref));
  }

  /**
   * The API user id a provisioning run chose, kept apart from the working
   * credentials until that run has its key: a failed run must not break a
   * profile that works, and a retried one must finish the same user.
   */
  async pendingApiUser(profileId: string): Promise<string | null> {
    return this.store.get(`${profileId}:api-user-pending`);
  }

  async setPendingApiUser(profileId: string, apiUser: string): Promise<void> {
    await this.store.set(`${profileId}:api-user-pending`, apiUser);
  }

  /** A provisioning run finished: its user and key become the profile's credentials. */
  async adoptProvisioned(profileId: string, apiUser: string, apiKey: string): Promise<void> {
    await this.set(profileId, { kind: 'api-user' }, apiUser);
    await this.set(profileId, { kind: 'api-key' }, apiKey);
    await this.store.delete(`${profileId}:api-user-pending`);
  }

  /** Removes every secret of a profile (when the profile is deleted). */
  async clearProfile(profileId: string): Promise<void> {
    for (const account of await this.store.list()) if (account.startsWith(`${profileId}:`)) await this.store.delete(account);
  }

  async status(profileId: string): Promise<SecretStatus> {
    const read = (ref: SecretRef) => this.store.get(secretAccount(profileId, ref));
    const keyState = async (product: MomoProduct, slot: 'primary' | 'secondary') => {
      const value = await read({ kind: 'subscription-key', product, slot });
      return { set: value !== null, last4: value === null || value.length < 12 ? null : value.slice(-4) };
    };
    const subscriptionKeys = Object.fromEntries(
      await Promise.all(PRODUCTS.map(async (product) => [product, { primary: await keyState(product, 'primary'), secondary: await keyState(product, 'secondary') }] as const)),
    ) as SecretStatus['subscriptionKeys'];
    return {
      profileId,
      apiUser: { set: (await read({ kind: 'api-user' })) !== null },
      apiKey: { set: (await read({ kind: 'api-key' })) !== null },
      subscriptionKeys,
      backend: this.store.backend.id,
    };
  }

  /** The API user alone (one keychain read): where a payment went is told by it. */
  async apiUser(profileId: string): Promise<string> {
    return (await this.store.get(secretAccount(profileId, { kind: 'api-user' }))) ?? '';
  }

  /** What the MoMo client needs; the primary subscription key of a product, else its secondary. */
  async credentials(profileId: string): Promise<MomoCredentials> {
    const read = (ref: SecretRef) => this.store.get(secretAccount(profileId, ref));
    const subscriptionKeys: Partial<Record<MomoProduct, string>> = {};
    for (const product of PRODUCTS) {
      const key = (await read({ kind: 'subscription-key', product, slot: 'primary' })) ?? (await read({ kind: 'subscription-key', product, slot: 'secondary' }));
      if (key !== null) subscriptionKeys[product] = key;
    }
    return { apiUser: (await read({ kind: 'api-user' })) ?? '', apiKey: (await read({ kind: 'api-key' })) ?? '', subscriptionKeys };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
