import { createCipheriv, createDecipheriv, randomFillSync, type Cipher, type Decipher } from 'node:crypto';

/** Pad characters: printable ASCII except `|`, `[` and `]`, which carry meaning. */
const PAD_CHARS = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))
  .filter((c) => c !== '|' && c !== '[' && c !== ']')
  .join('');
const BLOCK = 16;
const BAR = 0x7c;
const CLOSE = 0x5d;

export class Dc09KeyError extends Error {}

/**
 * A stored DC-09 AES key (opened from its sealed form). Keys are sealed as the hex of their
 * bytes (`dc09KeyHex` in @arc/shared); keys sealed before the format was given explicitly are
 * the text as entered, read as they always were: 32, 48 or 64 hex digits as hex, else as 16, 24
 * or 32 ASCII characters. The hex form of any key reads back as the same bytes.
 */
export function parseDc09Key(text: string): Buffer {
  if (/^[0-9A-Fa-f]+$/.test(text) && [32, 48, 64].includes(text.length)) return Buffer.from(text, 'hex');
  if ([16, 24, 32].includes(text.length) && /^[\x20-\x7e]+$/.test(text)) return Buffer.from(text, 'latin1');
  throw new Dc09KeyError('key must be 16, 24 or 32 ASCII characters, or 32, 48 or 64 hex digits');
}

/**
 * The AES block functions of one key. DC-09 prescribes AES-CBC with a zero IV; CBC is done
 * here over AES-ECB without padding, block by block. An ECB context that is only ever fed whole
 * blocks and never finalised carries no state from one call to the next (no chaining value, no
 * held-back bytes): every frame starts from the zero IV as with a fresh `Cipheriv`, the bytes
 * are the same, and creating the contexts (most of the cost of a short message) is done once
 * per key instead of once per frame.
 */
interface KeyCiphers {
  /** A copy of the key bytes: a key Buffer changed in place is not served the old key's contexts. */
  bytes: Buffer;
  encrypt: Cipher;
  decrypt: Decipher;
}

/** Per key Buffer, as the transmitter directory holds it; dropped with the Buffer. */
const ciphersOf = new WeakMap<Buffer, KeyCiphers>();

function keyCiphers(key: Buffer): KeyCiphers {
  const known = ciphersOf.get(key);
  if (known && known.bytes.equals(key)) return known;
  const algorithm = `aes-${key.length * 8}-ecb`;
  const fresh: KeyCiphers = {
    bytes: Buffer.from(key),
    encrypt: createCipheriv(algorithm, key, null).setAutoPadding(false),
    decrypt: createDecipheriv(algorithm, key, null).setAutoPadding(false),
  };
  ciphersOf.set(key, fresh);
  return fresh;
}

/**
 * Runs whole blocks through a key's context. The output must be exactly as long as the input;
 * were it not (a context in a state it should never be in), the contexts are dropped and the
 * message fails rather than carrying anything but its own blocks.
 */
function blocks(key: Buffer, context: Cipher | Decipher, input: Buffer): Buffer {
  const output = context.update(input);
  if (output.length !== input.length) {
    ciphersOf.delete(key);
    throw new Error('AES context out of step; dropped');
  }
  return output;
}

/**
 * Cryptographically random bytes, drawn from the system's generator a pool at a time. Only the
 * pad of a message comes from here.
 */
const randomPool = Buffer.alloc(1024);
let randomPosition = randomPool.length;

function randomByte(): number {
  if (randomPosition === randomPool.length) {
    randomFillSync(randomPool);
    randomPosition = 0;
  }
  const byte = randomPool[randomPosition]!;
  randomPool[randomPosition] = 0; // a used byte does not stay in memory
  randomPosition += 1;
  return byte;
}

/** Uniform over the pad characters: bytes from 2 × 91 = 182 up are drawn again. */
const PAD_LIMIT = 256 - (256 % PAD_CHARS.length);

function randomPadIndex(): number {
  for (;;) {
    const byte = randomByte();
    if (byte < PAD_LIMIT) return byte % PAD_CHARS.length;
  }
}

/**
 * Encrypts the plain part of a message (`|data]xdata_timestamp`, or `]_timestamp` for NULL)
 * behind a random pad so that the total is a multiple of 16, with a whole extra block when it
 * already is. Returns upper-case hex, as it goes on the wire. `pickPad` (tests, a repeatable
 * simulation) replaces the system's random source for the pad.
 */
export function encryptDc09(plain: string, key: Buffer, pickPad?: (max: number) => number): string {
  const padLength = BLOCK - (plain.length % BLOCK);
  let pad = '';
  for (let i = 0; i < padLength; i += 1) {
    pad += PAD_CHARS[pickPad ? pickPad(PAD_CHARS.length) : randomPadIndex()];
  }
  const { encrypt } = keyCiphers(key);
  const message = Buffer.from(pad + plain, 'latin1');
  const out = Buffer.allocUnsafe(message.length);
  // CBC: each block is xored with the previous cipher block (the zero IV for the first).
  for (let offset = 0; offset < message.length; offset += BLOCK) {
    if (offset > 0) {
      for (let i = offset; i < offset + BLOCK; i += 1) message[i] = message[i]! ^ out[i - BLOCK]!;
    }
    blocks(key, encrypt, message.subarray(offset, offset + BLOCK)).copy(out, offset);
  }
  message.fill(0);
  return out.toString('hex').toUpperCase();
}

/**
 * Decrypts a hex block and strips the pad: everything up to the first `|` (which is dropped),
 * or, in a message without data, up to the first `]` (which is kept). Null when it is not
 * valid hex of whole blocks or carries no `|` or `]`.
 */
export function decryptDc09(hex: string, key: Buffer): string | null {
  if (hex.length === 0 || hex.length % 32 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return null;
  const { decrypt } = keyCiphers(key);
  const cipherBytes = Buffer.from(hex, 'hex');
  const plain = blocks(key, decrypt, cipherBytes);
  // CBC: each decrypted block is xored with the previous cipher block (the zero IV for the first).
  for (let i = BLOCK; i < plain.length; i += 1) plain[i] = plain[i]! ^ cipherBytes[i - BLOCK]!;
  const bar = plain.indexOf(BAR);
  const bracket = bar >= 0 ? -1 : plain.indexOf(CLOSE);
  const text = bar >= 0 ? plain.toString('latin1', bar + 1) : bracket >= 0 ? plain.toString('latin1', bracket) : null;
  plain.fill(0);
  return text;
}
