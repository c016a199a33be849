/** The keys a client request object may have (`listUrl`, `buildListQuery`, the table state). */
export const REQUEST_KEYS = [
  'filter',
  'or',
  'and',
  'search',
  'sort',
  'fields',
  'limit',
  'page',
  'after',
  'count',
] as const;
