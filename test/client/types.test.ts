/**
 * What must compile and what must not: filters, operators, values, sort keys
 * and fields are typed from the resource definition, rows from the field
 * types. Every `@ts-expect-error` line is checked by `npm run check` (tsc):
 * if it compiled, tsc would report the unused directive.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  type FilterableField,
  type FilterablePath,
  fetchList,
  type GroupCondition,
  type ListPage,
  type ListParams,
  listUrl,
  pages,
  type Row,
  type SelectableField,
  type SelectablePath,
  type SortableField,
  type SortablePath,
} from '../../src/client/index.js';
import { labeledLeads, leads, withColumns } from '../../src/index.js';
import { products } from './fixtures.js';

type Leads = typeof leads;
type Products = typeof products;

describe('request types', () => {
  it('accept what the resource allows', () => {
    const request: ListParams<Leads> = {
      filter: {
        status: ['won', 'lost'],
        source: 'gtm',
        value: { gte: 100, lt: 500 },
        createdAt: { gte: new Date(), lt: '2026-02-01' },
        qualifiedAt: { exists: true },
        gclid: { exists: false },
      },
      search: 'acme',
      sort: [['value', 'desc'], 'createdAt'],
      fields: ['id', 'name'],
      limit: 20,
      page: 2,
      count: 'estimated',
    };
    expectTypeOf(listUrl(leads, request)).toEqualTypeOf<string>();
    expectTypeOf(listUrl(products, { filter: { active: true, rating: [1, 2] } })).toBeString();
    expectTypeOf(
      listUrl(products, {
        filter: {
          title: { startsWith: 'ac', ne: 'x' },
          kind: { nin: ['book'] },
          tag: { nin: 'a' },
        },
      }),
    ).toBeString();
  });

  it('refuse what it does not', () => {
    // Never called: these lines exist for the type checker (at run time each would throw).
    const refused = () => {
      // @ts-expect-error 'closed' is not a status
      listUrl(leads, { filter: { status: 'closed' } });
      // @ts-expect-error nor in a list
      listUrl(leads, { filter: { status: ['won', 'closed'] } });
      // @ts-expect-error phone is not filterable
      listUrl(leads, { filter: { phone: '+1' } });
      // @ts-expect-error no such field
      listUrl(leads, { filter: { colour: 'red' } });
      // @ts-expect-error value allows no exists
      listUrl(leads, { filter: { value: { exists: true } } });
      // @ts-expect-error a number field takes numbers
      listUrl(leads, { filter: { value: { gte: '100' } } });
      // @ts-expect-error website takes one value, not a list
      listUrl(leads, { filter: { website: ['a', 'b'] } });
      // @ts-expect-error no eq on products.launched, so no bare value
      listUrl(products, { filter: { launched: '2026-01-01' } });
      // @ts-expect-error exists takes a boolean
      listUrl(leads, { filter: { gclid: { exists: 'yes' } } });
      // @ts-expect-error phone is not sortable
      listUrl(leads, { sort: [['phone', 'asc']] });
      // @ts-expect-error no such direction
      listUrl(leads, { sort: [['value', 'up']] });
      // @ts-expect-error cost is not selectable
      listUrl(products, { fields: ['cost'] });
      // @ts-expect-error an unknown request key
      listUrl(products, { serch: 'x' });
      // @ts-expect-error leads declares no nin on status
      listUrl(leads, { filter: { status: { nin: ['won'] } } });
      // @ts-expect-error contains takes text
      listUrl(products, { filter: { title: { contains: 5 } } });
      // @ts-expect-error rating allows no contains
      listUrl(products, { filter: { rating: { contains: '5' } } });
      // @ts-expect-error count strategies are exact, estimated, none
      listUrl(leads, { count: 'maybe' });
    };
    expectTypeOf(refused).toBeFunction();
  });

  it('type the conditions of boolean groups like filters', () => {
    const grouped: ListParams<Leads> = {
      or: [{ status: 'won' }, { value: { gte: 100 }, gclid: { exists: true } }],
      and: [{ not: { source: ['api', 'gtm'] } }, { or: [{ labelId: 'a' }] }],
    };
    expectTypeOf(grouped.or).toEqualTypeOf<readonly GroupCondition<Leads>[] | undefined>();
    const refused = () => {
      // @ts-expect-error 'closed' is not a status, inside a group either
      listUrl(leads, { or: [{ status: 'closed' }] });
      // @ts-expect-error value allows no exists, inside a nested not either
      listUrl(leads, { and: [{ not: { value: { exists: true } } }] });
    };
    expectTypeOf(refused).toBeFunction();
  });

  it('derive field lists', () => {
    expectTypeOf<SortableField<Leads>>().toEqualTypeOf<
      'name' | 'email' | 'status' | 'value' | 'createdAt' | 'updatedAt' | 'qualifiedAt'
    >();
    expectTypeOf<FilterableField<Products>>().toEqualTypeOf<
      'title' | 'active' | 'rating' | 'kind' | 'tag' | 'launched'
    >();
    expectTypeOf<SelectableField<Products>>().toEqualTypeOf<
      'sku' | 'title' | 'active' | 'rating' | 'kind' | 'tag' | 'launched'
    >();
  });

  it('survive withColumns', () => {
    const snake = withColumns(leads, { createdAt: 'created_at' });
    // @ts-expect-error still a typed resource
    expectTypeOf(listUrl<typeof snake>).toBeCallableWith(snake, { filter: { status: 'closed' } });
    expectTypeOf<Row<typeof snake>['status']>().toEqualTypeOf<
      'open' | 'qualified' | 'won' | 'lost'
    >();
  });
});

describe('row types', () => {
  it('follow the field types: nullable | null, dates as strings, enums as unions', () => {
    type Lead = Row<Leads>;
    expectTypeOf<Lead['id']>().toEqualTypeOf<string>();
    expectTypeOf<Lead['value']>().toEqualTypeOf<number | null>();
    expectTypeOf<Lead['createdAt']>().toEqualTypeOf<string>();
    expectTypeOf<Lead['qualifiedAt']>().toEqualTypeOf<string | null>();
    expectTypeOf<Lead['ad_storage']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<Lead['status']>().toEqualTypeOf<'open' | 'qualified' | 'won' | 'lost'>();
    expectTypeOf<Row<Products>['kind']>().toEqualTypeOf<'book' | 'game' | 'tool' | null>();
    expectTypeOf<keyof Row<Products>>().not.toEqualTypeOf<'cost'>();
  });

  it('narrow to the selected fields, the id always there', () => {
    const load = () => fetchList('/leads', leads, { fields: ['name', 'value'] });
    type Data = Awaited<ReturnType<typeof load>>['data'][number];
    expectTypeOf<Data>().toEqualTypeOf<{
      readonly id: string;
      readonly name: string | null;
      readonly value: number | null;
    }>();
    const all = () => fetchList('/leads', leads);
    expectTypeOf<Awaited<ReturnType<typeof all>>>().toEqualTypeOf<ListPage<Leads>>();
    const walk = () => pages('/products', products, { fields: ['title'] });
    type Walked = ReturnType<typeof walk> extends AsyncGenerator<infer P> ? P : never;
    expectTypeOf<Walked['data'][number]>().toEqualTypeOf<{
      readonly sku: number;
      readonly title: string | null;
    }>();
  });
});

describe('relation types', () => {
  type Labeled = typeof labeledLeads;

  it('derive the paths each relation allows', () => {
    expectTypeOf<FilterablePath<Labeled>>().toEqualTypeOf<
      | 'label.id'
      | 'label.name'
      | 'label.color'
      | 'label.priority'
      | 'tags.id'
      | 'tags.name'
      | 'notes.id'
      | 'notes.leadId'
      | 'notes.body'
      | 'notes.pinned'
      | 'notes.createdAt'
    >();
    // Only to-one fields sort.
    expectTypeOf<SortablePath<Labeled>>().toEqualTypeOf<
      'label.id' | 'label.name' | 'label.color' | 'label.priority'
    >();
    expectTypeOf<SelectablePath<Labeled>>().toEqualTypeOf<
      | 'label.id'
      | 'label.name'
      | 'label.color'
      | 'label.priority'
      | 'tags.id'
      | 'tags.name'
      | 'notes.id'
      | 'notes.leadId'
      | 'notes.body'
      | 'notes.pinned'
      | 'notes.createdAt'
    >();
    expectTypeOf<FilterablePath<Leads>>().toBeNever();
  });

  it('accept the paths, operators and values the related fields allow', () => {
    const request: ListParams<Labeled> = {
      filter: {
        'label.name': 'VIP',
        'tags.name': ['vip', 'hot'],
        'label.priority': { gte: 2, exists: true },
        'label.color': { exists: false },
        'notes.createdAt': { gte: new Date() },
        'notes.pinned': true,
      },
      and: [{ 'tags.name': 'vip', 'tags.id': 't1' }, { not: { 'tags.name': { ne: 'x' } } }],
      sort: [['label.name', 'asc'], 'label.priority', ['value', 'desc']],
      fields: ['id', 'name', 'label.name', 'tags.name'],
    };
    expectTypeOf(listUrl(labeledLeads, request)).toBeString();
  });

  it('refuse the paths, operators and values they do not', () => {
    const refused = () => {
      // @ts-expect-error no such relation
      listUrl(labeledLeads, { filter: { 'lable.name': 'x' } });
      // @ts-expect-error no such field on the relation
      listUrl(labeledLeads, { filter: { 'label.nmae': 'x' } });
      // @ts-expect-error tags.name allows no gt
      listUrl(labeledLeads, { filter: { 'tags.name': { gt: 'a' } } });
      // @ts-expect-error a number field takes numbers, through a relation too
      listUrl(labeledLeads, { filter: { 'label.priority': { gte: '2' } } });
      // @ts-expect-error deletedAt is not filterable
      listUrl(labeledLeads, { filter: { 'tags.deletedAt': { exists: true } } });
      // @ts-expect-error notes.body takes no list (and no eq)
      listUrl(labeledLeads, { filter: { 'notes.body': ['a', 'b'] } });
      // @ts-expect-error to-many fields do not sort
      listUrl(labeledLeads, { sort: [['tags.name', 'asc']] });
      // @ts-expect-error nor bare
      listUrl(labeledLeads, { sort: ['notes.createdAt'] });
      // @ts-expect-error deletedAt is not selectable
      listUrl(labeledLeads, { fields: ['tags.deletedAt'] });
      // @ts-expect-error inside a group too
      listUrl(labeledLeads, { or: [{ 'tags.name': { gt: 'a' } }] });
      // @ts-expect-error a resource without relations has no paths
      listUrl(leads, { filter: { 'label.name': 'VIP' } });
    };
    expectTypeOf(refused).toBeFunction();
  });

  it('type rows with their embeds, narrowed to the selected fields', () => {
    const load = () =>
      fetchList('/labeled-leads', labeledLeads, {
        fields: ['id', 'name', 'label.name', 'label.priority', 'tags.name'],
      });
    type Data = Awaited<ReturnType<typeof load>>['data'][number];
    expectTypeOf<Data>().toEqualTypeOf<{
      readonly id: string;
      readonly name: string | null;
      readonly label: { readonly name: string; readonly priority: number | null } | null;
      readonly tags: readonly { readonly name: string }[];
      readonly 'tags@more': boolean;
    }>();
    expectTypeOf<Row<Labeled, 'notes.body'>>().toEqualTypeOf<{
      readonly id: string;
      readonly notes: readonly { readonly body: string }[];
      readonly 'notes@more': boolean;
    }>();
    // No fields: every own field, no embed.
    expectTypeOf<keyof Row<Labeled>>().toEqualTypeOf<keyof Row<Leads>>();
  });
});
