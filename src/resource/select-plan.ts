/**
 * What a query's `select` asks every backend to return, in one shape they all
 * share: the resource's own fields, and the embeds of related rows grouped by
 * relation. Backends build API rows from it, so the key order and grouping
 * are the same everywhere.
 */
import type { Relation } from './relation-types.js';
import type { Field, Resource } from './types.js';

/** One relation to embed and the related fields it returns, in the order `select` names them. */
export interface EmbedPlan {
  readonly relation: Relation;
  readonly fields: readonly Field[];
}

/** The own fields (id first, in `select` order) and the relations to embed (in first-mention order). */
export interface SelectPlan {
  readonly fields: readonly Field[];
  readonly embeds: readonly EmbedPlan[];
}

/**
 * The key of the annotation beside an embedded to-many relation: true when
 * the row has more related rows than the embed holds (`tags@more`). `@`
 * cannot appear in a field name, so it never collides with one.
 *
 * @example
 * moreKey(relationOf(labeledLeads, 'tags')); // 'tags@more'
 */
export function moreKey(relation: Relation): string {
  return `${relation.name}@more`;
}

const plans = new WeakMap<readonly string[], SelectPlan>();
const allPlans = new WeakMap<Resource, SelectPlan>();

function build(resource: Resource, names: readonly string[]): SelectPlan {
  const fields: Field[] = [];
  const embeds = new Map<string, { relation: Relation; fields: Field[] }>();
  for (const name of names) {
    const own = resource.fields.get(name);
    if (own !== undefined) {
      fields.push(own);
      continue;
    }
    const path = resource.paths.get(name);
    if (path === undefined) {
      throw new Error(`Resource '${resource.name}' has no field or relation path '${name}'`);
    }
    let embed = embeds.get(path.relation.name);
    if (embed === undefined) {
      embed = { relation: path.relation, fields: [] };
      embeds.set(path.relation.name, embed);
    }
    embed.fields.push(path.field);
  }
  return Object.freeze({
    fields: Object.freeze(fields),
    embeds: Object.freeze(
      [...embeds.values()].map((embed) =>
        Object.freeze({ relation: embed.relation, fields: Object.freeze(embed.fields) }),
      ),
    ),
  });
}

/**
 * The plan of `select` (`'all'`: every selectable own field, no embeds —
 * embeds are asked for by name). Plans are cached per (frozen) select array,
 * so compiling the same parsed query twice plans once. Throws an Error on a
 * name the resource does not have (an AST built by hand).
 *
 * @example
 * selectPlan(labeledLeads, ['id', 'label.name', 'tags.name']).embeds.map((e) => e.relation.name); // ['label', 'tags']
 */
export function selectPlan(resource: Resource, select: 'all' | readonly string[]): SelectPlan {
  if (select === 'all') {
    let plan = allPlans.get(resource);
    if (plan === undefined) {
      plan = build(resource, resource.selectable);
      allPlans.set(resource, plan);
    }
    return plan;
  }
  let plan = plans.get(select);
  // A select array belongs to one resource's query; the check keeps a shared array honest.
  if (
    plan === undefined ||
    (plan.fields[0] !== undefined && resource.fields.get(plan.fields[0].name) !== plan.fields[0])
  ) {
    plan = build(resource, select);
    plans.set(select, plan);
  }
  return plan;
}
