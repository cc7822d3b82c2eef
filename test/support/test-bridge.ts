// Starts the loopback test bridge over the real handlers, for tests.
import path from 'node:path';
import { createHandlers } from '../../main/ipc/handlers';
import type { LocalSandboxService } from '../../main/sandbox/local-sandbox-service';
import { startTestBridge } from '../../main/test-bridge/bridge-server';

const NO_SANDBOX: Pick<LocalSandboxService, 'status'> = {
  status: () => ({ state: 'stopped', url: null, environment: 'sandbox', message: null }),
};

export function startBridgeForTests(outDir = path.resolve('out'), localSandbox = NO_SANDBOX) {
  const opened: string[] = [];
  const errors: unknown[] = [];
  const bridge = startTestBridge({
    rendererDir: path.join(outDir, 'renderer'),
    clientScriptPath: path.join(outDir, 'bridge', 'web-bridge.js'),
    logger: { error: (details) => errors.push(details), warn: () => {} },
    handlers: createHandlers({
      frontDoor: 'test-bridge',
      dataDir: '/tmp/momo-console-test',
      localSandbox,
      runtime: { node: process.versions.node, electron: null, chrome: null },
      openUrl: async (url) => {
        opened.push(url);
      },
    }),
  });
  return { bridge, opened, errors };
}
