/**
 * The error path of a store that is unavailable for a moment: which driver
 * errors `classifySqlError` calls a timeout or a lost connection (the real
 * errors of the real drivers, produced against the real servers, are in
 * statement-timeout.test.ts and connection-loss.test.ts), and how
 * `handleListRequest` answers a `BackendUnavailableError`: a 503 with
 * `Retry-After`, nothing of the cause in the body, the cause in the log.
 */
import { describe, expect, it } from 'vitest';
import { classifySqlError } from '../../src/backends/kysely/index.js';
import {
  BackendUnavailableError,
  ERROR_CODES,
  handleListRequest,
  type ListBackend,
  type ListLogger,
} from '../../src/http/index.js';
import { leads } from '../../src/index.js';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('classifySqlError', () => {
  it.each([
    [coded('57014', 'canceling statement due to statement timeout'), 'timeout'],
    [coded('57P01', 'terminating connection due to administrator command'), 'connection'],
    [coded('08006'), 'connection'],
    [new Error('Connection terminated unexpectedly'), 'connection'],
    [new Error('Connection terminated due to connection timeout'), 'connection'],
    [new Error('timeout exceeded when trying to connect'), 'connection'],
    [new Error('Query read timeout'), 'timeout'],
    [coded('ER_STATEMENT_TIMEOUT'), 'timeout'],
    [coded('PROTOCOL_CONNECTION_LOST'), 'connection'],
    [Object.assign(new Error('anything'), { fatal: true }), 'connection'],
    [coded('ECONNREFUSED'), 'connection'],
    [new Error('wrapped', { cause: coded('ECONNRESET') }), 'connection'],
    [new AggregateError([coded('ECONNREFUSED')], ''), 'connection'],
  ])('%s is %s', (err, expected) => {
    expect(classifySqlError(err)).toBe(expected);
  });

  it.each([
    [coded('42P01', 'relation "leads" does not exist')],
    [coded('ER_PARSE_ERROR')],
    [new TypeError('listql/kysely: not a number')],
    ['a string'],
    [null],
    [coded('toString')],
  ])('%s is neither', (err) => {
    expect(classifySqlError(err)).toBeUndefined();
  });

  it('stops on a cycle of causes', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = new Error('b', { cause: a });
    expect(classifySqlError(a)).toBeUndefined();
  });
});

describe('handleListRequest and an unavailable store', () => {
  const failing = (err: unknown): ListBackend => ({
    run: async () => {
      throw err;
    },
  });

  it.each([
    ['timeout', 'The query took too long to run; retry later, or narrow it'],
    ['connection', 'The service is temporarily unavailable; retry later'],
  ] as const)(
    '%s: a 503 with Retry-After that says nothing of the cause',
    async (reason, message) => {
      const cause = new Error(
        'terminating connection due to administrator command: select * from "leads"',
      );
      const logged: unknown[] = [];
      const logger: ListLogger = { error: (context) => logged.push(context.err) };
      const response = await handleListRequest({
        resource: leads,
        backend: failing(new BackendUnavailableError(reason, { cause })),
        query: 'status=won',
        logger,
      });
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.headers['x-request-id']).toBe(response.body.meta.requestId);
      expect(response.body).toEqual({
        success: false,
        error: { code: 'SERVICE_UNAVAILABLE', message, details: {} },
        meta: response.body.meta,
      });
      expect(JSON.stringify(response.body)).not.toMatch(/select|terminat|leads"/);
      expect((logged[0] as BackendUnavailableError).cause).toBe(cause);
      expect(ERROR_CODES).toContain('SERVICE_UNAVAILABLE');
    },
  );

  it('any other failure stays a 500', async () => {
    const response = await handleListRequest({
      resource: leads,
      backend: failing(coded('57014')),
      query: '',
      logger: { error: () => {} },
    });
    // A raw driver error from a custom backend is not classified: only kyselyBackend does that.
    expect(response.status).toBe(500);
  });
});
