import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppOriginUrl } from '../../../main/security/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../main/security/content-security-policy';
import { mainWindowOptions } from '../../../main/security/window-options';

describe('main window security', () => {
  const options = mainWindowOptions('/app/out/preload/index.js', '/app/assets/icon.png');

  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('leaves web security on', () => {
    expect(options.webPreferences?.webSecurity).not.toBe(false);
  });

  it('opens at a size where the frame is readable', () => {
    expect(options.width).toBeGreaterThanOrEqual(1280);
    expect(options.height).toBeGreaterThanOrEqual(800);
  });

  it('trusts only its own app:// origin', () => {
    expect(isAppOriginUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppOriginUrl('app://momo-console/deep/page.html')).toBe(true);
    expect(isAppOriginUrl('app://evil/index.html')).toBe(false);
    expect(isAppOriginUrl('https://momo-console/index.html')).toBe(false);
    expect(isAppOriginUrl('file:///index.html')).toBe(false);
    expect(isAppOriginUrl(undefined)).toBe(false);
  });

  it('has a CSP with no remote origin and no inline or eval script', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
