/**
 * What only some resources need, reached through hooks so that a bundle for
 * resources without it carries none of its code: boolean groups (printing
 * `or` / `and`, reading them back in `fromSearch`) and relation paths
 * (`label.name` in filters, sort and fields). The builders that make such
 * resources — `defineResource`, `buildResource` and the `labeledLeads`
 * preset as the package exports them (`./install.ts`) — install them; the
 * `leads` preset needs neither.
 */
import type { Issue } from '../errors/issue.js';
import type { Field, Resource } from '../resource/types.js';

/** What a filter key names: its field, where it ranks among top-level filters, the to-many relation (else null). */
export interface Target {
  readonly field: Field;
  readonly rank: number;
  readonly many: string | null;
}

/** The name lists a resource allows: `filterable`, `sortable` or `selectable`. */
export type NameKind = 'filterable' | 'sortable' | 'selectable';

export interface Capabilities {
  /** An `or` / `and` parameter as the URL writes it (`or=(…)`), or '' (absent, or refused with issues). */
  group?: (resource: Resource, param: string, items: unknown, issues: Issue[]) => string;
  /**
   * The conditions of an `or` / `and` parameter's text, or the issue of its syntax;
   * undefined for another parameter or on a resource without groups.
   */
  readGroup?: (resource: Resource, param: string, text: string) => unknown;
  /** What a `relation.field` path names, or undefined. */
  path?: (resource: Resource, name: string) => Target | undefined;
  /** The `relation.field` paths a resource allows of a kind. */
  paths?: (resource: Resource, kind: NameKind) => string[];
}

export const capabilities: Capabilities = {};
