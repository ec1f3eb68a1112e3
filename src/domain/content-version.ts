/**
 * A short, stable fingerprint of an activity's scored content. An attempt carries the version it
 * was taken against, so a re-score later can tell whether the activity changed since.
 * Keys are sorted before hashing, so reordering fields in YAML does not change the version.
 */
export function contentVersion(value: unknown): string {
  return fnv1a(stableJson(value));
}

export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. Not cryptographic; collisions are only a nuisance here. */
function fnv1a(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
