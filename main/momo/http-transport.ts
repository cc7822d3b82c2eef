// The wire: axios over keep-alive agents, a connect timeout and a total
// timeout per request, one log line per call and a redacted copy of every
// exchange. It knows whether a failed request left this machine, because that
// alone decides whether a failure is safe to send again or must be checked.
import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { Logger } from '../logging/logger';
import type { Exchange } from './exchange';
import { MomoTransportError } from './momo-errors';
import { redactBody, redactHeaders, type SecretScrubber } from './redaction';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpTimeouts {
  /** Time to open the connection (TCP, and TLS for https). */
  connectTimeoutMs: number;
  /** Time from the start of the request to the whole answer. */
  requestTimeoutMs: number;
}

export interface MomoHttpOptions extends HttpTimeouts {
  baseUrl: string;
  maxSockets: number;
  /** PEM certificates to trust instead of the system's: the local emulator over https, or a TLS-inspecting proxy. */
  trustedCertificates?: string;
  logger: Logger;
  scrubber: SecretScrubber;
  onExchange?: (exchange: Exchange) => void;
  now: () => number;
}

export interface HttpCall {
  method: HttpMethod;
  /** The path template, for logs and errors: `/disbursement/v1_0/transfer/{referenceId}`. */
  endpoint: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  referenceId?: string | null;
  timeouts?: Partial<HttpTimeouts>;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
  exchange: Exchange;
}

/** What happened to the connection while one request was under way. */
interface WireState {
  connected: boolean;
  failure: 'connect-timeout' | 'request-timeout' | null;
}

const NOT_TRUSTED = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

export class MomoHttp {
  private readonly axios: AxiosInstance;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: MomoHttpOptions) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, scheduling: 'lifo' as const, timeout: 30_000 };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent({ ...agentOptions, ...(options.trustedCertificates ? { ca: options.trustedCertificates } : {}) });
    this.axios = axios.create({
      baseURL: options.baseUrl,
      httpAgent: this.httpAgent,
      httpsAgent: this.httpsAgent,
      // MoMo never redirects; following one could carry the credentials elsewhere.
      maxRedirects: 0,
      // Profiles name the host; an ambient HTTP(S)_PROXY must not reroute money.
      proxy: false,
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxContentLength: 1_048_576,
      maxBodyLength: 1_048_576,
    });
  }

  async send(call: HttpCall): Promise<HttpAnswer> {
    const { logger, scrubber, now } = this.options;
    const connectTimeoutMs = call.timeouts?.connectTimeoutMs ?? this.options.connectTimeoutMs;
    const requestTimeoutMs = call.timeouts?.requestTimeoutMs ?? this.options.requestTimeoutMs;
    const state: WireState = { connected: false, failure: null };
    const abort = new AbortController();
    const timer = setTimeout(() => {
      state.failure ??= 'request-timeout';
      abort.abort();
    }, requestTimeoutMs);
    const started = now();
    const referenceId = call.referenceId ?? null;
    const request = {
      headers: redactHeaders(call.headers, scrubber),
      body: redactBody(call.body ?? null, scrubber),
    };
    const exchangeOf = (response: Exchange['response'], failure: string | null): Exchange => ({
      startedAt: new Date(started).toISOString(),
      durationMs: now() - started,
      method: call.method,
      endpoint: call.endpoint,
      path: scrubber.scrub(call.path),
      referenceId,
      request,
      response,
      failure,
    });

    try {
      const response = await this.axios.request<string>({
        method: call.method,
        url: call.path,
        headers: call.headers,
        data: call.body,
        signal: abort.signal,
        transport: trackedTransport(this.options.baseUrl.startsWith('https:'), state, connectTimeoutMs),
      });
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]));
      const body = typeof response.data === 'string' && response.data !== '' ? response.data : null;
      const exchange = exchangeOf({ status: response.status, headers: redactHeaders(headers, scrubber), body: redactBody(body, scrubber) }, null);
      logger.info({ call: { method: call.method, endpoint: call.endpoint, status: response.status, durationMs: exchange.durationMs, referenceId } }, 'momo call');
      this.options.onExchange?.(exchange);
      return { status: response.status, headers, body, exchange };
    } catch (error) {
      const failure = describeFailure(error, state, connectTimeoutMs, requestTimeoutMs);
      const exchange = exchangeOf(null, scrubber.scrub(failure.reason));
      logger.warn({ call: { method: call.method, endpoint: call.endpoint, status: null, durationMs: exchange.durationMs, referenceId, failure: failure.code } }, 'momo call failed');
      this.options.onExchange?.(exchange);
      const message = `${call.method} ${call.endpoint} got no answer: ${scrubber.scrub(failure.reason)}${referenceId ? ` (reference ${referenceId})` : ''}`;
      throw new MomoTransportError(
        message,
        { classification: failure.classification, endpoint: `${call.method} ${call.endpoint}`, code: failure.code, referenceId, exchange },
        state.connected,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}

/**
 * Opens the request with node's http(s) and watches its socket: the connect
 * timer runs until the connection is up, and once it is, anything that goes
 * wrong may have happened after MoMo read the request.
 */
function trackedTransport(secure: boolean, state: WireState, connectTimeoutMs: number) {
  return {
    request(options: http.RequestOptions, onResponse: (res: http.IncomingMessage) => void): http.ClientRequest {
      const req = (secure ? https : http).request(options, onResponse);
      req.on('socket', (socket) => {
        // A socket from the keep-alive pool is already connected (and, for https, past its handshake).
        if (!socket.connecting) {
          state.connected = true;
          return;
        }
        const timer = setTimeout(() => {
          state.failure = 'connect-timeout';
          req.destroy(Object.assign(new Error(`could not connect within ${connectTimeoutMs} ms`), { code: 'ECONNECT_TIMEOUT' }));
        }, connectTimeoutMs);
        socket.once(secure ? 'secureConnect' : 'connect', () => {
          clearTimeout(timer);
          state.connected = true;
        });
        socket.once('close', () => clearTimeout(timer));
      });
      return req;
    },
  };
}

interface Failure {
  code: string;
  reason: string;
  classification: 'ambiguous' | 'retryable' | 'definitive';
}

function describeFailure(error: unknown, state: WireState, connectTimeoutMs: number, requestTimeoutMs: number): Failure {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? 'UNKNOWN';
  if (state.failure === 'request-timeout') {
    return state.connected
      ? { code: 'REQUEST_TIMEOUT', reason: `no answer within ${requestTimeoutMs} ms after the request was sent`, classification: 'ambiguous' }
      : { code: 'CONNECT_TIMEOUT', reason: `could not connect within ${requestTimeoutMs} ms`, classification: 'retryable' };
  }
  if (state.failure === 'connect-timeout') return { code: 'CONNECT_TIMEOUT', reason: `could not connect within ${connectTimeoutMs} ms`, classification: 'retryable' };
  if (NOT_TRUSTED.has(code)) return { code, reason: `the server's certificate is not trusted (${code})`, classification: 'definitive' };
  const text = error instanceof Error ? error.message : String(error);
  if (!state.connected) return { code, reason: `could not connect (${code}: ${text})`, classification: 'retryable' };
  return { code, reason: `the connection failed after the request was sent (${code}: ${text})`, classification: 'ambiguous' };
}
