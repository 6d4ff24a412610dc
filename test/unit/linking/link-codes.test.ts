import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLinkCode, hashLinkCode, LINK_CODE_ALPHABET, normalizeLinkCode } from '../../../src/linking/link-codes.js';

describe('link codes', () => {
  it('look like ABCD-EFGH and avoid characters people confuse', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateLinkCode();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(code).not.toMatch(/[01ILO]/);
    }
  });

  it('accept what people type: lower case, spaces, with or without the dash', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...LINK_CODE_ALPHABET), minLength: 8, maxLength: 8 }), (code) => {
        const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
        expect(normalizeLinkCode(typed)).toBe(code);
        expect(normalizeLinkCode(`${code.slice(0, 4)}-${code.slice(4)}`)).toBe(code);
      }),
    );
  });

  it('reject anything that cannot be a code', () => {
    expect(normalizeLinkCode('ABCD-EFG')).toBeNull();
    expect(normalizeLinkCode('ABCD-EFG0')).toBeNull();
    expect(normalizeLinkCode('')).toBeNull();
  });

  it('are stored as a SHA-256 hash, never as the code', () => {
    expect(hashLinkCode('ABCDEFGH')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkCode('ABCDEFGH')).not.toBe(hashLinkCode('ABCDEFGJ'));
  });
});
