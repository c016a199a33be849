/** The demo server end to end on its embedded stores: memory, SQLite (the default), PGlite. */
import Database from 'better-sqlite3';
import { demoSuite } from './demo-suite.js';

demoSuite('memory');

/** A second connection to the demo's SQLite file renames the table away and back. */
demoSuite('sqlite', {
  async break(demo) {
    const db = new Database(demo.location);
    db.exec('alter table leads rename to leads_hidden');
    db.close();
  },
  async restore(demo) {
    const db = new Database(demo.location);
    db.exec('alter table leads_hidden rename to leads');
    db.close();
  },
});

demoSuite('pglite');
