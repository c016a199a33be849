import type { IssueTarget } from './control.js';
import { h } from './dom.js';
import type { PageIssue } from './explorer-query.js';

/** Removes every shown issue: the messages, the marks on the controls, the summary. */
export function clearIssues(root: HTMLElement, summary: HTMLElement): void {
  for (const slot of root.querySelectorAll<HTMLElement>('.issue')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const control of root.querySelectorAll<HTMLElement>('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    // Back to the description it had before (a hint), if any.
    const before = control.dataset['describedby'] ?? '';
    if (before === '') control.removeAttribute('aria-describedby');
    else control.setAttribute('aria-describedby', before);
  }
  summary.hidden = true;
  summary.replaceChildren();
}

/**
 * Shows each issue next to the control of its parameter (marked
 * `aria-invalid`, described by the message, its `<details>` opened), and
 * all of them in a summary at the top of the form whose links move focus to
 * the controls; the summary takes focus so a screen reader reads it. An
 * issue no control owns (the request as a whole) is shown in the summary only.
 *
 * @example
 * showIssues(form, summary, [{ param: 'value[gte]', message: "value[gte] must be a number, got 'abc'" }], targets);
 */
export function showIssues(
  root: HTMLElement,
  summary: HTMLElement,
  issues: readonly PageIssue[],
  targets: readonly IssueTarget[],
): void {
  clearIssues(root, summary);
  const links: HTMLElement[] = [];
  for (const issue of issues) {
    const owners = targets.filter((t) => t.param === issue.param);
    for (const target of owners) {
      target.slot.hidden = false;
      target.slot.textContent = target.slot.textContent
        ? `${target.slot.textContent} ${issue.message}`
        : issue.message;
      if (target.control.getAttribute('aria-invalid') !== 'true') {
        const before = target.control.getAttribute('aria-describedby') ?? '';
        target.control.dataset['describedby'] = before;
        target.control.setAttribute('aria-invalid', 'true');
        // The message first: it is what a screen reader should say before the hint.
        target.control.setAttribute('aria-describedby', `${target.slot.id} ${before}`.trim());
      }
      const details = target.control.closest('details');
      if (details) details.open = true;
    }
    const first = owners[0];
    const text = issue.param === null ? issue.message : `${issue.message}`;
    links.push(
      h(
        'li',
        {},
        first
          ? h('a', { href: `#${first.control.id}`, 'data-param': issue.param ?? '' }, text)
          : text,
      ),
    );
  }
  const count =
    issues.length === 1 ? 'The query has a problem' : `The query has ${issues.length} problems`;
  summary.replaceChildren(h('h2', {}, count), h('ul', {}, links));
  summary.hidden = false;
  summary.focus();
}
