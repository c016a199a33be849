/**
 * A control of the form as the rest of the page sees it: it reads its part
 * of the query, shows it again from the address bar, and says which element
 * answers for which parameter, so an issue from the API lands next to it.
 */
import type { Condition } from './explorer-query.js';

/** Where the issues of one parameter go: the control to mark and focus, and the message slot beside it. */
export interface IssueTarget {
  readonly param: string;
  readonly control: HTMLElement;
  readonly slot: HTMLElement;
}

/** A block of the form bound to conditions of the query. */
export interface ConditionControl {
  readonly element: HTMLElement;
  /** The conditions it holds now, and the targets of their parameters. */
  read(): { readonly conditions: Condition[]; readonly targets: IssueTarget[] };
  /** Shows these conditions (of its field); conditions it does not own are ignored. */
  write(conditions: readonly Condition[]): void;
}
