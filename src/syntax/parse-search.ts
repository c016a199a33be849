import { type FilterNode, search } from '../ast/index.js';
import { type Issue, issue } from '../errors/index.js';
import { MAX_SEARCH_WORDS, type Resource } from '../resource/index.js';

/** Whitespace as `String#trim` knows it, so splitting and trimming agree. */
const WHITESPACE = /\s+/u;

/**
 * The `search` nodes of a `search` value: the term trimmed of surrounding
 * whitespace (`search=%20john%20` is `john`), then one node for the whole
 * term (`substring` mode) or one per distinct word (`all-words` mode: every
 * word must occur in some searchable field, so the nodes are ANDed with the
 * other filters). An empty term, only whitespace, or too many words is an
 * issue. The length limit was checked on the raw value already.
 *
 * @example
 * parseSearch(leads, ' john ', []); // [search(['name', 'email', 'phone'], 'john')]
 */
export function parseSearch<F extends string>(
  resource: Resource<F>,
  text: string,
  issues: Issue[],
): readonly FilterNode<F>[] {
  if (resource.searchable.length === 0) {
    issues.push(
      issue('VALIDATION_ERROR', 'search', text, `${resource.name} does not support search`),
    );
    return [];
  }
  const term = text.trim();
  if (term === '') {
    const what = text === '' ? 'must not be empty' : 'must not be only whitespace';
    issues.push(issue('VALIDATION_ERROR', 'search', text, `search ${what}`));
    return [];
  }
  if (resource.search.mode === 'substring') return [search(resource.searchable, term)];
  const words = [...new Set(term.split(WHITESPACE))];
  if (words.length > MAX_SEARCH_WORDS) {
    issues.push(
      issue(
        'VALIDATION_ERROR',
        'search',
        text,
        `search takes at most ${MAX_SEARCH_WORDS} words, got ${words.length}`,
      ),
    );
    return [];
  }
  return words.map((word) => search(resource.searchable, word));
}
