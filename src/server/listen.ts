// Listens with limits against slow and oversized requests and shuts down gracefully:
// readiness turns 503, no new connections are accepted, requests in flight finish,
// idle keep-alive connections close, and stragglers are cut after a bounded time.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestListener } from "node:http";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { Connections } from "./connections.js";

export interface ServerLimits {
  /** Time allowed to receive the request headers; a slowloris client is cut off after it (RFC 9112 §9.8). */
  readonly headersTimeoutMs: number;
  /** Time allowed to receive the whole request. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeoutMs: number;
  /** Socket inactivity limit while a response is written (a client that never reads). */
  readonly socketTimeoutMs: number;
  /** How often Node checks the two request timeouts above; its default (30 s) is too coarse. */
  readonly connectionsCheckingIntervalMs: number;
  /** Larger request heads get 431 (RFC 6585 §5); 16 KB is Node's default, stated explicitly. */
  readonly maxHeaderSize: number;
  /** Requests in flight get this long to finish after close() before their connections are cut. */
  readonly shutdownTimeoutMs: number;
  /** Requests a client may pipeline ahead of the one being answered; more closes its connection (src/server/connections.ts). */
  readonly maxPipelined: number;
  /** Bytes a client may leave unread on its connection before the next answer waits for it to read. */
  readonly maxUnsentBytes: number;
}

export const DEFAULT_LIMITS: ServerLimits = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  socketTimeoutMs: 30_000,
  connectionsCheckingIntervalMs: 1_000,
  maxHeaderSize: 16 * 1024,
  shutdownTimeoutMs: 8_000,
  maxPipelined: 16,
  maxUnsentBytes: 64 * 1024,
});

/**
 * From SIGTERM to the end of the process, whatever its clients and its log reader do:
 * the grace period for requests in flight, then two seconds for the rest (src/server.ts).
 */
export const SHUTDOWN_LIMIT_MS = DEFAULT_LIMITS.shutdownTimeoutMs + 2_000;

export interface RunningServer {
  readonly server: http.Server;
  /** The port actually bound (differs from config.port when that is 0). */
  readonly port: number;
  /** Responses begun or waiting their turn on connections still open. */
  inFlight(): number;
  /** Stops gracefully; resolves once every connection is closed. Safe to call twice. */
  close(): Promise<void>;
}

/** Shared with /readyz: readiness, and the number of requests in flight once listening. */
export interface ServerState {
  ready: boolean;
  inFlight?: () => number;
}

export interface StartOptions {
  /** Readiness flag shared with /readyz; set to false as soon as shutting down starts. */
  readonly state?: ServerState;
  readonly limits?: Partial<ServerLimits>;
}

export async function startServer(
  app: RequestListener,
  config: Pick<Config, "port" | "host" | "env">,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const server = http.createServer({
    maxHeaderSize: limits.maxHeaderSize,
    connectionsCheckingInterval: limits.connectionsCheckingIntervalMs,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
  });
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // With no "timeout" listener Node destroys the socket, which is what a stalled reader deserves.
  server.setTimeout(limits.socketTimeoutMs);

  let closing: Promise<void> | null = null;
  const connections = new Connections(limits);
  if (options.state) options.state.inFlight = () => connections.inFlight;
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    // While stopping, every response tells its client not to reuse the connection.
    if (closing) res.setHeader("Connection", "close");
    res.on("close", () => {
      // The connection counts as idle only once Node has finished with the response.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    connections.admit(req, res, () => app(req, res));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, host: config.host, env: config.env }, `portal listening on port ${port}`);

  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      if (options.state) options.state.ready = false;
      const started = Date.now();
      logger.info({ inFlight: connections.inFlight }, "closing: no new connections, finishing requests in flight");
      for (const res of connections.responses()) if (!res.headersSent) res.setHeader("Connection", "close");
      const force = setTimeout(() => {
        logger.warn({ inFlight: connections.inFlight }, "closing: requests still running after the grace period, cutting them");
        server.closeAllConnections();
      }, limits.shutdownTimeoutMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        logger.info({ ms: Date.now() - started }, "closed");
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { server, port, inFlight: () => connections.inFlight, close };
}
