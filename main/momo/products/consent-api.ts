// The consent flow (CIBA): ask an account holder to let this API user read
// their details, swap the answer for a token pair, and keep using it by
// refreshing. The tokens live only in this object, inside main.
import type { z } from 'zod';
import type { MomoCaller } from '../momo-caller';
import type { MomoProduct } from '../momo-connection';
import { MomoConfigError, MomoError } from '../momo-errors';
import { bcAuthorizeSchema, consentTokenSchema, userInfoSchema } from '../momo-schemas';

const CIBA_GRANT = 'urn:openid:params:grant-type:ciba';

export interface ConsentRequest {
  /** Pass to `ConsentApi.session` once the holder has answered. */
  authReqId: string;
  /** Seconds to wait between polls, as MoMo asks. */
  intervalSeconds: number | null;
  expiresInSeconds: number | null;
}

export class ConsentApi {
  constructor(
    private readonly caller: MomoCaller,
    readonly product: MomoProduct,
    private readonly now: () => number,
  ) {}

  /** Asks the holder of `msisdn` for consent to `scope` (`profile`, …). */
  async authorize(msisdn: string, scope: string, accessType: 'online' | 'offline' = 'offline'): Promise<ConsentRequest> {
    if (!/^\d{6,15}$/.test(msisdn)) throw new MomoConfigError(`msisdn "${msisdn}" must be 6 to 15 digits, country code first`);
    const { value } = await this.caller.call({
      product: this.product,
      method: 'POST',
      endpoint: `/${this.product}/v1_0/bc-authorize`,
      path: `/${this.product}/v1_0/bc-authorize`,
      auth: 'basic',
      callback: true,
      body: new URLSearchParams({ login_hint: `ID:${msisdn}/MSISDN`, scope, access_type: accessType }),
      okStatuses: [200],
      result: bcAuthorizeSchema,
    });
    this.caller.rememberSecret(value.auth_req_id);
    return { authReqId: value.auth_req_id, intervalSeconds: value.interval ?? null, expiresInSeconds: value.expires_in ?? null };
  }

  /** Swaps an answered consent request for a session. Until the holder answers, MoMo says `authorization_pending`. */
  async session(authReqId: string): Promise<ConsentSession> {
    const tokens = await this.grant(new URLSearchParams({ grant_type: CIBA_GRANT, auth_req_id: authReqId }));
    return new ConsentSession(this, tokens);
  }

  /** @internal used by ConsentSession */
  async grant(form: URLSearchParams): Promise<ConsentTokens> {
    const started = this.now();
    const { value } = await this.caller.call({
      product: this.product,
      method: 'POST',
      endpoint: `/${this.product}/oauth2/token/`,
      path: `/${this.product}/oauth2/token/`,
      auth: 'basic',
      body: form,
      okStatuses: [200],
      result: consentTokenSchema,
    });
    this.caller.rememberSecret(value.access_token);
    this.caller.rememberSecret(value.refresh_token);
    return { accessToken: value.access_token, refreshToken: value.refresh_token, expiresAt: started + value.expires_in * 1000, scope: value.scope ?? null };
  }

  /** @internal used by ConsentSession */
  async userInfo(accessToken: string): Promise<z.output<typeof userInfoSchema>> {
    const { value } = await this.caller.call({
      product: this.product,
      method: 'GET',
      endpoint: `/${this.product}/oauth2/v1_0/userinfo`,
      path: `/${this.product}/oauth2/v1_0/userinfo`,
      auth: { consentToken: accessToken },
      okStatuses: [200],
      result: userInfoSchema,
    });
    return value;
  }

  nowMs(): number {
    return this.now();
  }
}

export interface ConsentTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  scope: string | null;
}

export class ConsentSession {
  constructor(
    private readonly api: ConsentApi,
    private tokens: ConsentTokens,
  ) {}

  get scope(): string | null {
    return this.tokens.scope;
  }

  get expiresAt(): number {
    return this.tokens.expiresAt;
  }

  /** Trades the refresh token for a new pair; the old refresh token stops working. */
  async refresh(): Promise<void> {
    this.tokens = await this.api.grant(new URLSearchParams({ grant_type: 'refresh_token', refresh_token: this.tokens.refreshToken }));
  }

  /** The holder's details; refreshes first when the access token has run out, and once more if MoMo refuses it. */
  async userInfo(): Promise<z.output<typeof userInfoSchema>> {
    if (this.api.nowMs() >= this.tokens.expiresAt) await this.refresh();
    try {
      return await this.api.userInfo(this.tokens.accessToken);
    } catch (error) {
      if (!(error instanceof MomoError) || error.status !== 401) throw error;
      await this.refresh();
      return this.api.userInfo(this.tokens.accessToken);
    }
  }
}
