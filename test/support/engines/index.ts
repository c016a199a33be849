/**
 * The engines the shared suites run against, each opened lazily. `open`
 * resolves to undefined when a database server is unreachable outside CI
 * (after saying so loudly); in CI it throws instead.
 */
import type { Engine } from '../engine.js';
import { kyselyEngineSetups } from './kysely.js';
import { mongoEngine } from './mongo.js';

export interface EngineSetup {
  readonly name: string;
  open(): Promise<Engine | undefined>;
}

const ready = (engine: Engine): EngineSetup => ({ name: engine.name, open: async () => engine });

/** Every engine compared with the in-memory reference by the differential test. */
export function differentialEngines(): EngineSetup[] {
  return [...kyselyEngineSetups(), ready(mongoEngine)];
}
