// THE contract between the renderer and main. Every call and every event that
// crosses the bridge is declared here with its zod schemas; main implements it,
// the preload (and the loopback test bridge) expose it, the renderer's types
// are inferred from it. Nothing that is not in this file crosses the bridge.
import { z } from 'zod';

export const profileKindSchema = z.enum(['local', 'sandbox', 'production']);

export const activeProfileSchema = z.object({
  name: z.string().min(1),
  kind: profileKindSchema,
  environment: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  frontDoor: z.enum(['electron', 'test-bridge']),
  runtime: z.object({
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
  }),
  platform: z.string(),
  dataDir: z.string(),
});

export const localSandboxSchema = z.object({
  state: z.enum(['starting', 'running', 'stopped', 'failed']),
  url: z.string().url().nullable(),
  environment: z.string(),
  message: z.string().nullable(),
});

export const externalUrlSchema = z.object({
  url: z.string().url().max(2048),
});

const noArgs = z.object({}).strict();

/** One entry per function exposed on `window.momo`. */
export const channels = {
  getAppInfo: { args: noArgs, result: appInfoSchema },
  getActiveProfile: { args: noArgs, result: activeProfileSchema },
  getLocalSandbox: { args: noArgs, result: localSandboxSchema },
  openExternal: { args: externalUrlSchema.strict(), result: z.object({ opened: z.literal(true) }) },
} as const;

export const batchProgressSchema = z.object({
  batchId: z.string().min(1),
  total: z.number().int().nonnegative(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

export const transactionStatusSchema = z.object({
  referenceId: z.string().uuid(),
  status: z.enum(['PENDING', 'SUCCESSFUL', 'FAILED', 'UNKNOWN']),
  at: z.string(),
});

/** Events main pushes to the renderer; each becomes `window.momo.on<Name>(listener)`. */
export const events = {
  batchProgress: batchProgressSchema,
  transactionStatus: transactionStatusSchema,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;

export type ChannelArgs<C extends ChannelName> = z.input<Channels[C]['args']>;
export type ChannelResult<C extends ChannelName> = z.output<Channels[C]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const ipcErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type MomoApi = {
  [C in ChannelName]: (args: ChannelArgs<C>) => Promise<IpcResult<ChannelResult<C>>>;
} & {
  [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

/** The IPC channel string a function travels on; prefixed so it never collides with Electron's own. */
export const ipcChannel = (name: ChannelName): string => `momo:${name}`;
export const ipcEventChannel = (name: EventName): string => `momo-event:${name}`;
export const eventListenerName = (name: EventName): string =>
  `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];
