import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { randomUuid, uuidFromBytes } from '../../src/domain/uuid.ts';
import { statementId } from '../../src/domain/xapi/statements.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  it('are version 4 UUIDs from any 16 bytes, which xAPI takes as statement ids unchanged', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const id = uuidFromBytes(bytes);
        expect(id).toMatch(V4);
        expect(statementId(id)).toBe(id);
      }),
    );
  });

  it('are made without crypto.randomUUID, which a page served over plain HTTP does not have', () => {
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array) => b.fill(7) });
    try {
      expect(randomUuid()).toBe('07070707-0707-4707-8707-070707070707');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
