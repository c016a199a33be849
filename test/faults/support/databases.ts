/**
 * Administrative connections to the test servers, for faults: terminate a
 * process's own connections (and nobody else's), found by their client ports.
 */
import {
  mysqlSettings,
  postgresSettings,
  withMysql,
  withPostgres,
} from '../../support/databases.js';
import { localPortsTo } from './sockets.js';

/**
 * `pg_terminate_backend` on every PostgreSQL backend serving process `pid`,
 * as a restart or a failover would. Returns how many were terminated.
 */
export async function terminatePostgresConnectionsOf(pid: number): Promise<number> {
  const ports = await localPortsTo(pid, postgresSettings.port);
  if (ports.length === 0) return 0;
  return withPostgres(async (client) => {
    const { rows } = await client.query(
      'select pg_terminate_backend(pid) as done from pg_stat_activity where client_port = any($1::int[]) and pid <> pg_backend_pid()',
      [ports],
    );
    return rows.filter((row: { done: boolean }) => row.done).length;
  });
}

/**
 * `KILL CONNECTION` of every MariaDB thread serving process `pid` (its pool's
 * connections). Returns how many were killed.
 */
export async function killMysqlConnectionsOf(pid: number): Promise<number> {
  const ports = new Set((await localPortsTo(pid, mysqlSettings.port)).map(String));
  if (ports.size === 0) return 0;
  return withMysql(async (connection) => {
    const [rows] = await connection.query('select id, host from information_schema.processlist');
    let killed = 0;
    for (const row of rows as { id: number; host: string }[]) {
      if (!ports.has(row.host.split(':').at(-1) ?? '')) continue;
      // KILL takes no placeholder; the id is the server's own integer.
      await connection.query(`kill connection ${Number(row.id)}`).catch(() => {});
      killed += 1;
    }
    return killed;
  });
}
