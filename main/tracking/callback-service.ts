// The callback receiver as a console setting: which port it listens on (kept
// in the store, changed from Settings while the app runs), or a port for this
// process only (MOMO_CALLBACK_PORT for the app, --callback-port for the
// command line). A port that cannot be taken leaves the saved setting as it was.
import { z } from 'zod';
import type { ChannelResult } from '../../preload/contract';
import type { Logger } from '../logging/logger';
import { AppError } from '../ipc/app-error';
import type { RunJournal } from '../store/run-journal';
import type { TransactionRepository } from '../store/transaction-repository';
import type { SettingsRepository } from '../store/settings-repository';
import { startCallbackReceiver, type CallbackReceiver } from './callback-receiver';

const SETTING = 'callback-receiver.port';
const savedPortSchema = z.number().int().min(1024).max(65535).nullable();

export type CallbackStatus = ChannelResult<'getCallbackReceiver'>;

export interface CallbackServiceDeps {
  logger: Logger;
  journal: RunJournal;
  /** Payments and collections made one at a time are hinted too. */
  transactions: TransactionRepository;
  settings: SettingsRepository;
  /** A port for this process only, not saved (0 = any free port); 'saved' for the setting; 'off' for none. */
  port: number | 'saved' | 'off';
}

export class CallbackService {
  private current: CallbackReceiver | null = null;
  private problem: string | null = null;

  constructor(private readonly deps: CallbackServiceDeps) {}

  /** The receiver listening now, if any. */
  get receiver(): CallbackReceiver | null {
    return this.current;
  }

  /** Starts on this process's port (a failure is thrown) or the saved one (a failure is reported in status()). */
  async start(): Promise<void> {
    const { port: mode } = this.deps;
    if (typeof mode === 'number') {
      this.current = await this.listen(mode);
      return;
    }
    const port = mode === 'saved' ? this.savedPort() : null;
    if (port === null) return;
    try {
      this.current = await this.listen(port);
    } catch (error) {
      this.problem = describeListenError(error, port);
      this.deps.logger.warn({ port, problem: this.problem }, 'the callback receiver could not start');
    }
  }

  status(): CallbackStatus {
    return {
      running: this.current !== null,
      callbackUrl: this.current ? `${this.current.url}/momo/callback` : null,
      port: typeof this.deps.port === 'number' ? this.deps.port : this.deps.port === 'saved' ? this.savedPort() : null,
      source: typeof this.deps.port === 'number' ? 'process' : this.deps.port === 'saved' ? 'setting' : 'off',
      problem: this.problem,
    };
  }

  /** Listens on `port` (null turns the receiver off) and saves it once it listens. */
  async configure(port: number | null): Promise<CallbackStatus> {
    if (this.deps.port !== 'saved') {
      throw new AppError('NOT_ALLOWED', 'This console was started with a callback port of its own (MOMO_CALLBACK_PORT or --callback-port); change it there.');
    }
    if (port !== null && this.current && new URL(this.current.url).port === String(port)) return this.status();
    let next: CallbackReceiver | null = null;
    if (port !== null) {
      // The new port is taken before the old one is let go, so a port in use changes nothing.
      try {
        next = await this.listen(port);
      } catch (error) {
        throw new AppError('PORT_UNAVAILABLE', describeListenError(error, port));
      }
    }
    await this.current?.close();
    this.current = next;
    this.problem = null;
    this.deps.settings.set(SETTING, port, new Date().toISOString());
    return this.status();
  }

  async close(): Promise<void> {
    await this.current?.close();
    this.current = null;
  }

  private savedPort(): number | null {
    return this.deps.settings.get(SETTING, savedPortSchema, null);
  }

  private listen(port: number): Promise<CallbackReceiver> {
    const { journal, transactions, logger } = this.deps;
    return startCallbackReceiver({
      host: '127.0.0.1',
      port,
      logger,
      identify: (hint) => journal.identify(hint) ?? transactions.identify(hint),
      onHint: (referenceId) => {
        const now = new Date().toISOString();
        if (!journal.hint(referenceId, now)) transactions.hint(referenceId, now);
      },
    });
  }
}

function describeListenError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `Port ${port} is already in use by another program; choose another port.`;
  if (code === 'EACCES') return `This user may not listen on port ${port}; choose a port from 1024 to 65535.`;
  return `The callback receiver could not listen on port ${port}: ${error instanceof Error ? error.message : String(error)}`;
}
