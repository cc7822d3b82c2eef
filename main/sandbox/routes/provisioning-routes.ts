// Sandbox provisioning: API users and their keys (MTN's sandbox-provisioning-api).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { duplicateReference, notFound } from '../mtn-errors';
import { badRequest, checkSubscriptionKey, header, isUuid, type SandboxContext } from '../sandbox-context';

const apiUserBody = z.object({ providerCallbackHost: z.string().min(1).max(253) });

export function registerProvisioningRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/v1_0/apiuser', async (request, reply) => {
    if (!checkSubscriptionKey(ctx, request, reply, null)) return reply;
    const referenceId = header(request, 'x-reference-id');
    if (!isUuid(referenceId)) return badRequest(reply, 'X-Reference-Id must be a UUID');
    const body = apiUserBody.safeParse(request.body);
    if (!body.success) return badRequest(reply, 'body must be {"providerCallbackHost": "..."}');
    const id = referenceId.toLowerCase();
    if (ctx.users.has(id)) return reply.code(409).send(duplicateReference);
    ctx.users.set(id, { providerCallbackHost: body.data.providerCallbackHost, apiKey: null });
    return reply.code(201).send();
  });

  app.post<{ Params: { userId: string } }>('/v1_0/apiuser/:userId/apikey', async (request, reply) => {
    if (!checkSubscriptionKey(ctx, request, reply, null)) return reply;
    if (!isUuid(request.params.userId)) return badRequest(reply, 'the API user id must be a UUID');
    const user = ctx.users.get(request.params.userId.toLowerCase());
    if (!user) return reply.code(404).send(notFound);
    // Each call issues a new key; the previous one stops working, as on MTN's sandbox.
    user.apiKey = randomBytes(16).toString('hex');
    return reply.code(201).send({ apiKey: user.apiKey });
  });

  app.get<{ Params: { userId: string } }>('/v1_0/apiuser/:userId', async (request, reply) => {
    if (!checkSubscriptionKey(ctx, request, reply, null)) return reply;
    if (!isUuid(request.params.userId)) return badRequest(reply, 'the API user id must be a UUID');
    const user = ctx.users.get(request.params.userId.toLowerCase());
    if (!user) return reply.code(404).send(notFound);
    return reply.send({ providerCallbackHost: user.providerCallbackHost, targetEnvironment: ctx.options.environment });
  });
}
