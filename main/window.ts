// Electron glue for the main window and its session: the security settings
// that can only be applied to live Electron objects.
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, isAppOriginUrl } from './security/app-origin';
import { isAllowedExternalUrl } from './security/external-links';
import { mainWindowOptions } from './security/window-options';

/** Deny every permission (camera, notifications, clipboard, USB, …): the console needs none. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** No navigation away from the app, no new windows, no webviews, for any web contents. */
export function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppOriginUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppOriginUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function createMainWindow(preloadPath: string, iconPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, iconPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
