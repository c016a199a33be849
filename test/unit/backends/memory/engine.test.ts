import { describe, expect, it } from 'vitest';
import { leads, parseListQuery } from '../../../../src/index.js';
import { memoryEngine } from '../../../support/engines/memory.js';

describe('the memory engine of the shared suites', () => {
  const rows = [
    { id: 'a', status: 'won', createdAt: '2026-01-02T00:00:00.000Z' },
    { id: 'b', status: 'lost', createdAt: '2026-01-01T00:00:00.000Z' },
  ];

  it('answers queries over its own copy of the rows, until dropped', async () => {
    const input = [...rows];
    const dataset = await memoryEngine.load(leads, input);
    input.pop(); // the engine holds its own array
    const result = await dataset.run(parseListQuery(leads, 'fields=status'));
    expect(result).toEqual({
      data: [
        { id: 'a', status: 'won' },
        { id: 'b', status: 'lost' },
      ],
      total: 2,
      hasMore: false,
      count: 'exact',
    });
    await dataset.drop();
    await expect(dataset.run(parseListQuery(leads, ''))).rejects.toThrow(/dropped/);
    await memoryEngine.close();
  });
});
