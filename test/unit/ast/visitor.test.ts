/** visitFilter dispatches on kind and recurses with the same visitor. */
import { describe, expect, it } from 'vitest';
import {
  and,
  comparison,
  eq,
  exists,
  type FilterNode,
  type FilterVisitor,
  foldedComparison,
  forEachFilterField,
  inList,
  ne,
  not,
  notIn,
  or,
  search,
  some,
  text,
  visitFilter,
} from '../../../src/index.js';

/** Prints a node as a small formula, to check dispatch and recursion. */
const printer: FilterVisitor<string, string> = {
  comparison: (n) => `${n.field} ${n.op} ${String(n.value)}`,
  in: (n) => `${n.field} in (${n.values.join(', ')})`,
  exists: (n) => `${n.field} ${n.exists ? 'is not' : 'is'} null`,
  text: (n) => `${n.field} ${n.op} ${n.value}`,
  foldedComparison: (n) => `fold(${n.field}) ${n.op} fold(${n.value})`,
  search: (n) => `search(${n.fields.join('|')}, ${n.term})`,
  and: (n, visit) => `(${n.children.map(visit).join(' and ') || 'true'})`,
  or: (n, visit) => `(${n.children.map(visit).join(' or ') || 'false'})`,
  not: (n, visit) => `not ${visit(n.child)}`,
  some: (n) => `some(${n.relation})`,
};

describe('visitFilter', () => {
  it.each<[FilterNode, string]>([
    [comparison('value', 'gte', 100), 'value gte 100'],
    [inList('status', ['won', 'lost']), 'status in (won, lost)'],
    [exists('gclid', true), 'gclid is not null'],
    [exists('gclid', false), 'gclid is null'],
    [search(['name', 'email'], 'jo'), 'search(name|email, jo)'],
    [text('name', 'startsWith', 'Ac'), 'name startsWith Ac'],
    [foldedComparison('name', 'gt', 'Ac'), 'fold(name) gt fold(Ac)'],
    [ne('status', 'won'), 'not status eq won'],
    [notIn('status', ['won', 'lost']), 'not status in (won, lost)'],
    [and([]), '(true)'],
    [or([]), '(false)'],
    [
      and([eq('a', 1), or([eq('b', 2), not(and([eq('c', 3), exists('d', true)]))])]),
      '(a eq 1 and (b eq 2 or not (c eq 3 and d is not null)))',
    ],
  ])('%#', (node, printed) => {
    expect(visitFilter(node, printer)).toBe(printed);
  });

  it('counts leaves (the JSDoc example)', () => {
    const countLeaves: FilterVisitor<string, number> = {
      comparison: () => 1,
      in: () => 1,
      exists: () => 1,
      text: () => 1,
      foldedComparison: () => 1,
      search: () => 1,
      some: () => 1,
      and: (n, visit) => n.children.reduce((s, c) => s + visit(c), 0),
      or: (n, visit) => n.children.reduce((s, c) => s + visit(c), 0),
      not: (n, visit) => visit(n.child),
    };
    expect(
      visitFilter(and([eq('a', 1), not(or([eq('b', 1), exists('c', true)]))]), countLeaves),
    ).toBe(3);
  });
});

describe('forEachFilterField', () => {
  it('names every leaf field through and / or / not, each search field, and hands over some without entering it', () => {
    const names: string[] = [];
    const relations: string[] = [];
    const tree = and([
      eq('status', 'won'),
      or([inList('source', ['api']), not(exists('gclid', true))]),
      search(['name', 'email'], 'acme'),
      some('tags', eq('name', 'vip')),
    ]);
    forEachFilterField(
      tree,
      (name) => names.push(name),
      (node) => relations.push(node.relation),
    );
    expect(names).toEqual(['status', 'source', 'gclid', 'name', 'email']);
    expect(relations).toEqual(['tags']);
  });
});
