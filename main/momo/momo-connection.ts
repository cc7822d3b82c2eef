// Where and as whom the client talks to MoMo: base URL, target environment
// and currency from a profile, secrets from a source the caller owns (the
// keychain vault, or environment variables on the command line).
import { z } from 'zod';
import { MomoConfigError } from './momo-errors';

export const MOMO_PRODUCTS = ['collection', 'disbursement', 'remittance'] as const;
export type MomoProduct = (typeof MOMO_PRODUCTS)[number];

export const momoConnectionSchema = z.object({
  /** Names the profile: token caches are kept per (profile, product). */
  profileId: z.string().min(1),
  baseUrl: z.url({ protocol: /^https?$/ }),
  targetEnvironment: z.string().min(1).max(64),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code'),
  /** Sent as X-Callback-Url on creates when set. */
  callbackUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type MomoConnection = z.infer<typeof momoConnectionSchema>;

export interface MomoCredentials {
  apiUser: string;
  apiKey: string;
  subscriptionKeys: Partial<Record<MomoProduct, string>>;
}

/** Read when a call needs them, so a key rotated in the vault is used at the next token. */
export type CredentialSource = () => MomoCredentials | Promise<MomoCredentials>;

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Parses the profile's connection, refusing plain http to anything but this machine. */
export function parseConnection(input: unknown): MomoConnection {
  const parsed = momoConnectionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MomoConfigError(`profile field "${issue?.path.join('.') || '?'}": ${issue?.message ?? 'invalid'}`);
  }
  for (const field of ['baseUrl', 'callbackUrl'] as const) {
    const value = parsed.data[field];
    if (value === undefined) continue;
    const url = new URL(value);
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      throw new MomoConfigError(`profile field "${field}": ${url.host} must be reached over https (plain http is allowed only for this machine)`);
    }
    if (url.username || url.password) throw new MomoConfigError(`profile field "${field}": credentials do not belong in the URL`);
  }
  return { ...parsed.data, baseUrl: parsed.data.baseUrl.replace(/\/+$/, '') };
}
