import { rm } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { kyselyBackend } from '../../http/index.js';
import { demoLabeledLeads, demoLeads } from '../demo-resource.js';
import {
  buildAtomically,
  datasetPath,
  ensureDir,
  existsSync,
  removeStaleTemporaries,
} from './embedded-files.js';
import { countRows, describeSource, seedTable } from './seed.js';
import type { DemoStore, StoreContext } from './types.js';

const TABLE = 'leads';

/** An in-process database engine: how to open it on a path, or in memory. */
export interface EmbeddedEngine {
  /** For messages, e.g. `SQLite`. */
  readonly label: string;
  /** File (or folder) name of a synthetic dataset: `<prefix>-<count>-seed<seed><suffix>`. */
  readonly prefix: string;
  readonly suffix: string;
  /** Opens the database at `path`, or a fresh in-memory one when `path` is undefined. */
  open(path?: string): Kysely<Record<string, never>>;
}

function store(db: Kysely<Record<string, never>>, rows: number, location: string): DemoStore {
  return {
    backend: kyselyBackend(db, demoLeads, { table: TABLE }),
    // The same leads table; the related tables under the relations' own names.
    labeledBackend: kyselyBackend(db, demoLabeledLeads, { table: TABLE }),
    rows,
    location,
    close: () => db.destroy(),
  };
}

/**
 * Opens an embedded store. Synthetic leads live under the data folder, seeded
 * on the first start (built at a temporary path and renamed when complete)
 * and reused afterwards; a data file is loaded into a fresh in-memory
 * database on every start.
 *
 * @example
 * const store = await openEmbeddedStore(sqliteEngine, { source, dataDir: '.demo-data', log });
 */
export async function openEmbeddedStore(
  engine: EmbeddedEngine,
  context: StoreContext,
): Promise<DemoStore> {
  const { source, dataDir, log, progress } = context;
  if (source.kind === 'file') {
    const db = engine.open();
    try {
      const rows = await seedTable(db, demoLeads, TABLE, source, progress, demoLabeledLeads);
      return store(db, rows, `${engine.label} in memory`);
    } catch (err) {
      await db.destroy();
      throw err;
    }
  }
  await ensureDir(dataDir);
  const removed = await removeStaleTemporaries(dataDir);
  if (removed.length > 0) log(`Removed what an interrupted build left: ${removed.join(', ')}`);
  const path = datasetPath(dataDir, engine.prefix, source, engine.suffix);
  if (existsSync(path)) {
    const db = engine.open(path);
    const rows = await countRows(db, TABLE);
    // A dataset built before the labeled leads existed lacks their tables: build it again.
    const related = await countRows(db, demoLabeledLeads.relations.get('tags')!.through!.table);
    if (rows === source.count && related !== undefined) {
      log(`Reusing ${rows.toLocaleString('en-US')} ${describeSource(source)} in ${path}`);
      return store(db, rows, path);
    }
    await db.destroy();
    log(`${path} is incomplete or damaged; building it again`);
    await rm(path, { recursive: true, force: true });
  }
  await buildAtomically(path, async (temporary) => {
    const db = engine.open(temporary);
    try {
      await seedTable(db, demoLeads, TABLE, source, progress, demoLabeledLeads);
    } finally {
      await db.destroy();
    }
  });
  return store(engine.open(path), source.count, path);
}
