import type { FilterOperator } from '../ast/index.js';
import { type Field, MAX_SEARCH_WORDS, type ParamAlias, type Resource } from '../resource/index.js';
import { filterValueSchema } from './field-schemas.js';
import { groupParameters } from './group-parameters.js';
import {
  relationFieldNames,
  relationFilterParameters,
  relationNotes,
  relationSortNames,
} from './relation-parameters.js';
import type { JsonSchema, JsonValue, OpenApiParameter } from './types.js';

const OPERATOR_WORDS: Record<Exclude<FilterOperator, 'eq' | 'exists' | 'nin'>, string> = {
  gt: 'is greater than',
  gte: 'is greater than or equal to',
  lt: 'is less than',
  lte: 'is less than or equal to',
  ne: 'does not equal',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
};

const TEXT_RULE =
  ' Literal text (`%`, `_`, `*` are ordinary characters); ASCII letters match either case, other characters exactly.';

/** The parameter name exactly as the URL writes it: `status`, `value[gte]`. */
function paramName(field: string, op: FilterOperator): string {
  return op === 'eq' ? field : `${field}[${op}]`;
}

/** `name`: how the URL names the field (its path, for a related field). */
function filterDescription(field: Field, op: FilterOperator, name: string = field.name): string {
  const day =
    field.type === 'datetime'
      ? ' A date-time `YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]` (`2026-01-15T10:30:00Z`; upper-case `T` and `Z`; no offset means UTC; no leap second) or a day (`2026-01-15`), which stands for the whole UTC day.'
      : '';
  // `ne` and `nin` are the exact complements of equality: null rows match them.
  const negative = op === 'ne' || op === 'nin';
  const nulls = !field.nullable
    ? ''
    : negative
      ? ' Rows where it is null match.'
      : ' Rows where it is null never match.';
  if (op === 'exists') {
    return `\`true\`: \`${name}\` has a value; \`false\`: it is null.`;
  }
  if (op === 'nin') {
    return (
      `\`${name}\` equals none of the values, given as one comma list (\`a,b\`). The server ` +
      `also merges the values of the parameter repeated, a form this document does not declare.${nulls}${day}`
    );
  }
  const text = op === 'contains' || op === 'startsWith' || op === 'endsWith' ? TEXT_RULE : '';
  if (op === 'eq' && field.list) {
    // The document declares the comma list (`explode: false`), the form every client can send.
    // Repeats are accepted too, but OpenAPI cannot declare both forms for one parameter.
    return (
      `\`${name}\` equals one of the values, given as one comma list (\`a,b\`). The server ` +
      `also merges the values of the parameter repeated (\`${name}=a&${name}=b\`), a form ` +
      `this document does not declare.${nulls}${day}`
    );
  }
  const relation = op === 'eq' ? 'equals' : OPERATOR_WORDS[op];
  return `\`${name}\` ${relation} the value.${text}${nulls}${day}`;
}

function filterSchema(field: Field, op: FilterOperator, resource: Resource): JsonSchema {
  if (op === 'exists') return { type: 'boolean' };
  const value = filterValueSchema(field, resource.limits.maxValueLength);
  if ((op === 'eq' && field.list) || op === 'nin') {
    return { type: 'array', items: value, minItems: 1, maxItems: resource.limits.maxListItems };
  }
  return value;
}

function filterParameter(
  field: Field,
  op: FilterOperator,
  resource: Resource,
  name: string,
): OpenApiParameter {
  const schema = filterSchema(field, op, resource);
  const list = schema['type'] === 'array';
  return {
    name,
    in: 'query',
    description: filterDescription(field, op),
    required: false,
    schema,
    // A comma list is `form` with `explode: false`; every other filter is a single `form` value.
    style: 'form',
    explode: !list,
  };
}

function legacyParameter(resource: Resource, legacy: string, alias: ParamAlias): OpenApiParameter {
  const field = resource.fields.get(alias.field)!;
  const target = paramName(alias.field, alias.op);
  return {
    ...filterParameter(field, alias.op, resource, legacy),
    description: `Legacy name of \`${target}\`, kept for old integrations; use \`${target}\`.`,
    deprecated: true,
  };
}

/** `field`, `field:asc`, `field:desc` for each name. */
function sortTerms(names: readonly string[]): string[] {
  return names.flatMap((name) => [name, `${name}:asc`, `${name}:desc`]);
}

function sortParameter(resource: Resource): OpenApiParameter {
  const current: JsonSchema = {
    type: 'string',
    enum: sortTerms([...resource.sortable, ...relationSortNames(resource)]),
  };
  const legacyNames = [...resource.aliases.sortFields.keys()];
  const items: JsonSchema =
    legacyNames.length === 0
      ? current
      : {
          anyOf: [
            current,
            {
              type: 'string',
              enum: sortTerms(legacyNames),
              deprecated: true,
              description: `Legacy sort names: ${legacyNames
                .map((name) => `\`${name}\` = \`${resource.aliases.sortFields.get(name)}\``)
                .join(', ')}.`,
            },
          ],
        };
  const schema: Record<string, JsonValue> = { type: 'array', items, minItems: 1 };
  const defaults = resource.defaults.sort.map((key) => `${key.field}:${key.direction}`);
  if (defaults.length > 0) schema['default'] = defaults;
  return {
    name: 'sort',
    in: 'query',
    description:
      'Sort keys, comma-separated, each `field` or `field:asc|desc` (no direction = `asc`); a field at ' +
      `most once. Nulls sort last both ways; \`${resource.idField}\` breaks ties.${relationNotes(resource).sort}`,
    required: false,
    schema,
    style: 'form',
    explode: false,
  };
}

/**
 * Every query parameter the parser accepts for `resource`: paging, sort,
 * fields, search, each filter field with each of its operators (as its own
 * parameter, named as the URL writes it), the boolean groups `or` and `and`
 * where the resource has them, and the legacy aliases marked deprecated.
 *
 * @example
 * queryParameters(leads).map((p) => p.name); // ['limit', 'page', 'cursor', 'count', 'sort', 'fields', …]
 */
export function queryParameters<F extends string>(typed: Resource<F>): OpenApiParameter[] {
  const resource = typed as unknown as Resource;
  const { limits, defaults } = resource;
  const parameters: OpenApiParameter[] = [
    {
      name: 'limit',
      in: 'query',
      description: `Rows per page, 1 to ${limits.maxLimit}.`,
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: limits.maxLimit, default: defaults.limit },
    },
    {
      name: 'page',
      in: 'query',
      description: 'Page number, from 1. A page past the last one returns no rows.',
      required: false,
      schema: {
        type: 'integer',
        minimum: 1,
        // The parser's cap, which keeps the offset a safe integer.
        maximum: Math.floor(Number.MAX_SAFE_INTEGER / limits.maxLimit),
        default: 1,
      },
    },
    {
      name: 'cursor',
      in: 'query',
      description:
        'Keyset pagination: the `meta.pagination.nextCursor` of the previous page. Opaque; ' +
        'valid only with the filters and sort it was issued for' +
        (resource.cursorSecret === null ? '' : ', and signed') +
        '. Not with `page`.',
      required: false,
      schema: { type: 'string', minLength: 1 },
    },
    {
      name: 'count',
      in: 'query',
      description:
        'How `meta.pagination.total` is computed: `exact` (a count), `estimated` (the ' +
        "database planner's estimate where there is one and the endpoint allows it, else exact; " +
        '`meta.pagination.count` says which was used) or `none` (no count; ' +
        '`total` and `totalPages` are null).',
      required: false,
      schema: { type: 'string', enum: ['exact', 'estimated', 'none'], default: defaults.count },
    },
    sortParameter(resource),
    {
      name: 'fields',
      in: 'query',
      description: `Fields to return, comma-separated; \`${resource.idField}\` is always returned. Default: all.${relationNotes(resource).fields}`,
      required: false,
      schema: {
        type: 'array',
        items: { type: 'string', enum: [...resource.selectable, ...relationFieldNames(resource)] },
        minItems: 1,
      },
      style: 'form',
      explode: false,
    },
  ];
  if (resource.searchable.length > 0) {
    parameters.push({
      name: 'search',
      in: 'query',
      description:
        (resource.search.mode === 'all-words'
          ? `Words separated by spaces (at most ${MAX_SEARCH_WORDS}); each must occur, case-insensitively and literally, in at least one of: ${resource.searchable.join(', ')}.`
          : `Case-insensitive, literal substring of any of: ${resource.searchable.join(', ')}.`) +
        ` Surrounding spaces are ignored. At most ${limits.maxSearchLength} characters (code points).`,
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: limits.maxSearchLength },
    });
  }
  for (const field of resource.fieldList) {
    for (const op of field.operators) {
      parameters.push(filterParameter(field, op, resource, paramName(field.name, op)));
    }
  }
  parameters.push(
    ...relationFilterParameters(
      resource,
      (field, op, name) => filterParameter(field, op, resource, name),
      filterDescription,
    ),
  );
  parameters.push(...groupParameters(resource));
  for (const [legacy, alias] of resource.aliases.params) {
    parameters.push(legacyParameter(resource, legacy, alias));
  }
  return parameters;
}
