// Maps an app:// request (or a test-bridge request path) to a file inside the
// built renderer folder. Anything
// that would leave that folder (.., encoded separators, absolute paths, other
// hosts) resolves to null and is answered 404.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface ResolvedAsset {
  filePath: string;
  mimeType: string;
}

export function resolveAppAsset(rootDir: string, requestUrl: string): ResolvedAsset | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  return resolveRendererAsset(rootDir, url.pathname);
}

/** Resolves a URL path (still percent-encoded) to a file under rootDir, or null. */
export function resolveRendererAsset(rootDir: string, encodedPathname: string): ResolvedAsset | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(encodedPathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) return null;
  const mimeType = MIME_TYPES[path.extname(filePath).toLowerCase()];
  if (!mimeType) return null;
  return { filePath, mimeType };
}
