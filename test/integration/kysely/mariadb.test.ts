import { mysqlSettings, serverAvailable } from '../../support/databases.js';
import { mariadbEngine } from '../../support/engines/kysely.js';
import { describeKyselyBackend } from './behaviour.js';

const available = await serverAvailable('MariaDB', mysqlSettings);
describeKyselyBackend('a MariaDB server', () => (available ? mariadbEngine() : undefined));
