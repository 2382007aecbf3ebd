import type { AlarmCategory } from '@arc/shared/alarm';
import type { EventProtocol, SignalKind } from '@arc/shared/event-codes';

/** The shapes the receivers, the pure frame interpretation and the signal writer share. */

/** Where a signal came in. */
export type SignalSource = 'http' | 'dc09-tcp' | 'dc09-udp';

/** A received signal, to be stored. */
export interface NewSignal {
  source: SignalSource;
  /** Readable copy of what was received; control characters are replaced before storing. */
  raw: string;
  /** The DC-09 frame byte for byte (LF … CR), stored losslessly; absent for HTTP signals. */
  rawBytes?: Buffer | null;
  account: string;
  transmitterId: string | null;
  protocol: EventProtocol;
  code: string;
  zone: string | null;
  area: string | null;
  text: string | null;
  kind: SignalKind | 'UNKNOWN';
  category: AlarmCategory | null;
  occurredAt: Date | null;
  /** Signals with the same account and key within the de-duplication window are stored once. */
  dedupKey: string | null;
  sequence?: string | null;
  encrypted?: boolean;
  /** Clear text from a transmitter that has a key: shown marked to the operator. */
  unencryptedFromKeyed?: boolean;
  xdata?: string[] | null;
}

export type ExpectedProtocol = 'SIA-DCS' | 'ADM-CID' | 'ANY';

/** What the receiver needs to know about a transmitter, kept in memory. */
export interface TransmitterInfo {
  id: string;
  account: string;
  siteId: string;
  protocol: ExpectedProtocol;
  /** The AES key, decrypted from its sealed form; null when the transmitter does not encrypt. */
  key: Buffer | null;
  /** Clear-text messages are refused (DUH) instead of stored with a mark. */
  requireEncryption: boolean;
  supervisionIntervalSeconds: number | null;
}
