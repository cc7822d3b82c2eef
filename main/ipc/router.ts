// The IPC router: the single gate every renderer call passes. It checks who
// sent the call, validates the argument against the contract, runs the
// handler, validates what the handler returns, and answers with a plain
// envelope. No Error object, stack or unvalidated value ever crosses back.
import type { z } from 'zod';
import type { ChannelName, ChannelResult, Channels, IpcError, IpcResult } from '../../preload/contract';
import { AppError } from './app-error';

export type Handlers = {
  [C in ChannelName]: (args: z.output<Channels[C]['args']>) => Promise<ChannelResult<C>> | ChannelResult<C>;
};

export interface RouterLogger {
  error(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface RouterOptions {
  /** True when a call from this frame URL may be served. */
  isTrustedSender(senderUrl: string | undefined): boolean;
  logger: RouterLogger;
}

export interface Router {
  readonly channels: readonly ChannelName[];
  handle(channel: string, senderUrl: string | undefined, payload: unknown): Promise<IpcResult<unknown>>;
}

export function createRouter(contract: Channels, handlers: Handlers, options: RouterOptions): Router {
  const names = Object.keys(contract) as ChannelName[];
  return {
    channels: names,
    async handle(channel, senderUrl, payload) {
      if (!options.isTrustedSender(senderUrl)) {
        options.logger.warn({ channel, senderUrl }, 'ipc call refused: untrusted sender');
        return fail({ code: 'FORBIDDEN_SENDER', message: 'This window is not allowed to talk to MoMo Console.' });
      }
      if (!Object.hasOwn(contract, channel)) {
        return fail({ code: 'UNKNOWN_CHANNEL', message: `There is no operation called "${channel}".` });
      }
      const name = channel as ChannelName;
      const parsed = contract[name].args.safeParse(payload);
      if (!parsed.success) {
        return fail({
          code: 'INVALID_ARGUMENT',
          message: `${name}: ${describeIssues(parsed.error.issues)}`,
          details: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        });
      }
      try {
        const handler = handlers[name] as (args: unknown) => unknown;
        const value = await handler(parsed.data);
        const checked = contract[name].result.safeParse(value);
        if (!checked.success) {
          options.logger.error({ channel: name, issues: checked.error.issues }, 'handler result breaks the contract');
          return fail({ code: 'INTERNAL', message: 'MoMo Console hit an internal error. It has been logged.' });
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        if (error instanceof AppError) {
          return fail({ code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) });
        }
        options.logger.error({ channel: name, err: error }, 'ipc handler threw');
        return fail({ code: 'INTERNAL', message: 'MoMo Console hit an internal error. It has been logged.' });
      }
    },
  };
}

function fail(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => (issue.path.length ? `field "${issue.path.join('.')}": ${issue.message}` : issue.message))
    .join('; ');
}

