/**
 * JSON for people: an object or array goes on one line when it fits in
 * `width` columns (counting its indentation), and is spread over several
 * lines, two spaces per level, when it does not. Output parses back to the
 * same value, like `JSON.stringify`.
 *
 * @example
 * compactJson({ kind: 'comparison', field: 'value', op: 'gte', value: 100 });
 * // '{ "kind": "comparison", "field": "value", "op": "gte", "value": 100 }'
 */
export function compactJson(value: unknown, width = 80): string {
  return format(JSON.parse(JSON.stringify(value)) as unknown, '', width);
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** `lead`: the columns already used on the value's first line (indentation and key). */
function format(value: unknown, indent: string, width: number, lead = indent.length): string {
  const flat = inline(value);
  if (typeof value !== 'object' || value === null || lead + flat.length <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + format(item, inner, width)).join(',\n')}\n${indent}]`;
  }
  const lines = Object.entries(value).map(([key, item]) => {
    const prefix = `${inner}${JSON.stringify(key)}: `;
    return prefix + format(item, inner, width, prefix.length);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
