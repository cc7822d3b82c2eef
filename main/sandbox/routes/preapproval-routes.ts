// Pre-approvals after they are granted: list a payer's approved ones and
// cancel one (collection GetApprovedPreApprovals and CancelPreApproval).
import type { FastifyInstance } from 'fastify';
import { notFound } from '../mtn-errors';
import { accountHolderIdType, authorize, badRequest, isUuid, type SandboxContext } from '../sandbox-context';
import type { Transaction } from '../sandbox-ledger';

function details(tx: Transaction) {
  const validity = Number(tx.request.validityTime ?? 3600) * 1000;
  const fri = (id: string, type: string) => `FRI:${id}/${type}`;
  return {
    preApprovalId: tx.referenceId,
    toFri: fri(tx.ownerId, 'API'),
    fromFri: fri(tx.party?.partyId ?? '', tx.party?.partyIdType ?? 'MSISDN'),
    fromCurrency: tx.currency,
    createdTime: new Date(tx.createdAt).toISOString(),
    approvedTime: new Date(tx.finalAt ?? tx.createdAt).toISOString(),
    expiryTime: new Date(tx.createdAt + validity).toISOString(),
    status: 'APPROVED',
    message: typeof tx.request.payerMessage === 'string' ? tx.request.payerMessage : '',
  };
}

export function registerPreApprovalRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const approved = (tx: Transaction, userId: string) => tx.ownerId === userId && tx.status === 'SUCCESSFUL' && tx.cancelledAt === null;

  app.get<{ Params: { type: string; id: string } }>('/collection/v1_0/preapprovals/:type/:id', async (request, reply) => {
    const token = authorize(ctx, request, reply, 'collection');
    if (!token) return reply;
    const partyIdType = accountHolderIdType(reply, request.params.type);
    if (!partyIdType) return reply;
    const list = ctx.ledger
      .ofKind('collection', 'preapproval')
      .filter((tx) => approved(tx, token.userId) && tx.party?.partyIdType === partyIdType && tx.party.partyId === request.params.id)
      .map(details);
    return reply.send(list);
  });

  app.delete<{ Params: { preApprovalId: string } }>('/collection/v1_0/preapproval/:preApprovalId', async (request, reply) => {
    const token = authorize(ctx, request, reply, 'collection');
    if (!token) return reply;
    if (!isUuid(request.params.preApprovalId)) return badRequest(reply, 'the pre-approval id must be a UUID');
    const tx = ctx.ledger.find('/collection/v2_0/preapproval/:referenceId', request.params.preApprovalId);
    if (!tx || !approved(tx, token.userId)) return reply.code(404).send(notFound);
    tx.cancelledAt = ctx.now();
    return reply.code(200).send();
  });
}
