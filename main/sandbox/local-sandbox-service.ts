// The emulator the "Local sandbox" profile talks to, run inside the console's
// own process on a free loopback port, so the console works with no MTN account.
import { startSandbox, type RunningSandbox } from './sandbox-server';
import type { SandboxOptionsInput } from './sandbox-options';

export type LocalSandboxStatus =
  | { state: 'starting' | 'stopped'; url: null; environment: string; message: null }
  | { state: 'running'; url: string; environment: string; message: null }
  | { state: 'failed'; url: null; environment: string; message: string };

export interface LocalSandboxService {
  start(): Promise<void>;
  status(): LocalSandboxStatus;
  /** The running emulator, for the services that will talk to it. */
  running(): RunningSandbox | null;
  stop(): Promise<void>;
}

export function createLocalSandboxService(options: SandboxOptionsInput = {}): LocalSandboxService {
  const environment = options.environment ?? 'sandbox';
  let sandbox: RunningSandbox | null = null;
  let status: LocalSandboxStatus = { state: 'stopped', url: null, environment, message: null };
  return {
    async start() {
      if (sandbox) return;
      status = { state: 'starting', url: null, environment, message: null };
      try {
        sandbox = await startSandbox({ host: '127.0.0.1', port: 0, ...options });
        status = { state: 'running', url: sandbox.url, environment, message: null };
      } catch (error) {
        status = { state: 'failed', url: null, environment, message: `The local sandbox could not start: ${(error as Error).message}` };
      }
    },
    status: () => status,
    running: () => sandbox,
    async stop() {
      const current = sandbox;
      sandbox = null;
      status = { state: 'stopped', url: null, environment, message: null };
      await current?.close();
    },
  };
}
