/** Names shown in one message at most; a resource with hundreds of fields must not make every 400 huge. */
const SHOWN_NAMES = 50;

/**
 * `a, b, c` for a message, cut after 50 names with how many more there are.
 *
 * @example
 * nameList(['status', 'value']); // 'status, value'
 * nameList(names60); // 'f0, f1, …, f49 and 10 more'
 */
export function nameList(names: readonly string[]): string {
  if (names.length <= SHOWN_NAMES) return names.join(', ');
  return `${names.slice(0, SHOWN_NAMES).join(', ')} and ${names.length - SHOWN_NAMES} more`;
}
