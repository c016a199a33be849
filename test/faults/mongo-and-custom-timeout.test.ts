/**
 * Item 19 of issue 10 beyond SQL: MongoDB through the real driver, against a
 * port that accepts and never answers (no MongoDB server is needed for
 * that), and `withTimeout` with its AbortSignal. The driver's own bound
 * (`serverSelectionTimeoutMS`) and `withTimeout`'s deadline both end in a
 * clean 503; the signal reaches the backend and aborts it.
 */
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackendUnavailableError,
  checkReady,
  handleListRequest,
  type ListBackend,
  memoryBackend,
  mongoBackend,
  translateMongoError,
  withTimeout,
} from '../../src/http/index.js';
import { leads } from '../../src/index.js';
import { uncleanReason } from './support/load.js';
import { startProxy, type TcpProxy } from './support/tcp-proxy.js';

const quiet = { error: () => {} };

async function timed(backend: ListBackend) {
  const started = performance.now();
  const response = await handleListRequest({
    resource: leads,
    backend,
    query: 'limit=5',
    logger: quiet,
  });
  return { response, elapsedMs: performance.now() - started };
}

function expectClean503(response: Awaited<ReturnType<typeof timed>>['response'], message: string) {
  expect(response.status).toBe(503);
  const body = JSON.stringify(response.body);
  expect(uncleanReason({ startedAt: 0, endedAt: 0, status: 503, body })).toBeUndefined();
  expect(response.body.success === false && response.body.error.message).toBe(message);
}

describe('MongoDB at a host that never answers', () => {
  let silent: TcpProxy;
  const clients: MongoClient[] = [];
  const collectionAt = (serverSelectionTimeoutMS: number) => {
    const client = new MongoClient(`mongodb://127.0.0.1:${silent.port}/?directConnection=true`, {
      serverSelectionTimeoutMS,
      connectTimeoutMS: serverSelectionTimeoutMS,
    });
    clients.push(client);
    return client.db('crm').collection('leads');
  };
  beforeAll(async () => {
    silent = await startProxy({ host: '127.0.0.1', port: 1 }, 'silent');
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close(true)));
    await silent.close();
  });

  it('the driver’s server selection timeout is a clean 503, and not ready', async () => {
    const backend = mongoBackend(collectionAt(300), leads);
    const { response, elapsedMs } = await timed(backend);
    expectClean503(response, 'The service is temporarily unavailable; retry later');
    expect(elapsedMs).toBeLessThan(3_000);
    const readiness = await checkReady(backend);
    expect(readiness.ready === false && readiness.reason).toBe('connection');
  });

  it('withTimeout answers at its deadline and aborts the driver’s aggregations', async () => {
    const backend = withTimeout(mongoBackend(collectionAt(20_000), leads), { timeoutMs: 300 });
    const { response, elapsedMs } = await timed(backend);
    expectClean503(response, 'The query took too long to run; retry later, or narrow it');
    expect(elapsedMs).toBeLessThan(3_000);
  });
});

describe('withTimeout', () => {
  it('hands the backend a signal that aborts at the deadline', async () => {
    let seen: AbortSignal | undefined;
    const slow: ListBackend = {
      run: (_query, options = {}) =>
        new Promise((_, reject) => {
          seen = options.signal;
          options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        }),
    };
    const { response } = await timed(withTimeout(slow, { timeoutMs: 100 }));
    expectClean503(response, 'The query took too long to run; retry later, or narrow it');
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(BackendUnavailableError);
  });

  it('leaves a backend that answers in time alone', async () => {
    const rows = [
      {
        id: 'a',
        status: 'won',
        source: 'api',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ];
    const { response } = await timed(withTimeout(memoryBackend(leads, rows), { timeoutMs: 1_000 }));
    expect(response.status).toBe(200);
    expect(response.body.success && response.body.data.map((row) => row.id)).toEqual(['a']);
  });

  it('refuses a timeout that is not a positive number', () => {
    expect(() => withTimeout(memoryBackend(leads, []), { timeoutMs: 0 })).toThrow(
      /timeoutMs must be a number > 0/,
    );
  });

  it('translateMongoError knows the driver’s errors by name and code', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(
      (translateMongoError(named('MongoServerSelectionError')) as BackendUnavailableError).reason,
    ).toBe('connection');
    expect(
      (translateMongoError(named('MongoOperationTimeoutError')) as BackendUnavailableError).reason,
    ).toBe('timeout');
    expect(
      (translateMongoError(Object.assign(new Error('x'), { code: 50 })) as BackendUnavailableError)
        .reason,
    ).toBe('timeout');
    const other = named('MongoServerError');
    expect(translateMongoError(other)).toBe(other);
  });
});
