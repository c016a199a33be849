/**
 * `count=estimated` under a server scope: PostgreSQL's estimate comes from
 * table-wide statistics, so under a tenant scope it would describe other
 * tenants' rows. With a scope the count is exact (and reported so) unless
 * the endpoint sets `allowEstimatesWithScope`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateLeads } from '../../bench/support/synthetic-leads.js';
import {
  handleListRequest,
  type ListBackend,
  memoryBackend,
  type SuccessEnvelope,
} from '../../src/http/index.js';
import { type CountStrategy, eq, type LeadField, type ListQuery, leads } from '../../src/index.js';
import type { Engine, LoadedDataset } from '../support/engine.js';
import { kyselyEngineSetups } from '../support/engines/kysely.js';

const rows = generateLeads(400, 7);
const tenant = eq<LeadField>('labelId', 'tenant_without_rows');

/** A backend that records the count strategy it was asked for. */
function recording(asked: CountStrategy[]): ListBackend<LeadField> {
  const inner = memoryBackend(leads, rows);
  return {
    run(query: ListQuery<LeadField>) {
      asked.push(query.count);
      return inner.run(query);
    },
  };
}

describe('count=estimated with a scope', () => {
  it('asks the backend for an exact count, unless estimates are allowed', async () => {
    const asked: CountStrategy[] = [];
    const backend = recording(asked);
    const query = 'count=estimated&limit=5';
    await handleListRequest({ resource: leads, backend, query, scope: tenant });
    await handleListRequest({ resource: leads, backend, query, scope: () => tenant });
    await handleListRequest({
      resource: leads,
      backend,
      query,
      scope: tenant,
      allowEstimatesWithScope: true,
    });
    await handleListRequest({ resource: leads, backend, query });
    await handleListRequest({ resource: leads, backend, query: 'count=none', scope: tenant });
    expect(asked).toEqual(['exact', 'exact', 'estimated', 'estimated', 'none']);
  });

  const opened: { engine: Engine; dataset: LoadedDataset }[] = [];
  afterAll(async () => {
    for (const { engine, dataset } of opened) {
      await dataset.drop();
      await engine.close();
    }
  });

  it('on PostgreSQL: an empty tenant gets total 0, exact, not the table-wide estimate', async () => {
    const setup = kyselyEngineSetups().find((s) => s.name === 'postgres')!;
    const engine = await setup.open();
    if (engine === undefined) return;
    const dataset = await engine.load(leads, rows as unknown as Record<string, unknown>[]);
    opened.push({ engine, dataset });
    const backend: ListBackend<LeadField> = { run: (query) => dataset.run(query) };
    const get = async (allowEstimatesWithScope?: boolean) => {
      const response = await handleListRequest({
        resource: leads,
        backend,
        query: 'count=estimated&limit=5',
        scope: tenant,
        ...(allowEstimatesWithScope === undefined ? {} : { allowEstimatesWithScope }),
      });
      expect(response.status).toBe(200);
      return (response.body as SuccessEnvelope).meta.pagination;
    };
    expect(await get()).toMatchObject({ total: 0, count: 'exact' });
    // With the opt-in the planner is asked (see the recording test above); `estimated`
    // is hybrid, and a tenant the planner expects few rows of is below the
    // threshold, so it is counted exactly all the same.
    expect(await get(true)).toMatchObject({ total: 0, count: 'exact' });
  }, 60_000);
});
