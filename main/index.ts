// Electron entry point: lifecycle, the app:// protocol, the IPC router wiring
// and fatal-error reporting. Everything it calls runs in plain Node too.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { channels, ipcChannel, ipcEventChannel, type ChannelName } from '../preload/contract';
import { resolveDataDir } from './data-dir';
import { createHandlers } from './ipc/handlers';
import { createRouter } from './ipc/router';
import { createLogger } from './logging/logger';
import { createAppServices, type AppServices } from './app-services';
import { describeFatalError } from './logging/fatal-error';
import { APP_SCHEME, isAppOriginUrl } from './security/app-origin';
import { resolveAppAsset } from './security/app-protocol';
import { CONTENT_SECURITY_POLICY } from './security/content-security-policy';
import { createMainWindow, lockDownSession, lockDownWebContents } from './window';

const dataDir = resolveDataDir();
app.setPath('userData', dataDir);
const logger = createLogger();
let services: AppServices | null = null;

function reportFatal(kind: string, error: unknown): void {
  logger.fatal({ err: error, kind }, 'uncaught error in main');
  const { title, body } = describeFatalError(kind, error);
  if (app.isReady()) dialog.showErrorBox(title, body);
}
process.on('uncaughtException', (error) => reportFatal('uncaughtException', error));
process.on('unhandledRejection', (reason) => reportFatal('unhandledRejection', reason));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const rendererDir = path.join(__dirname, '..', 'renderer');
  const openMainWindow = () => {
    mainWindow = createMainWindow(path.join(__dirname, '..', 'preload', 'index.js'), path.join(__dirname, '..', '..', 'assets', 'icon.png'));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app.on('will-quit', () => {
    void services?.close();
  });

  void app.whenReady().then(async () => {
    lockDownSession(session.defaultSession);
    protocol.handle(APP_SCHEME, async (request) => {
      const asset = resolveAppAsset(rendererDir, request.url);
      if (!asset) return new Response('Not found', { status: 404 });
      try {
        const body = await readFile(asset.filePath);
        return new Response(body, {
          headers: { 'content-type': asset.mimeType, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
        });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });

    // The callback receiver listens on the port saved in Settings; MOMO_CALLBACK_PORT fixes one for this start (MoMo reaches it through a tunnel).
    const envPort = process.env.MOMO_CALLBACK_PORT ? Number(process.env.MOMO_CALLBACK_PORT) : undefined;
    services = await createAppServices({ dataDir, logger, callbackPort: envPort !== undefined && Number.isInteger(envPort) ? envPort : 'saved' });
    const router = createRouter(
      channels,
      createHandlers({
        frontDoor: 'electron',
        services,
        runtime: { node: process.versions.node, electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null },
        openUrl: (url) => shell.openExternal(url),
      }),
      { isTrustedSender: isAppOriginUrl, logger },
    );
    for (const name of router.channels) {
      ipcMain.handle(ipcChannel(name as ChannelName), (event, payload: unknown) => router.handle(name, event.senderFrame?.url, payload));
    }
    services.events.on((event, payload) => mainWindow?.webContents.send(ipcEventChannel(event), payload));
    openMainWindow();
    // Batches that were running when the app last stopped are reconciled (GET before anything new is sent) and carried on.
    services.runs.recoverAll();
    services.startBackground();
    const { localSandbox } = services;
    await localSandbox.start();
    const sandboxStatus = localSandbox.status();
    if (sandboxStatus.state === 'failed') logger.error({ message: sandboxStatus.message }, 'local sandbox did not start');
    else logger.info({ url: sandboxStatus.url }, 'local sandbox running');
  });
}
