import { bodyStart } from './dc09-frame.js';

const LF = 0x0a;
const CR = 0x0d;

export interface SplitResult {
  frames: Buffer[];
  /** Bytes dropped because they were not part of any frame. */
  garbageBytes: number;
  /** A frame grew past the limit without its CR: the connection should be closed. */
  oversized: boolean;
}

/**
 * Cuts a TCP byte stream into DC-09 frames (LF … CR). Frames may arrive split across packets or
 * several in one packet. The end is found by the CR after the header, not by the length field,
 * so a wrong length field is reported by the parser instead of stalling the stream; the raw CRC
 * format (two bytes that may be LF or CR) is skipped over by reading the header first.
 */
export class FrameSplitter {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly maxFrameBytes: number) {}

  push(chunk: Buffer): SplitResult {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: Buffer[] = [];
    let garbageBytes = 0;
    let position = 0;
    const bytes = this.buffer;
    while (position < bytes.length) {
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
        if (bytes.length - lf > this.maxFrameBytes) {
          this.buffer = Buffer.alloc(0);
          return { frames, garbageBytes, oversized: true };
        }
        break;
      }
      if (cr + 1 - lf > this.maxFrameBytes) {
        this.buffer = Buffer.alloc(0);
        return { frames, garbageBytes, oversized: true };
      }
      frames.push(Buffer.from(bytes.subarray(lf, cr + 1)));
      position = cr + 1;
    }
    this.buffer = position >= bytes.length ? Buffer.alloc(0) : Buffer.from(bytes.subarray(position));
    if (this.buffer.length > this.maxFrameBytes) {
      this.buffer = Buffer.alloc(0);
      return { frames, garbageBytes, oversized: true };
    }
    return { frames, garbageBytes, oversized: false };
  }
}
