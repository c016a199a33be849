import type { FilterValue } from '../../ast/index.js';
import type { Field } from '../../resource/index.js';
import { checkFilterValue as checkValue } from '../check-filter-value.js';

/**
 * Checks that a filter value has the type the AST promises for `field`.
 * Parsed queries always do; a node built by hand with the wrong type is a
 * programmer error, so it throws a TypeError that says what was expected.
 *
 * @example
 * checkFilterValue(leads.fields.get('value')!, '100'); // throws: needs a finite number value
 */
export function checkFilterValue(field: Field, value: FilterValue): void {
  checkValue('listql/memory', field, value);
}
