// The public API of this module: other modules import only this file (docs/architecture.md section 3);
// files inside the module import each other directly, never this barrel.
// The DC-09 load generator behind `pnpm simulate` and the benchmarks.
export { runDemo } from './demo.js';
export type { DemoOptions, DemoTransmitter } from './demo.js';
export { EVENT_MIXES } from './events.js';
export { MAX_SEQUENCE } from './frames.js';
export { accountAt, closedLoop, closeFleet, createFleet, fleetSpecs, openLoop, steady, storm, warmUp } from './load.js';
export type { LinkOptions, LoadResult, ProtocolChoice, SequenceBook, TransmitterSpec } from './load.js';
export { assertLoopback } from './loopback.js';
export { formatReport } from './report.js';
export { LatencySamples, median, Tally } from './stats.js';
export type { LatencySummary } from './stats.js';
export { Transmitter } from './transmitter.js';
export type { SendResult, Transport } from './transmitter.js';
