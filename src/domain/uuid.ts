/** A version 4 UUID from 16 random bytes (the version and variant bits set as RFC 9562 asks). */
export function uuidFromBytes(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A random UUID. `crypto.randomUUID` exists only in secure contexts (HTTPS or localhost); a course
 * served over plain HTTP on an intranet still needs event ids, and `crypto.getRandomValues` is
 * there in every context.
 */
export const randomUuid = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : uuidFromBytes(crypto.getRandomValues(new Uint8Array(16)));
