// The loopback test bridge: serves the built renderer and the same IPC router
// over a WebSocket on 127.0.0.1, so the real renderer runs in plain Chromium
// for end-to-end tests and `npm run preview:web`. Not packaged into the app.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { channels, events, type EventName, type EventPayload } from '../../preload/contract';
import type { Handlers, RouterLogger } from '../ipc/router';
import { createRouter } from '../ipc/router';
import { resolveRendererAsset } from '../security/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM, bridgeRequestSchema, type BridgeServerMessage } from '../../preload/bridge-protocol';

export interface TestBridgeOptions {
  rendererDir: string;
  /** The bundled browser script that installs window.momo over the socket. */
  clientScriptPath: string;
  handlers: Handlers;
  logger: RouterLogger;
  port?: number;
}

export interface TestBridge {
  origin: string;
  token: string;
  /** The page to open: the token travels in the fragment, which is never sent to a server. */
  pageUrl: string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

const CLIENT_SCRIPT_PATH = '/bridge-client.js';
/** Room for a 20 MB payout file as base64, the largest thing the contract carries. */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export async function startTestBridge(options: TestBridgeOptions): Promise<TestBridge> {
  const token = randomBytes(24).toString('hex');
  const tokenBuffer = Buffer.from(token);
  let origin = '';
  const router = createRouter(channels, options.handlers, {
    isTrustedSender: (senderUrl) => senderUrl === origin,
    logger: options.logger,
  });

  const server = http.createServer((request, response) => {
    void serveAsset(options, request, response);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', origin).pathname;
    // Browsers always send Origin on a WebSocket handshake: a page of another
    // origin (any website in the same browser) is refused before the upgrade.
    if (path !== BRIDGE_PATH || request.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const senderOrigin = request.headers.origin;
      ws.on('message', (data) => void onMessage(ws, senderOrigin, data.toString()));
    });
  });

  async function onMessage(ws: WebSocket, senderOrigin: string | undefined, text: string): Promise<void> {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      ws.close(1003, 'malformed message');
      return;
    }
    const parsed = bridgeRequestSchema.safeParse(raw);
    if (!parsed.success) {
      ws.close(1003, 'malformed message');
      return;
    }
    const { id, channel, args } = parsed.data;
    const given = Buffer.from(parsed.data.token);
    const tokenOk = given.length === tokenBuffer.length && timingSafeEqual(given, tokenBuffer);
    const result = tokenOk
      ? await router.handle(channel, senderOrigin, args)
      : { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'The test bridge token is missing or wrong.' } };
    send(ws, { kind: 'result', id, result });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    token,
    pageUrl: `${origin}/index.html#${BRIDGE_TOKEN_PARAM}=${token}`,
    emit(event, payload) {
      const checked = events[event].parse(payload);
      for (const ws of sockets.clients) send(ws, { kind: 'event', event, payload: checked });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets.clients) ws.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(ws: WebSocket, message: BridgeServerMessage): void {
  ws.send(JSON.stringify(message));
}

async function serveAsset(options: TestBridgeOptions, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, headers).end();
    return;
  }
  const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  try {
    if (pathname === CLIENT_SCRIPT_PATH) {
      const body = await readFile(options.clientScriptPath);
      response.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(body);
      return;
    }
    const asset = resolveRendererAsset(options.rendererDir, pathname);
    if (!asset) {
      response.writeHead(404, headers).end();
      return;
    }
    let body: Buffer | string = await readFile(asset.filePath);
    if (asset.mimeType.startsWith('text/html')) {
      // The bridge client must define window.momo before the app's module runs.
      body = body.toString('utf8').replace('<head>', `<head><script src="${CLIENT_SCRIPT_PATH}"></script>`);
    }
    response.writeHead(200, { ...headers, 'content-type': asset.mimeType }).end(body);
  } catch {
    response.writeHead(404, headers).end();
  }
}
