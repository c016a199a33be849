import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../../src/backends/memory/index.js';
import {
  and,
  keysetFilter,
  type ListQuery,
  leads,
  positionOf,
  snakeCase,
  withColumns,
} from '../../../src/index.js';
import { listQueryArbitrary, rowsArbitrary } from '../../../src/testing/index.js';
import { propertyParams } from '../../support/property.js';

const resource = withColumns(leads, snakeCase);
const nullable = (field: string) => resource.fields.get(field)!.nullable;

describe('keysetFilter', () => {
  it('selects exactly the rows after a row, in the memory backend’s order', () => {
    fc.assert(
      fc.property(
        rowsArbitrary(resource, { minLength: 1, maxLength: 30 }),
        listQueryArbitrary(resource, { cursors: false, maxFilters: 1 }),
        fc.nat(),
        (rows, base, pick) => {
          const all: ListQuery = { ...base, select: 'all', page: { limit: 100, page: 1 } };
          const sorted = runInMemory(resource, all, rows).data;
          if (sorted.length === 0) return;
          const at = pick % sorted.length;
          const position = positionOf(resource, all.sort, sorted[at]!);
          for (const isNullable of [nullable, () => true]) {
            const seek = keysetFilter(all.sort, position, isNullable);
            const rest = runInMemory(resource, { ...all, filter: and([all.filter, seek]) }, rows);
            expect(rest.data).toEqual(sorted.slice(at + 1));
          }
        },
      ),
      propertyParams(300),
    );
  });

  it('refuses a position of the wrong length', () => {
    expect(() => keysetFilter([{ field: 'id', direction: 'asc' }], [])).toThrow(/0 values for 1/);
  });
});
