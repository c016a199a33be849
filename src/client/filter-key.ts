/**
 * What a query-string key names for `fromSearch` (the table state) and its
 * group reader: the state's filter name, the operator, and the value read
 * back to the type the state holds.
 */
import { parseParamKey } from '../grammar.js';
import type { Field, Resource } from '../resource/types.js';
import { BOOLEAN, canonical, target } from './print-filter.js';

/** A filter value as typed state: the value the server reads (a number, a boolean, a day or instant), else the text. */
function typed(field: Field, text: string): unknown {
  const value = canonical(field, text);
  // Text that does not read stays text, so the builder names what is wrong with it.
  if (value === null) return text;
  return field.type === 'number'
    ? Number(value)
    : field.type === 'boolean'
      ? value === 'true'
      : value;
}

/**
 * What a filter key names (`value[gte]`, `status`, `label.name`, a legacy
 * alias): the state's filter name, the field whose type its values read
 * with (a boolean's for `exists`), the operator and whether it is a list;
 * undefined when it is no filter of the resource.
 */
export function filterKey(resource: Resource, key: string) {
  const alias = resource.aliases.params.get(key);
  const parsed = alias ? { name: alias.field, operator: alias.op } : parseParamKey(key);
  const name = parsed?.name ?? '';
  const found = target(resource, name);
  if (typeof found === 'string') return undefined;
  const { field } = found;
  // An operator the field refuses still names the field: the builder says why.
  const op = parsed!.operator ?? 'eq';
  const list = op === 'nin' || (op === 'eq' && field.list);
  return { name, op, list, read: (text: string) => typed(op === 'exists' ? BOOLEAN : field, text) };
}
