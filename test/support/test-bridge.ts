// Starts the loopback test bridge over the real handlers and services, for tests.
import path from 'node:path';
import { createHandlers } from '../../main/ipc/handlers';
import { startTestBridge } from '../../main/test-bridge/bridge-server';
import type { TestServices } from './test-services';

export function startBridgeForTests(services: TestServices, outDir = path.resolve('out')) {
  const opened: string[] = [];
  const errors: unknown[] = [];
  const bridge = startTestBridge({
    rendererDir: path.join(outDir, 'renderer'),
    clientScriptPath: path.join(outDir, 'bridge', 'web-bridge.js'),
    logger: { error: (details) => errors.push(details), warn: () => {} },
    handlers: createHandlers({
      frontDoor: 'test-bridge',
      services,
      runtime: { node: process.versions.node, electron: null, chrome: null },
      openUrl: async (url) => {
        opened.push(url);
      },
    }),
  });
  // Events main pushes reach the page through the bridge, as they reach the window in the app.
  void bridge.then((running) => services.events.on((event, payload) => running.emit(event, payload)));
  return { bridge, opened, errors };
}
