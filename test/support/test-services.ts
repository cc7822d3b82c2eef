// The console's services for tests: a fresh data directory, secrets in memory
// (the keychain has its own tier), every log line captured.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../main/app-services';
import { createLogger } from '../../main/logging/logger';
import type { SandboxOptionsInput } from '../../main/sandbox/sandbox-options';
import { MemorySecretStore } from '../../main/vault/memory-secret-store';

export interface TestServices extends AppServices {
  logLines: string[];
  store: MemorySecretStore;
}

export async function startTestServices(
  options: { dataDir?: string; localSandbox?: SandboxOptionsInput; env?: NodeJS.ProcessEnv; clientOptions?: AppServicesOptions['clientOptions']; callbackPort?: number | 'saved' } = {},
): Promise<TestServices> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'momo-services-')));
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const store = new MemorySecretStore();
  const services = await createAppServices({
    dataDir,
    logger: createLogger(sink, 'debug'),
    secretStore: store,
    localSandbox: { completeAfterMs: 0, ...options.localSandbox },
    ...(options.env ? { env: options.env } : {}),
    ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
    ...(options.callbackPort !== undefined ? { callbackPort: options.callbackPort } : {}),
  });
  return { ...services, logLines, store };
}
