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

/** `text` with the case of its ASCII letters swapped, so case-insensitive matches are tested. */
function swapAsciiCase(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) ^ 0x20));
}

/**
 * Pieces of `texts`: a start, an end or a middle of one of them (sliced by
 * code point: half a surrogate pair is no value a client can send), as it
 * is or with its ASCII case swapped; sometimes an awkward string instead.
 */
function pieceArbitrary(texts: readonly string[], maxLength = 6): fc.Arbitrary<string> {
  if (texts.length === 0) return awkwardString;
  const piece = fc.constantFrom(...texts.map((text) => Array.from(text))).chain((chars) =>
    fc
      .tuple(
        fc.nat(chars.length - 1),
        fc.integer({ min: 1, max: maxLength }),
        fc.constantFrom('start', 'end', 'middle'),
        fc.boolean(),
      )
      .map(([at, length, where, swap]) => {
        const from =
          where === 'start' ? 0 : where === 'end' ? Math.max(0, chars.length - length) : at;
        const text = chars.slice(from, from + length).join('');
        return swap ? swapAsciiCase(text) : text;
      }),
  );
  return fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: awkwardString });
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
 * Value generators aimed at `rows` (keyed by storage column): per field, its
 * held values (and their days) mostly, pieces of its text for the text
 * operators, pieces of the searchable text for search terms.
 *
 * @example
 * listQueryArbitrary(leads, { ...aimedValues(leads, rows), maxFilters: 2 });
 */
export function aimedValues(
  resource: Resource,
  rows: readonly Readonly<Record<string, unknown>>[],
): Required<Pick<QueryArbitraryOptions, 'fieldValues' | 'textValues' | 'searchTerms'>> {
  const fieldValues: Record<string, fc.Arbitrary<FilterValue>> = {};
  const textValues: Record<string, fc.Arbitrary<string>> = {};
  for (const field of resource.fieldList) {
    if (field.type === 'string') {
      const texts = rows
        .map((row) => row[field.column])
        .filter((v): v is string => typeof v === 'string' && v !== '');
      textValues[field.name] = pieceArbitrary(texts);
    }
    const held = rows
      .map((row) => row[field.column])
      .filter((v): v is string | number | boolean => v !== null && v !== undefined && v !== '');
    // Dates are held as instants; the days of those instants hit the day rules.
    const candidates =
      field.type === 'datetime' ? held.flatMap((v) => [v, String(v).slice(0, 10)]) : held;
    fieldValues[field.name] = mostlyHeld(candidates, fallbackFor(field));
  }
  const texts = rows
    .flatMap((row) => resource.searchable.map((name) => row[resource.fields.get(name)!.column]))
    .filter((v): v is string => typeof v === 'string' && v !== '');
  const searchTerms = pieceArbitrary(texts, 4);
  return { fieldValues, textValues, searchTerms };
}

/**
 * Queries aimed at a dataset: filter values are drawn mostly from the rows'
 * own columns, search terms and text-operator values from pieces of their
 * text (starts, ends, middles, in either ASCII case), so that
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
  options: Omit<QueryArbitraryOptions, 'fieldValues' | 'searchTerms' | 'textValues'> & {
    readonly serverTrees?: boolean;
  } = {},
): fc.Arbitrary<ListQuery<F>> {
  const aimed = { ...options, ...aimedValues(resource, rows) };
  const queries = listQueryArbitrary(resource, aimed);
  if (!options.serverTrees) return queries;
  return fc
    .tuple(queries, fc.option(filterTreeArbitrary(resource, aimed), { freq: 2 }))
    .map(([query, extra]) =>
      extra === null ? query : { ...query, filter: and([query.filter, extra]) },
    );
}
