/**
 * A resource or relation name as part of a schema or operation name:
 * `labeled-leads` → `LabeledLeads`, `tags` → `Tags`.
 *
 * @example
 * pascalCase('labeled-leads'); // 'LabeledLeads'
 */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
