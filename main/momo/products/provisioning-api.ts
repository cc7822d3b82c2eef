// Sandbox provisioning: API users and their keys. Both are credentials: the
// key is returned to main's caller (the vault stores it), and the user id and
// key are scrubbed from every log line, error and exchange.
import { z } from 'zod';
import type { MomoCaller } from '../momo-caller';
import { MomoConfigError, MomoError } from '../momo-errors';
import { apiUserKeySchema, apiUserSchema } from '../momo-schemas';

const uuid = z.uuid();

export interface ApiUser {
  providerCallbackHost: string;
  targetEnvironment: string;
}

export class ProvisioningApi {
  constructor(private readonly caller: MomoCaller) {}

  /**
   * Creates API user `userId` (a UUID the caller chose and stored first). When
   * the id exists already, e.g. the first attempt's answer was lost, the
   * existing user is read back and returned as `already-exists`.
   */
  async createApiUser(userId: string, providerCallbackHost: string): Promise<{ outcome: 'created' } | { outcome: 'already-exists'; user: ApiUser }> {
    checkUuid(userId);
    this.caller.rememberSecret(userId, { pinned: true });
    if (!/^[A-Za-z0-9.-]{1,253}$/.test(providerCallbackHost)) throw new MomoConfigError(`providerCallbackHost "${providerCallbackHost}" must be a host name`);
    try {
      await this.caller.call({
        product: null,
        method: 'POST',
        endpoint: '/v1_0/apiuser',
        path: '/v1_0/apiuser',
        auth: 'none',
        referenceId: userId,
        referenceIsSecret: true,
        body: { providerCallbackHost },
        isCreate: true,
        okStatuses: [201],
        result: null,
      });
      return { outcome: 'created' };
    } catch (error) {
      if (!(error instanceof MomoError) || error.classification !== 'ambiguous') throw error;
      const user = await this.getApiUser(userId);
      if (user === null) throw error;
      return { outcome: 'already-exists', user };
    }
  }

  /** Issues a new API key for `userId`; the previous key stops working. */
  async createApiKey(userId: string): Promise<string> {
    checkUuid(userId);
    this.caller.rememberSecret(userId, { pinned: true });
    const { value } = await this.caller.call({
      product: null,
      method: 'POST',
      endpoint: '/v1_0/apiuser/{userId}/apikey',
      path: `/v1_0/apiuser/${userId}/apikey`,
      auth: 'none',
      okStatuses: [201],
      result: apiUserKeySchema,
    });
    this.caller.rememberSecret(value.apiKey, { pinned: true });
    return value.apiKey;
  }

  /** null when no such API user exists. */
  async getApiUser(userId: string): Promise<ApiUser | null> {
    checkUuid(userId);
    this.caller.rememberSecret(userId, { pinned: true });
    try {
      const { value } = await this.caller.call({
        product: null,
        method: 'GET',
        endpoint: '/v1_0/apiuser/{userId}',
        path: `/v1_0/apiuser/${userId}`,
        auth: 'none',
        okStatuses: [200],
        result: apiUserSchema,
      });
      return { providerCallbackHost: value.providerCallbackHost, targetEnvironment: value.targetEnvironment };
    } catch (error) {
      if (error instanceof MomoError && error.status === 404) return null;
      throw error;
    }
  }
}

function checkUuid(userId: string): void {
  if (!uuid.safeParse(userId).success) throw new MomoConfigError('the API user id is not a UUID');
}
