import { describe, expect, it } from 'vitest';
import { classifyStatus, errorFromAnswer, MAX_RETRY_AFTER_MS, readErrorBody, retryAfterMs } from '../../../main/momo/response-classifier';

describe('reading MoMo error bodies in their four shapes', () => {
  it('product, token, gateway, empty and non-JSON', () => {
    expect(readErrorBody('{"code":"PAYEE_NOT_FOUND","message":"Payee does not exist"}')).toEqual({ code: 'PAYEE_NOT_FOUND', message: 'Payee does not exist' });
    expect(readErrorBody('{"error":"login_failed"}')).toEqual({ code: 'login_failed', message: null });
    expect(readErrorBody('{"error":"access_denied","error_description":"rejected"}')).toEqual({ code: 'access_denied', message: 'rejected' });
    expect(readErrorBody('{"statusCode":401,"message":"Access denied due to invalid subscription key."}')).toEqual({ code: null, message: 'Access denied due to invalid subscription key.' });
    expect(readErrorBody(null)).toEqual({ code: null, message: null });
    expect(readErrorBody('<html>Bad gateway</html>')).toEqual({ code: null, message: '<html>Bad gateway</html>' });
  });
});

describe('classification', () => {
  it.each([
    [400, null, true, 'definitive'],
    [401, null, false, 'definitive'],
    [403, null, false, 'definitive'],
    [404, 'RESOURCE_NOT_FOUND', true, 'definitive'],
    [409, 'RESOURCE_ALREADY_EXIST', true, 'ambiguous'],
    [409, 'NOT_ALLOWED', false, 'definitive'],
    [429, null, true, 'retryable'],
    [500, 'INTERNAL_PROCESSING_ERROR', true, 'ambiguous'],
    [500, null, true, 'ambiguous'],
    [502, null, true, 'ambiguous'],
    [500, 'NOT_ENOUGH_FUNDS', true, 'definitive'],
    [500, 'PAYEE_NOT_FOUND', true, 'definitive'],
    [500, 'PAYER_NOT_FOUND', true, 'definitive'],
    [500, 'INVALID_CURRENCY', true, 'definitive'],
    [500, 'SOMETHING_NEW', true, 'ambiguous'],
    [503, 'SERVICE_UNAVAILABLE', true, 'retryable'],
    // A bare 503 may come from a proxy that had already forwarded the request.
    [503, null, true, 'ambiguous'],
    [500, 'SERVICE_UNAVAILABLE', true, 'ambiguous'],
    [503, 'INTERNAL_PROCESSING_ERROR', true, 'ambiguous'],
    // Only 202 is MoMo's "accepted"; any other success on a create must be confirmed by GET.
    [200, null, true, 'ambiguous'],
    [204, null, true, 'ambiguous'],
  ] as const)('%i %s (create: %s) → %s', (status, code, isCreate, expected) => {
    expect(classifyStatus(status, code, isCreate)).toBe(expected);
  });
});

describe('Retry-After', () => {
  const now = Date.UTC(2026, 11, 1, 12);
  it('seconds, an HTTP date, the gateway message, or nothing', () => {
    expect(retryAfterMs('2', null, now)).toBe(2000);
    expect(retryAfterMs(new Date(now + 5000).toUTCString(), null, now)).toBe(5000);
    expect(retryAfterMs(undefined, 'Rate limit is exceeded. Try again in 7 seconds.', now)).toBe(7000);
    expect(retryAfterMs('soon', null, now)).toBeNull();
  });
  it('is capped, so a broken header cannot stall a product for days or overflow a timer', () => {
    expect(retryAfterMs('3000000', null, now)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs(new Date(now + 86_400_000).toUTCString(), null, now)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('the error a caller sees', () => {
  it('names method, path template, status, code, message and reference', () => {
    const error = errorFromAnswer({
      method: 'POST',
      endpoint: '/disbursement/v1_0/transfer',
      status: 429,
      headers: { 'retry-after': '3' },
      body: '{"statusCode":429,"message":"Rate limit is exceeded. Try again in 3 seconds."}',
      referenceId: 'ref-1',
      isCreate: true,
      exchange: null,
      now: 0,
    });
    expect(error.message).toBe('POST /disbursement/v1_0/transfer answered 429: Rate limit is exceeded. Try again in 3 seconds. (reference ref-1)');
    expect(error.toJSON()).toEqual({ name: 'MomoHttpError', message: error.message, classification: 'retryable', endpoint: 'POST /disbursement/v1_0/transfer', status: 429, code: null, referenceId: 'ref-1' });
    expect(error.retryAfterMs).toBe(3000);
  });
});
