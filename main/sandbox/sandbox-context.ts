// The state one running emulator shares between its routes, and the checks
// every MoMo call goes through: subscription key, token, target environment.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ArmedRule } from './fault-rules';
import { gatewayInvalidKey, gatewayInvalidToken, gatewayMissingKey, wrongEnvironment } from './mtn-errors';
import type { SandboxLedger } from './sandbox-ledger';
import type { SandboxOptions } from './sandbox-options';
import type { Party, Product } from './transaction-kinds';

export interface ApiUser {
  providerCallbackHost: string;
  apiKey: string | null;
}

export interface IssuedToken {
  product: Product;
  userId: string;
  expiresAt: number;
  /** Set for tokens minted through the consent flow: the account holder who consented. */
  consentMsisdn?: string;
  scope?: string;
}

export interface SandboxContext {
  options: SandboxOptions;
  keys: Record<Product, string>;
  ledger: SandboxLedger;
  users: Map<string, ApiUser>;
  tokens: Map<string, IssuedToken>;
  faults: ArmedRule[];
  stats: Map<string, number>;
  now(): number;
  /** Arms the timer that makes transactions final when they fall due. */
  scheduleSettlement(): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** MTN answers most malformed requests with an empty 400; the header says why, for people debugging. */
export function badRequest(reply: FastifyReply, why: string): FastifyReply {
  return reply.code(400).header('x-sandbox-reason', why).send();
}

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The gateway's subscription-key check; `product` null accepts any product's key (provisioning). */
export function checkSubscriptionKey(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply, product: Product | null): boolean {
  const key = header(request, 'ocp-apim-subscription-key');
  if (!key) {
    void reply.code(401).send(gatewayMissingKey);
    return false;
  }
  const valid = product === null ? Object.values(ctx.keys).includes(key) : ctx.keys[product] === key;
  if (!valid) {
    void reply.code(401).send(gatewayInvalidKey);
    return false;
  }
  return true;
}

export function checkEnvironment(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply): boolean {
  const environment = header(request, 'x-target-environment');
  if (!environment) {
    void badRequest(reply, 'X-Target-Environment header is missing');
    return false;
  }
  if (environment !== ctx.options.environment) {
    void reply.code(500).send(wrongEnvironment);
    return false;
  }
  return true;
}

/** The live token this request bears for this product, if any. */
export function bearerToken(ctx: SandboxContext, request: FastifyRequest, product: Product): IssuedToken | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '');
  const token = match?.[1] ? ctx.tokens.get(match[1]) : undefined;
  return token && token.product === product && token.expiresAt > ctx.now() ? token : null;
}

const ACCOUNT_HOLDER_ID_TYPES: Readonly<Record<string, Party['partyIdType']>> = { msisdn: 'MSISDN', email: 'EMAIL', party_code: 'PARTY_CODE' };

/** The party type named by an {accountHolderIdType} path segment; answers 400 and null for any other. */
export function accountHolderIdType(reply: FastifyReply, segment: string): Party['partyIdType'] | null {
  const type = ACCOUNT_HOLDER_ID_TYPES[segment.toLowerCase()];
  if (!type) void badRequest(reply, 'accountHolderIdType must be msisdn, email or party_code');
  return type ?? null;
}

/** Subscription key, then a live bearer token of this product, then the target environment. */
export function authorize(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply, product: Product): IssuedToken | null {
  if (!checkSubscriptionKey(ctx, request, reply, product)) return null;
  const token = bearerToken(ctx, request, product);
  if (!token) {
    void reply.code(401).send(gatewayInvalidToken);
    return null;
  }
  if (!checkEnvironment(ctx, request, reply)) return null;
  return token;
}

/** Basic credentials of a provisioned API user and its current key, or null. */
export function basicUser(ctx: SandboxContext, request: FastifyRequest): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header(request, 'authorization') ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const userId = decoded.slice(0, colon).toLowerCase();
  const user = ctx.users.get(userId);
  return user?.apiKey && user.apiKey === decoded.slice(colon + 1) ? userId : null;
}
