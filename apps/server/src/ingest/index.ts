// The ingest module's public API.
export { IngestModule } from './ingest.module.js';
export { ReceiverStatsService } from './receiver-stats.service.js';
export { SignalWriterService, type StoredSignal } from './signal-writer.service.js';
export { Dc09TcpReceiver } from './dc09-tcp.receiver.js';
export { Dc09UdpReceiver } from './dc09-udp.receiver.js';
export type { ExpectedProtocol, NewSignal, SignalSource, TransmitterInfo } from './signal-types.js';
// The DC-09 codec, pure (the simulator and the tests speak DC-09 with it).
export * from './dc09/dc09-frame.js';
export * from './dc09/dc09-crypto.js';
export * from './dc09/event-data.js';
export { FrameSplitter } from './dc09/frame-splitter.js';
export { interpretFrame, type ClockWindow, type FrameDecision } from './dc09/interpret-frame.js';
export { INGEST_ROUTES } from './ingest.openapi.js';
