/**
 * Reading an `or` / `and` parameter's text back into conditions, for
 * `fromSearch` on resources with groups (installed; see `capabilities.ts`).
 */
import { issue } from '../errors/issue.js';
import type { Resource } from '../resource/types.js';
import { filterKey } from './filter-key.js';

type Mutable = Record<string, unknown>;

/** One `key=value` leaf of a group as a one-entry condition (a list only where it has a comma). */
function leafCondition(resource: Resource, key: string, value: string): Mutable {
  const found = filterKey(resource, key);
  // A key the resource does not know stays as written, an operator it does not allow as
  // text: the builder refuses either in the server's words.
  if (found.name === undefined) return { [key]: value };
  if (!found.read) return { [found.name]: { [found.op]: value } };
  const read =
    found.list && value.includes(',') ? value.split(',').map(found.read) : found.read(value);
  return { [found.name]: { [found.op]: read } };
}

/** Group whitespace (ASCII space, tab, line feed, carriage return), as the server's tokenizer skips it. */
const OPEN = /[ \t\n\r]*(or|and|not)[ \t\n\r]*\(/y;
/** `key=value`: a bare value runs to the next `;` or `)` (trimmed), a quoted one has `\"` and `\\` escapes. */
const LEAF =
  /[ \t\n\r]*([^()=;" \t\n\r]+)[ \t\n\r]*=[ \t\n\r]*(?:"((?:[^"\\]|\\["\\])*)"[ \t\n\r]*|([^;()"]*?)[ \t\n\r]*)(?=[;)])/y;
const NEXT = /[ \t\n\r]*([;)])/y;

/**
 * The conditions of an `or` / `and` parameter's text, or the issue of its
 * first syntax problem. A small reader of the server's group grammar
 * (`(item;…)`, `or(…)`, `and(…)`, `not(…)` of one item, `key=value` with
 * bare or quoted values): it reads everything `toSearch` prints, and what
 * it refuses the server refuses too; the limits are the builder's to check.
 * The issue says where it stopped (the item it could not read), not why.
 * Undefined for any other parameter, or on a resource without groups.
 */
export function readGroupText(resource: Resource, param: string, text: string): unknown {
  // Another key, or a resource without groups: not for this reader (`fromSearch` says unknown).
  if (!/^(or|and)$/.test(param) || !resource.groups) return undefined;
  let at = text.indexOf('(') + 1;
  const sticky = (pattern: RegExp): RegExpExecArray => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match === null) throw at;
    at = pattern.lastIndex;
    return match;
  };
  // Deeper than the limit is the builder's issue; the reader stops one past it (no deep recursion).
  const deepest = resource.groups.maxDepth + 1;
  const items = (depth: number): unknown[] => {
    const list: unknown[] = [];
    do {
      OPEN.lastIndex = at;
      const open = depth < deepest && OPEN.exec(text);
      if (open) {
        at = OPEN.lastIndex;
        const inner = items(depth + 1);
        if (open[1] === 'not' && inner.length !== 1) throw at;
        list.push({ [open[1]!]: open[1] === 'not' ? inner[0] : inner });
      } else {
        const [, key, quoted, bare] = sticky(LEAF);
        list.push(leafCondition(resource, key!, quoted?.replace(/\\(["\\])/g, '$1') ?? bare!));
      }
    } while (sticky(NEXT)[1] === ';');
    return list;
  };
  try {
    if (!/^[ \t\n\r]*\($/.test(text.slice(0, at))) throw 0;
    const conditions = items(1);
    if (/^[ \t\n\r]*$/.test(text.slice(at))) return conditions;
    throw at;
  } catch (stop) {
    // Offsets count code points, as the server's do.
    const offset = [...text.slice(0, stop as number)].length;
    const message = `${param}: not a boolean group: (filter;…), or(…), and(…), not(…) (at offset ${offset})`;
    return issue('INVALID_FILTER', param, text, message, offset);
  }
}
