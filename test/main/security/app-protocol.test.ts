import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset, resolveRendererAsset } from '../../../main/security/app-protocol';

const root = path.resolve('/opt/momo/out/renderer');

describe('app:// protocol resolution', () => {
  it('serves files inside the renderer folder with their type', () => {
    expect(resolveAppAsset(root, 'app://momo-console/index.html')).toEqual({ filePath: path.join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppAsset(root, 'app://momo-console/')).toMatchObject({ filePath: path.join(root, 'index.html') });
    expect(resolveAppAsset(root, 'app://momo-console/assets/index-abc.js?v=1')).toMatchObject({ filePath: path.join(root, 'assets', 'index-abc.js'), mimeType: 'text/javascript; charset=utf-8' });
  });

  it.each(['app://momo-console/../main/index.js', 'app://momo-console/%2e%2e/%2e%2e/etc/passwd.html'])(
    'keeps %s inside the renderer folder (the URL parser folds the dots)',
    (url) => {
      const asset = resolveAppAsset(root, url);
      expect(asset === null || asset.filePath.startsWith(root + path.sep)).toBe(true);
    },
  );

  it.each(['/../main/index.js', '/assets/../../secret.json', '/%2e%2e/%2e%2e/etc/passwd.html', '/..%2f..%2fmain.js', '//etc/passwd.html'])(
    'refuses the raw path %s that would leave the folder',
    (pathname) => {
      const asset = resolveRendererAsset(root, pathname);
      expect(asset === null || asset.filePath.startsWith(root + path.sep)).toBe(true);
      if (!pathname.startsWith('//')) expect(asset).toBeNull();
    },
  );

  it.each([
    'app://momo-console/assets/..%2f..%2f..%2fsecret.json',
    'app://momo-console/..%5c..%5csecret.js',
    'app://momo-console/index.html%00.js',
    'app://momo-console/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'https://momo-console/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it('refuses files of types it does not serve', () => {
    expect(resolveAppAsset(root, 'app://momo-console/keys.pem')).toBeNull();
    expect(resolveAppAsset(root, 'app://momo-console/assets')).toBeNull();
  });
});
