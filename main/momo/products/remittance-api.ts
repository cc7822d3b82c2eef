// Remittance: cross-border transfers and cash transfers.
import type { CreateBody } from '../create-operations';
import type { IdempotentCreator } from '../idempotent-create';
import type { MomoCaller } from '../momo-caller';
import { ProductApi } from './transaction-api';

export class RemittanceApi extends ProductApi {
  constructor(caller: MomoCaller, creator: IdempotentCreator, now: () => number) {
    super(caller, 'remittance', creator, now);
  }

  transfer = (referenceId: string, body: CreateBody<'remittance.transfer'>) => this.create('remittance.transfer', referenceId, body);
  getTransferStatus = (referenceId: string) => this.status('remittance.transfer', referenceId);

  cashTransfer = (referenceId: string, body: CreateBody<'remittance.cashtransfer'>) => this.create('remittance.cashtransfer', referenceId, body);
  getCashTransferStatus = (referenceId: string) => this.status('remittance.cashtransfer', referenceId);
}
