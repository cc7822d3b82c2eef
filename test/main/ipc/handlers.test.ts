import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../main/ipc/app-error';
import { createHandlers } from '../../../main/ipc/handlers';
import { createLocalSandboxService } from '../../../main/sandbox/local-sandbox-service';
import packageJson from '../../../package.json';
import { startTestServices, type TestServices } from '../../support/test-services';

const runtime = { node: process.versions.node, electron: null, chrome: null };
let services: TestServices;
beforeAll(async () => {
  services = await startTestServices({ dataDir: '/tmp/momo-handlers-data' });
});
afterAll(() => services.close());

describe('handlers', () => {
  it('reports the app version from package.json and the front door', async () => {
    const handlers = createHandlers({ frontDoor: 'test-bridge', services, runtime, openUrl: vi.fn() });
    expect(await handlers.getAppInfo({})).toMatchObject({ name: 'MoMo Console', version: packageJson.version, frontDoor: 'test-bridge', dataDir: '/tmp/momo-handlers-data' });
  });

  it('opens only allow-listed https URLs', async () => {
    const openUrl = vi.fn(async () => {});
    const handlers = createHandlers({ frontDoor: 'electron', services, runtime, openUrl });
    await expect(handlers.openExternal({ url: 'https://momodeveloper.mtn.com/products' })).resolves.toEqual({ opened: true });
    await expect(handlers.openExternal({ url: 'http://momodeveloper.mtn.com/' })).rejects.toBeInstanceOf(AppError);
    await expect(handlers.openExternal({ url: 'https://momodeveloper.mtn.com.evil.example/' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(openUrl).toHaveBeenCalledTimes(1);
    expect(openUrl).toHaveBeenCalledWith('https://momodeveloper.mtn.com/products');
  });

  it('reports the local sandbox as it starts, runs and stops', async () => {
    const service = createLocalSandboxService({ completeAfterMs: 0 });
    const handlers = createHandlers({ frontDoor: 'electron', services: { ...services, localSandbox: service }, runtime, openUrl: vi.fn() });
    expect(await handlers.getLocalSandbox({})).toEqual({ state: 'stopped', url: null, environment: 'sandbox', message: null });
    await service.start();
    const running = await handlers.getLocalSandbox({});
    expect(running).toMatchObject({ state: 'running', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    const gateway = await fetch(`${running.url}/collection/token/`, { method: 'POST' });
    expect(gateway.status).toBe(401);
    await service.stop();
    expect((await handlers.getLocalSandbox({})).state).toBe('stopped');
    await expect(fetch(`${running.url}/collection/token/`, { method: 'POST' })).rejects.toThrow();
  });

  it('says plainly when the local sandbox cannot start', async () => {
    const blocker = createLocalSandboxService();
    await blocker.start();
    const port = Number(new URL(blocker.status().url ?? '').port);
    const service = createLocalSandboxService({ port });
    await service.start();
    expect(service.status()).toMatchObject({ state: 'failed', message: expect.stringContaining('could not start') });
    await blocker.stop();
  });
});
