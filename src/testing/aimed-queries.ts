import fc from 'fast-check';
import { and, type FilterValue, type ListQuery } from '../ast/index.js';
import type { Field, Resource } from '../resource/index.js';
import {
  filterTreeArbitrary,
  listQueryArbitrary,
  type QueryArbitraryOptions,
} from './arbitraries.js';
import type { GeneratedRow } from './rows-arbitrary.js';
import { awkwardDay, awkwardInstant, awkwardNumber, awkwardString } from './value-pools.js';

/** The type's default generator, for values the rows do not hold. */
function fallbackFor(field: Field): fc.Arbitrary<FilterValue> {
  switch (field.type) {
    case 'number':
      return awkwardNumber;
    case 'datetime':
      return fc.oneof(awkwardInstant, awkwardDay);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...field.values);
    case 'string':
      return awkwardString;
  }
}

/** Mostly one of `held`, sometimes anything of the field's type. */
function mostlyHeld<T>(held: readonly T[], fallback: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (held.length === 0) return fallback;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...held) },
    { weight: 1, arbitrary: fallback },
  );
}

/**
 * Queries aimed at a dataset: filter values are drawn mostly from the rows'
 * own columns, search terms from substrings of their searchable text, so that
 * filters match some rows and miss others (a filter that never matches
 * proves little). With `serverTrees`, half of the queries also AND in a tree
 * of or / not / nested and, as servers build. Rows are keyed by storage
 * column, as {@link rowsArbitrary} makes them.
 *
 * @example
 * const cases = rowsArbitrary(leads).chain((rows) =>
 *   fc.tuple(fc.constant(rows), fc.array(aimedQueryArbitrary(leads, rows), { maxLength: 10 })));
 */
export function aimedQueryArbitrary<F extends string>(
  resource: Resource<F>,
  rows: readonly GeneratedRow[],
  options: Omit<QueryArbitraryOptions, 'fieldValues' | 'searchTerms'> & {
    readonly serverTrees?: boolean;
  } = {},
): fc.Arbitrary<ListQuery<F>> {
  const fieldValues: Record<string, fc.Arbitrary<FilterValue>> = {};
  for (const field of resource.fieldList) {
    const held = rows
      .map((row) => row[field.column])
      .filter((v): v is string | number | boolean => v !== null && v !== undefined && v !== '');
    // Dates are held as instants; the days of those instants hit the day rules.
    const candidates =
      field.type === 'datetime' ? held.flatMap((v) => [v, String(v).slice(0, 10)]) : held;
    fieldValues[field.name] = mostlyHeld(candidates, fallbackFor(field));
  }
  // Slice by code point: half a surrogate pair is no term a client can send.
  const texts = rows
    .flatMap((row) => resource.searchable.map((name) => row[resource.fields.get(name)!.column]))
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .map((text) => Array.from(text));
  const searchTerms =
    texts.length === 0
      ? awkwardString
      : fc.oneof(
          fc
            .constantFrom(...texts)
            .chain((text) =>
              fc
                .tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: 4 }))
                .map(([at, length]) => text.slice(at, at + length).join('')),
            ),
          awkwardString,
        );
  const aimed = { ...options, fieldValues, searchTerms };
  const queries = listQueryArbitrary(resource, aimed);
  if (!options.serverTrees) return queries;
  return fc
    .tuple(queries, fc.option(filterTreeArbitrary(resource, aimed), { freq: 2 }))
    .map(([query, extra]) =>
      extra === null ? query : { ...query, filter: and([query.filter, extra]) },
    );
}
