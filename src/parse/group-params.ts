import { FILTER_OPERATORS, type FilterOperator, isFilterOperator } from '../ast/index.js';
import { clip, type Issue, issue } from '../errors/index.js';
import { parseParamKey, RESERVED_PARAMS } from '../grammar.js';
import type { Field, Resource } from '../resource/index.js';
import { valueIssue } from '../syntax/value-issue.js';
import { nameList } from './name-list.js';
import { groupCode, type ParamGroup, type PositionedIssue } from './param-group.js';
import type { RawParam } from './read-input.js';
import { resourceTables } from './resource-tables.js';
import { BARE_KEY, MALFORMED_KEY, scanKey } from './scan-key.js';

const reserved: ReadonlySet<string> = new Set(RESERVED_PARAMS);
const BRACKETED = FILTER_OPERATORS.filter((op) => op !== 'eq').join(', ');

/** What the issues of one request have said already, so a long list of names is said once. */
export interface Said {
  filterable: boolean;
}

function unknownParam(resource: Resource, key: string, value: string | null, said: Said): Issue {
  const name = parseParamKey(key)?.name ?? key;
  const field = resource.fields.get(name);
  // The list of filterable fields goes with the first such issue only: 100
  // unknown parameters must not repeat it 100 times.
  const list = said.filterable ? '' : `. Filterable fields: ${nameList(resource.filterable)}`;
  said.filterable = true;
  const message = field
    ? `Field '${name}' is not filterable${list}`
    : `Unknown filter field '${name}'${list}`;
  return issue('INVALID_FILTER', key, value, message);
}

/** Why a `relation.field` key names nothing filterable: the relation, or the field on it. */
function unknownPath(resource: Resource, key: string, value: string | null, path: string): Issue {
  const dot = path.indexOf('.');
  const relationName = path.slice(0, dot);
  const fieldName = path.slice(dot + 1);
  const relation = resource.relations.get(relationName);
  let message: string;
  if (relation === undefined) {
    const names = nameList(resource.relationList.map((r) => r.name));
    message = `Unknown relation '${relationName}'. Relations: ${names}`;
  } else {
    const filterable = nameList([...relation.filterable.keys()]);
    message = relation.target.fields.has(fieldName)
      ? `Field '${fieldName}' on relation '${relationName}' is not filterable. Filterable: ${filterable}`
      : `Unknown field '${fieldName}' on relation '${relationName}'. Fields: ${filterable}`;
  }
  return issue('INVALID_FILTER', key, value, message);
}

function malformedKey(key: string, value: string | null): Issue {
  return issue(
    'INVALID_FILTER',
    key,
    value,
    `Malformed parameter '${clip(key)}': use field=value or field[operator]=value`,
  );
}

function unknownOperator(key: string, value: string | null, operator: string, field: Field): Issue {
  return issue(
    'INVALID_FILTER',
    key,
    value,
    `Unknown operator '${operator}' in '${key}'. Operators: ${BRACKETED} (equality has no brackets: ${field.name}=value)`,
  );
}

function disallowedOperator(
  key: string,
  value: string | null,
  op: FilterOperator,
  field: Field,
): Issue {
  const allowed = field.operators.map((o) => (o === 'eq' ? 'equality' : o)).join(', ');
  const what = op === 'eq' ? 'Equality' : `Operator '${op}'`;
  return issue(
    'INVALID_FILTER',
    key,
    value,
    `${what} is not allowed on '${field.name}'. Allowed: ${allowed}`,
  );
}

/**
 * Resolves each raw parameter to the reserved parameter or `field[op]` filter
 * it names (legacy aliases included) and groups repeats, in first-seen order.
 * Keys outside the grammar, unknown fields and operators become issues here;
 * values are checked for encoding, NUL and length, never interpreted. Each
 * issue carries the position of its parameter.
 *
 * Runs for every parameter of every request, so it avoids per-parameter
 * closures, regexes and string building: keys are scanned by hand, and one
 * lookup in {@link resourceTables} gives a name's meaning and group keys.
 */
export function groupParams(
  resource: Resource,
  params: readonly RawParam[],
  issues: PositionedIssue[],
): ParamGroup[] {
  const { keys, filterable } = resourceTables(resource);
  // Groups in first-seen order, with their slots to find repeats. A linear
  // search: there are at most as many groups as the resource has valid keys,
  // and a request has a handful.
  const groups: ParamGroup[] = [];
  const slots: number[] = [];
  const said: Said = { filterable: false };
  for (let at = 0; at < params.length; at++) {
    const raw = params[at]!;
    const { key, value } = raw;
    const meaning = keys.get(key);
    if (meaning === undefined) {
      issues.push({ at, issue: refusedKey(resource, filterable, key, value, said) });
      continue;
    }
    let group: ParamGroup | undefined;
    for (let g = 0; g < slots.length; g++) {
      if (slots[g] === meaning.slot) {
        group = groups[g];
        break;
      }
    }
    if (group === undefined) {
      group =
        meaning.kind === 'reserved'
          ? { kind: 'reserved', name: meaning.name, at, values: [] }
          : {
              kind: 'filter',
              field: meaning.field,
              op: meaning.op,
              relation: meaning.relation,
              at,
              values: [],
            };
      groups.push(group);
      slots.push(meaning.slot);
    }
    const checked = checkValue(resource, group, raw, at, issues);
    if (checked !== null) group.values.push({ param: key, value: checked });
  }
  return groups;
}

/** Why a key outside the resource's valid keys is refused. */
export function refusedKey(
  resource: Resource,
  filterable: ReadonlyMap<string, Field>,
  key: string,
  value: string | null,
  said: Said = { filterable: false },
): Issue {
  const bracket = scanKey(key);
  if (bracket === MALFORMED_KEY) return malformedKey(key, value);
  const bare = bracket === BARE_KEY;
  const name = bare ? key : key.slice(0, bracket);
  const field = filterable.get(name);
  if (field === undefined && name.includes('.')) {
    // Without relations a path is no key at all, as before relations existed.
    if (resource.relationList.length === 0) return malformedKey(key, value);
    return unknownPath(resource, key, value, name);
  }
  // Unknown, not filterable, or a reserved name the parser does not support.
  if (field === undefined || (bare && reserved.has(key)))
    return unknownParam(resource, key, value, said);
  const operator = bare ? undefined : key.slice(bracket + 1, -1);
  if (operator === 'eq' || (operator !== undefined && !isFilterOperator(operator))) {
    return unknownOperator(key, value, operator, field);
  }
  return disallowedOperator(key, value, operator ?? 'eq', field);
}

/**
 * Records an issue at a parameter's position. A module function rather than
 * a closure per call: tsx (esbuild keepNames) names every closure it creates.
 */
function report(issues: PositionedIssue[], at: number, found: Issue): void {
  issues.push({ at, issue: found });
}

/** The longest value a group's parameter may have, in UTF-16 units. */
function maxLength(resource: Resource, group: ParamGroup): number {
  if (group.kind === 'filter') return resource.limits.maxValueLength;
  if (group.name === 'search') return resource.limits.maxSearchLength;
  // A boolean group's limit counts code points: its reader checks it, first.
  if (group.name === 'or' || group.name === 'and') return Number.POSITIVE_INFINITY;
  return resource.limits.maxValueLength;
}

/** Encoding, NUL and length checks that hold for every value; returns the value or null. */
function checkValue(
  resource: Resource,
  group: ParamGroup,
  raw: RawParam,
  at: number,
  issues: PositionedIssue[],
): string | null {
  const code = groupCode(group);
  const { key, value } = raw;
  if (value === null) {
    report(issues, at, issue(code, key, null, `${key} ${raw.problem ?? 'could not be read'}`));
    return null;
  }
  const max = maxLength(resource, group);
  const found = valueIssue(code, key, value, max);
  if (found === null) return value;
  report(issues, at, found);
  return null;
}

export { valueIssue } from '../syntax/value-issue.js';
