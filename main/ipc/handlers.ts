// The implementation of every contract channel, over injected services so the
// same handlers serve the Electron IPC router, the test bridge and tests.
import packageJson from '../../package.json';
import { LOCAL_SANDBOX_PROFILE } from '../profiles/local-sandbox-profile';
import type { LocalSandboxService } from '../sandbox/local-sandbox-service';
import { isAllowedExternalUrl } from '../security/external-links';
import { AppError } from './app-error';
import type { Handlers } from './router';

export interface HandlerDeps {
  frontDoor: 'electron' | 'test-bridge';
  dataDir: string;
  runtime: { node: string; electron: string | null; chrome: string | null };
  localSandbox: Pick<LocalSandboxService, 'status'>;
  /** Opens an already allow-listed https URL in the user's browser. */
  openUrl(url: string): Promise<void>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    getAppInfo: () => ({
      name: packageJson.productName,
      version: packageJson.version,
      frontDoor: deps.frontDoor,
      runtime: deps.runtime,
      platform: process.platform,
      dataDir: deps.dataDir,
    }),
    getActiveProfile: () => LOCAL_SANDBOX_PROFILE,
    getLocalSandbox: () => deps.localSandbox.status(),
    openExternal: async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppError('NOT_ALLOWED', `MoMo Console only opens MTN's own https pages; "${url}" is not one of them.`);
      }
      await deps.openUrl(url);
      return { opened: true as const };
    },
  };
}
