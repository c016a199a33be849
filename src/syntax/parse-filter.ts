import type { FilterOperator } from '../ast/index.js';
import {
  comparison,
  exists,
  type FilterNode,
  type FilterValue,
  inList,
  isTextOperator,
  not,
  text,
} from '../ast/index.js';
import { clip, type Issue, type IssueCode, issue } from '../errors/index.js';
import type { Field, ResourceLimits } from '../resource/index.js';
import { coerceValue } from './coerce-value.js';

/**
 * The values of one `field[op]` key as read from a request (the parser's
 * filter groups fit): the field, the operator (allowed on it), and each
 * value with the parameter it was given as. `listql/client` builds the same
 * shape from a request described as data, so both ends read values alike.
 */
export interface FilterGroup {
  readonly field: Field;
  readonly op: FilterOperator;
  readonly values: readonly { readonly param: string; readonly value: string }[];
}

/**
 * True when the values of a `field[op]` group are comma lists whose repeats
 * merge: equality on a `list` field, and `nin` on any field.
 *
 * @example
 * takesList({ field: leads.fields.get('status')!, op: 'eq' }); // true
 * takesList({ field: leads.fields.get('website')!, op: 'nin' }); // true
 */
export function takesList(group: Pick<FilterGroup, 'field' | 'op'>): boolean {
  return group.op === 'nin' || (group.op === 'eq' && group.field.list);
}

/**
 * Turns the values of one `field[op]` group into a filter node, or issues.
 * Repeats were already refused unless the group takes lists; here they merge.
 * `ne` is `not` of an equality and `nin` `not` of an `in` (two-valued logic
 * makes both true on null, the exact complements); the text operators are a
 * `text` node.
 */
export function parseFilter(
  group: FilterGroup,
  limits: ResourceLimits,
  issues: Issue[],
): FilterNode | undefined {
  const { field, op } = group;
  if (op === 'exists') {
    const { param, value } = group.values[0]!;
    if (value === 'true' || value === 'false') return exists(field.name, value === 'true');
    issues.push(
      issue('INVALID_FILTER', param, value, `${param} must be true or false, got '${clip(value)}'`),
    );
    return undefined;
  }

  const list = takesList(group);
  // The common case, one value and no list: no splitting, no dedup set.
  const only = group.values.length === 1 ? group.values[0]! : undefined;
  if (only !== undefined && op !== 'nin' && !(list && only.value.includes(','))) {
    const coerced = coerceValue(field, only.value);
    if (coerced.ok) {
      if (isTextOperator(op)) return text(field.name, op, coerced.value as string);
      if (op === 'ne') return not(comparison(field.name, 'eq', coerced.value));
      return comparison(field.name, op, coerced.value);
    }
    const { param, value } = only;
    issues.push(
      issue(
        coerced.code,
        param,
        value,
        `${param} must be ${coerced.expected}, got '${clip(value)}'`,
      ),
    );
    return undefined;
  }

  const before = issues.length;
  const values: FilterValue[] = [];
  const seen = new Set<FilterValue>();
  for (const { param, value } of group.values) {
    const items = list ? value.split(',') : [value];
    // One issue per parameter, naming its first bad item: a list of 500 bad
    // items must not turn into 500 issues (a 100 kB request, a 60 MB answer).
    let firstBad: { item: string; code: IssueCode; expected: string } | undefined;
    let badCount = 0;
    for (const item of items) {
      const coerced = coerceValue(field, item);
      if (!coerced.ok) {
        badCount++;
        firstBad ??= { item, code: coerced.code, expected: coerced.expected };
      } else if (!seen.has(coerced.value)) {
        seen.add(coerced.value);
        values.push(coerced.value);
      }
    }
    if (firstBad) {
      const got =
        items.length > 1 ? `'${clip(firstBad.item)}' in '${clip(value)}'` : `'${clip(value)}'`;
      const more = badCount > 1 ? ` (${badCount} invalid items)` : '';
      issues.push(
        issue(
          firstBad.code,
          param,
          value,
          `${param} must be ${firstBad.expected}, got ${got}${more}`,
        ),
      );
    }
  }
  if (values.length > limits.maxListItems) {
    const param = group.values[0]!.param;
    issues.push(
      issue(
        'INVALID_FILTER',
        param,
        group.values.map((v) => v.value).join(','),
        `${param} takes at most ${limits.maxListItems} values, got ${values.length}`,
      ),
    );
  }
  if (issues.length > before) return undefined;
  // `nin` stays `not(in)` even for one value, so it formats back as `nin`, not `ne`.
  if (op === 'nin') return not(inList(field.name, values));
  if (values.length === 1) return comparison(field.name, 'eq', values[0]!);
  return inList(field.name, values);
}
