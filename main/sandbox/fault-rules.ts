// Fault injection rules (DESIGN §8): each matches a method and a path pattern,
// where `*` stands for one or more path segments, and fires with probability `rate`.
import { z } from 'zod';

const base = {
  method: z.string().min(1).transform((m) => m.toUpperCase()),
  path: z.string().startsWith('/'),
  rate: z.number().min(0).max(1).default(1),
  /** Fire at most this many times, then stay quiet (handy for "fail the first attempt only"). */
  times: z.number().int().positive().optional(),
};

export const faultRuleSchema = z.discriminatedUnion('action', [
  z.object({ ...base, action: z.literal('delay'), ms: z.number().int().min(0).max(120_000) }).strict(),
  // 401 answers as the gateway does for a token it no longer honours, for clients' token-renewal paths.
  z.object({ ...base, action: z.literal('error'), status: z.union([z.literal(500), z.literal(503), z.literal(401)]).default(500) }).strict(),
  z.object({ ...base, action: z.literal('rate-limit'), retryAfter: z.number().int().min(0).max(3600).default(1) }).strict(),
  z.object({ ...base, action: z.literal('reset') }).strict(),
  z.object({ ...base, action: z.literal('drop-after-accept') }).strict(),
]);
export const faultRulesSchema = z.array(faultRuleSchema).max(100);

export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;

export interface ArmedRule {
  rule: FaultRule;
  pattern: RegExp;
  fired: number;
}

export function armRules(rules: readonly FaultRule[]): ArmedRule[] {
  return rules.map((rule) => ({ rule, pattern: pathPattern(rule.path), fired: 0 }));
}

function pathPattern(path: string): RegExp {
  const segments = path.split('/').map((segment) =>
    segment === '*' ? '[^/]+(?:/[^/]+)*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(`^${segments.join('/')}$`);
}

/** The rules that fire for this request, in the order given; counts each firing. */
export function firingRules(armed: readonly ArmedRule[], method: string, path: string, random: () => number = Math.random): ArmedRule[] {
  const fired: ArmedRule[] = [];
  for (const entry of armed) {
    const { rule } = entry;
    if (rule.method !== '*' && rule.method !== method) continue;
    // MTN's token paths end in a slash: `/collection/*` covers `/collection/token/` too.
    if (!entry.pattern.test(path) && !entry.pattern.test(path.replace(/\/+$/, ''))) continue;
    if (rule.times !== undefined && entry.fired >= rule.times) continue;
    if (rule.rate < 1 && random() >= rule.rate) continue;
    entry.fired += 1;
    fired.push(entry);
  }
  return fired;
}
