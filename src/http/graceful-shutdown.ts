import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { type Socket, Server as TcpServer } from 'node:net';

/** Options of {@link gracefulShutdown}. */
export interface GracefulShutdownOptions {
  /**
   * How long requests in flight may take to finish once the shutdown starts;
   * connections still open then are destroyed. Default 10 s (Kubernetes
   * sends SIGKILL 30 s after SIGTERM by default).
   */
  readonly timeoutMs?: number;
  /**
   * How long a kept-alive connection must have been idle before the
   * shutdown closes it. A client that keeps sending on it sends within this
   * time, gets its answer with `Connection: close`, and opens no other
   * request on that socket; closing it sooner would reset a request already
   * on its way. Default 250 ms.
   */
  readonly idleGraceMs?: number;
}

/** What a shutdown did. */
export interface ShutdownReport {
  /** Requests that were in flight when it started (all of them finished unless `forced`). */
  readonly inFlight: number;
  /** Connections destroyed at the timeout, with whatever they were doing. */
  readonly forced: number;
}

/** Stops the server gracefully; resolves once every connection is closed. Later calls return the first call's promise. */
export type Shutdown = () => Promise<ShutdownReport>;

/** The timeout when none is given. @example gracefulShutdown(server, { timeoutMs: DEFAULT_SHUTDOWN_TIMEOUT_MS }); */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
const DEFAULT_IDLE_GRACE_MS = 250;

function checkMs(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new Error(`listql/http: gracefulShutdown's ${name} must be a number >= 0, got ${value}`);
  }
  return value;
}

/**
 * Prepares a `node:http` server for a shutdown that drops
 * no request, and returns the function that performs it. Call it once, right
 * after creating the server: from then on it knows which connection is
 * serving a request and since when each one is idle. The shutdown
 *
 * 1. stops accepting connections;
 * 2. lets the requests in flight finish, each answered with
 *    `Connection: close` so the client sends nothing more on that socket,
 *    and serves the same way requests that arrive on kept-alive connections
 *    meanwhile;
 * 3. closes each kept-alive connection once it has been idle for
 *    `idleGraceMs`, so a request already on its way is served, not reset;
 * 4. resolves when no connection is left, or destroys what is left after
 *    `timeoutMs`.
 *
 * Close your database pools after it resolves, not before: requests in
 * flight still need them. `server.closeAllConnections()` would instead reset
 * every request in flight, and `server.close()` alone closes idle
 * connections at once, resetting requests a busy client is sending on them.
 *
 * @example
 * const server = createServer(handler);
 * const shutdown = gracefulShutdown(server, { timeoutMs: 10_000 });
 * process.once('SIGTERM', async () => {
 *   await shutdown(); // { inFlight: 3, forced: 0 }
 *   await db.destroy();
 * });
 */
export function gracefulShutdown(server: Server, options: GracefulShutdownOptions = {}): Shutdown {
  const timeoutMs = checkMs('timeoutMs', options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
  const idleGraceMs = checkMs('idleGraceMs', options.idleGraceMs ?? DEFAULT_IDLE_GRACE_MS);
  /** Every open connection, with the responses it is writing (several when pipelined) and when it last finished one. */
  const connections = new Map<Socket, { serving: Set<ServerResponse>; idleSince: number }>();
  let draining = false;
  let done: Promise<ShutdownReport> | undefined;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { serving: new Set(), idleSince: performance.now() });
    socket.once('close', () => connections.delete(socket));
  });
  // Prepended, so the header is set before the application's handler can send any.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    const state = connections.get(socket);
    if (!state) return;
    state.serving.add(res);
    if (draining) closeAfter(res);
    res.once('close', () => {
      state.serving.delete(res);
      state.idleSince = performance.now();
      // A response sent with keep-alive before the shutdown began: close its socket once idle.
      if (draining) closeWhenIdle(socket);
    });
  });

  /** Destroys the socket once it has been idle for the grace period (re-checked on each response). */
  function closeWhenIdle(socket: Socket): void {
    const state = connections.get(socket);
    if (!state || state.serving.size > 0 || socket.destroyed) return;
    const idleFor = performance.now() - state.idleSince;
    if (idleFor >= idleGraceMs) {
      socket.destroy();
      return;
    }
    setTimeout(() => closeWhenIdle(socket), idleGraceMs - idleFor).unref();
  }

  return () => {
    done ??= drain();
    return done;
  };

  async function drain(): Promise<ShutdownReport> {
    draining = true;
    let inFlight = 0;
    for (const { serving } of connections.values()) {
      for (const res of serving) {
        inFlight += 1;
        closeAfter(res);
      }
    }
    // net.Server's close stops listening and waits for the connections. http.Server's own
    // close() would also destroy every idle connection at once, a request on its way included.
    const closed = new Promise<void>((resolve) =>
      TcpServer.prototype.close.call(server, () => resolve()),
    );
    for (const socket of connections.keys()) closeWhenIdle(socket);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeoutMs);
      timer.unref();
    });
    const outcome = await Promise.race([closed, expired]);
    clearTimeout(timer);
    let forced = 0;
    if (outcome === 'expired') {
      for (const socket of connections.keys()) {
        forced += 1;
        socket.destroy();
      }
      await closed;
    }
    return { inFlight, forced };
  }
}

/** Tells the client not to reuse the connection, if the headers are not sent yet. */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('connection', 'close');
}
