import type { MongoDocument } from './mongo-types.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * An aggregation expression for `path` (`'$name'`) with A–Z folded to a–z and
 * nothing else: 26 nested `$replaceAll`s (MongoDB 4.4+). `$toLower` is not
 * used because its behaviour is defined for ASCII text only, and
 * implementations fold other letters (É, Σ) differently; listql folds ASCII
 * only on every backend. A null or missing value gives null.
 *
 * @example
 * asciiFoldExpression('$name'); // { $replaceAll: { input: { $replaceAll: … }, find: 'Z', replacement: 'z' } }
 */
export function asciiFoldExpression(path: string): MongoDocument {
  let folded: unknown = path;
  for (const upper of UPPER) {
    folded = { $replaceAll: { input: folded, find: upper, replacement: upper.toLowerCase() } };
  }
  return folded as MongoDocument;
}

/**
 * The key of the computed folded text of `column` in a pipeline. It contains
 * `-`, which `NAME_PATTERN` forbids in columns, so it never shadows a field.
 *
 * @example
 * foldKey('name'); // 'listql-fold-name'
 */
export function foldKey(column: string): string {
  return `listql-fold-${column}`;
}
