import type { SortKey } from '../../ast/index.js';
import type { Resource } from '../../resource/index.js';
import { isTextField } from './columns.js';
import { foldedText } from './compile-filter.js';
import type { OrderItem, SqlDialect } from './dialect.js';
import { resolveColumn } from './relation-sql.js';

/**
 * The ORDER BY items of `sort` (which already ends with the id tie-breaker):
 * nulls last in both directions, strings by code point (a
 * `caseInsensitiveSort` field by its ASCII-folded text first), numbers, dates
 * and booleans (false < true) by their natural order. A to-one path key
 * reads the joined column, nullable (no related row sorts like a null).
 *
 * @example
 * orderItems(leads, [{ field: 'createdAt', direction: 'desc' }], postgresDialect, undefined);
 */
export function orderItems<F extends string>(
  resource: Resource<F>,
  sort: readonly SortKey<F>[],
  dialect: SqlDialect,
  table: string | undefined,
): OrderItem[] {
  return sort.flatMap((key) => {
    const { field, column, nullable } = resolveColumn(resource, key.field, table);
    const expression = isTextField(field) ? dialect.codePointText(column) : column;
    const exact = dialect.orderItems(expression, column, key.direction, nullable);
    if (!field.caseInsensitiveSort) return exact;
    // The folded text first, the exact text breaking its ties in the same direction.
    const folded = dialect.orderItems(foldedText(dialect, column), column, key.direction, nullable);
    // The exact key's null handling (MySQL's `is null` item) is already in the folded one's.
    return [...folded, ...exact.slice(exact.length - 1)];
  });
}
