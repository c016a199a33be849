import type { FilterOperator } from '../ast/index.js';
import type { Issue, IssueCode } from '../errors/index.js';
import type { ReservedParam } from '../grammar.js';
import type { Field, Relation } from '../resource/index.js';

/** One value of a parameter, with the key the client used for it (alias or canonical). */
export interface ParamValue {
  readonly param: string;
  readonly value: string;
}

/**
 * All values sent for one reserved parameter or one `field[op]` filter; `at`
 * is the position of its first parameter in the request.
 */
export type ParamGroup =
  | {
      readonly kind: 'reserved';
      readonly name: ReservedParam;
      readonly at: number;
      readonly values: ParamValue[];
    }
  | {
      readonly kind: 'filter';
      readonly field: Field;
      readonly op: FilterOperator;
      /** The relation of a `relation.field` filter; null for the resource's own fields. */
      readonly relation: Relation | null;
      readonly at: number;
      readonly values: ParamValue[];
    };

/** An issue with the position of the parameter it is about, so issues can be reported in request order. */
export interface PositionedIssue {
  readonly at: number;
  readonly issue: Issue;
}

/** The issue code for problems with a group's values that are not about their meaning. */
export function groupCode(group: ParamGroup): IssueCode {
  // The boolean groups `or` and `and` are filters, whatever is wrong with them.
  if (group.kind === 'reserved' && group.name !== 'or' && group.name !== 'and') {
    return 'VALIDATION_ERROR';
  }
  return 'INVALID_FILTER';
}

/** The parameter name to show for a group, e.g. `value[gte]` or `sort`. */
export function groupParam(group: ParamGroup): string {
  if (group.kind === 'reserved') return group.name;
  return group.op === 'eq' ? group.field.name : `${group.field.name}[${group.op}]`;
}
