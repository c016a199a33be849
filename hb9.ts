import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { sqliteDialect } from './src/backends/kysely/index.js';
import { handleListRequest, kyselyBackend } from './src/http/index.js';
import { benchResource } from './bench/support/load-leads.js';
import { timeInterleaved } from './bench/support/timing.js';
// reuse internals of the stub bench by import
import * as stub from './bench/http-stub.bench.js';
const mod = stub as any;
