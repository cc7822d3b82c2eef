// The emulator's own control surface under /_sandbox/: the ledger tests count
// duplicates with, request statistics, fault rules, balances and reset.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { armRules, faultRulesSchema } from '../fault-rules';
import type { Balances } from '../sandbox-ledger';
import { badRequest, type SandboxContext } from '../sandbox-context';

const balancesSchema = z
  .object({
    collection: z.record(z.string().regex(/^[A-Z]{3}$/), z.string()),
    disbursement: z.record(z.string().regex(/^[A-Z]{3}$/), z.string()),
    remittance: z.record(z.string().regex(/^[A-Z]{3}$/), z.string()),
  })
  .partial()
  .strict();

export function registerControlRoutes(app: FastifyInstance, ctx: SandboxContext, openingBalances: () => Balances): void {
  app.get('/_sandbox/ledger', async () => ({ transactions: ctx.ledger.ledger() }));

  app.get('/_sandbox/stats', async () => ({ requests: Object.fromEntries(ctx.stats) }));

  app.get('/_sandbox/faults', async () => ({ faults: ctx.faults.map((armed) => ({ ...armed.rule, fired: armed.fired })) }));

  app.post('/_sandbox/faults', async (request, reply) => {
    const parsed = faultRulesSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return badRequest(reply, `faults: ${issue ? `[${issue.path.join('.')}] ${issue.message}` : 'invalid'}`);
    }
    ctx.faults.splice(0, ctx.faults.length, ...armRules(parsed.data));
    return { faults: parsed.data };
  });

  app.get('/_sandbox/balances', async () => ({ balances: ctx.ledger.balances() }));

  app.post('/_sandbox/balances', async (request, reply) => {
    const parsed = balancesSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, 'balances: {"disbursement": {"EUR": "1000.00"}, …}');
    try {
      ctx.ledger.setBalances(parsed.data);
    } catch (error) {
      return badRequest(reply, (error as Error).message);
    }
    return { balances: ctx.ledger.balances() };
  });

  // Clears transactions, statistics, faults and balances. API users and their
  // tokens survive, so a console that provisioned itself keeps working.
  app.post('/_sandbox/reset', async () => {
    ctx.ledger.clear(openingBalances());
    ctx.stats.clear();
    ctx.faults.length = 0;
    return { reset: true };
  });
}
