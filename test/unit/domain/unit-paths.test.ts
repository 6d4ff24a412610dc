/** Unit paths from the rows of one agency: root first, unknown parents and corrupted cycles stop the walk. */
import { describe, expect, it } from 'vitest';
import { unitPathsOf } from '../../../src/domain/access.js';

describe('unitPathsOf', () => {
  it('gives each unit the ids from its root down to itself', () => {
    const paths = unitPathsOf([
      { id: 'dinas', parentId: null },
      { id: 'bidang', parentId: 'dinas' },
      { id: 'seksi', parentId: 'bidang' },
    ]);
    expect(paths.get('seksi')).toEqual(['dinas', 'bidang', 'seksi']);
    expect(paths.get('dinas')).toEqual(['dinas']);
  });

  it('leaves out a parent that is not among the rows and stops at a cycle', () => {
    const paths = unitPathsOf([
      { id: 'orphan', parentId: 'elsewhere' },
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]);
    expect(paths.get('orphan')).toEqual(['orphan']);
    expect(paths.get('a')).toEqual(['b', 'a']);
  });
});
