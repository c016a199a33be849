/**
 * A TCP proxy to a database server that a test can switch off and on: while
 * down it accepts connections and drops them at once, as a host whose
 * database is stopped would; while up it forwards bytes both ways. `silent`
 * accepts and never answers, as a host behind a black-holing firewall.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export type ProxyMode = 'up' | 'down' | 'silent';

/** A running proxy. */
export interface TcpProxy {
  readonly port: number;
  mode: ProxyMode;
  /** Drops every connection open now (the database "restarts"). */
  dropAll(): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.1, port 0, to `target`.
 *
 * @example
 * const proxy = await startProxy({ host: '127.0.0.1', port: 5432 }, 'down');
 */
export async function startProxy(
  target: { readonly host: string; readonly port: number },
  mode: ProxyMode,
): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const track = (socket: Socket): void => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const state = { mode };
  const server: Server = createServer((client) => {
    track(client);
    if (state.mode === 'down') {
      client.destroy();
      return;
    }
    if (state.mode === 'silent') return;
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    get mode() {
      return state.mode;
    },
    set mode(next: ProxyMode) {
      state.mode = next;
    },
    dropAll() {
      for (const socket of open) socket.destroy();
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
