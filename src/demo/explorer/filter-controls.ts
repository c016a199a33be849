/**
 * Which form controls the explorer shows for a resource's filters, decided
 * from the definition alone (no DOM here, so it is tested in Node):
 *
 * - equality on an enum or boolean: a checkbox list when the field takes a
 *   comma list, a select otherwise;
 * - equality on a string: a text input;
 * - every other operator (comparisons on numbers and dates, `ne`, `nin`, the
 *   text matches, and any operator the vocabulary grows): condition rows,
 *   each an operator select and a value;
 * - `exists`: a tri-state select (any, present, missing).
 */
import type { FilterOperator } from '../../ast/index.js';
import type { Field, FieldType, Resource } from '../../resource/index.js';

/** One control of a field's filters. `param` is the query parameter it writes. */
export type FilterControl =
  | {
      readonly kind: 'choices';
      readonly param: string;
      readonly values: readonly string[];
      /** Checkboxes (a comma list) rather than a select. */
      readonly multiple: boolean;
    }
  | { readonly kind: 'text'; readonly param: string; readonly list: boolean }
  | {
      readonly kind: 'conditions';
      /** The operators a row may pick; the parameter is `field[op]` (`field` for `eq`). */
      readonly operators: readonly FilterOperator[];
      /** An enum's values, offered as suggestions; empty for other types. */
      readonly values: readonly string[];
    }
  | { readonly kind: 'exists'; readonly param: string };

/** The filter controls of one field. */
export interface FieldFilters {
  readonly field: string;
  readonly type: FieldType;
  readonly nullable: boolean;
  readonly controls: readonly FilterControl[];
  /** Shown up front; free-text fields go in a "more filters" group, since a resource may have dozens. */
  readonly primary: boolean;
}

/**
 * The parameter a condition on `field` with `op` writes.
 *
 * @example
 * filterParam('value', 'gte'); // 'value[gte]'
 * filterParam('status', 'eq'); // 'status'
 */
export function filterParam(field: string, op: string): string {
  return op === 'eq' ? field : `${field}[${op}]`;
}

function controlsOf(field: Field): FilterControl[] {
  const controls: FilterControl[] = [];
  const ops = field.operators;
  let rest = ops.filter((op) => op !== 'exists');
  if (ops.includes('eq') && (field.type === 'enum' || field.type === 'boolean')) {
    const values = field.type === 'enum' ? field.values : ['true', 'false'];
    controls.push({
      kind: 'choices',
      param: field.name,
      values,
      multiple: field.list && field.type === 'enum',
    });
    rest = rest.filter((op) => op !== 'eq');
  } else if (ops.includes('eq') && field.type === 'string' && rest.length === 1) {
    controls.push({ kind: 'text', param: field.name, list: field.list });
    rest = [];
  }
  if (rest.length > 0) controls.push({ kind: 'conditions', operators: rest, values: field.values });
  if (ops.includes('exists'))
    controls.push({ kind: 'exists', param: filterParam(field.name, 'exists') });
  return controls;
}

/**
 * The filter controls of every filterable field, in declaration order.
 *
 * @example
 * filterControls(leads).find((f) => f.field === 'value')?.controls;
 * // [{ kind: 'conditions', operators: ['eq', 'gt', 'gte', 'lt', 'lte'], values: [] }]
 */
export function filterControls(resource: Resource): FieldFilters[] {
  return resource.fieldList
    .filter((field) => field.operators.length > 0)
    .map((field) => ({
      field: field.name,
      type: field.type,
      nullable: field.nullable,
      controls: controlsOf(field),
      primary: field.type !== 'string',
    }));
}
