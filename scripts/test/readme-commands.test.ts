import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// Issue 23 §4: pnpm lives in .tools/, so a README's bare `pnpm …` fails with "command not found".
const root = join(import.meta.dirname, '..', '..');

function readmes(): string[] {
  const found = [join(root, 'README.md'), join(root, 'e2e', 'README.md')];
  for (const group of ['apps', 'packages', 'examples'])
    for (const d of readdirSync(join(root, group))) found.push(join(root, group, d, 'README.md'));
  return found.filter((f) => {
    try {
      readFileSync(f);
      return true;
    } catch {
      return false;
    }
  });
}

it('READMEs run pnpm through the bootstrap (node scripts/batchops.mjs pnpm …), never bare', () => {
  const bare = readmes().flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        // A command starts a code span or a line, or follows && / ;.
        /(^|`|&&\s*|;\s*)pnpm\s/.test(line)
          ? [`${file.slice(root.length + 1)}:${i + 1}: ${line.trim()}`]
          : [],
      ),
  );
  expect(readmes().length).toBeGreaterThan(5);
  expect(bare).toEqual([]);
});
