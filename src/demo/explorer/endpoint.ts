import type { FieldDefinition, Resource, ResourceDefinition } from '../../resource/index.js';

/** One list endpoint the explorer offers: where it is served and what it lists. */
export interface ExplorerEndpoint {
  /** The list route, e.g. `/leads`. */
  readonly path: string;
  readonly resource: Resource;
}

/** A resource definition with nothing the browser must not see (cursor secret, column names). */
export type PublicDefinition = ResourceDefinition<Record<string, FieldDefinition>>;

/** What the page learns about an endpoint: plain JSON, rebuilt with `defineResource` there. */
export interface PublicEndpoint {
  readonly path: string;
  readonly name: string;
  readonly definition: PublicDefinition;
}

/** The configuration the page reads from its HTML shell. */
export interface ExplorerConfig {
  readonly endpoints: readonly PublicEndpoint[];
  /** The key the API-key field starts with (the demo's public key), or '' for none. */
  readonly apiKey: string;
  /** Where the explain route lives: `${explainPrefix}${endpoint.path}?query`. */
  readonly explainPrefix: string;
}

/**
 * The endpoint as the page may see it: its definition without the cursor
 * secret (which would let anyone forge cursors) and without storage column
 * names (the API's names are the only ones a client uses).
 *
 * @example
 * publicEndpoint({ path: '/leads', resource: demoLeads }).definition.fields.createdAt;
 * // { type: 'datetime', sortable: true, filter: [ … ] }: no `column`
 */
export function publicEndpoint(endpoint: ExplorerEndpoint): PublicEndpoint {
  const { cursorSecret: _secret, ...definition } = endpoint.resource.definition;
  const fields = Object.fromEntries(
    Object.entries(definition.fields).map(([name, field]) => {
      const { column: _column, ...rest } = field as FieldDefinition;
      return [name, rest];
    }),
  );
  return {
    path: endpoint.path,
    name: endpoint.resource.name,
    definition: { ...definition, fields },
  };
}
