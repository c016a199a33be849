/**
 * The SQL names of a query's relations: each related table is aliased after
 * its relation (`left join "labels" as "label"`), and a many-to-many join
 * table after its relation too (`"tags_link"`). Every name comes from the
 * definitions (relation names, the root table), never from input, and no
 * alias equals the root table's name or another alias, so a qualified column
 * always means the table it should, also inside a correlated subquery.
 */
import type { Relation, Resource } from '../../resource/index.js';

/** The aliases of one relation. */
export interface RelationAliases {
  /** The related rows' table. */
  readonly target: string;
  /** The join table of a many-to-many relation (its alias is always reserved). */
  readonly through: string;
}

const byResource = new WeakMap<Resource, Map<string, ReadonlyMap<string, RelationAliases>>>();

function build(resource: Resource, table: string): ReadonlyMap<string, RelationAliases> {
  // The root table is named by its last part in a qualified column; both forms are taken.
  const used = new Set<string>([table, table.split('.').at(-1)!]);
  const claim = (wanted: string): string => {
    let name = wanted;
    while (used.has(name)) name = `${name}_`;
    used.add(name);
    return name;
  };
  const out = new Map<string, RelationAliases>();
  // Relation names first, so an alias is the relation's own name wherever possible.
  const targets = new Map<string, string>();
  for (const relation of resource.relations.values()) {
    targets.set(relation.name, claim(relation.name));
  }
  for (const relation of resource.relations.values()) {
    out.set(relation.name, {
      target: targets.get(relation.name)!,
      through: claim(`${relation.name}_link`),
    });
  }
  return out;
}

/**
 * The aliases of `relation` in queries on `table` (the root resource's table).
 *
 * @example
 * relationAliases(labeledLeads, 'leads', relationOf(labeledLeads, 'tags')); // { target: 'tags', through: 'tags_link' }
 */
export function relationAliases(
  resource: Resource,
  table: string,
  relation: Relation,
): RelationAliases {
  let byTable = byResource.get(resource);
  if (byTable === undefined) {
    byTable = new Map();
    byResource.set(resource, byTable);
  }
  let aliases = byTable.get(table);
  if (aliases === undefined) {
    aliases = build(resource, table);
    byTable.set(table, aliases);
  }
  const found = aliases.get(relation.name);
  if (found === undefined) {
    throw new Error(
      `listql/kysely: relation '${relation.name}' is not a relation of '${resource.name}'`,
    );
  }
  return found;
}
