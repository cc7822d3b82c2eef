// Balances and account-holder checks, for every product.
import type { FastifyInstance } from 'fastify';
import { formatAmount } from '../../money/amount';
import { isKnownCurrency } from '../../money/currency';
import { invalidCurrency, notFound } from '../mtn-errors';
import { accountHolderIdType, authorize, type SandboxContext } from '../sandbox-context';
import { accountHolderState } from '../test-numbers';
import { PRODUCTS } from '../transaction-kinds';

export function registerAccountRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  for (const product of PRODUCTS) {
    app.get(`/${product}/v1_0/account/balance`, async (request, reply) => {
      if (!authorize(ctx, request, reply, product)) return reply;
      const currency = ctx.options.currency;
      return reply.send({ availableBalance: formatAmount(ctx.ledger.balance(product, currency), currency), currency });
    });

    app.get<{ Params: { currency: string } }>(`/${product}/v1_0/account/balance/:currency`, async (request, reply) => {
      if (!authorize(ctx, request, reply, product)) return reply;
      const currency = request.params.currency.toUpperCase();
      const held = ctx.ledger.balances()[product][currency] !== undefined;
      if (!isKnownCurrency(currency) || (currency !== ctx.options.currency && !held)) return reply.code(500).send(invalidCurrency);
      return reply.send({ availableBalance: formatAmount(ctx.ledger.balance(product, currency), currency), currency });
    });

    app.get<{ Params: { type: string; id: string } }>(`/${product}/v1_0/accountholder/:type/:id/active`, async (request, reply) => {
      if (!authorize(ctx, request, reply, product)) return reply;
      if (!accountHolderIdType(reply, request.params.type)) return reply;
      // The spec: true when registered and active, false when not active or not found.
      return reply.send({ result: accountHolderState(request.params.id) === 'ACTIVE' });
    });

    app.get<{ Params: { type: string; id: string } }>(`/${product}/v1_0/accountholder/:type/:id/basicuserinfo`, async (request, reply) => {
      if (!authorize(ctx, request, reply, product)) return reply;
      if (!accountHolderIdType(reply, request.params.type)) return reply;
      const state = accountHolderState(request.params.id);
      if (state === 'NOT_FOUND') return reply.code(404).send(notFound);
      const tail = request.params.id.replace(/[^0-9a-z]/gi, '').slice(-4);
      return reply.send({ given_name: 'Sandbox', family_name: `User ${tail}`, birthdate: '1990-01-01', locale: 'en', gender: 'UNSPECIFIED', status: state });
    });
  }
}
