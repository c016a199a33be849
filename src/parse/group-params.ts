import { isFilterOperator } from '../ast/index.js';
import { clip, type Issue, issue } from '../errors/index.js';
import { parseParamKey, RESERVED_PARAMS, type ReservedParam } from '../grammar.js';
import type { Resource } from '../resource/index.js';
import { groupCode, type ParamGroup, type PositionedIssue } from './param-group.js';
import type { RawParam } from './read-input.js';

const reserved: ReadonlySet<string> = new Set(RESERVED_PARAMS);
const LONE_SURROGATE = /\p{Cs}/u;
/** Reserved names the parser understands today; the others are refused as unknown. */
const SUPPORTED: ReadonlySet<ReservedParam> = new Set([
  'limit',
  'page',
  'sort',
  'fields',
  'search',
  'cursor',
  'count',
]);

function unknownParam(resource: Resource, key: string, value: string | null): Issue {
  const name = parseParamKey(key)?.name ?? key;
  const field = resource.fields.get(name);
  const list = `Filterable fields: ${resource.filterable.join(', ')}`;
  const message = field
    ? `Field '${name}' is not filterable. ${list}`
    : `Unknown filter field '${name}'. ${list}`;
  return issue('INVALID_FILTER', key, value, message);
}

/**
 * Resolves each raw parameter to the reserved parameter or `field[op]` filter
 * it names (legacy aliases included) and groups repeats, in first-seen order.
 * Keys outside the grammar, unknown fields and operators become issues here;
 * values are checked for encoding, NUL and length, never interpreted. Each
 * issue carries the position of its parameter.
 */
export function groupParams(
  resource: Resource,
  params: readonly RawParam[],
  issues: PositionedIssue[],
): ParamGroup[] {
  const groups = new Map<string, ParamGroup>();
  for (const [at, raw] of params.entries()) {
    const { key, value } = raw;
    const report = (found: Issue): void => {
      issues.push({ at, issue: found });
    };
    const parsed = parseParamKey(key);
    if (!parsed) {
      report(
        issue(
          'INVALID_FILTER',
          key,
          value,
          `Malformed parameter '${clip(key)}': use field=value or field[operator]=value`,
        ),
      );
      continue;
    }
    let group: ParamGroup;
    let groupKey: string;
    const alias =
      parsed.operator === undefined ? resource.aliases.params.get(parsed.name) : undefined;
    if (parsed.operator === undefined && reserved.has(parsed.name)) {
      const name = parsed.name as ReservedParam;
      if (!SUPPORTED.has(name)) {
        report(unknownParam(resource, key, value));
        continue;
      }
      groupKey = name;
      group = groups.get(groupKey) ?? { kind: 'reserved', name, at, values: [] };
    } else if (alias) {
      const field = resource.fields.get(alias.field)!;
      groupKey = `${alias.field}[${alias.op}]`;
      group = groups.get(groupKey) ?? { kind: 'filter', field, op: alias.op, at, values: [] };
    } else {
      const field = resource.fields.get(parsed.name);
      if (!field || field.operators.length === 0) {
        report(unknownParam(resource, key, value));
        continue;
      }
      const op = parsed.operator ?? 'eq';
      if (parsed.operator === 'eq' || !isFilterOperator(op)) {
        report(
          issue(
            'INVALID_FILTER',
            key,
            value,
            `Unknown operator '${parsed.operator}' in '${key}'. Operators: gt, gte, lt, lte, exists (equality has no brackets: ${field.name}=value)`,
          ),
        );
        continue;
      }
      if (!field.operators.includes(op)) {
        const allowed = field.operators.map((o) => (o === 'eq' ? 'equality' : o)).join(', ');
        const what = op === 'eq' ? 'Equality' : `Operator '${op}'`;
        report(
          issue(
            'INVALID_FILTER',
            key,
            value,
            `${what} is not allowed on '${field.name}'. Allowed: ${allowed}`,
          ),
        );
        continue;
      }
      groupKey = `${field.name}[${op}]`;
      group = groups.get(groupKey) ?? { kind: 'filter', field, op, at, values: [] };
    }
    groups.set(groupKey, group);
    const checked = checkValue(resource, group, raw, report);
    if (checked !== null) group.values.push({ param: key, value: checked });
  }
  return [...groups.values()];
}

/** Encoding, NUL and length checks that hold for every value; returns the value or null. */
function checkValue(
  resource: Resource,
  group: ParamGroup,
  raw: RawParam,
  report: (found: Issue) => void,
): string | null {
  const code = groupCode(group);
  const { key, value } = raw;
  if (value === null) {
    report(issue(code, key, null, `${key} ${raw.problem ?? 'could not be read'}`));
    return null;
  }
  const max =
    group.kind === 'reserved' && group.name === 'search'
      ? resource.limits.maxSearchLength
      : resource.limits.maxValueLength;
  if (value.length > max) {
    report(
      issue(code, key, value, `${key} must be at most ${max} characters, got ${value.length}`),
    );
    return null;
  }
  if (value.includes('\u0000')) {
    report(issue(code, key, value, `${key} must not contain the NUL character (U+0000)`));
    return null;
  }
  // A lone surrogate is not Unicode text: databases refuse it and encodeURIComponent throws on it.
  if (LONE_SURROGATE.test(value)) {
    report(issue(code, key, value, `${key} must be valid Unicode text (it has a lone surrogate)`));
    return null;
  }
  return value;
}
