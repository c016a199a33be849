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

/** A block of the form bound to one part of the query (`T`: conditions, sort keys, fields). */
export interface FormPart<T> {
  readonly element: HTMLElement;
  /** What it holds now, and the targets of the parameters that carry it. */
  read(): { readonly value: T; readonly targets: IssueTarget[] };
  /** Shows this value again (from the address bar); what it does not own is ignored. */
  write(value: T): void;
}

/** A block bound to filter conditions. */
export type ConditionControl = FormPart<readonly Condition[]>;
