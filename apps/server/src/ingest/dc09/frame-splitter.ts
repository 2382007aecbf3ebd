import { bodyStart } from './dc09-frame.js';

const LF = 0x0a;
const CR = 0x0d;

/** A complete frame, or a frame that grew past the limit (to be answered with NAK). */
export type SplitItem = { frame: Buffer } | { oversized: number };

export interface SplitResult {
  /** The complete frames, in order. */
  frames: Buffer[];
  /** Complete frames and refused oversized frames in the order they came. */
  items: SplitItem[];
  /** Bytes dropped because they were not part of any frame. */
  garbageBytes: number;
}

/** Nothing held: one empty Buffer for every splitter between frames. */
const EMPTY = Buffer.alloc(0);

/**
 * Cuts a TCP byte stream into DC-09 frames (LF … CR). Frames may arrive split across packets or
 * several in one packet. The end is found by the CR after the header, not by the length field,
 * so a wrong length field is reported by the parser instead of stalling the stream; the raw CRC
 * format (two bytes that may be LF or CR) is skipped over by reading the header first.
 *
 * Memory stays bounded by the frame limit: bytes before an LF are garbage and dropped at once;
 * a frame that grows past the limit is reported as oversized as soon as that is known (so the
 * receiver can NAK it) and its remaining bytes are skipped up to its CR, after which the stream
 * is read as usual: one bad frame does not cost the connection.
 */
export class FrameSplitter {
  private buffer: Buffer = EMPTY;
  /** Inside an oversized frame: its bytes are dropped up to the next CR. */
  private skipping = false;

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): SplitResult {
    const bytes = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const items: SplitItem[] = [];
    const frames: Buffer[] = [];
    let garbageBytes = 0;
    let position = 0;
    while (position < bytes.length) {
      if (this.skipping) {
        const end = bytes.indexOf(CR, position);
        if (end < 0) {
          position = bytes.length;
          break;
        }
        position = end + 1;
        this.skipping = false;
        continue;
      }
      const lf = bytes.indexOf(LF, position);
      if (lf < 0) {
        garbageBytes += bytes.length - position;
        position = bytes.length;
        break;
      }
      garbageBytes += lf - position;
      position = lf;
      if (bytes.length - lf < 10) break; // header not complete yet
      const head = bodyStart(bytes, lf);
      if (!head) {
        garbageBytes += 1; // this LF starts no frame
        position = lf + 1;
        continue;
      }
      const cr = bytes.indexOf(CR, head.start);
      if (cr < 0) {
        if (bytes.length - lf <= this.maxFrameBytes) break; // wait for the rest
        items.push({ oversized: bytes.length - lf });
        this.skipping = true;
        position = bytes.length;
        break;
      }
      if (cr + 1 - lf > this.maxFrameBytes) items.push({ oversized: cr + 1 - lf });
      else {
        const frame = Buffer.from(bytes.subarray(lf, cr + 1));
        items.push({ frame });
        frames.push(frame);
      }
      position = cr + 1;
    }
    // What is left is the start of one frame: at most maxFrameBytes (or a header of < 10 bytes).
    this.buffer = position >= bytes.length ? EMPTY : Buffer.from(bytes.subarray(position));
    return { frames, items, garbageBytes };
  }

  /** Bytes held while waiting for the rest of a frame (for tests: it never exceeds the limit). */
  get bufferedBytes(): number {
    return this.buffer.length;
  }
}
