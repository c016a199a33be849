/** What the form holds, before it becomes a query string. Values stay text: the API judges them. */

/** One filter: `field[op]=value`. A list (checkboxes) is several values of `eq`. */
export interface Condition {
  readonly field: string;
  readonly op: string;
  readonly value: string | readonly string[];
}

/** A sort key. */
export type SortPair = readonly [field: string, direction: 'asc' | 'desc'];

/** The whole form. Empty text and empty lists mean "not set" (the resource's default). */
export interface ExplorerQuery {
  readonly conditions: readonly Condition[];
  readonly search: string;
  readonly sort: readonly SortPair[];
  readonly fields: readonly string[];
  readonly limit: string;
}

/** One problem, named by the parameter it belongs to (null: the request as a whole). */
export interface PageIssue {
  readonly param: string | null;
  readonly message: string;
}
