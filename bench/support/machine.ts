/** The machine a benchmark ran on, for the report. */
import { cpus, platform, release, totalmem } from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly os: string;
}

/**
 * CPU model, logical cores, memory, Node version and OS of this process's machine.
 *
 * @example
 * describeMachine(); // { cpu: 'AMD EPYC …', cores: 2, memoryGiB: 24, node: 'v20.20.2', os: 'linux 6.18' }
 */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() || 'unknown CPU',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}
