// Access tokens per product, and the consent flow (bc-authorize → oauth2/token
// → userinfo) with the sandbox's consent numbers.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { loginFailed } from '../mtn-errors';
import { badRequest, basicUser, bearerToken, checkEnvironment, checkSubscriptionKey, type SandboxContext } from '../sandbox-context';
import { consentScenario, type ConsentScenario } from '../test-numbers';
import { PRODUCTS, type Product } from '../transaction-kinds';

interface ConsentRequest {
  product: Product;
  userId: string;
  msisdn: string;
  scope: string;
  scenario: ConsentScenario | 'GRANTED';
}

interface RefreshGrant {
  product: Product;
  userId: string;
  msisdn: string;
  scope: string;
  expiresAt: number;
}

const CIBA_GRANT = 'urn:openid:params:grant-type:ciba';
const REFRESH_TTL_SECONDS = 86_400;

function form(body: unknown): Record<string, string> {
  return body !== null && typeof body === 'object' ? (body as Record<string, string>) : {};
}

export function registerTokenRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const consents = new Map<string, ConsentRequest>();
  const refreshGrants = new Map<string, RefreshGrant>();

  const mint = (product: Product, userId: string, consent?: { msisdn: string; scope: string }) => {
    const token = randomBytes(32).toString('base64url');
    ctx.tokens.set(token, {
      product,
      userId,
      expiresAt: ctx.now() + ctx.options.tokenTtlSeconds * 1000,
      ...(consent ? { consentMsisdn: consent.msisdn, scope: consent.scope } : {}),
    });
    return token;
  };

  const consentToken = (reply: FastifyReply, grant: { product: Product; userId: string; msisdn: string; scope: string }) => {
    const refreshToken = randomBytes(32).toString('base64url');
    refreshGrants.set(refreshToken, { ...grant, expiresAt: ctx.now() + REFRESH_TTL_SECONDS * 1000 });
    return reply.send({
      access_token: mint(grant.product, grant.userId, grant),
      token_type: 'Bearer',
      expires_in: ctx.options.tokenTtlSeconds,
      scope: grant.scope,
      refresh_token: refreshToken,
      refresh_token_expired_in: REFRESH_TTL_SECONDS,
    });
  };

  for (const product of PRODUCTS) {
    app.post(`/${product}/token/`, async (request, reply) => {
      if (!checkSubscriptionKey(ctx, request, reply, product)) return reply;
      const userId = basicUser(ctx, request);
      if (!userId) return reply.code(401).send(loginFailed);
      return reply.send({ access_token: mint(product, userId), token_type: 'access_token', expires_in: ctx.options.tokenTtlSeconds });
    });

    app.post(`/${product}/v1_0/bc-authorize`, async (request, reply) => {
      if (!checkSubscriptionKey(ctx, request, reply, product)) return reply;
      const userId = basicUser(ctx, request);
      if (!userId) return reply.code(401).send(loginFailed);
      if (!checkEnvironment(ctx, request, reply)) return reply;
      const body = form(request.body);
      const hint = /^ID:(\d{6,15})\/MSISDN$/i.exec(body.login_hint ?? '');
      if (!hint?.[1] || !body.scope) return badRequest(reply, 'login_hint=ID:{msisdn}/MSISDN and scope are required');
      const scenario = consentScenario(hint[1]);
      if (scenario === 'UNKNOWN_USER') return reply.code(400).send({ error: 'unknown_user_id', error_description: 'Account holder not found.' });
      const authReqId = randomUUID();
      consents.set(authReqId, { product, userId, msisdn: hint[1], scope: body.scope, scenario });
      return reply.send({ auth_req_id: authReqId, interval: 5, expires_in: 120 });
    });

    app.post(`/${product}/oauth2/token/`, async (request, reply) => {
      if (!checkSubscriptionKey(ctx, request, reply, product)) return reply;
      const userId = basicUser(ctx, request);
      if (!userId) return reply.code(401).send(loginFailed);
      if (!checkEnvironment(ctx, request, reply)) return reply;
      const body = form(request.body);
      if (body.grant_type === CIBA_GRANT) {
        const consent = consents.get(body.auth_req_id ?? '');
        if (!consent || consent.product !== product || consent.userId !== userId) return reply.code(400).send({ error: 'invalid_grant' });
        if (consent.scenario === 'REJECTED') return reply.code(400).send({ error: 'access_denied', error_description: 'The account holder rejected the consent.' });
        if (consent.scenario === 'PENDING') return reply.code(400).send({ error: 'authorization_pending', error_description: 'The account holder has not answered yet.' });
        consents.delete(body.auth_req_id ?? '');
        return consentToken(reply, consent);
      }
      if (body.grant_type === 'refresh_token') {
        const grant = refreshGrants.get(body.refresh_token ?? '');
        if (!grant || grant.product !== product || grant.userId !== userId || grant.expiresAt <= ctx.now()) return reply.code(400).send({ error: 'invalid_grant' });
        refreshGrants.delete(body.refresh_token ?? '');
        return consentToken(reply, grant);
      }
      return reply.code(400).send({ error: 'unsupported_grant_type' });
    });

    app.get(`/${product}/oauth2/v1_0/userinfo`, async (request, reply) => {
      if (!checkSubscriptionKey(ctx, request, reply, product)) return reply;
      const token = bearerToken(ctx, request, product);
      if (!token?.consentMsisdn) return reply.code(401).send({ error: 'invalid_token' });
      if (!checkEnvironment(ctx, request, reply)) return reply;
      const msisdn = token.consentMsisdn;
      return reply.send({
        sub: msisdn,
        name: `Sandbox User ${msisdn.slice(-4)}`,
        given_name: 'Sandbox',
        family_name: `User ${msisdn.slice(-4)}`,
        phone_number: msisdn,
        phone_number_verified: true,
        locale: 'en',
        status: 'ACTIVE',
        active: true,
        updated_at: Math.floor(ctx.now() / 1000),
      });
    });
  }
}
