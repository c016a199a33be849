/**
 * Queries every adapter and input form must answer the same way (status,
 * issues, rows, pagination): listql/http's adapters (./adapters.test.ts) and
 * listql/nestjs (../nestjs/nestjs.test.ts) run them all.
 */
export const ADAPTER_CORPUS: readonly string[] = [
  '',
  'status=won&value[gte]=100&sort=value:desc&fields=id,name,value',
  'createdAt[gte]=2026-01-01&createdAt[lt]=2026-02-01&gclid[exists]=true',
  'search=john&source=gtm,wordpress&limit=20&page=3',
  'updated_after=2025-06-15T10:00:00Z&sort=updated_at:asc',
  'status=won&status=lost&limit=5',
  'search=St.+John',
  'search=Mart%C3%ADnez',
  'labelId=label_2&sort=name:asc,createdAt:desc&limit=100&page=2',
  'value=abc',
  'createdAt[gte]=2026-02-30',
  'limit=0&page=-1',
  'sort=phone',
  'fields=id,nope',
  'foo=bar',
  'value[between]=1',
  'status=closed',
  'limit=5&limit=6',
  'gclid[exists]=maybe&value[gte]=x&limit=101',
  `search=${'a'.repeat(201)}`,
  `${Array.from({ length: 101 }, (_, i) => `p${i}=1`).join('&')}`,
  'search=%00',
  'qualifiedAt[exists]=false&fields=id,qualifiedAt&sort=qualifiedAt:desc',
  'status=won&limit=0&status=zzz&source=api',
  'value[gte]=1&foo=1&value[gte]=2',
];
