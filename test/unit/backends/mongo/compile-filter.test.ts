import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../../src/backends/mongo/compile-filter.js';
import { mongoStorage } from '../../../../src/backends/mongo/storage.js';
import {
  and,
  comparison,
  defineResource,
  eq,
  exists,
  type FilterNode,
  type FilterValue,
  inList,
  type LeadField,
  leads,
  not,
  or,
  parseListQuery,
  search,
  withColumns,
} from '../../../../src/index.js';

const storage = mongoStorage(leads);
const compile = (node: FilterNode<LeadField>) => compileFilter(node, storage);
const utc = (iso: string) => new Date(iso);

describe('compileFilter: the spec examples', () => {
  it('status=won&value[gte]=100', () => {
    const { filter } = parseListQuery(leads, 'status=won&value[gte]=100');
    expect(compile(filter)).toEqual({
      $and: [{ status: { $eq: 'won' } }, { value: { $gte: 100 } }],
    });
  });

  it('createdAt range on days and gclid[exists]=true', () => {
    const { filter } = parseListQuery(
      leads,
      'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true',
    );
    expect(compile(filter)).toEqual({
      $and: [
        { gclid: { $ne: null } },
        { createdAt: { $gte: utc('2026-01-01T00:00:00.000Z') } },
        { createdAt: { $lt: utc('2026-02-01T00:00:00.000Z') } },
      ],
    });
  });

  it('search=john&source=gtm,wordpress', () => {
    const { filter } = parseListQuery(leads, 'search=john&source=gtm,wordpress');
    const john = { $regex: '[Jj][Oo][Hh][Nn]' };
    expect(compile(filter)).toEqual({
      $and: [
        { source: { $in: ['gtm', 'wordpress'] } },
        { $or: [{ name: john }, { email: john }, { phone: john }] },
      ],
    });
  });

  it('updated_after maps to an instant bound on updatedAt', () => {
    const { filter } = parseListQuery(leads, 'updated_after=2024-01-15T10:00:00Z');
    expect(compile(filter)).toEqual({ updatedAt: { $gte: utc('2024-01-15T10:00:00.000Z') } });
  });
});

describe('compileFilter: null semantics', () => {
  it('exists: true is $ne null (neither null nor missing), false is $eq null (both)', () => {
    expect(compile(exists('gclid', true))).toEqual({ gclid: { $ne: null } });
    expect(compile(exists('gclid', false))).toEqual({ gclid: { $eq: null } });
  });

  it('not is $nor of the child, or and and nest as written', () => {
    expect(compile(not(comparison('value', 'gt', 5)))).toEqual({
      $nor: [{ value: { $gt: 5 } }],
    });
    expect(
      compile(or([eq('status', 'won'), and([exists('gclid', false), eq('value', 0)])])),
    ).toEqual({
      $or: [
        { status: { $eq: 'won' } },
        { $and: [{ gclid: { $eq: null } }, { value: { $eq: 0 } }] },
      ],
    });
  });

  it('folds constants: empty and is {}, empty or and empty in match nothing', () => {
    const nothing = { _id: { $in: [] } };
    expect(compile(and([]))).toEqual({});
    expect(compile(or([]))).toEqual(nothing);
    expect(compile(inList('status', []))).toEqual(nothing);
    expect(compile(not(and([])))).toEqual(nothing);
    expect(compile(not(or([])))).toEqual({});
    expect(compile(and([or([]), eq('status', 'won')]))).toEqual(nothing);
    expect(compile(or([and([]), eq('status', 'won')]))).toEqual({});
    expect(compile(and([and([]), eq('status', 'won')]))).toEqual({ status: { $eq: 'won' } });
  });
});

describe('compileFilter: dates', () => {
  const day = (op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte') =>
    compile(comparison('createdAt', op, '2026-01-31'));

  it('a day names the whole UTC day, as half-open bounds', () => {
    expect(day('eq')).toEqual({
      createdAt: { $gte: utc('2026-01-31T00:00:00.000Z'), $lt: utc('2026-02-01T00:00:00.000Z') },
    });
    expect(day('gt')).toEqual({ createdAt: { $gte: utc('2026-02-01T00:00:00.000Z') } });
    expect(day('gte')).toEqual({ createdAt: { $gte: utc('2026-01-31T00:00:00.000Z') } });
    expect(day('lt')).toEqual({ createdAt: { $lt: utc('2026-01-31T00:00:00.000Z') } });
    expect(day('lte')).toEqual({ createdAt: { $lt: utc('2026-02-01T00:00:00.000Z') } });
  });

  it('an instant is compared as a Date, unchanged', () => {
    const node = comparison('qualifiedAt', 'lte', '2026-01-31T23:59:59.999Z');
    const compiled = compile(node);
    expect(compiled).toEqual({ qualifiedAt: { $lte: utc('2026-01-31T23:59:59.999Z') } });
    expect((compiled['qualifiedAt'] as { $lte: unknown }).$lte).toBeInstanceOf(Date);
  });

  it('an in-list of days becomes one range per day', () => {
    expect(compile(inList('createdAt', ['2026-01-01', '2026-01-02T03:04:05.006Z']))).toEqual({
      $or: [
        {
          createdAt: {
            $gte: utc('2026-01-01T00:00:00.000Z'),
            $lt: utc('2026-01-02T00:00:00.000Z'),
          },
        },
        { createdAt: { $eq: utc('2026-01-02T03:04:05.006Z') } },
      ],
    });
  });

  it('refuses what is not a real day or canonical instant', () => {
    for (const bad of ['2026-02-30', '2026-01-31T10:00:00Z', 'soon', 20260131]) {
      expect(() => compile(comparison('createdAt', 'eq', bad))).toThrow(/datetime/);
    }
  });
});

describe('compileFilter: values are typed literals', () => {
  it('refuses a value of the wrong type instead of matching across BSON types', () => {
    expect(() => compile(eq('value', '100'))).toThrow(/needs a finite number value, got '100'/);
    expect(() => compile(eq('status', 1))).toThrow(/needs a string value/);
    expect(() => compile(eq('value', Number.NaN))).toThrow(/needs a finite number value/);
  });

  it('refuses an object smuggled in as a value', () => {
    const smuggled = { $ne: null } as unknown as FilterValue;
    expect(() => compile(eq('status', smuggled))).toThrow(/got object/);
    expect(() => compile(inList('labelId', ['a', smuggled]))).toThrow(/got object/);
  });

  it('refuses half a surrogate pair in any value or term: BSON text cannot carry one', () => {
    expect(() => compile(eq('website', 'a\uD800'))).toThrow(/lone surrogate/);
    expect(() => compile(inList('labelId', ['\uDC00', 'x']))).toThrow(/lone surrogate/);
    expect(() => compile(search(['name'], 'a\uD800b'))).toThrow(/lone surrogate/);
    expect(() => compile(comparison('website', 'gt', '\uD800'))).toThrow(/lone surrogate/);
  });

  it('refuses unknown fields and non-string search fields', () => {
    expect(() => compile(eq('nope' as LeadField, 'x'))).toThrow(/'nope' is not a field of leads/);
    expect(() => compile(search(['value'], '1'))).toThrow(/not a string field/);
  });

  it('bounds the search term by the resource limit', () => {
    expect(() => compile(search(['name'], 'x'.repeat(201)))).toThrow(/maxSearchLength \(200\)/);
    expect(compile(search(['name'], 'x'.repeat(200)))).toEqual({
      name: { $regex: '[Xx]'.repeat(200) },
    });
  });
});

describe('compileFilter: storage names', () => {
  it('uses columns from the resource and idColumn for the id field', () => {
    const snake = withColumns(leads, { createdAt: 'created_at', labelId: 'label_id' });
    const filter = and([
      comparison('createdAt', 'gte', '2026-01-01T00:00:00.000Z'),
      eq('labelId', 'l1'),
      eq('id', 'lead_1'),
    ]);
    expect(compileFilter(filter, mongoStorage(snake, { idColumn: 'leadId' }))).toEqual({
      $and: [
        { created_at: { $gte: utc('2026-01-01T00:00:00.000Z') } },
        { label_id: { $eq: 'l1' } },
        { leadId: { $eq: 'lead_1' } },
      ],
    });
  });

  it('refuses an idColumn that is not a plain name or collides with a column', () => {
    expect(() => mongoStorage(leads, { idColumn: '$where' })).toThrow(/idColumn/);
    expect(() => mongoStorage(leads, { idColumn: 'a.b' })).toThrow(/idColumn/);
    expect(() => mongoStorage(leads, { idColumn: '__proto__' })).toThrow(/unsafe key/);
    expect(() => mongoStorage(leads, { idColumn: 'name' })).toThrow(
      /'id' and 'name' both map to the document key 'name'|'name' and 'id'/,
    );
  });

  it('works for number ids and booleans', () => {
    const tasks = defineResource({
      name: 'tasks',
      fields: {
        id: { type: 'number', sortable: true },
        done: { type: 'boolean', nullable: true, filter: ['eq', 'exists'] },
      },
    });
    const node = and([eq('done', false), inList('id', [1, 2])]);
    expect(compileFilter(node, mongoStorage(tasks))).toEqual({
      $and: [{ done: { $eq: false } }, { _id: { $in: [1, 2] } }],
    });
    expect(() => compileFilter(eq('done', 'false'), mongoStorage(tasks))).toThrow(/boolean/);
  });
});
