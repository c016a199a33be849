/**
 * The shape of a SQL fragment: its Kysely operation tree with every bound
 * value taken out. Two fragments with the same shape compile to the same SQL
 * text, whatever their values; the values, in the order the compiler binds
 * them, are the parameters. Nothing here knows listql's filter nodes: the
 * shape is read from the operation tree Kysely compiles, walking every
 * property generically, so a new operator (or a new node kind of Kysely's)
 * needs no code here.
 */
import type { OperationNode } from 'kysely';

/** A fragment's shape (a string key) and its bound values in order. */
export interface SqlShape {
  readonly key: string;
  readonly parameters: readonly unknown[];
}

/**
 * Objects that are the same every time are read once: the fragments of a
 * tagged template (`sql\`…\`` passes the call site's frozen strings array)
 * become a short id, and frozen nodes without bound values keep the text
 * they were read as. Frozen objects cannot change, so neither can their key.
 */
const interned = new WeakMap<object, string>();
let nextIntern = 0;

function isTemplateStrings(value: readonly unknown[]): boolean {
  return Object.isFrozen(value) && Object.hasOwn(value, 'raw');
}

/** The shape of `value`, its bound values pushed onto `parameters`; undefined for something with no safe key. */
function walk(value: unknown, parameters: unknown[]): string | undefined {
  switch (typeof value) {
    case 'string':
      // Length-prefixed: no escaping, and no two strings read alike.
      return `${value.length}'${value}`;
    case 'number':
    case 'boolean':
      return `${value}`;
    case 'undefined':
      return 'u';
    case 'object':
      break;
    default:
      // bigint, symbol, function: not written as text by Kysely's nodes; refuse.
      return undefined;
  }
  if (value === null) return 'n';
  if (Array.isArray(value)) {
    if (isTemplateStrings(value)) {
      let id = interned.get(value);
      if (id === undefined) {
        nextIntern += 1;
        id = `t${nextIntern}`;
        interned.set(value, id);
      }
      return id;
    }
    let out = '[';
    for (const item of value) {
      const part = walk(item, parameters);
      if (part === undefined) return undefined;
      out += `${part},`;
    }
    return `${out}]`;
  }
  const node = value as {
    readonly kind?: unknown;
    readonly value?: unknown;
    readonly immediate?: unknown;
  };
  if (node.kind === 'ValueNode' && node.immediate !== true) {
    // A bound value: a placeholder in the text, a parameter in the list.
    parameters.push(node.value);
    return '?';
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const known = interned.get(value);
  if (known !== undefined) return known;
  const before = parameters.length;
  let out = '{';
  for (const name in value) {
    const part = walk((value as Record<string, unknown>)[name], parameters);
    if (part === undefined) return undefined;
    out += `${name}:${part},`;
  }
  out += '}';
  // A frozen node without bound values (a column, an operator) is the same
  // object in every query that reuses its fragment: read it once.
  if (parameters.length === before && Object.isFrozen(value)) interned.set(value, out);
  return out;
}

/**
 * The shape of `node`, or undefined when it cannot be told safely (a value
 * that is not plain data, such as a bigint written into the text). Bound
 * values become a placeholder in the key; everything else — fragments,
 * identifiers, raw text, immediate literals — is part of it, so equal keys
 * mean equal text. The caller checks once, against a real compile, that the
 * parameters come out in this order (see `cached-queries.ts`).
 *
 * @example
 * sqlShape(sql`${sql.id('value')} >= ${100}`.toOperationNode());
 * // { key: '{kind:"RawNode",…?…}', parameters: [100] }
 */
export function sqlShape(node: OperationNode): SqlShape | undefined {
  const parameters: unknown[] = [];
  const key = walk(node, parameters);
  return key === undefined ? undefined : { key, parameters };
}
