import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bootstrap is plain JavaScript (no types), run by Node as it is.
import { isNodeNewEnough, minNode } from '../lib/node-runtime.mjs';

describe('the Node the bootstrap runs every command on', () => {
  it("takes its minimum from the root package.json's engines (node:sqlite unflagged: 22.13)", () => {
    const engines = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
    ).engines;
    expect(engines.node).toBe('>=22.13');
    expect(minNode).toEqual([22, 13]);
  });

  it.each([
    ['20.20.2', false],
    ['22.12.0', false],
    ['22.13.0', true],
    ['22.20.1', true],
    ['23.0.0', true],
    ['24.22.3', true],
  ])('Node %s is new enough: %s', (version, ok) => {
    expect(isNodeNewEnough(version)).toBe(ok);
  });
});
