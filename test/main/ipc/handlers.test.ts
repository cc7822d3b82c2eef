import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../main/ipc/app-error';
import { createHandlers } from '../../../main/ipc/handlers';
import packageJson from '../../../package.json';

const runtime = { node: process.versions.node, electron: null, chrome: null };

describe('handlers', () => {
  it('reports the app version from package.json and the front door', async () => {
    const handlers = createHandlers({ frontDoor: 'test-bridge', dataDir: '/data', runtime, openUrl: vi.fn() });
    expect(await handlers.getAppInfo({})).toMatchObject({ name: 'MoMo Console', version: packageJson.version, frontDoor: 'test-bridge', dataDir: '/data' });
  });

  it('opens only allow-listed https URLs', async () => {
    const openUrl = vi.fn(async () => {});
    const handlers = createHandlers({ frontDoor: 'electron', dataDir: '/data', runtime, openUrl });
    await expect(handlers.openExternal({ url: 'https://momodeveloper.mtn.com/products' })).resolves.toEqual({ opened: true });
    await expect(handlers.openExternal({ url: 'http://momodeveloper.mtn.com/' })).rejects.toBeInstanceOf(AppError);
    await expect(handlers.openExternal({ url: 'https://momodeveloper.mtn.com.evil.example/' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(openUrl).toHaveBeenCalledTimes(1);
    expect(openUrl).toHaveBeenCalledWith('https://momodeveloper.mtn.com/products');
  });
});
