import fc from 'fast-check';
import type { Field, Resource } from '../resource/index.js';
import type { ValueArbitraries } from './arbitraries.js';
import { awkwardInstant, awkwardNumber, awkwardString } from './value-pools.js';

export interface RowsArbitraryOptions {
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Generators for field values; strings may be empty in rows. */
  readonly values?: Partial<Omit<ValueArbitraries, 'day'>>;
  /** Chance (1 in n) that a nullable field is null. Default 4. */
  readonly nullFrequency?: number;
}

/** A stored row: keyed by the resource's storage column names. */
export type GeneratedRow = Record<string, string | number | boolean | null>;

type Scalar = string | number | boolean;

function fieldValue(
  field: Field,
  values: Required<NonNullable<RowsArbitraryOptions['values']>>,
): fc.Arbitrary<Scalar> {
  switch (field.type) {
    case 'enum':
      return fc.constantFrom(...field.values);
    case 'boolean':
      return fc.boolean();
    case 'number':
      return values.number;
    case 'datetime':
      return values.instant;
    case 'string':
      return fc.oneof(
        { weight: 9, arbitrary: values.string },
        { weight: 1, arbitrary: fc.constant('') },
      );
  }
}

/**
 * Datasets for `resource`: rows keyed by storage column, unique ids, nulls in
 * nullable fields, duplicate sort values, dates one millisecond around day
 * boundaries (as ISO strings), and text with LIKE wildcards, quotes,
 * backslashes, commas and non-ASCII characters. Feed the same rows to two
 * stores and compare their answers.
 *
 * @example
 * fc.assert(fc.property(rowsArbitrary(leads, { maxLength: 30 }), (rows) => { … }));
 */
export function rowsArbitrary(
  resource: Resource,
  options?: RowsArbitraryOptions,
): fc.Arbitrary<GeneratedRow[]> {
  const values = {
    string: awkwardString,
    number: awkwardNumber,
    instant: awkwardInstant,
    ...options?.values,
  };
  const nullFrequency = options?.nullFrequency ?? 4;
  const idField = resource.fields.get(resource.idField)!;
  const shape: Record<string, fc.Arbitrary<string | number | boolean | null>> = {};
  for (const field of resource.fieldList) {
    if (field.name === resource.idField) continue;
    const value = fieldValue(field, values);
    shape[field.column] = field.nullable
      ? fc.option(value, { nil: null, freq: nullFrequency })
      : value;
  }
  const id: fc.Arbitrary<Scalar> =
    idField.type === 'number'
      ? fc.integer({ min: -1_000_000, max: 1_000_000 })
      : fc.oneof(values.string, fc.string({ minLength: 1, maxLength: 8 }));
  return fc
    .uniqueArray(fc.tuple(id, fc.record(shape)), {
      minLength: options?.minLength ?? 0,
      maxLength: options?.maxLength ?? 40,
      selector: ([rowId]) => rowId,
    })
    .map((pairs) => pairs.map(([rowId, rest]) => ({ [idField.column]: rowId, ...rest })));
}
