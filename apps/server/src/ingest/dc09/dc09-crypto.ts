import { createCipheriv, createDecipheriv, randomInt } from 'node:crypto';

const ZERO_IV = Buffer.alloc(16);
/** Pad characters: printable ASCII except `|`, `[` and `]`, which carry meaning. */
const PAD_CHARS = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))
  .filter((c) => c !== '|' && c !== '[' && c !== ']')
  .join('');

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

function algorithm(key: Buffer): string {
  return `aes-${key.length * 8}-cbc`;
}

/**
 * Encrypts the plain part of a message (`|data]xdata_timestamp`, or `]_timestamp` for NULL)
 * behind a random pad so that the total is a multiple of 16, with a whole extra block when it
 * already is. Returns upper-case hex, as it goes on the wire.
 */
export function encryptDc09(plain: string, key: Buffer, pickPad: (max: number) => number = randomInt): string {
  const padLength = 16 - (plain.length % 16);
  let pad = '';
  for (let i = 0; i < padLength; i += 1) pad += PAD_CHARS[pickPad(PAD_CHARS.length)];
  const cipher = createCipheriv(algorithm(key), key, ZERO_IV).setAutoPadding(false);
  return Buffer.concat([cipher.update(pad + plain, 'latin1'), cipher.final()])
    .toString('hex')
    .toUpperCase();
}

/**
 * Decrypts a hex block and strips the pad: everything up to the first `|` (which is dropped),
 * or, in a message without data, up to the first `]` (which is kept). Null when it is not
 * valid hex of whole blocks or carries no `|` or `]`.
 */
export function decryptDc09(hex: string, key: Buffer): string | null {
  if (hex.length === 0 || hex.length % 32 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return null;
  const decipher = createDecipheriv(algorithm(key), key, ZERO_IV).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(Buffer.from(hex, 'hex')), decipher.final()]).toString('latin1');
  const bar = plain.indexOf('|');
  if (bar >= 0) return plain.slice(bar + 1);
  const bracket = plain.indexOf(']');
  return bracket >= 0 ? plain.slice(bracket) : null;
}
