// The callback receiver as a saved setting, through the real router: turned on
// at a port it listens there (and survives a restart), moved, turned off; a
// port in use or out of range changes nothing; a port fixed for the process
// cannot be changed from the window.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { channels } from '../../../preload/contract';
import { createHandlers } from '../../../main/ipc/handlers';
import { createRouter } from '../../../main/ipc/router';
import { startTestServices, type TestServices } from '../../support/test-services';

const ORIGIN = 'app://momo-console/index.html';
const open: TestServices[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

async function console_(options: { dataDir?: string; callbackPort?: number | 'saved' } = {}) {
  const services = await startTestServices({ callbackPort: 'saved', ...options });
  open.push(services);
  const router = createRouter(channels, createHandlers({ frontDoor: 'electron', services, runtime: { node: '24', electron: null, chrome: null }, openUrl: async () => {} }), {
    isTrustedSender: (url) => url === ORIGIN,
    logger: { error: () => {}, warn: () => {} },
  });
  const call = (channel: 'getCallbackReceiver' | 'setCallbackReceiver', args: unknown) => router.handle(channel, ORIGIN, args) as Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }>;
  return { services, call };
}

/** A port free right now, found by letting the OS pick one, above 1024. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ externalId: 'nobody' }) });

describe('callback receiver setting', () => {
  it('is off on a fresh install; turned on it listens at that port, and again after a restart', async () => {
    const first = await console_();
    expect((await first.call('getCallbackReceiver', {})).value).toEqual({ running: false, callbackUrl: null, port: null, source: 'setting', problem: null });
    const port = await freePort();
    const on = await first.call('setCallbackReceiver', { port });
    expect(on.value).toEqual({ running: true, callbackUrl: `http://127.0.0.1:${port}/momo/callback`, port, source: 'setting', problem: null });
    expect(await (await post(`http://127.0.0.1:${port}/momo/callback`)).json()).toEqual({ dropped: true });
    const dataDir = first.services.dataDir;
    await first.services.close();
    open.splice(0);
    const again = await console_({ dataDir });
    expect((await again.call('getCallbackReceiver', {})).value).toMatchObject({ running: true, port });
    expect((await post(`http://127.0.0.1:${port}/momo/callback`)).status).toBe(200);
  });

  it('moves to another port (the old one is let go) and turns off', async () => {
    const { call } = await console_();
    const [a, b] = [await freePort(), await freePort()];
    await call('setCallbackReceiver', { port: a });
    expect((await call('setCallbackReceiver', { port: b })).value).toMatchObject({ running: true, port: b });
    await expect(post(`http://127.0.0.1:${a}/momo/callback`)).rejects.toThrow();
    expect((await post(`http://127.0.0.1:${b}/momo/callback`)).status).toBe(200);
    expect((await call('setCallbackReceiver', { port: null })).value).toMatchObject({ running: false, port: null, callbackUrl: null });
    await expect(post(`http://127.0.0.1:${b}/momo/callback`)).rejects.toThrow();
  });

  it('a port in use is refused in plain words, and the receiver and the saved port stay as they were', async () => {
    const { services, call } = await console_();
    const mine = await freePort();
    await call('setCallbackReceiver', { port: mine });
    const taken = await occupy(await freePort());
    try {
      const busyPort = (taken.address() as { port: number }).port;
      const refused = await call('setCallbackReceiver', { port: busyPort });
      expect(refused).toMatchObject({ ok: false, error: { code: 'PORT_UNAVAILABLE', message: `Port ${busyPort} is already in use by another program; choose another port.` } });
      expect((await call('getCallbackReceiver', {})).value).toMatchObject({ running: true, port: mine });
      expect((await post(`http://127.0.0.1:${mine}/momo/callback`)).status).toBe(200);
      // A saved port that is taken at the next start is reported, and the console still starts.
      const dataDir = services.dataDir;
      await services.close();
      open.splice(0);
      const blocker = await occupy(mine);
      try {
        const again = await console_({ dataDir });
        expect((await again.call('getCallbackReceiver', {})).value).toEqual({ running: false, callbackUrl: null, port: mine, source: 'setting', problem: `Port ${mine} is already in use by another program; choose another port.` });
      } finally {
        blocker.close();
      }
    } finally {
      taken.close();
    }
  });

  it('a port out of range is refused naming the field; a port fixed for this process cannot be changed', async () => {
    const { call } = await console_();
    const low = await call('setCallbackReceiver', { port: 80 });
    expect(low).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(low.error?.message).toMatch(/port.*1024 to 65535/);
    expect((await call('getCallbackReceiver', {})).value).toMatchObject({ running: false, port: null });
    const fixed = await console_({ callbackPort: 0 });
    expect((await fixed.call('getCallbackReceiver', {})).value).toMatchObject({ running: true, source: 'process' });
    expect(await fixed.call('setCallbackReceiver', { port: await freePort() })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});
