// The renderer's own origin. The app is served from a custom scheme so no
// remote origin and no file:// URL ever hosts code with the bridge.
export const APP_SCHEME = 'app';
export const APP_HOST = 'momo-console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** An IPC call is served only when it comes from a frame showing our own origin. */
export function isAppOriginUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
