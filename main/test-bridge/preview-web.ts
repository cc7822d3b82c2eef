// `npm run preview:web`: the real renderer and main services in a browser tab,
// through the loopback test bridge. For development; not packaged.
import path from 'node:path';
import { resolveDataDir } from '../data-dir';
import { createHandlers } from '../ipc/handlers';
import { createLogger } from '../logging/logger';
import { createAppServices } from '../app-services';
import { startTestBridge } from './bridge-server';

async function main(): Promise<void> {
  const logger = createLogger();
  const outDir = path.join(__dirname, '..');
  const services = await createAppServices({ dataDir: resolveDataDir(), logger, callbackPort: 'saved' });
  await services.localSandbox.start();
  const bridge = await startTestBridge({
    rendererDir: path.join(outDir, 'renderer'),
    clientScriptPath: path.join(outDir, 'bridge', 'web-bridge.js'),
    logger,
    port: Number(process.env.PORT ?? 0),
    handlers: createHandlers({
      frontDoor: 'test-bridge',
      services,
      runtime: { node: process.versions.node, electron: null, chrome: null },
      openUrl: async (url) => {
        logger.info({ url }, 'preview cannot open a browser; open this link yourself');
      },
    }),
  });
  services.events.on((event, payload) => bridge.emit(event, payload));
  services.startBackground();
  process.stdout.write(`MoMo Console web preview: ${bridge.pageUrl}\n`);
  const stop = () => void Promise.all([bridge.close(), services.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
