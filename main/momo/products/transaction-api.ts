// The base of every product: its account endpoints, its consent flow, and its
// transactions created idempotently under the caller's reference ids.
import type { CreateBody, CreateKind } from '../create-operations';
import type { CreateOptions, CreateOutcome, IdempotentCreator } from '../idempotent-create';
import type { MomoCaller } from '../momo-caller';
import type { MomoProduct } from '../momo-connection';
import type { TransactionStatus } from '../momo-schemas';
import { AccountApi } from './account-api';
import { ConsentApi } from './consent-api';

export class ProductApi extends AccountApi {
  readonly consent: ConsentApi;

  constructor(
    caller: MomoCaller,
    product: MomoProduct,
    protected readonly creator: IdempotentCreator,
    now: () => number,
  ) {
    super(caller, product);
    this.consent = new ConsentApi(caller, product, now);
  }

  protected create<K extends CreateKind>(kind: K, referenceId: string, body: CreateBody<K>, options?: CreateOptions): Promise<CreateOutcome> {
    return this.creator.create(kind, referenceId, body, options);
  }

  /** null when MoMo has no transaction under this reference id. */
  protected status(kind: CreateKind, referenceId: string): Promise<TransactionStatus | null> {
    return this.creator.status(kind, referenceId);
  }
}
