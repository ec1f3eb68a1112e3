/**
 * Little pieces of a byte format: unsigned LEB128 varints (small numbers take one byte), zigzag
 * for numbers that may be negative, length-prefixed UTF-8 strings, and base64url text, which
 * survives any LMS database column. Readers throw `RangeError` on data that ends early; callers
 * turn that into a refusal, never a crash.
 */

export class ByteWriter {
  private bytes: number[] = [];

  /** A whole number ≥ 0, at most 2^53; 7 bits a byte, high bit set on all but the last. */
  uint(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a varint: ${value}`);
    let v = value;
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
    return this;
  }

  /** A whole number of either sign: 0, -1, 1, -2, … become 0, 1, 2, 3, … */
  int(value: number): this {
    return this.uint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  /** A whole number below 2^32 in four bytes, low byte first: shorter than a varint for random 32-bit numbers. */
  fixed32(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** 32) throw new RangeError(`not a 32-bit number: ${value}`);
    for (let k = 0; k < 4; k++) this.bytes.push(Math.floor(value / 2 ** (8 * k)) % 256);
    return this;
  }

  string(value: string): this {
    const utf8 = new TextEncoder().encode(value);
    this.uint(utf8.length);
    for (const b of utf8) this.bytes.push(b);
    return this;
  }

  /** Bytes prefixed with their length, so a reader can skip them unread. */
  block(bytes: Uint8Array): this {
    this.uint(bytes.length);
    for (const b of bytes) this.bytes.push(b);
    return this;
  }

  get length(): number {
    return this.bytes.length;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export class ByteReader {
  private at = 0;
  private readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new RangeError('data ends inside a number');
      const b = this.bytes[this.at++] as number;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new RangeError('number too long');
    }
  }

  int(): number {
    const u = this.uint();
    return u % 2 === 1 ? -(u + 1) / 2 : u / 2;
  }

  fixed32(): number {
    const b = this.take(4);
    return b[0]! + b[1]! * 2 ** 8 + b[2]! * 2 ** 16 + b[3]! * 2 ** 24;
  }

  string(): string {
    return new TextDecoder().decode(this.take(this.uint()));
  }

  /** A length-prefixed block, as its own reader. */
  block(): ByteReader {
    return new ByteReader(this.take(this.uint()));
  }

  /** The bytes not read yet. */
  rest(): Uint8Array {
    return this.take(this.bytes.length - this.at);
  }

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  private take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new RangeError('data ends inside a block');
    const slice = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return slice;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

/** base64url without padding: 4 characters for every 3 bytes. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes of base64url text, or undefined if it holds a character outside the alphabet or a stray length. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const group = text.slice(i, i + 4);
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const c = group[k];
      const v = c === undefined ? 0 : INDEX.get(c);
      if (v === undefined) return undefined;
      n = (n << 6) | v;
    }
    out.push((n >> 16) & 255);
    if (group.length > 2) out.push((n >> 8) & 255);
    if (group.length > 3) out.push(n & 255);
  }
  return Uint8Array.from(out);
}
