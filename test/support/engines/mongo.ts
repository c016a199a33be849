/**
 * The MongoDB engine of the shared suites. No MongoDB server can run here, so
 * the generated filters and pipelines are executed by mingo, an independent
 * JavaScript implementation of MongoDB's query and aggregation language.
 *
 * Rows are stored the way MongoDB would hold them: keyed by column, the id in
 * `_id`, dates as `Date`. Half of the null cells are left out of the document
 * instead of stored as null (alternating by row and column), so every query
 * meets both forms of "no value".
 *
 * Where mingo departs from MongoDB's documented semantics, this engine
 * follows the documentation (see docs/backends/mongo.md, "Testing"):
 * - `$sort` compares strings by code point (MongoDB: binary UTF-8 comparison);
 *   mingo compares UTF-16 code units, which misorders U+E000–U+FFFF against
 *   astral characters; the query operators `$gt`, `$gte`, `$lt` and `$lte`
 *   likewise compare strings by code point here (keyset pages lean on them),
 *   and so do the expression operators of the same names (the folded
 *   comparisons of case-insensitive keyset pages run in `$expr`);
 * - `$count` over nothing yields no document (mingo yields `{ total: 0 }`;
 *   `readTotal` accepts both);
 * - the `simple` collation is binary comparison (mingo would hand the locale
 *   name to `Intl.Collator`), so the engine checks it is asked for and leaves
 *   it out.
 */
import { isDeepStrictEqual } from 'node:util';
import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import { Lazy, type Iterator as MingoIterator } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { AnyObject, Options } from 'mingo/types';
import type { AggregateOptions, Document } from 'mongodb';
import {
  compileMongo,
  type MongoAggregateTarget,
  type MongoFindQuery,
  type MongoSort,
  runMongo,
} from '../../../src/backends/mongo/index.js';
import type { ListQuery, Resource } from '../../../src/index.js';
import type { ApiRow, Engine, EngineResult, LoadedDataset, StoredRow } from '../engine.js';

/** MongoDB's order of the BSON types this engine stores (null and missing are one). */
const TYPE_RANK = { null: 0, number: 1, string: 2, boolean: 3, date: 4 } as const;

function typeRank(value: unknown): number {
  if (value === null || value === undefined) return TYPE_RANK.null;
  if (value instanceof Date) return TYPE_RANK.date;
  const type = typeof value;
  if (type === 'number' || type === 'string' || type === 'boolean') return TYPE_RANK[type];
  throw new Error(`mongo engine: cannot order a ${type} value`);
}

/** Code point order of two strings, the order of their UTF-8 bytes. */
function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const diff = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
}

/** MongoDB's comparison of two scalar values, as documented in "Comparison/Sort Order". */
export function compareBson(a: unknown, b: unknown): number {
  const rank = typeRank(a) - typeRank(b);
  if (rank !== 0 || a === null || a === undefined) return rank;
  if (typeof a === 'string') return compareCodePoints(a, b as string);
  if (a instanceof Date) return a.getTime() - (b as Date).getTime();
  return Number(a) - Number(b);
}

/**
 * The value at a key of a document, a dotted key read through sub-documents
 * (`listql-rel-label.name`: the looked-up to-one document's field); missing
 * through a null or a non-object, as in MongoDB.
 */
function valueAt(document: AnyObject, key: string): unknown {
  let value: unknown = document;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as AnyObject)[part];
  }
  return value;
}

/** Orders documents by a sort specification (keys, dotted ones through sub-documents), stably. */
function sortDocuments(documents: AnyObject[], spec: MongoSort): AnyObject[] {
  const keys = Object.entries(spec);
  return [...documents].sort((x, y) => {
    for (const [key, direction] of keys) {
      const order = compareBson(valueAt(x, key), valueAt(y, key));
      if (order !== 0) return order * direction;
    }
    return 0;
  });
}

/** The `$sort` stage with MongoDB's order, in place of mingo's. */
function $sort(collection: MingoIterator, spec: MongoSort): MingoIterator {
  return collection.transform((documents: AnyObject[]) => Lazy(sortDocuments(documents, spec)));
}

type QueryOperator = (typeof queryOperators)['$gt'];

/**
 * A range query operator that compares a string operand by code point, as
 * MongoDB does under the simple collation; other operands go to mingo's own.
 * Documents here hold scalars at keys (dotted ones through the one
 * sub-document of a to-one relation), so the selector is a key.
 */
function codePointRange(original: QueryOperator, holds: (order: number) => boolean): QueryOperator {
  return (selector, value, options) => {
    if (typeof value !== 'string') return original(selector, value, options);
    return (document: AnyObject) => {
      const cell = valueAt(document, selector);
      return typeof cell === 'string' && holds(compareCodePoints(cell, value));
    };
  };
}

type ExpressionOperator = (typeof expressionOperators)['$gt'];

/**
 * An expression comparison (`{ $gt: [a, b] }`) that compares two strings by
 * code point, as MongoDB does under the simple collation; anything else goes
 * to mingo's own operator.
 */
function codePointExpression(
  original: ExpressionOperator,
  holds: (order: number) => boolean,
): ExpressionOperator {
  return (document, expression, options) => {
    const [a, b] = evalExpr(document, expression, options) as unknown[];
    if (typeof a !== 'string' || typeof b !== 'string') {
      return original(document, expression, options);
    }
    return holds(compareCodePoints(a, b));
  };
}

type PipelineOperator = (typeof pipelineOperators)['$lookup'];

/**
 * `$lookup` whose pipeline starts with `$documents` reading a `let` variable
 * (MongoDB 6.0+: "$documents accepts … variables in scope from $lookup
 * expressions"; listql looks up an embedded relation's sub-documents this
 * way). mingo evaluates such a `$documents` once, without the variables, so
 * this form is run here: per document, the variable named by `$documents`,
 * then the rest of the pipeline by mingo. Every other `$lookup` is mingo's.
 */
const $lookup: PipelineOperator = (collection, expr, options) => {
  const spec = expr as { let?: AnyObject; pipeline?: AnyObject[]; as: string; from?: unknown };
  const source = spec.pipeline?.[0]?.['$documents'];
  if (spec.from !== undefined || source === undefined) {
    return pipelineOperators.$lookup(collection, expr, options);
  }
  if (typeof source !== 'string' || !source.startsWith('$$')) {
    throw new Error('mongo engine: $documents in $lookup must read a let variable');
  }
  const rest = new Aggregator(spec.pipeline!.slice(1), options);
  return collection.map((document) => {
    const variables = evalExpr(document as AnyObject, spec.let ?? {}, options) as AnyObject;
    const rows = variables[source.slice(2)];
    if (!Array.isArray(rows)) throw new Error('mongo engine: $documents must resolve to an array');
    return { ...(document as AnyObject), [spec.as]: rest.run(structuredClone(rows)) };
  });
};

/** Every mingo operator, with `$sort`, `$lookup` of `$documents` and the string range comparisons replaced. */
const context = Context.init({
  accumulator: accumulatorOperators,
  expression: {
    ...expressionOperators,
    $gt: codePointExpression(expressionOperators.$gt, (order) => order > 0),
    $gte: codePointExpression(expressionOperators.$gte, (order) => order >= 0),
    $lt: codePointExpression(expressionOperators.$lt, (order) => order < 0),
    $lte: codePointExpression(expressionOperators.$lte, (order) => order <= 0),
  },
  pipeline: { ...pipelineOperators, $sort, $lookup } as unknown as typeof pipelineOperators,
  projection: projectionOperators,
  query: {
    ...queryOperators,
    $gt: codePointRange(queryOperators.$gt, (order) => order > 0),
    $gte: codePointRange(queryOperators.$gte, (order) => order >= 0),
    $lt: codePointRange(queryOperators.$lt, (order) => order < 0),
    $lte: codePointRange(queryOperators.$lte, (order) => order <= 0),
  },
  window: windowOperators,
});
const mingoOptions: Partial<Options> = { context };

/** mingo's options where `$lookup` finds the named `collections`. */
export function optionsWith(
  collections: Readonly<Record<string, readonly AnyObject[]>>,
): Partial<Options> {
  return {
    context,
    collectionResolver: (name: string) => {
      const found = collections[name];
      if (found === undefined) throw new Error(`mongo engine: no collection '${name}'`);
      return [...found];
    },
  };
}

/** A collection as `runMongo` sees it, answering with mingo (`$lookup` reads `collections`). */
export function mingoCollection(
  documents: readonly AnyObject[],
  collections: Readonly<Record<string, readonly AnyObject[]>> = {},
): MongoAggregateTarget {
  const options = optionsWith(collections);
  return {
    aggregate(pipeline: Document[], aggregateOptions?: AggregateOptions) {
      if (aggregateOptions?.collation?.locale !== 'simple') {
        throw new Error('mongo engine: expected the simple collation');
      }
      const result = new Aggregator(pipeline, options).run([...documents]);
      // MongoDB's $count outputs nothing for no input; mingo outputs a zero.
      const last = pipeline.at(-1);
      const counted = last !== undefined && '$count' in last;
      const empty = counted && result.length === 1 && result[0]?.[last.$count] === 0;
      return { toArray: async () => (empty ? [] : result) };
    },
  };
}

/** The page that `find(filter).sort().skip().limit()` gives. */
function runFind(documents: readonly AnyObject[], find: MongoFindQuery): ApiRow[] {
  const matched = new Query(find.filter, mingoOptions).find<AnyObject>([...documents]).all();
  const page = sortDocuments(matched, find.sort).slice(find.skip, find.skip + find.limit);
  return new Query({}, mingoOptions).find<AnyObject>(page, find.projection).all().map(toApiRow);
}

/** The total `countDocuments(filter)` gives. */
function countDocuments(documents: readonly AnyObject[], filter: Document): number {
  return new Query(filter, mingoOptions).find<AnyObject>([...documents]).all().length;
}

/**
 * The documents MongoDB would hold for `rows`: the id in `_id`, dates as
 * `Date`, and every other null cell left out instead of stored as null.
 */
export function toDocument(resource: Resource, row: StoredRow, index: number): AnyObject {
  const document: AnyObject = {};
  resource.fieldList.forEach((field, position) => {
    const key = field.name === resource.idField ? '_id' : field.column;
    const cell = row[field.column];
    if (cell === null || cell === undefined) {
      if ((index + position) % 2 === 0) document[key] = null;
      return;
    }
    document[key] = field.type === 'datetime' ? new Date(cell as string | Date) : cell;
  });
  return document;
}

/** A value as the API writes it: dates as ISO strings, embedded documents and arrays alike. */
function toApiValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toApiValue);
  if (value !== null && typeof value === 'object') return toApiRow(value as AnyObject);
  return value;
}

/** A returned document as the API row it stands for (what `JSON.stringify` would print). */
export function toApiRow(document: AnyObject): ApiRow {
  return Object.fromEntries(
    Object.entries(document).map(([key, value]) => [key, toApiValue(value)]),
  );
}

function loadDataset(resource: Resource, rows: readonly StoredRow[]): LoadedDataset {
  let documents = rows.map((row, index) => toDocument(resource, row, index));
  return {
    async run(query: ListQuery): Promise<EngineResult> {
      const page = await runMongo(mingoCollection(documents), resource, query);
      const result = { ...page, data: page.data.map(toApiRow) };
      const { find, filter } = compileMongo(resource, query);
      if (find) {
        const viaFind = {
          data: runFind(documents, find),
          total: page.total === null ? null : countDocuments(documents, filter),
        };
        if (!isDeepStrictEqual(viaFind, { data: result.data, total: result.total })) {
          throw new Error(
            `mongo engine: find() and the pipeline disagree\n` +
              `pipeline: ${JSON.stringify(result)}\nfind:     ${JSON.stringify(viaFind)}`,
          );
        }
      }
      return result;
    },
    async drop() {
      documents = [];
    },
  };
}

/**
 * The MongoDB backend run by mingo over in-memory documents.
 *
 * @example
 * const dataset = await mongoEngine.load(leads, rows);
 * const { data, total } = await dataset.run(parseListQuery(leads, 'sort=name'));
 */
export const mongoEngine: Engine = {
  name: 'mongo (mingo)',
  async load(resource, rows) {
    return loadDataset(resource, rows);
  },
  async close() {},
};

/** Related rows by table (the memory backend's `related`): targets and join rows, keyed by column. */
export type RelatedRows = Readonly<Record<string, readonly StoredRow[]>>;

/** A join-collection row as MongoDB would hold it: every other null left out. */
function toJoinDocument(row: StoredRow, index: number): AnyObject {
  const document: AnyObject = {};
  Object.entries(row).forEach(([key, cell], position) => {
    if (cell === null || cell === undefined) {
      if ((index + position) % 2 === 0) document[key] = null;
      return;
    }
    document[key] = cell;
  });
  return document;
}

/**
 * The documents and collections MongoDB would hold for `rows` and their
 * related rows: each relation's targets (`toDocument` of the related
 * resource: id in `_id`, dates as `Date`) in `relation.table`, join rows in
 * `through.table`, and an embedded relation's sub-documents converted the
 * same way inside each row at `relation.column`.
 */
export function relatedDocuments(
  resource: Resource,
  rows: readonly StoredRow[],
  related: RelatedRows,
): { documents: AnyObject[]; collections: Record<string, AnyObject[]> } {
  const collections: Record<string, AnyObject[]> = {};
  for (const relation of resource.relationList) {
    if (relation.embedded) continue;
    collections[relation.table] = (related[relation.table] ?? []).map((row, index) =>
      toDocument(relation.target, row, index),
    );
    if (relation.through !== null) {
      collections[relation.through.table] = (related[relation.through.table] ?? []).map(
        toJoinDocument,
      );
    }
  }
  const documents = rows.map((row, index) => {
    const document = toDocument(resource, row, index);
    for (const relation of resource.relationList) {
      if (!relation.embedded) continue;
      const stored = row[relation.column];
      if (Array.isArray(stored)) {
        document[relation.column] = stored.map((sub: StoredRow, at) =>
          toDocument(relation.target, sub, at),
        );
      } else if (stored !== null && typeof stored === 'object') {
        document[relation.column] = toDocument(relation.target, stored as StoredRow, index);
      } else if (stored === null && index % 2 === 0) {
        document[relation.column] = null;
      }
    }
    return document;
  });
  return { documents, collections };
}

/**
 * Runs `query` on `rows` and their related rows through `runMongo` on mingo,
 * API values out (ISO dates, embeds included). The find form, when offered,
 * must give the same page.
 *
 * @example
 * const result = await runRelated(labeledLeads, query, leadRows, { labels, tags, lead_tags, notes });
 */
export async function runRelated(
  resource: Resource,
  query: ListQuery,
  rows: readonly StoredRow[],
  related: RelatedRows,
): Promise<EngineResult> {
  const { documents, collections } = relatedDocuments(resource, rows, related);
  const page = await runMongo(mingoCollection(documents, collections), resource, query);
  const result = { ...page, data: page.data.map(toApiRow) };
  const { find, filter, lookups } = compileMongo(resource, query);
  if (find) {
    const viaFind = {
      data: runFind(documents, find),
      total:
        page.total === null || lookups.length > 0 ? page.total : countDocuments(documents, filter),
    };
    if (!isDeepStrictEqual(viaFind, { data: result.data, total: result.total })) {
      throw new Error(
        `mongo engine: find() and the pipeline disagree\n` +
          `pipeline: ${JSON.stringify(result)}\nfind:     ${JSON.stringify(viaFind)}`,
      );
    }
  }
  return result;
}

/**
 * The MongoDB backend run by mingo in the relation differential test: each
 * dataset becomes documents and named collections (`relatedDocuments`),
 * answered through `runRelated` (pipeline, and the find form when offered).
 *
 * @example
 * const loaded = await mongoRelationEngine.load(cards, dataset);
 */
export const mongoRelationEngine = {
  name: 'mongo (mingo)',
  embedded: true,
  async load(resource: Resource, dataset: { rows: readonly StoredRow[]; related: RelatedRows }) {
    return {
      run: (query: ListQuery) => runRelated(resource, query, dataset.rows, dataset.related),
      drop: async () => {},
    };
  },
  async close() {},
};
