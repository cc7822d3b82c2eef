// Disbursement: paying people (transfers, deposits, refunds of collections).
import type { CreateBody } from '../create-operations';
import type { IdempotentCreator } from '../idempotent-create';
import type { MomoCaller } from '../momo-caller';
import { ProductApi } from './transaction-api';

export class DisbursementApi extends ProductApi {
  constructor(caller: MomoCaller, creator: IdempotentCreator, now: () => number) {
    super(caller, 'disbursement', creator, now);
  }

  transfer = (referenceId: string, body: CreateBody<'disbursement.transfer'>) => this.create('disbursement.transfer', referenceId, body);
  getTransferStatus = (referenceId: string) => this.status('disbursement.transfer', referenceId);

  depositV1 = (referenceId: string, body: CreateBody<'disbursement.deposit.v1'>) => this.create('disbursement.deposit.v1', referenceId, body);
  depositV2 = (referenceId: string, body: CreateBody<'disbursement.deposit.v2'>) => this.create('disbursement.deposit.v2', referenceId, body);
  getDepositStatus = (referenceId: string) => this.status('disbursement.deposit.v1', referenceId);

  refundV1 = (referenceId: string, body: CreateBody<'disbursement.refund.v1'>) => this.create('disbursement.refund.v1', referenceId, body);
  refundV2 = (referenceId: string, body: CreateBody<'disbursement.refund.v2'>) => this.create('disbursement.refund.v2', referenceId, body);
  getRefundStatus = (referenceId: string) => this.status('disbursement.refund.v1', referenceId);
}
