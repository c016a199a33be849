import { postgresSettings, serverAvailable } from '../../support/databases.js';
import { postgresEngine } from '../../support/engines/kysely.js';
import { describeKyselyBackend } from './behaviour.js';

const available = await serverAvailable('PostgreSQL', postgresSettings);
describeKyselyBackend('a PostgreSQL server', () => (available ? postgresEngine() : undefined));
