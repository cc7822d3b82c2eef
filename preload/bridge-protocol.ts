// Messages on the loopback test bridge's WebSocket. Every request carries the
// per-run token; the server checks it on every message, not once per socket.
import { z } from 'zod';

export const BRIDGE_PATH = '/bridge';
export const BRIDGE_TOKEN_PARAM = 'bridge-token';

export const bridgeRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  token: z.string(),
  channel: z.string(),
  args: z.unknown(),
});
export type BridgeRequest = z.infer<typeof bridgeRequestSchema>;

export type BridgeServerMessage =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'event'; event: string; payload: unknown };
