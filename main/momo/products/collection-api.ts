// Collection: getting paid by customers (request to pay, withdrawals,
// payments, invoices, pre-approvals).
import { z } from 'zod';
import type { CreateBody } from '../create-operations';
import type { IdempotentCreator } from '../idempotent-create';
import type { MomoCaller } from '../momo-caller';
import { MomoConfigError } from '../momo-errors';
import { preApprovalDetailsSchema } from '../momo-schemas';
import type { AccountHolderIdType } from './account-api';
import { ProductApi } from './transaction-api';

const uuid = z.uuid();

export class CollectionApi extends ProductApi {
  constructor(caller: MomoCaller, creator: IdempotentCreator, now: () => number) {
    super(caller, 'collection', creator, now);
  }

  requestToPay = (referenceId: string, body: CreateBody<'collection.requesttopay'>) => this.create('collection.requesttopay', referenceId, body);
  getRequestToPayStatus = (referenceId: string) => this.status('collection.requesttopay', referenceId);

  /** Tells the payer something after a successful request to pay (at most 160 characters). */
  async sendDeliveryNotification(referenceId: string, message: string, language?: string): Promise<void> {
    if (!uuid.safeParse(referenceId).success) throw new MomoConfigError(`reference id "${referenceId}" is not a UUID`);
    if (message.length === 0 || message.length > 160) throw new MomoConfigError('notificationMessage must be 1 to 160 characters');
    await this.caller.call({
      product: 'collection',
      method: 'POST',
      endpoint: '/collection/v1_0/requesttopay/{referenceId}/deliverynotification',
      path: `/collection/v1_0/requesttopay/${referenceId}/deliverynotification`,
      auth: 'bearer',
      referenceId,
      // The spec takes it as a header; a body copy keeps proxies that drop unknown headers honest.
      headers: { notificationMessage: message, ...(language ? { Language: language } : {}) },
      body: { notificationMessage: message },
      okStatuses: [200],
      result: null,
    });
  }

  requestToWithdrawV1 = (referenceId: string, body: CreateBody<'collection.requesttowithdraw.v1'>) => this.create('collection.requesttowithdraw.v1', referenceId, body);
  requestToWithdrawV2 = (referenceId: string, body: CreateBody<'collection.requesttowithdraw.v2'>) => this.create('collection.requesttowithdraw.v2', referenceId, body);
  getRequestToWithdrawStatus = (referenceId: string) => this.status('collection.requesttowithdraw.v1', referenceId);

  createPayment = (referenceId: string, body: CreateBody<'collection.payment'>) => this.create('collection.payment', referenceId, body);
  getPaymentStatus = (referenceId: string) => this.status('collection.payment', referenceId);

  createInvoice = (referenceId: string, body: CreateBody<'collection.invoice'>) => this.create('collection.invoice', referenceId, body);
  getInvoiceStatus = (referenceId: string) => this.status('collection.invoice', referenceId);

  /** Cancels a pending invoice; the cancellation has its own reference id, as the spec asks. */
  async cancelInvoice(invoiceReferenceId: string, cancelReferenceId: string, externalId?: string): Promise<void> {
    for (const [name, id] of [['invoice reference id', invoiceReferenceId], ['cancel reference id', cancelReferenceId]] as const) {
      if (!uuid.safeParse(id).success) throw new MomoConfigError(`${name} "${id}" is not a UUID`);
    }
    await this.caller.call({
      product: 'collection',
      method: 'DELETE',
      endpoint: '/collection/v2_0/invoice/{referenceId}',
      path: `/collection/v2_0/invoice/${invoiceReferenceId}`,
      auth: 'bearer',
      referenceId: cancelReferenceId,
      callback: true,
      body: externalId === undefined ? {} : { externalId },
      okStatuses: [200],
      result: null,
    });
  }

  preApproval = (referenceId: string, body: CreateBody<'collection.preapproval'>) => this.create('collection.preapproval', referenceId, body);
  getPreApprovalStatus = (referenceId: string) => this.status('collection.preapproval', referenceId);

  /** The pre-approvals an account holder has granted this API user and not cancelled. */
  async getApprovedPreApprovals(type: AccountHolderIdType, id: string) {
    const { value } = await this.get('/v1_0/preapprovals/{type}/{id}', `/v1_0/preapprovals/${type}/${encodeURIComponent(id)}`, preApprovalDetailsSchema);
    return value;
  }

  async cancelPreApproval(preApprovalId: string): Promise<void> {
    if (!uuid.safeParse(preApprovalId).success) throw new MomoConfigError(`pre-approval id "${preApprovalId}" is not a UUID`);
    await this.caller.call({
      product: 'collection',
      method: 'DELETE',
      endpoint: '/collection/v1_0/preapproval/{preApprovalId}',
      path: `/collection/v1_0/preapproval/${preApprovalId}`,
      auth: 'bearer',
      okStatuses: [200, 204],
      result: null,
    });
  }
}
