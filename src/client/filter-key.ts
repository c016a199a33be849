/**
 * What a query-string key names for `fromSearch` (the table state) and its
 * group reader: the state's filter name, the operator, and the value read
 * back to the type the state holds.
 */
import { splitParamKey } from '../grammar.js';
import type { Resource } from '../resource/types.js';
import { BOOLEAN, canonical, operatorRefusal, target } from './print-filter.js';

/**
 * What a filter key names (`value[gte]`, `status`, `label.name`, a legacy
 * alias): the state's filter name, the operator, whether it is a list, and
 * the reader of one value (with the type of the field, a boolean's for
 * `exists`); for a key that names no filter of the resource, only the
 * refusal: the server's message for it (`Unknown filter field '…'. Filterable fields: …`);
 * for an operator the field does not allow, its name and operator and the refusal.
 */
export function filterKey(resource: Resource, key: string) {
  const parsed = splitParamKey(key);
  // A legacy alias stands for its field and operator (as the resource resolved them).
  const { field: name, op } = resource.aliases.params.get(key) ?? {
    field: parsed?.name ?? key,
    op: parsed?.operator ?? 'eq',
  };
  const found = target(resource, name);
  if (typeof found === 'string') return { refusal: found };
  const { field } = found;
  // Refused here, not left to the builder: its issue names the key clipped, which would not
  // find a long key's entry again.
  const refusal = operatorRefusal(name, field, op);
  if (refusal) return { name, op, refusal };
  const type = op === 'exists' ? BOOLEAN : field;
  return {
    name,
    op,
    list: op === 'nin' || (op === 'eq' && field.list),
    /** A value as typed state: what the server reads (a number, a boolean, a day or instant), else the text. */
    read(text: string): unknown {
      const value = canonical(type, text);
      // Text that does not read stays text, so the builder names what is wrong with it.
      if (value === null) return text;
      return type.type === 'number' ? +value : type.type === 'boolean' ? value === 'true' : value;
    },
  };
}
