/**
 * What must compile and what must not: filters, operators, values, sort keys
 * and fields are typed from the resource definition, rows from the field
 * types. Every `@ts-expect-error` line is checked by `npm run check` (tsc):
 * if it compiled, tsc would report the unused directive.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  type FilterableField,
  fetchList,
  type GroupCondition,
  type ListPage,
  type ListParams,
  listUrl,
  pages,
  type Row,
  type SelectableField,
  type SortableField,
} from '../../src/client/index.js';
import { leads, withColumns } from '../../src/index.js';
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
