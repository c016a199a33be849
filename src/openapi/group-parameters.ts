import { quoteGroupValue } from '../grammar.js';
import type { Field, GroupLimits, Resource } from '../resource/index.js';
import type { OpenApiParameter } from './types.js';

/** A value of `field` the parser accepts, for the example. */
function sampleText(field: Field): string {
  switch (field.type) {
    case 'enum':
      return field.values[0]!;
    case 'number':
      return '100';
    case 'boolean':
      return 'true';
    case 'datetime':
      return '2026-01-15';
    case 'string':
      return 'example';
  }
}

/** One filter of the resource written as a group leaf: `status=won`, `value[gte]=100`. */
function sampleLeaf(field: Field): string {
  const op = field.operators[0]!;
  if (op === 'exists') return `${field.name}[exists]=true`;
  const key = op === 'eq' ? field.name : `${field.name}[${op}]`;
  return `${key}=${quoteGroupValue(sampleText(field))}`;
}

/** A valid value for the parameter, from the resource's first filterable fields. */
function example(kind: 'or' | 'and', filterable: readonly Field[], limits: GroupLimits): string {
  const [first, second = first] = filterable.map(sampleLeaf);
  const inner = limits.maxDepth >= 2 && limits.maxLeaves >= 2 ? `not(${second})` : undefined;
  if (limits.maxLeaves < 2) return `(${first})`;
  return kind === 'or' || inner === undefined ? `(${first};${second})` : `(${first};${inner})`;
}

/** What groups do with relation paths (docs/relations.md); nothing for a resource without relations. */
function relationRule(resource: Resource): string {
  const many = resource.relationList.find((relation) => relation.type !== 'toOne');
  if (resource.relationList.length === 0) return '';
  const path = `${(many ?? resource.relationList[0]!).name}.<field>`;
  return (
    ` A relation path (\`${path}=…\`) is an item like any filter.` +
    (many === undefined
      ? ''
      : ` Items on one to-many relation joined by \`;\` at one level of an \`and\` apply to the same related row; \`not(${path}=…)\` means no related row matches.`)
  );
}

function description(kind: 'or' | 'and', limits: GroupLimits, resource: Resource): string {
  const holds = kind === 'or' ? 'any item holds' : 'every item holds';
  return (
    `Boolean group, ANDed with the other filters: \`${kind}=(item;item;…)\` matches when ${holds}. ` +
    'An item is a filter written exactly like a top-level filter parameter (`field=value`, ' +
    '`field[op]=value`, comma lists included: the same fields, operators and value rules) or a ' +
    'nested `or(…)`, `and(…)` or `not(…)` (`not` takes exactly one item). A value holding ' +
    '`;`, `(`, `)` or `"`, or leading or trailing whitespace, is written in double quotes with ' +
    '`\\"` and `\\\\` escapes (`name="a;b"`); whitespace between tokens is ignored. ' +
    `At most ${limits.maxDepth} level${limits.maxDepth === 1 ? '' : 's'} deep (the outer parentheses are level 1), ` +
    `${limits.maxLeaves} filters and ${limits.maxLength} characters (code points). ` +
    `Given at most once.${relationRule(resource)}`
  );
}

/**
 * The `or` and `and` parameters of a resource with boolean groups; none
 * without. Their grammar nests, so the schema is a bounded string with the
 * grammar in the description and a valid example.
 *
 * @example
 * groupParameters(defineResource({ ...leads.definition, groups: true })).map((p) => p.name); // ['or', 'and']
 */
export function groupParameters(resource: Resource): OpenApiParameter[] {
  const limits = resource.groups;
  const filterable = resource.fieldList.filter((field) => field.operators.length > 0);
  if (limits === null || filterable.length === 0) return [];
  return (['or', 'and'] as const).map((kind) => ({
    name: kind,
    in: 'query',
    description: description(kind, limits, resource),
    required: false,
    schema: {
      type: 'string',
      minLength: 3,
      maxLength: limits.maxLength,
      examples: [example(kind, filterable, limits)],
    },
  }));
}
