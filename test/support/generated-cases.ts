/**
 * The generated datasets and queries the property tests share
 * (`differential.test.ts`, `cursor-walk.test.ts`): a snake_case resource,
 * rows with awkward values, and queries aimed at those rows.
 */
import fc from 'fast-check';
import {
  and,
  type FieldType,
  type FilterValue,
  type ListQuery,
  leads,
  snakeCase,
  withColumns,
} from '../../src/index.js';
import {
  awkwardDay,
  awkwardInstant,
  awkwardNumber,
  awkwardString,
  filterTreeArbitrary,
  type GeneratedRow,
  listQueryArbitrary,
  rowsArbitrary,
} from '../../src/testing/index.js';

/** snake_case columns, so every engine also proves its column mapping. */
export const resource = withColumns(leads, snakeCase);
export const QUERIES_PER_DATASET = 10;

/**
 * Queries aimed at a dataset: filter values are drawn mostly from the rows
 * themselves (so filters match some rows and miss others), the rest from the
 * default awkward pools. Half of the queries AND in a server-built tree
 * (or / not / nested and / empty lists).
 */
export function queryArbitrary(rows: readonly GeneratedRow[]): fc.Arbitrary<ListQuery> {
  const fieldValues: Record<string, fc.Arbitrary<FilterValue>> = {};
  for (const field of resource.fieldList) {
    const held = rows
      .map((row) => row[field.column])
      .filter((v): v is string | number | boolean => v !== null && v !== undefined && v !== '');
    // Dates are held as instants; days of those instants hit the day rules.
    const candidates =
      field.type === 'datetime' ? held.flatMap((v) => [v, String(v).slice(0, 10)]) : held;
    if (candidates.length > 0) {
      fieldValues[field.name] = fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...candidates) },
        { weight: 1, arbitrary: fallbackFor(field.type) },
      );
    }
  }
  const texts = rows.flatMap((row) =>
    resource.searchable.map((name) => row[resource.fields.get(name)!.column]),
  );
  const substrings = texts.filter((v): v is string => typeof v === 'string' && v !== '');
  const searchTerms =
    substrings.length === 0
      ? awkwardString
      : fc.oneof(
          // Slice by code point: half a surrogate pair is no term a client can send.
          fc
            .constantFrom(...substrings.map((text) => Array.from(text)))
            .chain((chars) =>
              fc
                .tuple(fc.nat(chars.length - 1), fc.integer({ min: 1, max: 4 }))
                .map(([at, length]) => chars.slice(at, at + length).join('')),
            ),
          awkwardString,
        );
  return fc
    .tuple(
      listQueryArbitrary(resource, {
        fieldValues,
        searchTerms,
        maxFilters: 3,
        maxLimit: 12,
        maxPage: 3,
      }),
      fc.option(filterTreeArbitrary(resource, { fieldValues, searchTerms }), { freq: 2 }),
    )
    .map(([query, extra]) =>
      extra === null ? query : { ...query, filter: and([query.filter, extra]) },
    );
}

function fallbackFor(type: FieldType): fc.Arbitrary<FilterValue> {
  switch (type) {
    case 'number':
      return awkwardNumber;
    case 'datetime':
      return fc.oneof(awkwardInstant, awkwardDay);
    case 'boolean':
      return fc.boolean();
    default:
      return awkwardString;
  }
}

/** A dataset and the queries to ask of it. */
export const caseArbitrary = rowsArbitrary(resource, { minLength: 5, maxLength: 40 }).chain(
  (rows) =>
    fc.tuple(
      fc.constant(rows),
      fc.array(queryArbitrary(rows), {
        minLength: QUERIES_PER_DATASET,
        maxLength: QUERIES_PER_DATASET,
      }),
    ),
);
