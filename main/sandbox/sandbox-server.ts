// The embedded MoMo sandbox emulator: a real HTTP server that speaks MTN's Open
// API like MTN's sandbox, started in-process by the app and the tests, or from
// the command line (`momo-console sandbox`).
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { sendCallback } from './callback-sender';
import { armRules, faultRulesSchema, firingRules, type ArmedRule, type FaultRuleInput } from './fault-rules';
import { gatewayInvalidToken, gatewayRateLimited, gatewayUnknownOperation, internalError, serviceUnavailable } from './mtn-errors';
import { SandboxLedger, type Balances, type LedgerEntry } from './sandbox-ledger';
import { DEFAULT_OPENING_BALANCE, sandboxOptionsSchema, type SandboxOptions, type SandboxOptionsInput } from './sandbox-options';
import type { SandboxContext } from './sandbox-context';
import { registerAccountRoutes } from './routes/account-routes';
import { registerControlRoutes } from './routes/control-routes';
import { registerPreApprovalRoutes } from './routes/preapproval-routes';
import { registerProvisioningRoutes } from './routes/provisioning-routes';
import { registerTokenRoutes } from './routes/token-routes';
import { registerTransactionRoutes } from './routes/transaction-routes';
import { PRODUCTS, type Product } from './transaction-kinds';

export interface RunningSandbox {
  url: string;
  environment: string;
  currency: string;
  subscriptionKeys: Record<Product, string>;
  ledger(): LedgerEntry[];
  setFaults(rules: FaultRuleInput[]): void;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** A drop-after-accept rule that matched; it applies only if the request is accepted. */
    dropAfterAccept: ArmedRule | null;
  }
}

function openingBalances(options: SandboxOptions): Balances {
  const out = {} as Balances;
  for (const product of PRODUCTS) out[product] = { [options.currency]: DEFAULT_OPENING_BALANCE, ...options.balances[product] };
  // Collections start empty: money arrives there only by being collected.
  if (!options.balances.collection) out.collection = { [options.currency]: '0' };
  return out;
}

export async function startSandbox(input: SandboxOptionsInput = {}, now: () => number = Date.now): Promise<RunningSandbox> {
  const options = sandboxOptionsSchema.parse(input);
  const keys = Object.fromEntries(PRODUCTS.map((p) => [p, options.subscriptionKeys[p] ?? randomBytes(16).toString('hex')])) as Record<Product, string>;

  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  const ledger = new SandboxLedger(openingBalances(options), (tx) => {
    void sendCallback(tx, options.reasonStyle, options.callbackTimeoutMs, now);
  });
  const ctx: SandboxContext = {
    options,
    keys,
    ledger,
    users: new Map(),
    tokens: new Map(),
    faults: armRules(options.faults),
    stats: new Map(),
    now,
    scheduleSettlement() {
      const next = ledger.nextDueAt();
      if (next === null || next >= timerAt) return;
      if (timer) clearTimeout(timer);
      timerAt = next;
      timer = setTimeout(() => {
        timer = null;
        timerAt = Infinity;
        ledger.settleDue(now());
        ctx.scheduleSettlement();
      }, Math.max(0, next - now()));
      timer.unref();
    },
  };

  const serverOptions = { logger: false, bodyLimit: options.bodyLimitBytes, forceCloseConnections: true, return503OnClosing: true } as const;
  // One route table for both: fastify's https server type differs only in its socket.
  const app = (options.tls ? Fastify({ ...serverOptions, https: options.tls }) : Fastify(serverOptions)) as unknown as FastifyInstance;
  app.decorateRequest('dropAfterAccept', null);

  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.addHook('onRequest', async (request, reply) => {
    const template = request.routeOptions.url;
    const path = request.url.split('?')[0] ?? '/';
    if (template && !template.startsWith('/_sandbox/')) {
      const key = `${request.method} ${template.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      ctx.stats.set(key, (ctx.stats.get(key) ?? 0) + 1);
    }
    ledger.settleDue(now());
    if (path.startsWith('/_sandbox/')) return;
    for (const entry of firingRules(ctx.faults, request.method, path)) {
      const rule = entry.rule;
      switch (rule.action) {
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, rule.ms));
          break;
        case 'error':
          return reply.code(rule.status).send(rule.status === 503 ? serviceUnavailable : rule.status === 401 ? gatewayInvalidToken : internalError);
        case 'rate-limit':
          return reply.code(429).header('retry-after', String(rule.retryAfter)).send(gatewayRateLimited(rule.retryAfter));
        case 'reset':
          request.raw.socket.destroy();
          return reply.hijack();
        case 'drop-after-accept':
          request.dropAfterAccept = entry;
          break;
      }
    }
  });

  // The request has been accepted (the transaction exists); the client never hears so.
  // A refused request (401, 400, 409…) is answered normally and does not use the rule up.
  app.addHook('onSend', async (request, reply, payload) => {
    const drop = request.dropAfterAccept;
    if (drop && reply.statusCode >= 200 && reply.statusCode < 300) request.raw.socket.destroy();
    else if (drop) drop.fired -= 1;
    return payload;
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send(gatewayUnknownOperation));
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).header('x-sandbox-reason', error.message).send();
    return reply.code(500).send(internalError);
  });

  registerProvisioningRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerTransactionRoutes(app, ctx);
  registerPreApprovalRoutes(app, ctx);
  registerControlRoutes(app, ctx, () => openingBalances(options));

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${address.port}`,
    environment: options.environment,
    currency: options.currency,
    subscriptionKeys: keys,
    ledger: () => {
      ledger.settleDue(now());
      return ledger.ledger();
    },
    setFaults(rules) {
      ctx.faults.splice(0, ctx.faults.length, ...armRules(faultRulesSchema.parse(rules)));
    },
    async close() {
      if (timer) clearTimeout(timer);
      await app.close();
    },
  };
}
