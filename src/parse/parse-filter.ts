import { comparison, exists, type FilterNode, type FilterValue, inList } from '../ast/index.js';
import { type Issue, issue } from '../errors/index.js';
import type { ResourceLimits } from '../resource/index.js';
import { coerceValue } from './coerce-value.js';
import type { ParamGroup } from './param-group.js';

type FilterGroup = Extract<ParamGroup, { kind: 'filter' }>;

/**
 * Turns the values of one `field[op]` group into a filter node, or issues.
 * Repeats were already refused unless the field takes lists; here they merge.
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
      issue('INVALID_FILTER', param, value, `${param} must be true or false, got '${value}'`),
    );
    return undefined;
  }

  const before = issues.length;
  const values: FilterValue[] = [];
  const seen = new Set<FilterValue>();
  for (const { param, value } of group.values) {
    const items = field.list && op === 'eq' ? value.split(',') : [value];
    for (const item of items) {
      const coerced = coerceValue(field, item);
      if (!coerced.ok) {
        const got = items.length > 1 ? `'${item}' in '${value}'` : `'${value}'`;
        issues.push(
          issue(coerced.code, param, value, `${param} must be ${coerced.expected}, got ${got}`),
        );
      } else if (!seen.has(coerced.value)) {
        seen.add(coerced.value);
        values.push(coerced.value);
      }
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
  if (values.length === 1) return comparison(field.name, op, values[0]!);
  return inList(field.name, values);
}
