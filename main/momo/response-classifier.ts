// Turns a MoMo answer that is not success into a MomoHttpError: reads the four
// error shapes (product {code, message}, token {error}, gateway {statusCode,
// message}, empty) and decides whether the money could have moved.
import type { Exchange } from './exchange';
import { MomoHttpError, type Classification } from './momo-errors';

/** Codes that say MoMo looked at the request and refused it: nothing happened. */
const REFUSED_CODES = new Set([
  'PAYEE_NOT_FOUND',
  'PAYER_NOT_FOUND',
  'NOT_ALLOWED',
  'NOT_ALLOWED_TARGET_ENVIRONMENT',
  'INVALID_CALLBACK_URL_HOST',
  'INVALID_CURRENCY',
  'NOT_ENOUGH_FUNDS',
  'PAYER_LIMIT_REACHED',
  'PAYEE_NOT_ALLOWED_TO_RECEIVE',
  'PAYMENT_NOT_APPROVED',
  'RESOURCE_NOT_FOUND',
  'APPROVAL_REJECTED',
  'EXPIRED',
  'TRANSACTION_CANCELED',
  'TRANSACTION_NOT_COMPLETED',
  'TRANSACTION_NOT_FOUND',
  'NOT_FOUND',
  'INFORMATIONAL_SCOPE_INSTRUCTION',
  'MISSING_SCOPE_INSTRUCTION',
  'MORE_THAN_ONE_FINANCIAL_SCOPE_NOT_SUPPORTED',
  'UNSUPPORTED_SCOPE_COMBINATION',
  'CONSENT_MISMATCH',
  'UNSUPPORTED_SCOPE',
]);

export interface ErrorBody {
  code: string | null;
  message: string | null;
}

/** Reads whichever of MoMo's error shapes the body has. */
export function readErrorBody(text: string | null): ErrorBody {
  if (!text) return { code: null, message: null };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { code: null, message: text.slice(0, 200) };
  }
  if (body === null || typeof body !== 'object') return { code: null, message: null };
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  if (str(b.code)) return { code: str(b.code), message: str(b.message) };
  if (str(b.error)) return { code: str(b.error), message: str(b.error_description) };
  if (typeof b.statusCode === 'number') return { code: null, message: str(b.message) };
  return { code: null, message: str(b.message) };
}

/** The longest single wait honoured, so a broken or hostile Retry-After cannot stall a product for days (or overflow a timer). */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Retry-After in seconds or as an HTTP date; MoMo's gateway also says "Try again in N seconds". Capped at MAX_RETRY_AFTER_MS. */
export function retryAfterMs(header: string | undefined, message: string | null, now: number): number | null {
  const cap = (ms: number) => Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
  if (header !== undefined && header.trim() !== '') {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return cap(Math.round(seconds * 1000));
    const date = Date.parse(header);
    if (Number.isFinite(date)) return cap(date - now);
  }
  const inMessage = message ? /try again in (\d+) seconds?/i.exec(message) : null;
  return inMessage?.[1] ? cap(Number(inMessage[1]) * 1000) : null;
}

export interface AnswerContext {
  method: string;
  endpoint: string;
  status: number;
  headers: Record<string, string>;
  body: string | null;
  referenceId: string | null;
  /** True for a POST that creates a resource under our own X-Reference-Id. */
  isCreate: boolean;
  exchange: Exchange | null;
  now: number;
}

export function classifyStatus(status: number, code: string | null, isCreate: boolean): Classification {
  // An unexpected success on a create: something answered, maybe not MoMo; only a GET can tell.
  if (status >= 200 && status < 300) return isCreate ? 'ambiguous' : 'definitive';
  if (status === 429) return 'retryable';
  // Only MoMo's own word that it did not take the request; a bare 503 may come from a proxy after forwarding it.
  if (status === 503 && code === 'SERVICE_UNAVAILABLE') return 'retryable';
  // Our own reference id already exists: the earlier attempt may be it.
  if (status === 409 && isCreate) return 'ambiguous';
  if (status >= 500) return code !== null && REFUSED_CODES.has(code) ? 'definitive' : 'ambiguous';
  return 'definitive';
}

export function errorFromAnswer(answer: AnswerContext): MomoHttpError {
  const { code, message } = readErrorBody(answer.body);
  const classification = classifyStatus(answer.status, code, answer.isCreate);
  const wait = answer.status === 429 || classification === 'retryable' ? retryAfterMs(answer.headers['retry-after'], message, answer.now) : null;
  const what = [answer.status, code].filter((part) => part !== null).join(' ');
  const text = `${answer.method} ${answer.endpoint} answered ${what}${message ? `: ${message}` : ''}${answer.referenceId ? ` (reference ${answer.referenceId})` : ''}`;
  return new MomoHttpError(text, {
    classification,
    endpoint: `${answer.method} ${answer.endpoint}`,
    status: answer.status,
    code,
    referenceId: answer.referenceId,
    retryAfterMs: wait,
    exchange: answer.exchange,
  });
}
