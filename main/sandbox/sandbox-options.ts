// Everything about the emulator that a test, the app or the command line can set.
import { z } from 'zod';
import { faultRulesSchema } from './fault-rules';

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, 'a decimal amount such as "1000000.00"');
const productMap = <T extends z.ZodType>(value: T) => z.object({ collection: value, disbursement: value, remittance: value }).partial();

export const sandboxOptionsSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(0),
    environment: z.string().min(1).default('sandbox'),
    /** The one currency the environment accepts; EUR is what MTN's sandbox takes. */
    currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
    subscriptionKeys: productMap(z.string().min(8).max(128)).default({}),
    /** How long a created transaction stays PENDING before it becomes final. */
    completeAfterMs: z.number().int().min(0).max(86_400_000).default(1000),
    tokenTtlSeconds: z.number().int().min(1).max(86_400).default(3600),
    /** How long after success a delivery notification is still accepted (then 410). */
    deliveryNotificationWindowMs: z.number().int().min(0).default(24 * 3600 * 1000),
    /** The spec gives `reason` as {code, message}; some live responses give the bare code. */
    reasonStyle: z.enum(['object', 'string']).default('object'),
    /** Opening balances per product and currency, as decimal strings. */
    balances: productMap(z.record(z.string().regex(/^[A-Z]{3}$/), decimalString)).default({}),
    faults: faultRulesSchema.default([]),
    bodyLimitBytes: z.number().int().min(1024).max(10 * 1024 * 1024).default(64 * 1024),
    callbackTimeoutMs: z.number().int().min(1).max(60_000).default(5000),
    /** Serve https with this PEM key and certificate, as MTN does; plain http when absent. */
    tls: z.object({ key: z.string().min(1), cert: z.string().min(1) }).strict().optional(),
  })
  .strict();

export type SandboxOptionsInput = z.input<typeof sandboxOptionsSchema>;
export type SandboxOptions = z.output<typeof sandboxOptionsSchema>;

export const DEFAULT_OPENING_BALANCE = '1000000';

