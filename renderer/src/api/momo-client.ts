// The renderer's side of the contract: calls `window.momo` (or a fake in
// tests), unwraps the result envelope and turns a refusal into an ApiError.
import type { ChannelArgs, ChannelName, ChannelResult, IpcError, IpcResult, MomoApi } from '../../../preload/contract';

export type { MomoApi };

export class ApiError extends Error {
  constructor(
    readonly channel: ChannelName,
    readonly error: IpcError,
  ) {
    super(error.message);
    this.name = 'ApiError';
  }
}

export async function callApi<C extends ChannelName>(api: MomoApi, channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const call = api[channel] as unknown as (args: ChannelArgs<C>) => Promise<IpcResult<ChannelResult<C>>>;
  let result: IpcResult<ChannelResult<C>>;
  try {
    result = await call(args);
  } catch {
    // A payment may have gone even though no answer came back: never invite a blind retry.
    throw new ApiError(channel, { code: 'UNAVAILABLE', message: 'The console did not answer. If this was a payment, search for it before sending it again; otherwise try again, or restart the console.' });
  }
  if (!result.ok) throw new ApiError(channel, result.error);
  return result.value;
}
