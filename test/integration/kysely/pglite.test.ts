import { pgliteEngine } from '../../support/engines/kysely.js';
import { describeKyselyBackend } from './behaviour.js';

// One PGlite instance for the whole file: it takes seconds to start.
describeKyselyBackend('PGlite', pgliteEngine);
