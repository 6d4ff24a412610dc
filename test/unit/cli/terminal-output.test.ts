/** The CLI writes no terminal control sequence, whatever a name or a group title holds. */
import { describe, expect, it } from 'vitest';
import { createCliContext } from '../../../src/cli/context.js';
import { parseConfig } from '../../../src/config/load.js';

describe('CLI output', () => {
  it('strips escape sequences and control characters but keeps line breaks', () => {
    const out: string[] = [];
    const err: string[] = [];
    const context = createCliContext(parseConfig({}), { out: (line) => out.push(line), err: (line) => err.push(line), interactive: false });
    context.out('Grup \u001b]0;pwned\u0007\u001b[2JHR\nbaris kedua');
    context.err('Nama \u001b[31mmerah');
    expect(out).toEqual(['Grup ]0;pwned[2JHR\nbaris kedua']);
    expect(err).toEqual(['Nama [31mmerah']);
  });
});
