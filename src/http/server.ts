/**
 * The bot's HTTP server: liveness (/healthz), readiness (/readyz, which checks the database
 * and Redis), and room for platform webhooks that later channels register.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/logger.js';
import { HttpPortInUseError } from '../errors.js';

/** A dependency /readyz checks; `check` rejects when it is not usable. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

/** Handles one request on a registered route. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A running HTTP server. */
export interface HttpServer {
  server: Server;
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  /** Registers a handler for an exact method and path. */
  route(method: string, path: string, handler: RouteHandler): void;
  /** Registers a handler for every path starting with `prefix` (e.g. "/lampiran/"), when no exact route matches. */
  routePrefix(method: string, prefix: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Limits on slow or idle clients (issue 14, the edges): a client gets 10 s to send its headers and
 * 30 s for the whole request; an idle keep-alive connection is closed after 5 s. Webhooks and
 * readiness probes need far less; a slow client cannot hold a socket open for long.
 */
export const SERVER_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 } as const;

/** What /readyz says of a dependency: never the error's own text (it may name hosts, users or paths); that goes to the log. */
export type CheckOutcome = 'ok' | 'down' | 'timeout';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

const TIMED_OUT = Symbol('timed out');

async function runCheck(check: ReadinessCheck, logger: Logger): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), CHECK_TIMEOUT_MS);
  });
  try {
    if ((await Promise.race([check.check(), timeout])) === TIMED_OUT) {
      logger.warn({ check: check.name, timeoutMs: CHECK_TIMEOUT_MS }, 'readiness check timed out');
      return 'timeout';
    }
    return 'ok';
  } catch (error) {
    logger.warn({ check: check.name, err: error }, 'readiness check failed');
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** Starts the server on host:port (port 0 picks a free one). */
export async function startHttpServer(options: {
  host: string;
  port: number;
  checks: ReadinessCheck[];
  logger: Logger;
}): Promise<HttpServer> {
  const routes = new Map<string, RouteHandler>();
  const prefixRoutes: { method: string; prefix: string; handler: RouteHandler }[] = [];
  routes.set('GET /healthz', (_request, response) => sendJson(response, 200, { status: 'ok' }));
  routes.set('GET /readyz', async (_request, response) => {
    const results = await Promise.all(options.checks.map(async (check) => [check.name, await runCheck(check, options.logger)] as const));
    const ready = results.every(([, result]) => result === 'ok');
    sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handler = routes.get(`${request.method} ${path}`) ?? prefixRoutes.find((route) => route.method === request.method && path.startsWith(route.prefix))?.handler;
    if (!handler) {
      sendJson(response, 404, { status: 'not found' });
      return;
    }
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      options.logger.error({ err: error, path }, 'HTTP handler failed');
      if (!response.headersSent) sendJson(response, 500, { status: 'error' });
      else response.end();
    });
  });

  server.headersTimeout = SERVER_TIMEOUTS.headersMs;
  server.requestTimeout = SERVER_TIMEOUTS.requestMs;
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveMs;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new HttpPortInUseError(options.host, options.port) : error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    route: (method, path, handler) => routes.set(`${method.toUpperCase()} ${path}`, handler),
    routePrefix: (method, prefix, handler) => void prefixRoutes.push({ method: method.toUpperCase(), prefix, handler }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
