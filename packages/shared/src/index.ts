export * from './alarm.js';
export * from './auth.js';
export * from './case.js';
export * from './event-codes.js';
export * from './signal.js';
export * from './socket-events.js';
export * from './directory.js';
export * from './directory-transfer.js';
