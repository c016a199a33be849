/**
 * The SQL dialects `explain` can print. Kept apart from compile-sql.ts, which
 * imports kysely: the command line must parse its flags, and print the AST
 * and the MongoDB query, in a project where the optional kysely is absent.
 *
 * @example
 * EXPLAIN_DIALECTS; // ['postgres', 'mysql', 'sqlite']
 */
export const EXPLAIN_DIALECTS = ['postgres', 'mysql', 'sqlite'] as const;
/** One of {@link EXPLAIN_DIALECTS}. */
export type ExplainDialect = (typeof EXPLAIN_DIALECTS)[number];
