/**
 * Sorting by a field the client may not select: nextCursor must not reveal
 * its values (they are encrypted with the resource's secret), the pages must
 * join up with and without `fields`, and forged cursors (plain where a sealed
 * one is due, or hostile positions) are 400s on every store, never 500s.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import {
  handleListRequest,
  type ListBackend,
  memoryBackend,
  type SuccessEnvelope,
} from '../../src/http/index.js';
import { defineResource, encodeCursor, leads, parseListQuery } from '../../src/index.js';
import type { Engine, LoadedDataset } from '../support/engine.js';
import { kyselyEngineSetups } from '../support/engines/kysely.js';

const SECRET = 'a-secret-of-at-least-16-chars';
const definition = {
  name: 'people',
  fields: {
    id: { type: 'string', sortable: true },
    name: { type: 'string', sortable: true },
    ssn: { type: 'string', sortable: true, selectable: false },
  },
} as const;
const people = defineResource({ ...definition, cursorSecret: SECRET });
const rows = Array.from({ length: 7 }, (_, i) => ({
  id: `p${i}`,
  name: `name ${i % 3}`,
  ssn: `ssn-${String(100 + ((i * 5) % 7))}`,
}));
/** The ids in ssn order: what walking the pages must give. */
const bySsn = [...rows].sort((a, b) => (a.ssn < b.ssn ? -1 : 1)).map((row) => row.id);

/** Every base64url segment of a cursor, decoded, with the cursor itself. */
function readable(cursor: string): string {
  return [cursor, ...cursor.split('.').map((part) => Buffer.from(part, 'base64url').toString())]
    .join('\n')
    .toLowerCase();
}

async function walk(
  backend: ListBackend,
  query: string,
): Promise<{ ids: string[]; cursors: string[] }> {
  const ids: string[] = [];
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor === null ? query : `${query}&cursor=${cursor}`;
    const response = await handleListRequest({ resource: people, backend, query: q });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = response.body as SuccessEnvelope;
    for (const row of body.data) {
      expect(row).not.toHaveProperty('ssn');
      ids.push(row['id'] as string);
    }
    cursor = body.meta.pagination.nextCursor;
    if (cursor !== null) cursors.push(cursor);
  } while (cursor !== null);
  return { ids, cursors };
}

describe('a sortable field that is not selectable', () => {
  it('needs a cursorSecret: the definition is refused without one', () => {
    expect(() => defineResource(definition)).toThrow(
      /field 'ssn' is sortable but not selectable.*cursorSecret/,
    );
    // Selectable, or not sortable: no secret needed.
    expect(() =>
      defineResource({
        ...definition,
        fields: { ...definition.fields, ssn: { type: 'string', selectable: false } },
      }),
    ).not.toThrow();
  });

  const stores: {
    name: string;
    backend: () => Promise<ListBackend>;
    close?: () => Promise<void>;
  }[] = [{ name: 'memory', backend: async () => memoryBackend(people, rows) }];
  const opened: { engine: Engine; dataset: LoadedDataset }[] = [];
  for (const setup of kyselyEngineSetups().filter(
    (s) => s.name === 'sqlite' || s.name === 'postgres',
  )) {
    stores.push({
      name: setup.name,
      backend: async () => {
        const engine = await setup.open();
        if (engine === undefined) return memoryBackend(people, rows);
        const dataset = await engine.load(people, rows);
        opened.push({ engine, dataset });
        return { run: (query) => dataset.run(query) };
      },
    });
  }
  afterAll(async () => {
    for (const { engine, dataset } of opened) {
      await dataset.drop();
      await engine.close();
    }
  });

  describe.each(stores)('on $name', ({ backend: open }) => {
    let backend: ListBackend;
    it('pages join up, with fields and without, and no cursor reveals a value', async () => {
      backend = await open();
      for (const query of [
        'sort=ssn&fields=name&limit=2',
        'sort=ssn&limit=2',
        'sort=ssn:desc,name&limit=3',
      ]) {
        const { ids, cursors } = await walk(backend, query);
        const expected = query.includes('desc') ? [...bySsn].reverse() : bySsn;
        expect(ids, query).toEqual(expected);
        expect(cursors.length).toBeGreaterThan(0);
        for (const cursor of cursors) {
          expect(readable(cursor)).not.toContain('ssn-');
        }
      }
    });

    it('refuses a plain (forged) cursor for that sort, and an altered sealed one', async () => {
      backend ??= await open();
      const q = parseListQuery(people, 'sort=ssn');
      // What an unencrypted cursor would have looked like, signed with the right secret.
      const plain = encodeCursor(
        {
          ...people,
          fields: new Map([...people.fields].map(([k, f]) => [k, { ...f, selectable: true }])),
        },
        q.filter,
        q.sort,
        ['ssn-100', 'p0'],
      );
      const first = await handleListRequest({
        resource: people,
        backend,
        query: 'sort=ssn&limit=2',
      });
      const sealed = (first.body as SuccessEnvelope).meta.pagination.nextCursor!;
      const [body, mac] = sealed.split('.') as [string, string];
      const inner = JSON.parse(Buffer.from(body, 'base64url').toString()) as [
        number,
        string,
        string,
      ];
      const flipped = `${inner[2].slice(0, -2)}${inner[2].endsWith('AA') ? 'BB' : 'AA'}`;
      const reSealed = Buffer.from(JSON.stringify([inner[0], inner[1], flipped])).toString(
        'base64url',
      );
      for (const bad of [plain, `${reSealed}.${mac}`]) {
        const response = await handleListRequest({
          resource: people,
          backend,
          query: `sort=ssn&cursor=${bad}`,
        });
        expect(response.status).toBe(400);
      }
    });

    it('a cursor sorted by selectable fields stays plain', async () => {
      backend ??= await open();
      const response = await handleListRequest({
        resource: people,
        backend,
        query: 'sort=name&limit=2',
      });
      const cursor = (response.body as SuccessEnvelope).meta.pagination.nextCursor!;
      expect(JSON.parse(Buffer.from(cursor.split('.')[0]!, 'base64url').toString())[0]).toBe(1);
    });
  });
});

describe('forged unsigned cursors are 400s on every store, never 500s', () => {
  const opened: { engine: Engine; dataset: LoadedDataset }[] = [];
  afterAll(async () => {
    for (const { engine, dataset } of opened) {
      await dataset.drop();
      await engine.close();
    }
  });
  const leadRows = generateLeads(3, 1);

  it.each(
    kyselyEngineSetups()
      .filter((s) => s.name !== 'pglite')
      .map((s) => [s.name, s] as const),
  )(
    '%s',
    async (_name, setup) => {
      const engine = await setup.open();
      if (engine === undefined) return;
      const dataset = await engine.load(leads, leadRows as unknown as Record<string, unknown>[]);
      opened.push({ engine, dataset });
      const backend: ListBackend = { run: (query) => dataset.run(query) };
      const q = parseListQuery(leads, 'sort=name');
      for (const position of [
        ['a\u0000b', 'lead_1'],
        ['a', 'lead\u00001'],
        ['\uD800', 'lead_1'],
      ]) {
        const forged = encodeCursor(leads, q.filter, q.sort, position);
        const response = await handleListRequest({
          resource: leads,
          backend,
          query: `sort=name&cursor=${forged}`,
          logger: { error() {} },
        });
        expect(response.status, JSON.stringify(position)).toBe(400);
      }
    },
    60_000,
  );
});
