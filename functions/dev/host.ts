/**
 * The local host: a small `node:http` server on the SAME route table as the Azure entry,
 * serving `/api/…`, CORS for the task pane, and the Functions host's admin route that starts
 * the timer job (`POST /admin/functions/recalculateTotals`, no key: it listens on 127.0.0.1).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorResponse, MethodNotAllowedError, NotFoundError, TooLargeError } from '../http/errors';
import { decodeUtf8 } from '../http/azure';
import type { ApiRequest, ApiResponse } from '../http/types';
import { execute, failure, routingFailure } from '../pipeline';
import { createRouter } from '../router';
import { ROUTES, TIMERS } from '../routes';
import { createServices, type ApiEnv, type Services } from '../services';
import { corsHeaders, preflightHeaders } from './cors';

export interface DevHostOptions {
  port?: number;
  host?: string;
  env: ApiEnv;
  /** For tests: the clock, the log and the store. */
  services?: Partial<Pick<Services, 'now' | 'log' | 'store'>>;
}

export interface DevHost {
  url: string;
  close(): Promise<void>;
}

function toApiRequest(req: IncomingMessage, url: URL, path: string): ApiRequest {
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    query: url.searchParams,
    origin: `http://${req.headers.host ?? 'localhost'}`,
    header: (name) => {
      const v = req.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(', ') : v;
    },
    readBody(limitBytes) {
      return new Promise<string>((resolve, reject) => {
        const declared = Number(req.headers['content-length'] ?? '0');
        if (declared > limitBytes) {
          reject(new TooLargeError());
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let failed = false;
        req.on('data', (chunk: Buffer) => {
          if (failed) return;
          size += chunk.length;
          if (size > limitBytes) {
            failed = true;
            reject(new TooLargeError());
            return;
          }
          chunks.push(chunk);
        });
        req.on('end', () => {
          if (failed) return;
          try {
            resolve(decodeUtf8(Buffer.concat(chunks)));
          } catch (err) {
            reject(err);
          }
        });
        req.on('error', (err) => {
          if (!failed) reject(err);
        });
      });
    },
  };
}

/** How long `close()` lets requests in flight finish. */
const CLOSE_GRACE_MS = 5_000;

/** The most of an over-limit body read (and dropped) so the client can see the 413. */
export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 30_000;

/**
 * Reads and drops the rest of a request's body, so that the answer reaches the client (a
 * server that closes with a body unread makes the client's write fail — EPIPE, ECONNRESET — before it
 * reads the answer). True once the body has ended; false past the byte or time limit.
 */
function drain(req: IncomingMessage, limitBytes = DRAIN_LIMIT_BYTES, timeoutMs = DRAIN_TIMEOUT_MS): Promise<boolean> {
  if (req.complete) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (ended: boolean): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(ended);
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.length;
      if (seen > limitBytes) finish(false);
    };
    const onEnd = (): void => finish(true);
    const onError = (): void => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.resume();
  });
}

function send(res: ServerResponse, response: ApiResponse, extraHeaders: Record<string, string>, closeConnection: boolean): void {
  const headers: Record<string, string> = { ...extraHeaders, ...response.headers };
  let payload: string | Uint8Array | undefined;
  if (response.bytes !== undefined) {
    payload = response.bytes;
    headers['Content-Length'] = String(response.bytes.byteLength);
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['Content-Type'] = 'application/json; charset=utf-8';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  if (closeConnection) headers.Connection = 'close';
  res.writeHead(response.status, headers);
  res.end(payload);
}

export async function startDevHost(opts: DevHostOptions): Promise<DevHost> {
  const services = createServices(opts.env, opts.services);
  const router = createRouter(ROUTES);
  const corsOrigins = opts.env.CORS_ORIGINS;
  const recalc = TIMERS.find((t) => t.name === 'recalculateTotals');

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
      const method = (req.method ?? 'GET').toUpperCase();
      if (method === 'OPTIONS') {
        req.resume();
        send(res, { status: 204 }, preflightHeaders(corsOrigins, origin), false);
        return;
      }
      const cors = corsHeaders(corsOrigins, origin);
      const apiMatch = /^\/api(\/.*)?$/.exec(url.pathname);
      let response: ApiResponse;
      if (url.pathname === '/admin/functions/recalculateTotals' && recalc) {
        if (method !== 'POST') response = errorResponse(new MethodNotAllowedError(['POST']));
        else {
          void recalc.run(services).catch((err: unknown) =>
            services.log('recalculateTotals failed', { error: err instanceof Error ? err.message : String(err) }),
          );
          response = { status: 202 };
        }
      } else if (!apiMatch) {
        response = errorResponse(new NotFoundError());
      } else {
        const apiReq = toApiRequest(req, url, apiMatch[1] ?? '/');
        try {
          const { route, params } = router.match(method, apiReq.path);
          response = await execute(route, apiReq, params, services);
        } catch (err) {
          response = await routingFailure(err, apiReq, services);
        }
      }
      // The body's rest (unread, or refused as too large) is read and dropped before answering.
      const ended = await drain(req);
      send(res, response, cors, !ended);
    })().catch((err: unknown) => {
      services.log('dev host failure', { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) send(res, failure(err, null, services), {}, true);
    });
  });
  // Idle keep-alive connections are closed by the client first (Node's fetch after 4 s): a
  // server that closes at the same moment races a request being sent on that socket, and the
  // client sees ECONNRESET ("fetch failed") — seen under load in the fuzz and roll-up tests.
  // As load balancers do, the server waits longer than any client (65 s).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostText = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostText}:${address.port}`,
    // No new connections; idle ones close now, requests in flight get CLOSE_GRACE_MS to finish.
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      }),
  };
}
