import { describe, expect, it, vi } from 'vitest';
import { channelNames, channels } from '../../../preload/contract';
import { AppError } from '../../../main/ipc/app-error';
import { createRouter, type Handlers } from '../../../main/ipc/router';

const APP_URL = 'app://momo-console/index.html';

function setup(overrides: Partial<Handlers> = {}) {
  const logger = { error: vi.fn(), warn: vi.fn() };
  const unused = Object.fromEntries(
    channelNames.map((name) => [
      name,
      () => {
        throw new Error(`${name} is not used in this test`);
      },
    ]),
  ) as unknown as Handlers;
  const handlers: Handlers = {
    ...unused,
    getAppInfo: () => ({
      name: 'MoMo Console',
      version: '1.0.0',
      frontDoor: 'electron',
      runtime: { node: '24.0.0', electron: '45.0.0', chrome: '140.0' },
      platform: 'linux',
      dataDir: '/tmp/x',
    }),
    getActiveProfile: () => ({ id: 'local-sandbox', name: 'Local sandbox', kind: 'local', environment: 'sandbox', currency: 'EUR' }),
    getLocalSandbox: () => ({ state: 'stopped', url: null, environment: 'sandbox', message: null }),
    openExternal: vi.fn(async () => ({ opened: true as const })),
    ...overrides,
  };
  const router = createRouter(channels, handlers, { isTrustedSender: (url) => url === APP_URL, logger });
  return { router, handlers, logger };
}

describe('ipc router', () => {
  it('serves a call from the app origin with the handler result', async () => {
    const { router } = setup();
    const result = await router.handle('getActiveProfile', APP_URL, {});
    expect(result).toEqual({ ok: true, value: { id: 'local-sandbox', name: 'Local sandbox', kind: 'local', environment: 'sandbox', currency: 'EUR' } });
  });

  it('refuses a call from a foreign origin without running the handler', async () => {
    const openExternal = vi.fn(async () => ({ opened: true as const }));
    const { router, logger } = setup({ openExternal });
    for (const sender of ['https://evil.example/index.html', 'file:///tmp/index.html', undefined]) {
      const result = await router.handle('openExternal', sender, { url: 'https://momodeveloper.mtn.com/' });
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } });
    }
    expect(openExternal).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(3);
  });

  it('refuses a malformed argument with an error that names the field', async () => {
    const openExternal = vi.fn(async () => ({ opened: true as const }));
    const { router } = setup({ openExternal });
    const result = await router.handle('openExternal', APP_URL, { url: 42 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_ARGUMENT');
    expect(result.error.message).toContain('field "url"');
    expect(result.error.details).toEqual([{ path: 'url', message: expect.any(String) }]);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses extra fields and missing arguments', async () => {
    const { router } = setup();
    const extra = await router.handle('getAppInfo', APP_URL, { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const missing = await router.handle('openExternal', APP_URL, undefined);
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('refuses a channel the contract does not have, including inherited names', async () => {
    const { router } = setup();
    for (const channel of ['deleteEverything', 'toString', '__proto__', 'constructor']) {
      expect(await router.handle(channel, APP_URL, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('passes an AppError through as code and message, with no stack', async () => {
    const { router } = setup({
      openExternal: async () => {
        throw new AppError('NOT_ALLOWED', 'Only MTN pages.', { host: 'evil.example' });
      },
    });
    const result = await router.handle('openExternal', APP_URL, { url: 'https://evil.example/' });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_ALLOWED', message: 'Only MTN pages.', details: { host: 'evil.example' } } });
  });

  it('shapes an unexpected thrown error into INTERNAL without leaking its message or stack', async () => {
    const { router, logger } = setup({
      getAppInfo: () => {
        throw new Error('secret path /home/finance/key.pem exploded');
      },
    });
    const result = await router.handle('getAppInfo', APP_URL, {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'MoMo Console hit an internal error. It has been logged.' } });
    expect(JSON.stringify(result)).not.toContain('key.pem');
    expect(JSON.stringify(result)).not.toContain('at ');
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('refuses a handler result that breaks the contract', async () => {
    const { router, logger } = setup({
      getActiveProfile: () => ({ name: 'x', kind: 'mainframe', environment: 'sandbox', currency: 'EUR' }) as never,
    });
    const result = await router.handle('getActiveProfile', APP_URL, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('lists exactly the contract channels', () => {
    const { router } = setup();
    expect([...router.channels].sort()).toEqual(Object.keys(channels).sort());
  });
});
