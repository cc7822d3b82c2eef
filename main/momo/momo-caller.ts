// One authenticated MoMo call: the right headers for the product, a shared
// token (renewed once if MoMo refuses it), Retry-After honoured, the answer
// checked against its schema. Everything above this speaks in typed results
// and MomoErrors; everything below is the wire.
import type { z } from 'zod';
import type { MomoConnection, CredentialSource, MomoCredentials, MomoProduct } from './momo-connection';
import { MomoConfigError, MomoError, MomoResponseError, MomoTokenError } from './momo-errors';
import { accessTokenSchema } from './momo-schemas';
import type { HttpAnswer, HttpMethod, HttpTimeouts, MomoHttp } from './http-transport';
import type { RequestPacer } from './request-pacer';
import { errorFromAnswer } from './response-classifier';
import type { SecretScrubber } from './redaction';
import { TokenCache } from './token-cache';

export type CallAuth = 'bearer' | 'basic' | 'none' | { consentToken: string };

export interface CallSpec<S extends z.ZodType | null> {
  /** null for sandbox provisioning, which sits outside the products. */
  product: MomoProduct | null;
  method: HttpMethod;
  endpoint: string;
  path: string;
  auth: CallAuth;
  referenceId?: string;
  /** The reference is itself a credential (an API user id): sent, but kept out of logs, errors and exchanges. */
  referenceIsSecret?: boolean;
  /** JSON, or a form for the OAuth endpoints. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sends X-Callback-Url when the profile has one. */
  callback?: boolean;
  /** Sends X-Target-Environment (every product call but the plain token). */
  environment?: boolean;
  /** A POST under our own reference id: a 409 then means "maybe ours already". */
  isCreate?: boolean;
  /** Paced at the product's status-read rate. */
  statusRead?: boolean;
  okStatuses: readonly number[];
  result: S;
  timeouts?: Partial<HttpTimeouts>;
}

export interface CallResult<T> {
  value: T;
  answer: HttpAnswer;
}

export interface CallerOptions {
  connection: MomoConnection;
  credentials: CredentialSource;
  http: MomoHttp;
  pacer: RequestPacer;
  tokens: TokenCache;
  scrubber: SecretScrubber;
  /** How many times one call waits out a 429 before giving up. */
  rateLimitRetries: number;
}

export class MomoCaller {
  constructor(private readonly o: CallerOptions) {}

  get connection(): MomoConnection {
    return this.o.connection;
  }

  async call<S extends z.ZodType | null>(spec: CallSpec<S>): Promise<CallResult<S extends z.ZodType ? z.output<S> : null>> {
    let renewedToken = false;
    for (let rateLimited = 0; ; ) {
      await this.o.pacer.clearance(spec.product);
      if (spec.statusRead && spec.product) await this.o.pacer.statusRead(spec.product);
      const { headers, bearer } = await this.headers(spec);
      const answer = await this.o.http.send({
        method: spec.method,
        endpoint: spec.endpoint,
        path: spec.path,
        headers,
        body: encodeBody(spec.body),
        referenceId: spec.referenceIsSecret ? null : (spec.referenceId ?? null),
        ...(spec.timeouts ? { timeouts: spec.timeouts } : {}),
      });
      if (spec.okStatuses.includes(answer.status)) return { value: this.parse(spec, answer) as never, answer };
      // A 401 on a bearer call is most often a token MoMo no longer honours: renew it once, send once more.
      if (answer.status === 401 && spec.auth === 'bearer' && bearer !== null && spec.product && !renewedToken) {
        renewedToken = true;
        this.o.tokens.invalidate(this.tokenKey(spec.product), bearer);
        continue;
      }
      const error = errorFromAnswer({ ...answer, method: spec.method, endpoint: spec.endpoint, body: answer.exchange.response?.body ?? null, referenceId: spec.referenceIsSecret ? null : (spec.referenceId ?? null), isCreate: spec.isCreate === true, exchange: answer.exchange, now: Date.now() });
      if (answer.status === 429) {
        this.o.pacer.holdOff(spec.product, error.retryAfterMs ?? 1000);
        if (rateLimited++ < this.o.rateLimitRetries) continue;
      }
      throw error;
    }
  }

  /** A bearer token for `product`, minted at most once however many calls ask together. */
  async accessToken(product: MomoProduct): Promise<string> {
    const token = await this.o.tokens.get(this.tokenKey(product), () => this.mintToken(product));
    // The cache may be shared with another client, which minted this one: scrub it here too.
    this.o.scrubber.add(token);
    return token;
  }

  async credentials(): Promise<MomoCredentials> {
    const credentials = await this.o.credentials();
    const { scrubber } = this.o;
    scrubber.pin(credentials.apiUser);
    scrubber.pin(credentials.apiKey);
    scrubber.pin(basicCredential(credentials));
    for (const key of Object.values(credentials.subscriptionKeys)) scrubber.pin(key);
    return credentials;
  }

  /** Registers a secret that arrived in an answer (a new API key, a consent token) so it is scrubbed like the others. */
  rememberSecret(value: string, options: { pinned?: boolean } = {}): void {
    if (options.pinned) this.o.scrubber.pin(value);
    else this.o.scrubber.add(value);
  }

  private tokenKey(product: MomoProduct): string {
    return TokenCache.key(this.o.connection.profileId, product);
  }

  private async mintToken(product: MomoProduct): Promise<{ accessToken: string; expiresInSeconds: number }> {
    try {
      const { value } = await this.call({
        product,
        method: 'POST',
        endpoint: `/${product}/token/`,
        path: `/${product}/token/`,
        auth: 'basic',
        environment: false,
        okStatuses: [200],
        result: accessTokenSchema,
      });
      return { accessToken: value.access_token, expiresInSeconds: value.expires_in };
    } catch (error) {
      if (!(error instanceof MomoError) || error instanceof MomoTokenError) throw error;
      // The money call behind this token was never sent: a refusal stays a refusal, anything else may be tried again.
      const why =
        error.status === 401 ? (error.code === null ? 'the subscription key was refused' : 'the API user or API key was refused') : error.message;
      throw new MomoTokenError(`could not get a ${product} access token: ${why}`, {
        classification: error.classification === 'definitive' ? 'definitive' : 'retryable',
        endpoint: error.endpoint,
        status: error.status,
        code: error.code,
        retryAfterMs: error.retryAfterMs,
        exchange: error.exchange,
        cause: error,
      });
    }
  }

  private async headers(spec: CallSpec<z.ZodType | null>): Promise<{ headers: Record<string, string>; bearer: string | null }> {
    const credentials = await this.credentials();
    const key = spec.product ? credentials.subscriptionKeys[spec.product] : firstKey(credentials);
    if (!key) throw new MomoConfigError(`no subscription key for ${spec.product ?? 'provisioning'} in this profile`, `${spec.method} ${spec.endpoint}`);
    const headers: Record<string, string> = { 'Ocp-Apim-Subscription-Key': key, ...spec.headers };
    let bearer: string | null = null;
    if (spec.auth === 'basic') headers.Authorization = `Basic ${basicCredential(credentials)}`;
    else if (spec.auth === 'bearer' && spec.product) headers.Authorization = `Bearer ${(bearer = await this.accessToken(spec.product))}`;
    else if (typeof spec.auth === 'object') headers.Authorization = `Bearer ${spec.auth.consentToken}`;
    if (spec.product && spec.environment !== false) headers['X-Target-Environment'] = this.o.connection.targetEnvironment;
    if (spec.referenceId) headers['X-Reference-Id'] = spec.referenceId;
    if (spec.callback && this.o.connection.callbackUrl) headers['X-Callback-Url'] = this.o.connection.callbackUrl;
    if (spec.body instanceof URLSearchParams) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    else if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    return { headers, bearer };
  }

  private parse(spec: CallSpec<z.ZodType | null>, answer: HttpAnswer): unknown {
    if (spec.result === null) return null;
    let body: unknown;
    try {
      body = answer.body === null ? undefined : JSON.parse(answer.body);
    } catch {
      body = undefined;
    }
    const parsed = spec.result.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new MomoResponseError(
      `${spec.method} ${spec.endpoint} answered ${answer.status} with a body this console does not understand (field "${issue?.path.join('.') || '(body)'}": ${issue?.message ?? 'invalid'})`,
      { classification: 'ambiguous', endpoint: `${spec.method} ${spec.endpoint}`, status: answer.status, referenceId: spec.referenceIsSecret ? null : (spec.referenceId ?? null), exchange: answer.exchange },
    );
  }
}

function basicCredential(credentials: MomoCredentials): string {
  return Buffer.from(`${credentials.apiUser}:${credentials.apiKey}`).toString('base64');
}

function firstKey(credentials: MomoCredentials): string | undefined {
  const keys = credentials.subscriptionKeys;
  return keys.collection ?? keys.disbursement ?? keys.remittance;
}

function encodeBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  if (body instanceof URLSearchParams) return body.toString();
  return JSON.stringify(body);
}
