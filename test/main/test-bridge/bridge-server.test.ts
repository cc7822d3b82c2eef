import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestBridge } from '../../../main/test-bridge/bridge-server';
import { startBridgeForTests } from '../../support/test-bridge';
import { startTestServices, type TestServices } from '../../support/test-services';

let bridge: TestBridge;
let opened: string[];
let services: TestServices;

beforeAll(async () => {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'momo-bridge-'));
  await mkdir(path.join(outDir, 'renderer'), { recursive: true });
  await mkdir(path.join(outDir, 'bridge'), { recursive: true });
  await writeFile(path.join(outDir, 'renderer', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  await writeFile(path.join(outDir, 'bridge', 'web-bridge.js'), 'window.momo = {};');
  services = await startTestServices();
  const started = startBridgeForTests(services, outDir);
  bridge = await started.bridge;
  opened = started.opened;
});
afterAll(async () => {
  await bridge.close();
  await services.close();
});

function connect(origin = bridge.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${bridge.origin.replace('http', 'ws')}/bridge`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: object): Promise<{ kind: string; id: number; result: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify(message));
  });
}

describe('loopback test bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(bridge.origin).hostname).toBe('127.0.0.1');
  });

  it('serves the renderer with the CSP and the bridge client injected first', async () => {
    const response = await fetch(`${bridge.origin}/index.html`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('<head><script src="/bridge-client.js"></script>');
    expect((await fetch(`${bridge.origin}/../../etc/passwd`)).status).toBe(404);
  });

  it('answers calls that carry the token and checks it on every message', async () => {
    const ws = await connect();
    const good = await call(ws, { id: 1, token: bridge.token, channel: 'getActiveProfile', args: {} });
    expect(good).toMatchObject({ kind: 'result', id: 1, result: { ok: true, value: { name: 'Local sandbox' } } });
    const bad = await call(ws, { id: 2, token: 'x'.repeat(bridge.token.length), channel: 'openExternal', args: { url: 'https://momodeveloper.mtn.com/' } });
    expect(bad).toMatchObject({ id: 2, result: { ok: false, error: { code: 'FORBIDDEN_SENDER' } } });
    const none = await call(ws, { id: 3, token: '', channel: 'openExternal', args: { url: 'https://momodeveloper.mtn.com/' } });
    expect(none.result.error?.code).toBe('FORBIDDEN_SENDER');
    expect(opened).toEqual([]);
    ws.close();
  });

  it('runs the same router: bad arguments are refused with the field named', async () => {
    const ws = await connect();
    const result = await call(ws, { id: 4, token: bridge.token, channel: 'openExternal', args: { url: 'nope' } });
    expect(result.result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('field "url"') } });
    ws.close();
  });

  it('refuses a WebSocket from another origin before the upgrade', async () => {
    await expect(connect('https://evil.example')).rejects.toThrow(/403/);
  });

  it('pushes contract events to connected pages', async () => {
    const ws = await connect();
    const received = new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
    bridge.emit('batchProgress', { batchId: 'b1', total: 2, counts: { SUCCESSFUL: 2 } });
    expect(await received).toEqual({ kind: 'event', event: 'batchProgress', payload: { batchId: 'b1', total: 2, counts: { SUCCESSFUL: 2 } } });
    expect(() => bridge.emit('batchProgress', { batchId: '', total: -1, counts: {} })).toThrow();
    ws.close();
  });
});
