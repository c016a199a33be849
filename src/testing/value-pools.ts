/**
 * Default value generators. They draw mostly from small pools of awkward
 * values, so that generated queries hit generated rows (a filter that never
 * matches proves little) and so that every backend meets the values that
 * break naive implementations: LIKE wildcards, quotes, backslashes, commas,
 * non-ASCII and astral characters, values one millisecond around midnight.
 */
import fc from 'fast-check';

const AWKWARD_STRINGS = [
  'a',
  'A',
  'b',
  'B',
  'Z',
  'john',
  'John Smith',
  'JOHN',
  'johnny',
  'john@example.com',
  '+1 555 0100',
  '100%',
  '%',
  '_',
  'a_b',
  '\\',
  'back\\slash',
  "O'Brien",
  '"quoted"',
  'comma,inside',
  ',',
  'é',
  'É',
  'Éclair',
  'straße',
  'İstanbul',
  'ǅ',
  '日本',
  '😀',
  'a😀',
  '\uFFFF',
  '\uE000',
  ' ',
  'tab\there',
  'line\nbreak',
  '(a+)+$',
  '.*',
  '[x]',
  '?&=#',
  // the special characters of boolean groups, which quote them
  'a;b',
  '(x)',
  ')',
  'say "hi"',
  ' padded ',
  'x]=y',
] as const;

/** Letters worth mixing into random strings (ASCII both cases, a few non-ASCII and astral). */
const ALPHABET = [
  'a',
  'b',
  'A',
  'B',
  'j',
  'J',
  'o',
  'é',
  'É',
  '%',
  '_',
  '\\',
  "'",
  ',',
  ' ',
  '😀',
  '\uFFFF',
  ';',
  '(',
  ')',
  '"',
];

/** A non-empty string: an awkward pool value, or a short random mix of awkward letters. */
export const awkwardString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...AWKWARD_STRINGS) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: 1, maxLength: 6 }),
  },
);

/** A finite number, never -0: pool values that collide often, and arbitrary doubles. */
export const awkwardNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(-3, -0.5, 0, 0.1, 1, 99.5, 100, 100.25, 250, 1_000_000) },
  {
    weight: 1,
    arbitrary: fc
      .double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true })
      .map((n) => (n === 0 ? 0 : n)),
  },
);

const DAYS = ['2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01', '2026-02-28'] as const;
const TIMES = [
  '00:00:00.000',
  '00:00:00.001',
  '12:00:00.000',
  '23:59:59.998',
  '23:59:59.999',
] as const;

/** A calendar day from a small pool around month and year boundaries. */
export const awkwardDay: fc.Arbitrary<string> = fc.constantFrom(...DAYS);

/** A UTC instant `YYYY-MM-DDTHH:mm:ss.sssZ`, mostly one millisecond around midnight of a pool day. */
export const awkwardInstant: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(awkwardDay, fc.constantFrom(...TIMES)).map(([d, t]) => `${d}T${t}Z`),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((ms) => new Date(ms).toISOString()),
  },
);
