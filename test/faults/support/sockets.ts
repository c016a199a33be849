/**
 * Which local TCP ports a process holds towards a given remote port, read
 * from Linux's /proc: its file descriptors name socket inodes, and
 * /proc/<pid>/net/tcp maps inodes to addresses. That is how a test finds the
 * database connections of one server process among everyone else's, to kill
 * exactly those.
 */
import { readdir, readFile, readlink } from 'node:fs/promises';

async function socketInodes(pid: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match) inodes.add(match[1]!);
  }
  return inodes;
}

/**
 * The local ports of `pid`'s established TCP connections to `remotePort`.
 *
 * @example
 * await localPortsTo(server.child.pid!, 5432); // [45678, 45690]
 */
export async function localPortsTo(pid: number, remotePort: number): Promise<number[]> {
  const inodes = await socketInodes(pid);
  const ports: number[] = [];
  for (const table of ['tcp', 'tcp6']) {
    const text = await readFile(`/proc/${pid}/net/${table}`, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      if (columns.length < 10) continue;
      const [, local, remote, state] = columns;
      const inode = columns[9]!;
      // State 01 is ESTABLISHED.
      if (state !== '01' || !inodes.has(inode)) continue;
      if (Number.parseInt(remote!.split(':')[1]!, 16) !== remotePort) continue;
      ports.push(Number.parseInt(local!.split(':')[1]!, 16));
    }
  }
  return ports;
}
