/**
 * `listql/testing`: fast-check arbitraries for property-testing list endpoints
 * built on listql, for any resource. fast-check is an optional peer dependency.
 *
 * @example
 * import fc from 'fast-check';
 * import { leads, parseListQuery, formatListQuery } from 'listql';
 * import { listQueryArbitrary } from 'listql/testing';
 * fc.assert(fc.property(listQueryArbitrary(leads), (q) =>
 *   JSON.stringify(parseListQuery(leads, formatListQuery(leads, q))) === JSON.stringify(q)));
 */
export { aimedQueryArbitrary } from './aimed-queries.js';
export {
  filterTreeArbitrary,
  listQueryArbitrary,
  type QueryArbitraryOptions,
  queryStringArbitrary,
  type ValueArbitraries,
} from './arbitraries.js';
export { groupNodeArbitrary } from './group-arbitrary.js';
export {
  type GeneratedDocument,
  type RelatedDataset,
  type RelatedDatasetOptions,
  relatedDatasetArbitrary,
} from './related-dataset-arbitrary.js';
export { type RelationQueryOptions, relationQueryArbitrary } from './relation-query-arbitrary.js';
export { type GeneratedRow, type RowsArbitraryOptions, rowsArbitrary } from './rows-arbitrary.js';
export {
  generateLeads,
  LEAD_SOURCES,
  LEAD_STATUSES,
  type Random,
  type SyntheticLead,
  seededRandom,
} from './synthetic-leads.js';
export { awkwardDay, awkwardInstant, awkwardNumber, awkwardString } from './value-pools.js';
