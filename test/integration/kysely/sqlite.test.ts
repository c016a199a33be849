import { sqliteEngine } from '../../support/engines/kysely.js';
import { describeKyselyBackend } from './behaviour.js';

describeKyselyBackend('SQLite (better-sqlite3)', sqliteEngine);
