// What every product offers besides money movement: its balance and checks on
// an account holder before paying them.
import type { z } from 'zod';
import type { MomoCaller } from '../momo-caller';
import type { MomoProduct } from '../momo-connection';
import { accountHolderActiveSchema, balanceSchema, basicUserInfoSchema } from '../momo-schemas';
import { MomoConfigError } from '../momo-errors';

export type AccountHolderIdType = 'msisdn' | 'email' | 'party_code';

export interface Balance {
  availableBalance: string;
  currency: string;
}

export class AccountApi {
  constructor(
    protected readonly caller: MomoCaller,
    readonly product: MomoProduct,
  ) {}

  async getBalance(): Promise<Balance> {
    const { value } = await this.get('/v1_0/account/balance', '/v1_0/account/balance', balanceSchema);
    return { availableBalance: value.availableBalance, currency: value.currency };
  }

  async getBalanceIn(currency: string): Promise<Balance> {
    if (!/^[A-Z]{3}$/.test(currency)) throw new MomoConfigError(`currency "${currency}" is not a three-letter code`);
    const { value } = await this.get('/v1_0/account/balance/{currency}', `/v1_0/account/balance/${currency}`, balanceSchema);
    return { availableBalance: value.availableBalance, currency: value.currency };
  }

  /** True when the holder is registered and active; false when not active or not found (as the spec has it). */
  async isAccountHolderActive(type: AccountHolderIdType, id: string): Promise<boolean> {
    // Paced like status reads: a batch check may ask about thousands of payees.
    const { value } = await this.get('/v1_0/accountholder/{type}/{id}/active', `/v1_0/accountholder/${type}/${encodeURIComponent(id)}/active`, accountHolderActiveSchema, undefined, true);
    return value.result;
  }

  async getBasicUserInfo(type: AccountHolderIdType, id: string) {
    const { value } = await this.get(
      '/v1_0/accountholder/{type}/{id}/basicuserinfo',
      `/v1_0/accountholder/${type}/${encodeURIComponent(id)}/basicuserinfo`,
      basicUserInfoSchema,
    );
    return value;
  }

  protected get<S extends z.ZodType>(endpoint: string, path: string, result: S, referenceId?: string, paced = false) {
    return this.caller.call({
      product: this.product,
      method: 'GET',
      endpoint: `/${this.product}${endpoint}`,
      path: `/${this.product}${path}`,
      auth: 'bearer',
      okStatuses: [200],
      result,
      statusRead: paced,
      ...(referenceId ? { referenceId } : {}),
    });
  }
}
