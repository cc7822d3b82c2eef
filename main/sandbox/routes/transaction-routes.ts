// Creation and status of every asynchronous operation in the kinds table, plus
// the two follow-ups MTN offers on them: delivery notification and invoice cancel.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseAmount } from '../../money/amount';
import { duplicateReference, invalidCallbackHost, invalidCurrency, notFound } from '../mtn-errors';
import { authorize, badRequest, header, isUuid, type IssuedToken, type SandboxContext } from '../sandbox-context';
import { statusView } from '../status-views';
import { statusFamilies, TRANSACTION_KINDS, type Party, type TransactionKind } from '../transaction-kinds';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function partyProblem(party: Party | null): string | null {
  if (!party) return null;
  switch (party.partyIdType) {
    case 'MSISDN':
      return /^\d{6,15}$/.test(party.partyId) ? null : 'an MSISDN partyId is 6 to 15 digits';
    case 'EMAIL':
      return EMAIL.test(party.partyId) ? null : 'an EMAIL partyId must be an e-mail address';
    case 'PARTY_CODE':
      return isUuid(party.partyId) ? null : 'a PARTY_CODE partyId must be a UUID';
  }
}

export function registerTransactionRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  for (const kind of TRANSACTION_KINDS) {
    app.post(kind.createPath, async (request, reply) => {
      const token = authorize(ctx, request, reply, kind.product);
      if (!token) return reply;
      return create(ctx, kind, token, request, reply);
    });
  }

  for (const [statusPath, kinds] of statusFamilies()) {
    const product = kinds[0]?.product ?? 'collection';
    app.get<{ Params: { referenceId: string } }>(statusPath, async (request, reply) => {
      const token = authorize(ctx, request, reply, product);
      if (!token) return reply;
      if (!isUuid(request.params.referenceId)) return badRequest(reply, 'the reference id must be a UUID');
      const tx = ownTransaction(ctx, token, statusPath, request.params.referenceId);
      if (!tx) return reply.code(404).send(notFound);
      return reply.send(statusView(tx, ctx.options.reasonStyle));
    });
  }

  app.post<{ Params: { referenceId: string } }>('/collection/v1_0/requesttopay/:referenceId/deliverynotification', async (request, reply) => {
    const token = authorize(ctx, request, reply, 'collection');
    if (!token) return reply;
    const body = request.body as { notificationMessage?: unknown } | undefined;
    const message = header(request, 'notificationmessage') ?? (typeof body?.notificationMessage === 'string' ? body.notificationMessage : '');
    if (!message) return badRequest(reply, 'notificationMessage is required (header or body)');
    if (message.length > 160) return badRequest(reply, 'notificationMessage is longer than 160 characters');
    if (!isUuid(request.params.referenceId)) return badRequest(reply, 'the reference id must be a UUID');
    const tx = ownTransaction(ctx, token, '/collection/v1_0/requesttopay/:referenceId', request.params.referenceId);
    if (!tx) return reply.code(404).send(notFound);
    if (tx.status !== 'SUCCESSFUL') {
      return reply.code(409).send({ code: 'NOT_ALLOWED', message: 'A delivery notification can only be sent for a successful transaction.' });
    }
    if (ctx.now() - (tx.finalAt ?? 0) > ctx.options.deliveryNotificationWindowMs) {
      return reply.code(410).send({ code: 'EXPIRED', message: 'The time to send a delivery notification for this transaction has passed.' });
    }
    tx.deliveryNotifications.push(message);
    return reply.code(200).send();
  });

  app.delete<{ Params: { referenceId: string } }>('/collection/v2_0/invoice/:referenceId', async (request, reply) => {
    const token = authorize(ctx, request, reply, 'collection');
    if (!token) return reply;
    if (!isUuid(header(request, 'x-reference-id'))) return badRequest(reply, 'X-Reference-Id must be a UUID');
    if (!isUuid(request.params.referenceId)) return badRequest(reply, 'the invoice reference id must be a UUID');
    const tx = ownTransaction(ctx, token, '/collection/v2_0/invoice/:referenceId', request.params.referenceId);
    if (!tx) return reply.code(404).send(notFound);
    if (tx.status !== 'PENDING') return badRequest(reply, `the invoice is already ${tx.status}`);
    ctx.ledger.cancel(tx, { code: 'TRANSACTION_CANCELED', message: 'The invoice was cancelled.' }, ctx.now());
    return reply.code(200).send();
  });
}

/** MTN answers 404 when the calling API user is not the transaction's owner. */
function ownTransaction(ctx: SandboxContext, token: IssuedToken, statusPath: string, referenceId: string) {
  const tx = ctx.ledger.find(statusPath, referenceId);
  return tx && tx.ownerId === token.userId ? tx : undefined;
}

function create(ctx: SandboxContext, kind: TransactionKind, token: IssuedToken, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const referenceId = header(request, 'x-reference-id');
  if (!isUuid(referenceId)) return badRequest(reply, 'X-Reference-Id must be a UUID');
  const callbackUrl = header(request, 'x-callback-url') ?? null;
  if (callbackUrl !== null) {
    let host: string;
    try {
      const url = new URL(callbackUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
      host = url.hostname;
    } catch {
      return badRequest(reply, 'X-Callback-Url must be an http(s) URL');
    }
    const user = ctx.users.get(token.userId);
    if (user && host !== user.providerCallbackHost) return reply.code(400).send(invalidCallbackHost);
  }
  const parsed = kind.body.safeParse(request.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return badRequest(reply, `body: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  const essentials = kind.essentials(parsed.data);
  const problem = partyProblem(essentials.party);
  if (problem) return badRequest(reply, problem);
  if (essentials.refundOf !== undefined && !isUuid(essentials.refundOf)) return badRequest(reply, 'referenceIdToRefund must be a UUID');
  if (essentials.currency !== ctx.options.currency) return reply.code(500).send(invalidCurrency);
  let amountMinor: bigint | null = null;
  if (essentials.amount !== null) {
    const amount = parseAmount(essentials.amount, essentials.currency);
    if (!amount.ok) return badRequest(reply, `amount "${essentials.amount}" is not a positive decimal for ${essentials.currency} (${amount.problem})`);
    amountMinor = amount.minor;
  }
  if (ctx.ledger.find(kind.statusPath, referenceId)) return reply.code(409).send(duplicateReference);
  ctx.ledger.create({
    kind,
    referenceId,
    externalId: essentials.externalId,
    amountMinor,
    currency: essentials.currency,
    party: essentials.party,
    request: parsed.data,
    callbackUrl,
    refundOf: essentials.refundOf ?? null,
    ownerId: token.userId,
    now: ctx.now(),
    completeAfterMs: ctx.options.completeAfterMs,
  });
  ctx.scheduleSettlement();
  return reply.code(202).send();
}
