export * from './ascii-fold.js';
export * from './dates.js';
export * from './factories.js';
export * from './keyset.js';
export type * from './nodes.js';
export * from './operators.js';
export * from './visitor.js';
