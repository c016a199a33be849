/**
 * The hand-written baseline of `bench/http.bench.ts`: a list endpoint for the
 * leads table written the way one would without listql — URLSearchParams,
 * SQL text concatenated from a handful of known parameters, a driver call,
 * rows fixed up in place and `JSON.stringify` of the same envelope. It knows
 * only the parameters the benchmark sends (status, value[gte], search,
 * fields, sort, count, cursor, limit, page) and answers anything else 400.
 * Its cursors carry the same position as listql's, under its own
 * fingerprint (so the bench compares the positions, not the tokens).
 */
import { createHash, randomBytes } from 'node:crypto';

/** Where the hand-written handler sends its SQL: one driver call per statement. */
export interface HandStore {
  readonly dialect: 'sqlite' | 'postgres' | 'mysql';
  all(
    sql: string,
    params: readonly unknown[],
  ): Promise<readonly Record<string, unknown>[]> | readonly Record<string, unknown>[];
}

/** What the handler answers: the body already serialised. */
export interface HandResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Every lead field: API name, snake_case column, kind (s text, n number, b boolean, d date-time). */
const COLUMNS: readonly (readonly [string, string, 's' | 'n' | 'b' | 'd'])[] = [
  ['id', 'id', 's'],
  ['name', 'name', 's'],
  ['email', 'email', 's'],
  ['phone', 'phone', 's'],
  ['status', 'status', 's'],
  ['value', 'value', 'n'],
  ['currency', 'currency', 's'],
  ['note', 'note', 's'],
  ['custom', 'custom', 's'],
  ['lossReason', 'loss_reason', 's'],
  ['conversionName', 'conversion_name', 's'],
  ['source', 'source', 's'],
  ['website', 'website', 's'],
  ['path', 'path', 's'],
  ['labelId', 'label_id', 's'],
  ['selectedConversionEventId', 'selected_conversion_event_id', 's'],
  ['gclid', 'gclid', 's'],
  ['dclid', 'dclid', 's'],
  ['wbraid', 'wbraid', 's'],
  ['gbraid', 'gbraid', 's'],
  ['ga4cid', 'ga4cid', 's'],
  ['ga4sid', 'ga4sid', 's'],
  ['fbc', 'fbc', 's'],
  ['fbp', 'fbp', 's'],
  ['msclkid', 'msclkid', 's'],
  ['ttclid', 'ttclid', 's'],
  ['twclid', 'twclid', 's'],
  ['rdt_cid', 'rdt_cid', 's'],
  ['sccid', 'sccid', 's'],
  ['epik', 'epik', 's'],
  ['li_fat_id', 'li_fat_id', 's'],
  ['utm_source', 'utm_source', 's'],
  ['utm_medium', 'utm_medium', 's'],
  ['utm_campaign', 'utm_campaign', 's'],
  ['ad_storage', 'ad_storage', 'b'],
  ['ad_user_data', 'ad_user_data', 'b'],
  ['analytics_storage', 'analytics_storage', 'b'],
  ['ad_personalization', 'ad_personalization', 'b'],
  ['googleAdsCampaignId', 'google_ads_campaign_id', 's'],
  ['googleAdsCampaignName', 'google_ads_campaign_name', 's'],
  ['googleAdsAdGroupId', 'google_ads_ad_group_id', 's'],
  ['googleAdsAdGroupName', 'google_ads_ad_group_name', 's'],
  ['googleAdsAdId', 'google_ads_ad_id', 's'],
  ['createdAt', 'created_at', 'd'],
  ['updatedAt', 'updated_at', 'd'],
  ['qualifiedAt', 'qualified_at', 'd'],
  ['expiresAt', 'expires_at', 'd'],
];
const COLUMN = new Map(COLUMNS.map(([field, column]) => [field, column]));
const KIND = new Map(COLUMNS.map(([field, , kind]) => [field, kind]));
const STATUSES = new Set(['open', 'qualified', 'won', 'lost']);
/** Sortable fields and whether they may be null. */
const SORTABLE = new Map<string, boolean>([
  ['id', false],
  ['name', true],
  ['email', true],
  ['status', false],
  ['value', true],
  ['createdAt', false],
  ['updatedAt', false],
  ['qualifiedAt', true],
]);
const ALL_FIELDS = COLUMNS.map(([field]) => field);
const JSON_TYPE = 'application/json; charset=utf-8';
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

interface SortKey {
  readonly field: string;
  readonly desc: boolean;
}

class BadRequest extends Error {}

function bad(message: string): never {
  throw new BadRequest(message);
}

/** The handler's SQL spelling for one dialect. */
interface Spelling {
  readonly quote: (name: string) => string;
  readonly param: (index: number) => string;
  /** Case-insensitive (ASCII) substring match of a column against a bound pattern. */
  readonly contains: (column: string, param: string) => string;
  /** ORDER BY item with nulls last. */
  readonly order: (column: string, desc: boolean, nullable: boolean) => string;
}

const SPELLINGS: Record<HandStore['dialect'], Spelling> = {
  sqlite: {
    quote: (name) => `"${name}"`,
    param: () => '?',
    // SQLite's LIKE folds ASCII case.
    contains: (column, param) => `${column} like ${param} escape '\\'`,
    order: (column, desc, nullable) =>
      `${column} ${desc ? 'desc' : nullable ? 'asc nulls last' : 'asc'}`,
  },
  postgres: {
    quote: (name) => `"${name}"`,
    param: (index) => `$${index}`,
    contains: (column, param) => `${column} ilike ${param}`,
    order: (column, desc, nullable) =>
      `${column} ${desc ? (nullable ? 'desc nulls last' : 'desc') : 'asc'}`,
  },
  mysql: {
    quote: (name) => `\`${name}\``,
    param: () => '?',
    // The bench table's columns are binary: fold both sides.
    contains: (column, param) => `lower(convert(${column} using utf8mb4)) like ${param}`,
    order: (column, desc, nullable) =>
      nullable && !desc ? `${column} is null, ${column} asc` : `${column} ${desc ? 'desc' : 'asc'}`,
  },
};

function positiveInt(text: string, max: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1 || n > max) bad(`not an integer in 1..${max}: ${text}`);
  return n;
}

function parseSort(text: string): SortKey[] {
  const keys = text.split(',').map((part) => {
    const [field = '', direction = 'asc'] = part.split(':');
    if (!SORTABLE.has(field) || (direction !== 'asc' && direction !== 'desc')) {
      bad(`cannot sort by ${part}`);
    }
    return { field, desc: direction === 'desc' };
  });
  // The id breaks ties, in the direction of the last key.
  if (!keys.some((key) => key.field === 'id')) keys.push({ field: 'id', desc: keys.at(-1)!.desc });
  return keys;
}

/**
 * The hand-written list handler for the bench table `table` on `store`.
 *
 * @example
 * const handle = handWrittenHandler(store, 'bench_http');
 * const { status, body } = await handle('/leads?status=won&count=none', {});
 */
export function handWrittenHandler(
  store: HandStore,
  table: string,
): (
  url: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
) => Promise<HandResponse> {
  const s = SPELLINGS[store.dialect];
  const from = ` from ${s.quote(table)}`;
  const selectItem = (field: string) => `${s.quote(COLUMN.get(field)!)} as ${s.quote(field)}`;
  const selectAll = ALL_FIELDS.map(selectItem).join(', ');

  return async (url, headers) => {
    const incoming = headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming)
        ? incoming
        : `req_${randomBytes(6).toString('hex')}`;
    const timestamp = new Date().toISOString();
    const responseHeaders = {
      'content-type': JSON_TYPE,
      'cache-control': 'no-store',
      'x-request-id': requestId,
    };
    try {
      const question = url.indexOf('?');
      const params = new URLSearchParams(question === -1 ? '' : url.slice(question + 1));
      let statuses: string[] | undefined;
      let valueGte: number | undefined;
      let search: string | undefined;
      let fields: string[] | undefined;
      let sort: SortKey[] = [
        { field: 'createdAt', desc: true },
        { field: 'id', desc: true },
      ];
      let countExact = true;
      let cursor: string | undefined;
      let limit = 50;
      let page = 1;
      for (const [key, value] of params) {
        switch (key) {
          case 'status':
            statuses = value.split(',');
            if (!statuses.every((status) => STATUSES.has(status))) bad('unknown status');
            break;
          case 'value[gte]':
            valueGte = Number(value);
            if (value === '' || !Number.isFinite(valueGte)) bad('value[gte] is not a number');
            break;
          case 'search':
            search = value.trim();
            break;
          case 'fields':
            fields = value.split(',');
            if (!fields.every((field) => COLUMN.has(field))) bad('unknown field');
            if (!fields.includes('id')) fields.unshift('id');
            break;
          case 'sort':
            sort = parseSort(value);
            break;
          case 'count':
            if (value !== 'exact' && value !== 'none') bad('count is exact or none');
            countExact = value === 'exact';
            break;
          case 'cursor':
            cursor = value;
            break;
          case 'limit':
            limit = positiveInt(value, 100);
            break;
          case 'page':
            page = positiveInt(value, 1_000_000);
            break;
          default:
            bad(`unknown parameter ${key}`);
        }
      }
      // A cursor is bound to the filter and sort it was issued for.
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([statuses, valueGte, search, sort]))
        .digest('base64url')
        .slice(0, 22);

      const where: string[] = [];
      const values: unknown[] = [];
      const bind = (value: unknown) => {
        values.push(value);
        return s.param(values.length);
      };
      if (statuses) where.push(`${s.quote('status')} in (${statuses.map(bind).join(', ')})`);
      if (valueGte !== undefined) where.push(`${s.quote('value')} >= ${bind(valueGte)}`);
      if (search) {
        const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const ors = ['name', 'email', 'phone'].map((c) => s.contains(s.quote(c), bind(pattern)));
        where.push(`(${ors.join(' or ')})`);
      }
      const filterValues = values.length;
      const filterWhere = where.length === 0 ? '' : ` where ${where.join(' and ')}`;
      if (cursor !== undefined) {
        let payload: unknown;
        try {
          payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        } catch {
          bad('bad cursor');
        }
        const position = Array.isArray(payload) ? (payload[2] as unknown) : undefined;
        if (
          !Array.isArray(payload) ||
          payload[0] !== 1 ||
          payload[1] !== fingerprint ||
          !Array.isArray(position) ||
          position.length !== sort.length
        ) {
          bad('bad cursor');
        }
        // Keyset seek as a row value: this handler supports one direction and no nulls.
        const desc = sort[0]!.desc;
        if (sort.some((key) => key.desc !== desc || SORTABLE.get(key.field))) {
          bad('cursor pages need one direction and non-null keys here');
        }
        const columns = sort.map((key) => s.quote(COLUMN.get(key.field)!)).join(', ');
        where.push(`(${columns}) ${desc ? '<' : '>'} (${position.map(bind).join(', ')})`);
      }

      const selected = fields ?? ALL_FIELDS;
      const hidden = sort.map((key) => key.field).filter((field) => !selected.includes(field));
      const list = [...selected, ...hidden];
      const select = fields === undefined ? selectAll : list.map(selectItem).join(', ');
      const order = sort
        .map((key) => s.order(s.quote(COLUMN.get(key.field)!), key.desc, SORTABLE.get(key.field)!))
        .join(', ');
      const pageSql = `select ${select}${from}${where.length === 0 ? '' : ` where ${where.join(' and ')}`} order by ${order} limit ${bind(limit + 1)} offset ${bind(cursor === undefined ? (page - 1) * limit : 0)}`;
      const [rows, counted] = await Promise.all([
        store.all(pageSql, values),
        countExact
          ? store.all(
              `select count(*) as total${from}${filterWhere}`,
              values.slice(0, filterValues),
            )
          : undefined,
      ]);
      const total = counted === undefined ? null : Number(counted[0]!['total']);
      const hasMore = rows.length > limit;
      const data = (hasMore ? rows.slice(0, limit) : rows) as Record<string, unknown>[];
      // Driver values to API values, in place: 0/1 booleans (SQLite, MySQL), Dates (pg, mysql2).
      const booleans = list.filter((field) => KIND.get(field) === 'b');
      const dates =
        store.dialect === 'sqlite' ? [] : list.filter((field) => KIND.get(field) === 'd');
      for (const row of data) {
        for (const field of booleans) {
          const value = row[field];
          if (typeof value === 'number') row[field] = value === 1;
        }
        for (const field of dates) {
          const value = row[field];
          if (value instanceof Date) row[field] = value.toISOString();
        }
      }
      const last = data.at(-1);
      const nextCursor =
        hasMore && last !== undefined
          ? Buffer.from(
              JSON.stringify([1, fingerprint, sort.map((key) => last[key.field] ?? null)]),
            ).toString('base64url')
          : null;
      for (const row of hidden.length === 0 ? [] : data) {
        for (const field of hidden) delete row[field];
      }
      const pagination = {
        limit,
        page: cursor === undefined ? page : 1,
        totalPages: total === null ? null : Math.ceil(total / limit),
        total,
        hasMore,
        count: countExact ? 'exact' : 'none',
        nextCursor,
      };
      const body = JSON.stringify({
        success: true,
        data,
        meta: { pagination, requestId, timestamp },
      });
      return { status: 200, headers: responseHeaders, body };
    } catch (err) {
      if (!(err instanceof BadRequest)) throw err;
      const body = JSON.stringify({
        success: false,
        error: { code: 'VALIDATION_ERROR', message: err.message, details: {} },
        meta: { requestId, timestamp },
      });
      return { status: 400, headers: responseHeaders, body };
    }
  };
}
