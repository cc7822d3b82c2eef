// Every way a MoMo call can go wrong, with the one question a payments engine
// must answer before it does anything else: could the money have moved?
//   definitive — refused, nothing happened; do not send it again as is.
//   ambiguous  — it may have taken effect; ask GET …/{referenceId} before anything else.
//   retryable  — nothing happened and sending the same request again is safe.
import type { Exchange } from './exchange';

export type Classification = 'definitive' | 'ambiguous' | 'retryable';

export interface MomoErrorDetails {
  classification: Classification;
  /** `POST /disbursement/v1_0/transfer`: the method and path template, never a concrete id. */
  endpoint: string;
  status?: number | null;
  /** MoMo's own code (`NOT_ENOUGH_FUNDS`, `login_failed`, …) when the answer carried one. */
  code?: string | null;
  referenceId?: string | null;
  retryAfterMs?: number | null;
  exchange?: Exchange | null;
  cause?: unknown;
}

export class MomoError extends Error {
  override name = 'MomoError';
  readonly classification: Classification;
  readonly endpoint: string;
  readonly status: number | null;
  readonly code: string | null;
  readonly referenceId: string | null;
  readonly retryAfterMs: number | null;
  /** The redacted request and response, for the support view. */
  readonly exchange: Exchange | null;

  constructor(message: string, details: MomoErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.classification = details.classification;
    this.endpoint = details.endpoint;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.referenceId = details.referenceId ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.exchange = details.exchange ?? null;
  }

  /** What support and the logs may show: no stack, no cause, no secrets (messages are scrubbed when built). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      classification: this.classification,
      endpoint: this.endpoint,
      status: this.status,
      code: this.code,
      referenceId: this.referenceId,
    };
  }
}

/** MoMo answered, with a status that is not success. */
export class MomoHttpError extends MomoError {
  override name = 'MomoHttpError';
}

/** No answer: the connection failed, was reset or timed out. `sent` says whether the request left this machine. */
export class MomoTransportError extends MomoError {
  override name = 'MomoTransportError';
  constructor(
    message: string,
    details: MomoErrorDetails,
    readonly sent: boolean,
  ) {
    super(message, details);
  }
}

/** A token could not be had: bad API user or key, bad subscription key, or the token endpoint failing. */
export class MomoTokenError extends MomoError {
  override name = 'MomoTokenError';
}

/** MoMo answered success with a body this client does not understand. */
export class MomoResponseError extends MomoError {
  override name = 'MomoResponseError';
}

/** The profile or the arguments cannot make a request at all; nothing was sent. */
export class MomoConfigError extends MomoError {
  override name = 'MomoConfigError';
  constructor(message: string, endpoint = 'client') {
    super(message, { classification: 'definitive', endpoint });
  }
}
